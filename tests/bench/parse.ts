// npm run bench:parse — parsed lines per second on one core: normalise, route to a command (or,
// when no command word is first, detect the report kind), parse the report body (amount, date,
// industry, source, place, project, counterpart).
import { performance } from "node:perf_hooks";
import { commands } from "../../commands/index.ts";
import { matchCommand } from "../../src/bot/match.ts";
import { detectReportKind } from "../../src/domain/detect-kind.ts";
import { createIndustryTable } from "../../src/domain/industry.ts";
import { normalizeText, stripMention } from "../../src/domain/normalize.ts";
import { parseReportBody } from "../../src/domain/report-parser.ts";
import { REPORT_KINDS, type ReportKind } from "../../src/domain/types.ts";
import { REPORT_LINES } from "./lines.ts";

const industries = createIndustryTable();
const kindOf = new Map<string, ReportKind>(
  commands.flatMap((c) => {
    const kind = REPORT_KINDS.find((k) => c.name.replace(/-(\w)/g, (_, ch: string) => ch.toUpperCase()) === k);
    return kind ? [[c.name, kind] as const] : [];
  }),
);

function parseLine(line: string): unknown {
  const text = normalizeText(stripMention(line, ["招商助手"]));
  const match = matchCommand(text, commands);
  if (!match) {
    const detected = detectReportKind(text);
    return detected && parseReportBody(detected.kind, detected.body, { today: "2026-03-10", industries });
  }
  const kind = kindOf.get(match.command.name);
  return kind ? parseReportBody(kind, match.args, { today: "2026-03-10", industries }) : match;
}

const N = 300_000;
for (let i = 0; i < 20_000; i++) parseLine(REPORT_LINES[i % REPORT_LINES.length]!); // warm-up
const runs: number[] = [];
for (let run = 0; run < 5; run++) {
  const start = performance.now();
  for (let i = 0; i < N; i++) parseLine(REPORT_LINES[i % REPORT_LINES.length]!);
  runs.push(N / ((performance.now() - start) / 1000));
}
runs.sort((a, b) => a - b);
const median = runs[2]!;
console.log(`bench:parse  ${REPORT_LINES.length} distinct realistic lines, ${N} per run, 5 runs`);
console.log(
  `median ${Math.round(median).toLocaleString("en")} lines/s (min ${Math.round(runs[0]!).toLocaleString("en")}, max ${Math.round(runs[4]!).toLocaleString("en")}) — goal ≥ 100,000`,
);
