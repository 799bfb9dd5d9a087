// The laggard reminder stays one phone screen however many units lag.
import { describe, expect, it } from "vitest";
import { formatReminder, REMINDER_DETAILED_MAX } from "../../src/domain/reminder.ts";

const unit = (i: number) => ({ name: `第${i}单位`, reasons: ["本周还没有上报"], staleProjects: [], members: [`u${i}`] });

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

  it("counts the stale-project lines against the screen too", () => {
    const units = Array.from({ length: 8 }, (_, i) => ({ ...unit(i + 1), staleProjects: [{ name: `项目${i}`, signedOn: "2025-11-01" }] }));
    const lines = formatReminder(units, "2026-03-13", 90)!.markdown.split("\n");
    expect(lines.length).toBeLessThanOrEqual(15);
    expect(lines.at(-3)).toMatch(/^另有 3 个单位：第6单位、第7单位、第8单位/);
  });

  it("keeps a short list whole", () => {
    const message = formatReminder([unit(1), unit(2)], "2026-03-13", 90)!;
    expect(message.markdown).not.toContain("另有");
    expect(message.markdown.split("\n")).toHaveLength(6);
  });
});
