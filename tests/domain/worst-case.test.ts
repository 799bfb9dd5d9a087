// Every parser entry point that sees chat text handles a 1,000-character adversarial line in
// ≤ 50 ms (issue 16: lines are up to 1,000 characters; a super-linear scan would stall the bot).
// A line over the limit is timed again (up to five runs, the best counts), so a busy machine's
// pauses do not fail it, while a really slow scan still does.
import { performance } from "node:perf_hooks";
import { describe, expect, it } from "vitest";
import { commands } from "../../commands/index.ts";
import { matchCommand } from "../../src/bot/match.ts";
import { findMoney } from "../../src/domain/amount.ts";
import { parseCarryOver } from "../../src/domain/carry-over.ts";
import { findSigningDate } from "../../src/domain/signing-date.ts";
import { scanDates } from "../../src/domain/date-phrase.ts";
import { detectReportKind } from "../../src/domain/detect-kind.ts";
import { createIndustryTable, findIndustry } from "../../src/domain/industry.ts";
import { normalizeText, stripMention } from "../../src/domain/normalize.ts";
import { findPlace } from "../../src/domain/places.ts";
import { parseReportBody } from "../../src/domain/report-parser.ts";
import { isTalentKind } from "../../src/domain/report-kinds.ts";
import { DEFAULT_TALENT_LEVEL_TABLE } from "../../src/domain/talent-levels.ts";
import { parseTalentBody } from "../../src/domain/talent-parser.ts";
import { REPORT_KINDS } from "../../src/domain/types.ts";
import { findVagueDate } from "../../src/domain/vague-date.ts";
import { adversarialLines } from "./adversarial-lines.ts";

const LIMIT_MS = 50;
const industries = createIndustryTable();
const lines = adversarialLines();

const ENTRY_POINTS: ReadonlyArray<readonly [string, (line: string) => unknown]> = [
  ["normalizeText + stripMention", (line) => normalizeText(stripMention(line, ["招商助手"]))],
  ["matchCommand", (line) => matchCommand(line, commands)],
  ["detectReportKind", (line) => detectReportKind(line)],
  ["findMoney", (line) => findMoney(line)],
  ["scanDates", (line) => scanDates(line, "2026-06-20", () => {})],
  ["findVagueDate", (line) => findVagueDate(line)],
  ["findPlace", (line) => findPlace(line)],
  ["findIndustry", (line) => findIndustry(line, industries)],
  ["findSigningDate", (line) => findSigningDate(line, "2026-06-20")],
  ["parseCarryOver", (line) => parseCarryOver(line, { today: "2026-06-20", industries })],
  ...REPORT_KINDS.filter((kind) => !isTalentKind(kind)).map(
    (kind) =>
      [
        `parseReportBody ${kind}`,
        (line: string) => parseReportBody(kind, line, { today: "2026-06-20", industries }),
      ] as const,
  ),
  ...REPORT_KINDS.filter(isTalentKind).map(
    (kind) =>
      [
        `parseTalentBody ${kind}`,
        (line: string) =>
          parseTalentBody(kind, line, { today: "2026-06-20", industries, levels: DEFAULT_TALENT_LEVEL_TABLE }),
      ] as const,
  ),
];

function bestOf(runs: number, work: () => unknown): number {
  let best = Infinity;
  for (let r = 0; r < runs && best > LIMIT_MS; r++) {
    const start = performance.now();
    work();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

describe("worst-case input: 1,000 adversarial characters", () => {
  it("has adversarial lines of 1,000 characters", () => {
    expect(lines.length).toBeGreaterThan(100);
    for (const line of lines) expect(line.length).toBe(1000);
  });

  it.each(ENTRY_POINTS)("%s stays under 50 ms on every line", (_name, entry) => {
    let worst = 0;
    let worstLine = "";
    for (const line of lines) {
      const ms = bestOf(5, () => entry(line));
      if (ms > worst) [worst, worstLine] = [ms, line.slice(0, 20)];
    }
    expect(worst, `slowest on ${JSON.stringify(worstLine)}…`).toBeLessThanOrEqual(LIMIT_MS);
  });
});
