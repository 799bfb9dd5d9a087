import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EXPORT_FIELDS } from "../../src/domain/export-row.ts";
import { runCli } from "../helpers/run-cli.ts";
import { redisPort } from "../helpers/test-bot.ts";

function deployment(): Record<string, string> {
  return {
    REDIS_URL: `redis://127.0.0.1:${redisPort()}`,
    BOT_ORG: `cli${randomBytes(4).toString("hex")}`,
    BOT_ADMINS: "admin",
  };
}

// Each test starts the CLI (tsx) several times: about 1–2 s each on an idle machine, much more under load.
describe("npm run console / import / export", { timeout: 90_000 }, () => {
  it("answers piped lines with exactly one JSON object each, then exports them", async () => {
    const env = deployment();
    const setup = await runCli(["console", "--user", "admin", "--json"], env, "添加单位 城西镇 城西\n绑定 u1 城西\n");
    expect(setup.code).toBe(0);
    const lines = [
      "签约 年产10万吨功能膜项目 5.2亿元 新材料 省外",
      "到位 功能膜项目 3000万",
      "今天天气不错",
      "走出去 3.6 赴苏州参加推介会",
      "撤销",
    ];
    const run = await runCli(
      ["console", "--user", "u1", "--name", "张三", "--json", "--now", "2026-03-10T10:00:00+08:00"],
      env,
      `${lines.join("\n")}\n`,
    );
    expect(run.code).toBe(0);
    const out = run.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { ok: boolean; reply: string; record: Record<string, unknown> | null });
    expect(out).toHaveLength(lines.length);
    expect(out.map((o) => o.ok)).toEqual([true, true, false, true, true]);
    expect(Object.keys(out[0]!.record!)).toEqual([...EXPORT_FIELDS]);
    expect(out[0]!.record).toMatchObject({
      id: 1,
      unit: "城西镇",
      kind: "签约",
      amountYuan: 520_000_000,
      channel: "console",
      reporter: "u1",
    });
    expect(out[2]!.record).toBeNull();
    expect(out[3]!.record).toMatchObject({ kind: "走出去", date: "2026-03-06", place: "苏州" });
    expect(out[4]!.record).toMatchObject({ id: 3, revoked: true });
    // Each line got its own message id.
    expect(new Set(out.filter((o) => o.record).map((o) => o.record!.messageId)).size).toBe(3);

    const json = await runCli(["export", "--format", "json"], env);
    expect(json.code).toBe(0);
    const rows = JSON.parse(json.stdout) as Array<Record<string, unknown>>;
    expect(rows.map((r) => [r.id, r.kind, r.revoked])).toEqual([
      [1, "签约", false],
      [2, "到位", false],
      [3, "走出去", true],
    ]);
    expect(rows[1]).toMatchObject({
      project: "年产10万吨功能膜项目",
      amountUsd: null,
      counterpart: null,
      createdAt: "2026-03-10T02:00:00.000Z",
    });

    const csv = await runCli(["export", "--format", "csv"], env);
    const csvLines = csv.stdout.trim().split("\r\n");
    expect(csvLines[0]).toBe(EXPORT_FIELDS.join(","));
    expect(csvLines).toHaveLength(4);
    expect(csvLines[1]).toMatch(/^1,城西镇,签约,2026-03-10,年产10万吨功能膜项目,520000000,,新材料,true,省外,,,/);
  });

  it("logs only to stderr and prints a prompt-free answer per piped line without --json", async () => {
    const run = await runCli(
      ["console", "--user", "nobody"],
      { ...deployment(), LOG_LEVEL: "info" },
      "帮助\n签约 甲项目 1亿\n",
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("命令一览");
    expect(run.stdout).toContain("你还没有绑定所属单位");
    expect(run.stdout).not.toContain('"level"');
  });

  it("imports a file, is idempotent, and refuses a bad one writing nothing", async () => {
    const env = deployment();
    const first = await runCli(["import", "tests/fixtures/import-example.yaml"], env);
    expect(first.stdout).toBe("导入完成：新建单位 4，更新单位 0，绑定成员 6，新增管理员 1\n");
    const second = await runCli(["import", "tests/fixtures/import-example.yaml"], env);
    expect(second.stdout).toBe("导入完成：新建单位 0，更新单位 0，绑定成员 0，新增管理员 0\n");
    const dir = mkdtempSync(join(tmpdir(), "zs-import-"));
    const bad = join(dir, "bad.json");
    writeFileSync(bad, '{\n  "units": [\n    { "name": "东城镇", "targets": { "visitOut": -1 } }\n  ]\n}\n');
    const refused = await runCli(["import", bad], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("第 3 行 units[0].targets.visitOut：应为非负整数");
    const units = await runCli(["console", "--user", "admin"], env, "单位列表\n");
    expect(units.stdout).not.toContain("东城镇");
    rmSync(dir, { recursive: true, force: true });
  });

  it("lists every configuration problem at once", async () => {
    const run = await runCli(["console", "--user", "u1"], { PORT: "abc", BOT_ORG: "a b", REPORT_MAX_AGE_DAYS: "-3" });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("PORT");
    expect(run.stderr).toContain("BOT_ORG");
    expect(run.stderr).toContain("REPORT_MAX_AGE_DAYS");
  });

  it("says in one line how to get Redis when there is neither REDIS_URL nor redis-server", async () => {
    const bin = mkdtempSync(join(tmpdir(), "zs-bin-"));
    symlinkSync(process.execPath, join(bin, "node"));
    const run = await runCli(["console", "--user", "u1"], { PATH: bin, REDIS_DATA_DIR: join(bin, "data") }, "我是谁\n");
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr.trim()).toBe(
      "redis-server not found: install it (Debian/Ubuntu: sudo apt-get install redis-server) or set REDIS_URL",
    );
    rmSync(bin, { recursive: true, force: true });
  });

  it("starts a private redis-server under the data directory when REDIS_URL is unset", async () => {
    const dir = mkdtempSync(join(tmpdir(), "zs-data-"));
    const env = { REDIS_DATA_DIR: dir, BOT_ADMINS: "admin" };
    await runCli(["console", "--user", "admin"], env, "添加单位 城西镇\n");
    // A second run finds the data again: the append-only file survived the first server's exit.
    const again = await runCli(["console", "--user", "admin"], env, "单位列表\n");
    expect(again.stdout).toContain("城西镇");
    rmSync(dir, { recursive: true, force: true });
  });
});
