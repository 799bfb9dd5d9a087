// `npm run import -- <file>`: units, members and targets from YAML/JSON, or a 台账 from xlsx.
import { readFileSync } from "node:fs";
import type { Config } from "./config.ts";
import { chinaDate } from "./domain/china-time.ts";
import { parseImportFile } from "./domain/import-file.ts";
import { importLedger } from "./import-ledger.ts";
import { applyImport, ImportConflictError } from "./store/import-apply.ts";
import { boot } from "./boot.ts";
import type { Tool } from "./tool.ts";

export const importTool: Tool = async (config, argv) => {
  const file = argv.find((a) => !a.startsWith("-"));
  if (!file) {
    process.stderr.write(
      "usage: npm run import -- <file.yaml|file.json>  |  npm run import -- <台账.xlsx> [--dry-run]\n",
    );
    return 2;
  }
  if (file.toLowerCase().endsWith(".xlsx")) return importLedgerTool(config, file, argv.includes("--dry-run"));
  const parsed = parseImportFile(readFileSync(file, "utf8"));
  if (!parsed.ok) {
    process.stderr.write(`${file}: 未导入任何内容，请修正：\n${parsed.problems.map((p) => `  ${p}`).join("\n")}\n`);
    return 1;
  }
  const { redis, store } = await boot(config);
  try {
    const s = await applyImport(redis.redis, store.keys, parsed.plan);
    // Say "done" only once the required replicas have it (docs/redis.md).
    await store.confirm();
    process.stdout.write(
      `导入完成：新建单位 ${s.unitsCreated}，更新单位 ${s.unitsUpdated}，绑定成员 ${s.membersBound}，新增管理员 ${s.adminsAdded}\n`,
    );
    return 0;
  } catch (error) {
    if (!(error instanceof ImportConflictError)) throw error;
    process.stderr.write(`${file}: 未导入任何内容：\n${error.problems.map((p) => `  ${p}`).join("\n")}\n`);
    return 1;
  } finally {
    await redis.close();
  }
};

async function importLedgerTool(config: Config, file: string, dryRun: boolean): Promise<number> {
  let data: Buffer;
  try {
    data = readFileSync(file);
  } catch (error) {
    process.stderr.write(`${file}: 无法读取：${(error as Error).message}\n`);
    return 1;
  }
  const { redis, store } = await boot(config);
  try {
    const now = new Date();
    const result = await importLedger(store, data, {
      today: chinaDate(now),
      now,
      industries: config.industries,
      dryRun,
    });
    (result.ok ? process.stdout : process.stderr).write(result.report);
    return result.ok ? 0 : 1;
  } finally {
    await redis.close();
  }
}
