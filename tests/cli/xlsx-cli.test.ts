import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Redis } from "ioredis";
import { describe, expect, it } from "vitest";
import { createStore } from "../../src/store/store.ts";
import { makeLedger } from "../fixtures/ledger/make-ledger.ts";
import { runCli } from "../helpers/run-cli.ts";
import { redisPort } from "../helpers/test-bot.ts";
import { openWorkbook } from "../xlsx/workbook-helpers.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));

/** Runs the CLI and keeps stdout as bytes (the xlsx). */
function runBinary(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: Buffer; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts", ...args], {
      cwd: root,
      env: { PATH: process.env.PATH ?? "", LOG_LEVEL: "warn", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const out: Buffer[] = [];
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => out.push(d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout: Buffer.concat(out), stderr }));
  });
}

describe("npm run import / export with xlsx", () => {
  it("imports a ledger and exports the 台账 workbook", async () => {
    const env = {
      REDIS_URL: `redis://127.0.0.1:${redisPort()}`,
      BOT_ORG: `xl${randomBytes(4).toString("hex")}`,
      BOT_ADMINS: "admin",
      COUNTY_NAME: "太湖县",
    };
    const dir = mkdtempSync(join(tmpdir(), "ledger-cli-"));
    try {
      const redis = new Redis({ host: "127.0.0.1", port: redisPort() });
      const store = createStore(redis, { org: env.BOT_ORG, defaults: { selfJoin: true } });
      await store.directory.addUnit("城西镇");
      await store.directory.addUnit("晋熙镇");
      await redis.quit();
      const file = join(dir, "台账.xlsx");
      writeFileSync(file, (await makeLedger({ rows: 10, units: ["城西镇", "晋熙镇"] })).buffer);
      const imported = await runCli(["import", file], env);
      expect(imported.code, imported.stderr).toBe(0);
      expect(imported.stdout).toContain("项目 10 个");
      expect(imported.stdout).toMatch(/导入完成：新增记录 \d+ 条/);
      const exported = await runBinary(["export", "--format", "xlsx"], env);
      expect(exported.code, exported.stderr).toBe(0);
      const wb = await openWorkbook(exported.stdout);
      expect(String(wb.getWorksheet("项目台账")!.getCell("A1").value)).toMatch(/^太湖县\d{4}年招商引资项目台账（截至/);
      expect(wb.getWorksheet("项目台账")!.getCell("C4").value).toBe("城西镇");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
