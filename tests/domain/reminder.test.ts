// The laggard reminder stays one phone screen however many units lag.
import { describe, expect, it } from "vitest";
import { formatReminder, REMINDER_DETAILED_MAX } from "../../src/domain/reminder.ts";

const unit = (i: number) => ({
  name: `第${i}单位`,
  reasons: ["本周还没有上报"],
  staleProjects: [],
  members: [`u${i}`],
});

describe("laggard reminder", () => {
  it("lists up to eight units with reasons and names the rest on one line, mentioning all", () => {
    const units = Array.from({ length: 30 }, (_, i) => unit(i + 1));
    const message = formatReminder(units, "2026-03-13", 90)!;
    const lines = message.markdown.split("\n");
    expect(lines.length).toBeLessThanOrEqual(15);
    expect(lines.filter((l) => l.startsWith("**第"))).toHaveLength(REMINDER_DETAILED_MAX);
    expect(message.markdown).toContain("另有 22 个单位：第9单位、第10单位");
    expect(message.markdown).toContain("第30单位（原因发「/status 单位名」查看）");
    expect(message.mention).toHaveLength(30);
  });

  it("keeps stage-age nudges apart and gentler: named without @, and counted against the screen", () => {
    const units = Array.from({ length: 8 }, (_, i) => ({
      ...unit(i + 1),
      staleProjects: [{ name: `项目${i}`, signedOn: "2025-11-01" }],
    }));
    const message = formatReminder(units, "2026-03-13", 90)!;
    const lines = message.markdown.split("\n");
    expect(lines.length).toBeLessThanOrEqual(15);
    expect(lines).toContain("温馨提示：以下签约项目已超过 90 天未开工，请关注推进——");
    expect(lines).toContain("第1单位：项目0（11.1签约）");
    expect(lines.at(-1)).toMatch(/^另有 第3单位、.*第8单位（发「项目」查看）$/);
    expect(lines.filter((l) => l.startsWith("**第"))).toHaveLength(5);
    expect(message.mention).toHaveLength(8); // the laggards' members, because they lag
  });

  it("sends a nudge alone without @-mentioning anyone", () => {
    const message = formatReminder(
      [{ name: "城西镇", reasons: [], staleProjects: [{ name: "智能车厢项目", signedOn: "2026-03-10" }], members: [] }],
      "2026-06-12",
      90,
    )!;
    expect(message.title).toBe("项目开工提示");
    expect(message.mention).toEqual([]);
    expect(message.markdown).not.toContain("抓紧");
    expect(message.markdown).toContain("城西镇：智能车厢项目（3.10签约）");
  });

  it("keeps a short list whole", () => {
    const message = formatReminder([unit(1), unit(2)], "2026-03-13", 90)!;
    expect(message.markdown).not.toContain("另有");
    expect(message.markdown.split("\n")).toEqual([
      "## 落后单位提醒（截至3.13）",
      "",
      "**第1单位**：本周还没有上报",
      "**第2单位**：本周还没有上报",
      "",
      "请以上单位抓紧推进，并及时在群里上报。",
    ]);
  });
});
