// A unit's annual targets. Counts are plain numbers; amounts are integer yuan.
export const TARGET_FIELDS = [
  "visitOut",
  "visitIn",
  "signingCount",
  "bigSigningCount",
  "signingAmount",
  "fundsArrived",
  // 招才引智: shown only where a unit has a target or a figure (see shownTargetFields).
  "talentPeople",
  "talentHighPeople",
  "talentProjects",
  "innovationTeams",
] as const;
export type TargetField = (typeof TARGET_FIELDS)[number];
export type Targets = Partial<Record<TargetField, number>>;

export const TARGET_LABEL: Record<TargetField, string> = {
  visitOut: "走出去",
  visitIn: "请进来",
  signingCount: "签约项目",
  bigSigningCount: "亿元以上项目",
  signingAmount: "签约金额",
  fundsArrived: "到位资金",
  talentPeople: "引才",
  talentHighPeople: "高层次人才",
  talentProjects: "人才项目",
  innovationTeams: "创新团队",
};

/** 招才引智 targets: a unit without talent targets or figures shows none of their lines. */
export const TALENT_TARGETS: ReadonlySet<TargetField> = new Set([
  "talentPeople",
  "talentHighPeople",
  "talentProjects",
  "innovationTeams",
]);

/** The unit each count target is counted in, for replies ("50人", "2个"). */
export const TARGET_UNIT: Partial<Record<TargetField, string>> = {
  talentPeople: "人",
  talentHighPeople: "人",
  talentProjects: "个",
  innovationTeams: "个",
};

/**
 * The targets a reply shows: every investment target (set or not, as before), and a talent
 * target only where it is set or its figure is not zero.
 */
export function shownTargetFields(targets: Targets, actual: (field: TargetField) => number): TargetField[] {
  return TARGET_FIELDS.filter((f) => !TALENT_TARGETS.has(f) || targets[f] !== undefined || actual(f) !== 0);
}

/** Amount targets are money; the rest are counts. */
export const MONEY_TARGETS: ReadonlySet<TargetField> = new Set(["signingAmount", "fundsArrived"]);

/** Chinese words people use for each target in the admin command. */
export const TARGET_ALIASES: Record<string, TargetField> = {
  走出去: "visitOut",
  请进来: "visitIn",
  签约: "signingCount",
  签约项目: "signingCount",
  签约个数: "signingCount",
  亿元以上: "bigSigningCount",
  亿元以上项目: "bigSigningCount",
  签约金额: "signingAmount",
  签约额: "signingAmount",
  到位: "fundsArrived",
  到位资金: "fundsArrived",
  引才: "talentPeople",
  引进人才: "talentPeople",
  人才引进: "talentPeople",
  高层次人才: "talentHighPeople",
  高层次: "talentHighPeople",
  人才项目: "talentProjects",
  创新团队: "innovationTeams",
};

export type TargetParse = { ok: true; targets: Targets } | { ok: false; problem: string };

/** Words a count may end with, as people write targets: 走出去20次, 签约6个. */
const COUNT_SUFFIX = /(?:次|个|项|家|批|场|人)$/;

/**
 * Joins a number typed apart from its name ("走出去 20次") back to it, so both spellings read
 * the same.
 */
export function joinTargetWords(words: readonly string[]): string[] {
  const joined: string[] = [];
  for (const word of words) {
    const last = joined[joined.length - 1];
    const bare =
      last !== undefined &&
      !/[0-9０-９零一二两三四五六七八九十百千万亿]/.test(last.replace(/^(亿元以上项目|亿元以上)/, ""));
    if (bare && /^[=:：]?[0-9０-９.,]/.test(word)) joined[joined.length - 1] = last + word;
    else joined.push(word);
  }
  return joined;
}

/**
 * Reads "走出去24 请进来24 签约6 亿元以上2 签约金额15亿 到位资金5亿" (a separator such as
 * "=" or ":" is allowed). Amount targets go through `parseAmount`, counts must be whole numbers.
 */
export function parseTargetWords(words: readonly string[], parseAmount: (text: string) => number | null): TargetParse {
  const targets: Targets = {};
  const names = Object.keys(TARGET_ALIASES).sort((a, b) => b.length - a.length);
  for (const word of words) {
    const name = names.find((n) => word.startsWith(n));
    if (!name)
      return { ok: false, problem: `不认识的目标「${word}」。可设：${Object.values(TARGET_LABEL).join("、")}` };
    const field = TARGET_ALIASES[name]!;
    const raw = word.slice(name.length).replace(/^[=:：]/, "");
    const count = raw.replace(COUNT_SUFFIX, "");
    const value = MONEY_TARGETS.has(field) ? parseAmount(raw) : /^\d+$/.test(count) ? Number(count) : null;
    if (value === null || value < 0) {
      return {
        ok: false,
        problem: `「${word}」的数值看不懂${MONEY_TARGETS.has(field) ? "（金额如 15亿、5000万）" : "（应为整数，如 签约6个）"}`,
      };
    }
    targets[field] = value;
  }
  return { ok: true, targets };
}
