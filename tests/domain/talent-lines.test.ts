// The 招才引智 line tables (tests/domain/lines/talent.ts): each line goes the way the bot reads it —
// normalised, routed by its keyword or else by detectReportKind — and every field is checked.
import { describe, expect, it } from "vitest";
import { detectReportKind } from "../../src/domain/detect-kind.ts";
import { createIndustryTable } from "../../src/domain/industry.ts";
import { normalizeText } from "../../src/domain/normalize.ts";
import type { ParseOutcome } from "../../src/domain/report-parser.ts";
import { DEFAULT_TALENT_LEVEL_TABLE } from "../../src/domain/talent-levels.ts";
import { parseTalentBody } from "../../src/domain/talent-parser.ts";
import type { ReportKind } from "../../src/domain/types.ts";
import { TODAY } from "./lines/row.ts";
import {
  DETECTED_TALENT_ROWS,
  NAMED_ROWS,
  RECRUIT_ROWS,
  TALENT_DOUBTS,
  TALENT_REFUSALS,
  type TalentExpect,
} from "./lines/talent.ts";

const options = { today: TODAY, industries: createIndustryTable(), levels: DEFAULT_TALENT_LEVEL_TABLE };
const KEYWORDS: ReadonlyArray<readonly [string, ReportKind]> = [
  ["人才项目", "talentProject"],
  ["创新团队", "innovationTeam"],
  ["引进人才", "talentRecruit"],
  ["人才引进", "talentRecruit"],
  ["引才", "talentRecruit"],
];

function read(line: string): { kind: ReportKind; outcome: ParseOutcome; confident: boolean } {
  const text = normalizeText(line);
  const keyword = KEYWORDS.find(([word]) => text.startsWith(word));
  if (keyword) {
    const body = text.slice(keyword[0].length).replace(/^[\s:]+/, "");
    return { kind: keyword[1], outcome: parseTalentBody(keyword[1], body, options), confident: true };
  }
  const detected = detectReportKind(text);
  if (!detected) throw new Error(`not detected: ${line}`);
  return {
    kind: detected.kind,
    outcome: parseTalentBody(detected.kind, detected.body, options),
    confident: detected.confident,
  };
}

function check(line: string, kind: ReportKind, want: TalentExpect) {
  const got = read(line);
  expect(got.kind, line).toBe(kind);
  if (!got.outcome.ok) throw new Error(`${line}: ${got.outcome.problem}`);
  const { fields } = got.outcome;
  const seen = { ...fields.talent, industry: fields.industry, project: fields.project, date: fields.date };
  for (const [key, value] of Object.entries({ date: TODAY, ...want }))
    expect(seen[key as keyof typeof seen], `${line}: ${key}`).toEqual(value);
  return got;
}

describe("talent lines", () => {
  it.each(RECRUIT_ROWS)("引才: %s", (line, kind, want) => {
    const got = check(line, kind, want);
    expect(got.outcome.ok && got.outcome.doubt, line).toBeFalsy();
  });

  it.each(NAMED_ROWS)("人才项目/创新团队: %s", (line, kind, want) => {
    const got = check(line, kind, want);
    expect(got.outcome.ok && got.outcome.doubt, line).toBeFalsy();
    if (got.outcome.ok) expect(got.outcome.fields.talent?.headcount).toBeNull();
  });

  it.each(DETECTED_TALENT_ROWS)("without a keyword first, asked: %s", (line, kind, want) => {
    const got = check(line, kind, want);
    if (!line.startsWith("【")) expect(got.confident, line).toBe(false);
  });

  it.each(TALENT_REFUSALS)("refuses %s", (line, kind, word) => {
    const got = read(line);
    expect(got.kind).toBe(kind);
    expect(got.outcome.ok, line).toBe(false);
    if (!got.outcome.ok) expect(got.outcome.problem).toContain(word);
  });

  it.each(TALENT_DOUBTS)("asks about %s", (line, kind, word) => {
    const got = read(line);
    expect(got.kind).toBe(kind);
    expect(got.outcome.ok && got.outcome.doubt).toContain(word);
  });

  it("holds at least 40 realistic lines", () => {
    expect(RECRUIT_ROWS.length + NAMED_ROWS.length + DETECTED_TALENT_ROWS.length).toBeGreaterThanOrEqual(40);
  });

  it("takes the level list and the 高层次 levels from configuration", () => {
    const levels = { levels: ["领军人才", "博士", "技能"], high: new Set(["领军人才"]) };
    const custom = { ...options, levels };
    const lead = parseTalentBody("talentRecruit", "2人 领军人才 某企业", custom);
    expect(lead.ok && lead.fields.talent).toMatchObject({ level: "领军人才", highLevel: true, headcount: 2 });
    const doctor = parseTalentBody("talentRecruit", "2人 博士", custom);
    expect(doctor.ok && doctor.fields.talent).toMatchObject({ level: "博士", highLevel: false });
    const master = parseTalentBody("talentRecruit", "2人 硕士", custom);
    expect(master.ok ? "" : master.problem).toContain("领军人才、博士、技能");
  });
});
