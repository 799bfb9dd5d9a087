// What `npm run schedule` prints for one run: each message's destination and text, the images
// it attaches (written to --images-dir when given), and the dashboard link.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { RunResult } from "./bot/schedule-runner.ts";

export interface ScheduleReportOptions {
  name: string;
  dryRun: boolean;
  imagesDir?: string | undefined;
  /** The county dashboard link, when the dashboard is on. */
  dashboardLink?: string | undefined;
}

export function writeScheduleReport(
  result: RunResult,
  options: ScheduleReportOptions,
  out: NodeJS.WritableStream,
): void {
  out.write(`${options.name} · ${result.period}${options.dryRun ? " · 演练（不发送）" : ""}\n`);
  if (result.sends.length === 0) out.write("无需发送。\n");
  if (options.imagesDir) mkdirSync(options.imagesDir, { recursive: true });
  result.sends.forEach(({ destination, message, receipt }, n) => {
    out.write(
      `\n→ ${destination}${message.mention?.length ? `  @ ${message.mention.join(", ")}` : ""}\n${message.markdown}\n`,
    );
    for (const a of message.attachments ?? []) {
      const bytes = Buffer.from(a.contentBase64, "base64");
      // One folder for all sends: prefix the file with the send's number when there are several.
      const file = options.imagesDir
        ? join(options.imagesDir, result.sends.length > 1 ? `${n + 1}-${a.filename}` : a.filename)
        : null;
      if (file) writeFileSync(file, bytes);
      out.write(
        `［${a.kind === "image" ? "图片" : "文件"}］${a.filename}（${Math.ceil(bytes.length / 1024)} KB）${file ? ` → ${file}` : ""}\n`,
      );
    }
    if (!options.dryRun)
      out.write(receipt.duplicate ? "（本周期已发送过，未重复发送）\n" : `（已排队 ${receipt.queued} 条）\n`);
  });
  out.write(
    options.dashboardLink
      ? `\n看板链接：${options.dashboardLink}\n`
      : "\n看板未开启（设置 DASHBOARD_SECRET 和 PUBLIC_BASE_URL 后可用）。\n",
  );
}
