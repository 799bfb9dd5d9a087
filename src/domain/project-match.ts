// Matches a typed project name against a unit's projects, tolerant of the small differences
// people make on phones: a missing "项目" suffix, a shortened name ("功能膜项目" for
// "年产10万吨功能膜项目"), quotes and spaces.

export interface NamedProject {
  id: string;
  name: string;
}

const NOISE = /[\s"'“”「」《》()（）]/g;

/** The part of a name that identifies it: no quotes, spaces or trailing 项目. */
export function projectCore(name: string): string {
  return name.replace(NOISE, "").replace(/项目$/, "");
}

/** Returns the one project the typed name means, or null when none (or several) fit. */
export function matchProject(typed: string, candidates: readonly NamedProject[]): NamedProject | null {
  const core = projectCore(typed);
  if (!core) return null;
  let exact: NamedProject | null = null;
  let exactCount = 0;
  const containing: NamedProject[] = [];
  for (const c of candidates) {
    const other = projectCore(c.name);
    if (other === core) {
      exact = c;
      exactCount++;
    } else if (isShortFor(core, other)) {
      containing.push(c);
    }
  }
  if (exactCount === 1) return exact;
  return exactCount === 0 && containing.length === 1 ? containing[0]! : null;
}

/** Up to three names to offer when `matchProject` found nothing: the ambiguous ones, else the most similar. */
export function suggestProjects(typed: string, candidates: readonly NamedProject[]): NamedProject[] {
  const core = projectCore(typed);
  const ambiguous = candidates.filter((c) => projectCore(c.name) === core || isShortFor(core, projectCore(c.name)));
  const pool = ambiguous.length > 1 ? ambiguous : candidates;
  return pool
    .map((c) => ({ c, score: similarity(core, projectCore(c.name)) }))
    .filter(({ score }) => ambiguous.length > 1 || score > 0)
    .sort((a, b) => b.score - a.score || a.c.name.localeCompare(b.c.name))
    .slice(0, 3)
    .map(({ c }) => c);
}

/** A shortened name must still be specific: at least 3 characters of the other name. */
function isShortFor(a: string, b: string): boolean {
  return (a.length >= 3 && contains(b, a)) || (b.length >= 3 && contains(a, b));
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
