// The realistic line tables (tests/domain/lines/): each line goes the way the bot reads it — the
// mention stripped and the text normalised, routed by its first word or else by detectReportKind —
// and every field of the reading is checked.
import { describe, expect, it } from "vitest";
import { commands } from "../../commands/index.ts";
import { matchCommand } from "../../src/bot/match.ts";
import { detectReportKind } from "../../src/domain/detect-kind.ts";
import { createIndustryTable } from "../../src/domain/industry.ts";
import { normalizeText, stripMention } from "../../src/domain/normalize.ts";
import { parseReportBody, type ParseOutcome, type ReportFields } from "../../src/domain/report-parser.ts";
import type { ReportKind } from "../../src/domain/types.ts";
import { DOUBT_ROWS, PLAN_ROWS, REFUSAL_ROWS, UNSURE_KIND_ROWS } from "./lines/ask.ts";
import { DETECT_ROWS, VOICE_ROWS } from "./lines/detect.ts";
import { FUNDS_ROWS } from "./lines/funds.ts";
import { MILESTONE_ROWS } from "./lines/milestones.ts";
import { TODAY, type Expect, type Row } from "./lines/row.ts";
import { NEGOTIATION_ROWS, SIGNING_ROWS } from "./lines/signing.ts";
import { VISIT_IN_ROWS, VISIT_OUT_ROWS } from "./lines/visits.ts";

const industries = createIndustryTable();
/** The default 制造业 tags, written out here so the table checks the flag independently. */
const MANUFACTURING = new Set([
  "化工新材料",
  "新材料",
  "新能源汽车",
  "高端装备",
  "电子信息",
  "生命健康",
  "绿色食品",
  "纺织",
  "节能环保",
]);

/** The report keywords a line may start with, longest first, as the command table routes them. */
const KEYWORDS: ReadonlyArray<readonly [string, ReportKind]> = [
  ["到位资金", "fundsArrived"],
  ["走出去", "visitOut"],
  ["请进来", "visitIn"],
  ["在谈", "negotiation"],
  ["签约", "signing"],
  ["到位", "fundsArrived"],
  ["落地", "landed"],
  ["开工", "started"],
  ["投产", "producing"],
  ["入库", "registered"],
];

function read(line: string): { kind: ReportKind; confident: boolean; outcome: ParseOutcome } {
  let text = normalizeText(stripMention(line, ["招商助手"]));
  if (text.startsWith("/")) text = text.slice(1);
  const hit = KEYWORDS.find(([word]) => text.startsWith(word));
  let kind: ReportKind;
  let body: string;
  let confident = true;
  if (hit) {
    kind = hit[1];
    body = text
      .slice(hit[0].length)
      .replace(/^[\s:]+/, "")
      .trim();
  } else {
    const detected = detectReportKind(text);
    if (!detected) throw new Error(`no report found in ${JSON.stringify(line)}`);
    ({ kind, body, confident } = detected);
  }
  return { kind, confident, outcome: parseReportBody(kind, body, { today: TODAY, industries }) };
}

function fieldsOf(e: Expect): ReportFields {
  const on = e.on === undefined ? TODAY : e.on.length === 5 ? `2026-${e.on}` : e.on;
  return {
    date: on,
    dateGiven: e.on !== undefined,
    project: e.project ?? null,
    money: e.money ?? null,
    industry: e.industry ?? null,
    manufacturing: e.industry === undefined ? null : MANUFACTURING.has(e.industry),
    source: e.source ?? null,
    place: e.place ?? null,
    counterpart: e.counterpart ?? null,
  };
}

const TABLES: ReadonlyArray<readonly [string, readonly Row[]]> = [
  ["签约", SIGNING_ROWS],
  ["在谈", NEGOTIATION_ROWS],
  ["到位", FUNDS_ROWS],
  ["落地/开工/投产/入库", MILESTONE_ROWS],
  ["走出去", VISIT_OUT_ROWS],
  ["请进来", VISIT_IN_ROWS],
  ["keyword not first", DETECT_ROWS],
  ["voice input", VOICE_ROWS],
];

describe("report lines, field by field (today 2026-06-20, Saturday)", () => {
  it("holds at least 300 distinct lines", () => {
    const lines = TABLES.flatMap(([, rows]) => rows.map(([line]) => line));
    expect(lines.length).toBeGreaterThanOrEqual(300);
    expect(new Set(lines).size).toBe(lines.length);
  });

  for (const [name, rows] of TABLES) {
    describe(name, () => {
      it.each(rows)("%s", (line, e) => {
        const { kind, confident, outcome } = read(line);
        expect({ kind, confident }).toEqual({ kind: e.kind, confident: e.confident ?? true });
        expect(outcome).toEqual({ ok: true, fields: fieldsOf(e) });
      });
    });
  }
});

describe("report lines are not taken for another command", () => {
  // The bot routes by the first word before it detects a kind: a line that starts like a query
  // ("项目名称：…" starts with 项目) must still reach its report.
  const rows = TABLES.flatMap(([, table]) => table);
  it.each(rows)("%s", (line, e) => {
    const match = matchCommand(normalizeText(stripMention(line, ["招商助手"])), commands);
    expect(match === null ? e.kind : match.command.reportKind).toBe(e.kind);
  });
});

describe("lines to ask about: the best reading, with a doubt", () => {
  for (const [line, word, reading] of DOUBT_ROWS) {
    it(`${line} → doubt mentions ${word}`, () => {
      const { outcome } = read(line);
      expect(outcome.ok).toBe(true);
      if (!outcome.ok) return;
      expect(outcome.doubt).toContain(word);
      if (reading) expect(outcome.fields).toMatchObject(reading);
    });
  }

  it.each(UNSURE_KIND_ROWS)("%s → %s, not confident", (line, kind) => {
    expect(detectReportKind(normalizeText(line))).toMatchObject({ kind, confident: false });
  });
});

describe("lines to refuse, with the reason", () => {
  for (const [line, word] of REFUSAL_ROWS) {
    it(`${line} → problem mentions ${word}`, () => {
      const { outcome } = read(line);
      expect(outcome.ok).toBe(false);
      if (!outcome.ok) expect(outcome.problem).toContain(word);
    });
  }
});

describe("a plan's date is not the report's date", () => {
  it.each(PLAN_ROWS)("%s → read, dated today", (line) => {
    const { outcome } = read(line);
    expect(outcome).toMatchObject({ ok: true, fields: { date: TODAY, dateGiven: false } });
  });
});
