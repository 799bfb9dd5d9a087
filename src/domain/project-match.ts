// Matches a typed project name against a unit's projects, tolerant of the small differences
// people make on phones: a missing "项目" suffix, a shortened name ("功能膜项目" for
// "年产10万吨功能膜项目"), quotes and spaces.

export interface NamedProject {
  id: string;
  name: string;
}

export type ProjectMatch =
  | { kind: "match"; project: NamedProject }
  | { kind: "none"; suggestions: NamedProject[] };

const NOISE = /[\s"'“”「」《》()（）]/g;

/** The part of a name that identifies it: no quotes, spaces or trailing 项目. */
export function projectCore(name: string): string {
  return name.replace(NOISE, "").replace(/项目$/, "");
}

export function matchProject(typed: string, candidates: readonly NamedProject[]): ProjectMatch {
  const core = projectCore(typed);
  if (!core) return { kind: "none", suggestions: [] };
  const exact = candidates.filter((c) => projectCore(c.name) === core);
  if (exact.length === 1) return { kind: "match", project: exact[0]! };
  // A shortened name must still be specific: at least 3 characters, and only one project may contain it.
  const containing = candidates.filter((c) => {
    const other = projectCore(c.name);
    return (core.length >= 3 && contains(other, core)) || (other.length >= 3 && contains(core, other));
  });
  if (containing.length === 1) return { kind: "match", project: containing[0]! };
  const pool = containing.length > 1 ? containing : candidates;
  const suggestions = pool
    .map((c) => ({ c, score: similarity(core, projectCore(c.name)) }))
    .filter(({ score }) => containing.length > 1 || score > 0)
    .sort((a, b) => b.score - a.score || a.c.name.localeCompare(b.c.name))
    .slice(0, 3)
    .map(({ c }) => c);
  return { kind: "none", suggestions };
}

const DIGIT = /[0-9]/;

/** `part` inside `whole` without splitting a number: "项目1" is not part of "项目10". */
function contains(whole: string, part: string): boolean {
  for (let at = whole.indexOf(part); at !== -1; at = whole.indexOf(part, at + 1)) {
    const cutsBefore = DIGIT.test(part[0]!) && DIGIT.test(whole[at - 1] ?? "");
    const cutsAfter = DIGIT.test(part[part.length - 1]!) && DIGIT.test(whole[at + part.length] ?? "");
    if (!cutsBefore && !cutsAfter) return true;
  }
  return false;
}

/** Dice coefficient over character bigrams: cheap and good enough for short Chinese names. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length < 2 || b.length < 2) return a && b && (a.includes(b) || b.includes(a)) ? 0.5 : 0;
  const grams = new Map<string, number>();
  for (let i = 0; i < a.length - 1; i++) {
    const g = a.slice(i, i + 2);
    grams.set(g, (grams.get(g) ?? 0) + 1);
  }
  let shared = 0;
  for (let i = 0; i < b.length - 1; i++) {
    const g = b.slice(i, i + 2);
    const n = grams.get(g) ?? 0;
    if (n > 0) {
      shared++;
      grams.set(g, n - 1);
    }
  }
  return (2 * shared) / (a.length - 1 + b.length - 1);
}
