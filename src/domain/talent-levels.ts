// 招才引智: the levels a recruited talent is reported at (高层次, 急需紧缺, 博士 …) and the levels
// of talent projects and innovation teams (国家级, 省级 …). The talent levels are configuration
// (TALENT_LEVELS, TALENT_HIGH_LEVELS); a record keeps the level it was stored with and whether
// that level counted as 高层次 then, so totals can be reversed exactly after the list changes.

/** What a 招才引智 line carries beyond the fields every report has (ReportFields.talent). */
export interface TalentFields {
  /** 引才: how many people. */
  headcount: number | null;
  /** 引才: a talent level of the list; 人才项目/创新团队: 国家级/省级/市级/县级. */
  level: string | null;
  /** 引才: the level counts as 高层次人才. */
  highLevel: boolean | null;
  /** The employer or host (用人单位, 依托单位), as written. */
  employer: string | null;
}

export interface TalentLevels {
  /** The levels a 引才 report may carry, as shown. */
  levels: readonly string[];
  /** Those of them counted as 高层次人才 (a subset of `levels`). */
  high: ReadonlySet<string>;
}

export const DEFAULT_TALENT_LEVELS = ["高层次", "急需紧缺", "博士", "硕士", "本科", "技能"] as const;
export const DEFAULT_HIGH_LEVELS = ["高层次", "博士"] as const;

export function createTalentLevels(
  levels: readonly string[] = DEFAULT_TALENT_LEVELS,
  high: readonly string[] = DEFAULT_HIGH_LEVELS,
): TalentLevels {
  return { levels, high: new Set(high.filter((h) => levels.includes(h))) };
}

export const DEFAULT_TALENT_LEVEL_TABLE = createTalentLevels();

/**
 * Other words people use for a default level. Used only when that level is in the list, and
 * tried after the list's own names (longest first), so a configured "高技能" still wins.
 */
const LEVEL_SYNONYMS: ReadonlyArray<readonly [string, string]> = [
  ["高层次人才", "高层次"],
  ["高端人才", "高层次"],
  ["急需紧缺人才", "急需紧缺"],
  ["紧缺急需", "急需紧缺"],
  ["紧缺人才", "急需紧缺"],
  ["紧缺型", "急需紧缺"],
  ["博士研究生", "博士"],
  ["博士后", "博士"],
  ["硕士研究生", "硕士"],
  ["研究生", "硕士"],
  ["本科生", "本科"],
  ["大学生", "本科"],
  ["大学本科", "本科"],
  ["高技能人才", "技能"],
  ["高技能", "技能"],
  ["技能人才", "技能"],
  ["技术工人", "技能"],
  ["技工", "技能"],
];

export interface LevelHit {
  level: string;
  start: number;
  end: number;
}

/** Every level word in the text, left to right, longest word first at each position (no overlaps). */
export function findTalentLevels(text: string, table: TalentLevels): LevelHit[] {
  const words: Array<readonly [string, string]> = [
    ...table.levels.map((l) => [l, l] as const),
    ...LEVEL_SYNONYMS.filter(([, level]) => table.levels.includes(level)),
  ].sort((a, b) => b[0].length - a[0].length);
  const hits: LevelHit[] = [];
  for (let i = 0; i < text.length; i++) {
    const found = words.find(([word]) => word.length > 0 && text.startsWith(word, i));
    if (!found) continue;
    hits.push({ level: found[1], start: i, end: i + found[0].length });
    i += found[0].length - 1;
  }
  return hits;
}

/** Levels of talent projects and innovation teams, highest first. */
export const TEAM_LEVELS = ["国家级", "省级", "市级", "县级"] as const;
export type TeamLevel = (typeof TEAM_LEVELS)[number];

const TEAM_LEVEL_WORDS: ReadonlyArray<readonly [string, TeamLevel]> = [
  ["国家级", "国家级"],
  ["省级", "省级"],
  ["市级", "市级"],
  ["县级", "县级"],
  ["国家", "国家级"],
];

/** The first 国家级/省级/市级/县级 word ("国家" alone only before a space or the end is not taken). */
export function findTeamLevel(text: string): LevelHit | null {
  for (let i = 0; i < text.length; i++) {
    const found = TEAM_LEVEL_WORDS.find(([word]) => text.startsWith(word, i));
    if (found && found[0] !== "国家") return { level: found[1], start: i, end: i + found[0].length };
  }
  return null;
}

/** Words after a count that name a person ("3人", "两名", "五位", "三个人"). */
export const PERSON_UNITS = ["个人", "人", "名", "位"] as const;

/** "高层次、急需紧缺、博士…": the list as shown in refusals. */
export function levelList(table: TalentLevels): string {
  return table.levels.join("、");
}
