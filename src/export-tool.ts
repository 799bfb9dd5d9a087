// `npm run export -- --format json|csv|xlsx`: every record, or the 台账 workbook, to stdout.
import { PassThrough } from "node:stream";
import { parseArgs } from "node:util";
import { chinaDate } from "./domain/china-time.ts";
import { writeExport } from "./export-records.ts";
import { writeLedgerWorkbook } from "./xlsx/ledger-workbook.ts";
import { boot } from "./boot.ts";
import type { Tool } from "./tool.ts";

export const exportTool: Tool = async (config, argv) => {
  const { values } = parseArgs({
    args: argv,
    options: { format: { type: "string", default: "json" }, bom: { type: "boolean" } },
  });
  if (values.format !== "json" && values.format !== "csv" && values.format !== "xlsx") {
    process.stderr.write(
      "usage: npm run export -- --format json|csv|xlsx [--bom]   (xlsx: npm run export -- --format xlsx > 台账.xlsx)\n",
    );
    return 2;
  }
  if (values.format === "xlsx" && process.stdout.isTTY) {
    process.stderr.write("xlsx 是二进制文件，请重定向到文件：npm run export -- --format xlsx > 台账.xlsx\n");
    return 2;
  }
  const { redis, store } = await boot(config);
  try {
    if (values.format === "xlsx") {
      // exceljs waits for its stream's "finish", which process.stdout never emits: write through a pass-through.
      const out = new PassThrough();
      out.pipe(process.stdout);
      await writeLedgerWorkbook(store, out, { today: chinaDate(new Date()), countyName: config.countyName });
    } else await writeExport(store, process.stdout, { format: values.format, bom: values.bom ?? false });
  } finally {
    await redis.close();
  }
  return 0;
};
