// What `npm run schedule -- <job> --dry-run [--images-dir DIR]` prints and writes.
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import type { RunResult } from "../../src/bot/schedule-runner.ts";
import { writeScheduleReport } from "../../src/schedule-report.ts";

const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
const result: RunResult = {
  period: "2026-W11",
  sends: [
    {
      destination: "leaders",
      message: {
        title: "周报",
        markdown: "## 周报\n第一行",
        attachments: [{ kind: "image", filename: "ranking.png", contentBase64: png.toString("base64") }],
      },
      receipt: { queued: 0, duplicate: false },
    },
  ],
};

function capture() {
  let text = "";
  const out = new Writable({
    write: (chunk, _enc, done) => {
      text += String(chunk);
      done();
    },
  });
  return { out, text: () => text };
}

describe("schedule dry-run report", () => {
  it("lists the images, writes them to --images-dir, and shows the dashboard link", () => {
    const dir = join(mkdtempSync(join(tmpdir(), "zs-images-")), "out");
    const { out, text } = capture();
    writeScheduleReport(
      result,
      { name: "weekly-digest", dryRun: true, imagesDir: dir, dashboardLink: "https://zs.example.gov.cn/dash?s=county" },
      out,
    );
    expect(text()).toContain("weekly-digest · 2026-W11 · 演练（不发送）");
    expect(text()).toContain(`［图片］ranking.png（1 KB） → ${join(dir, "ranking.png")}`);
    expect(text()).toContain("看板链接：https://zs.example.gov.cn/dash?s=county");
    expect(readdirSync(dir)).toEqual(["ranking.png"]);
    expect(readFileSync(join(dir, "ranking.png")).equals(png)).toBe(true);
  });

  it("says how to turn the dashboard on, and writes nothing without --images-dir", () => {
    const { out, text } = capture();
    writeScheduleReport(result, { name: "weekly-digest", dryRun: true }, out);
    expect(text()).toContain("［图片］ranking.png（1 KB）\n");
    expect(text()).toContain("看板未开启（设置 DASHBOARD_SECRET 和 PUBLIC_BASE_URL 后可用）");
  });
});
