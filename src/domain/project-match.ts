// Matches a typed project name against a unit's projects, tolerant of the small differences
// people make on phones: a missing "项目" suffix, a shortened name ("功能膜项目" for
// "年产10万吨功能膜项目"), quotes and spaces.

export interface NamedProject {
  id: string;
  name: string;
}

import { parseChineseNumeral } from "./chinese-numeral.ts";

const NOISE = /[\s"'“”「」《》()（）]/g;

/** The part of a name that identifies it: no quotes, spaces or trailing 项目. */
export function projectCore(name: string): string {
  return name.replace(NOISE, "").replace(/项目$/, "");
}

/** "二期" → 2; no phase written means the first. 一期/二期/三期 of a project are separate projects. */
const PHASE = /([0-9一二三四五六七八九十]{1,3})期/;

export function projectPhase(name: string): number {
  const m = PHASE.exec(name);
  if (!m) return 1;
  return (/^[0-9]+$/.test(m[1]!) ? Number(m[1]) : parseChineseNumeral(m[1]!)) ?? 1;
}

interface NameKey {
  phase: number;
  /** The core without the phase ("产业园二期" = "产业园项目二期"). */
  core: string;
  essence: string;
  /** The leading capacity phrase ("年产10万吨"), "" when the name has none. */
  capacity: string;
}

/**
 * What matching needs of a name, computed once per name: every report matches against all of its
 * unit's projects, and recomputing each candidate's core and essence made matching the costliest
 * step of storing a report in units with many projects. Names are few and never change; the
 * cache is bounded anyway.
 */
const nameKeys = new Map<string, NameKey>();
const NAME_KEYS_MAX = 50_000;

function keyOf(name: string): NameKey {
  let key = nameKeys.get(name);
  if (!key) {
    const core = projectCore(name.replace(PHASE, ""));
    const whole = projectCore(name);
    key = { phase: projectPhase(name), core, essence: essenceOf(whole), capacity: capacityOf(whole) };
    if (nameKeys.size >= NAME_KEYS_MAX) nameKeys.clear();
    nameKeys.set(name, key);
  }
  return key;
}

/** Returns the one project the typed name means, or null when none (or several) fit. */
export function matchProject(typed: string, allCandidates: readonly NamedProject[]): NamedProject | null {
  // Compared without the phase ("产业园二期" = "产业园项目二期"), among projects of the same phase.
  const core = projectCore(typed.replace(PHASE, ""));
  if (!core) return null;
  const phase = projectPhase(typed);
  const candidates = allCandidates.filter((c) => keyOf(c.name).phase === phase);
  let exact: NamedProject | null = null;
  let exactCount = 0;
  const containing: NamedProject[] = [];
  for (const c of candidates) {
    const other = keyOf(c.name).core;
    if (other === core) {
      exact = c;
      exactCount++;
    } else if (isShortFor(core, other)) {
      containing.push(c);
    }
  }
  if (exactCount === 1) return exact;
  if (exactCount > 0) return null;
  if (containing.length === 1) return containing[0]!;
  if (containing.length > 1) return null;
  // "饲料加工项目" for "年产10万吨饲料项目": the same essence once capacity and generic words are gone.
  // A capacity written on both sides must agree: "年产19万吨功能膜" is not "年产9万吨功能膜".
  const essence = essenceOf(core);
  if (essence.length < 2) return null;
  const capacity = capacityOf(core);
  const alike = candidates.filter((c) => {
    const other = keyOf(c.name);
    if (capacity && other.capacity && other.capacity !== capacity) return false;
    return other.essence.length >= 2 && contains(other.essence, essence);
  });
  return alike.length === 1 ? alike[0]! : null;
}

/** Words that say what kind of work a project is, not which project: dropped to compare essences. */
const GENERIC = [
  "产业园",
  "产业化",
  "生产线",
  "加工",
  "生产",
  "制造",
  "建设",
  "基地",
  "工厂",
  "扩建",
  "新建",
  "技改",
  "改扩建",
  "一体化",
  "综合体",
  "园区",
  "厂",
];
/** Units that end a capacity phrase ("年产10万吨"). */
const CAPACITY_UNITS = "吨件套台只头辆箱米瓶个条块片";

/** The leading capacity phrase of a core ("年产10万吨"), or "" when it starts with none. */
export function capacityOf(core: string): string {
  if (!(core.startsWith("年产") || core.startsWith("年加工") || core.startsWith("年处理"))) return "";
  let i = 2;
  while (i < core.length && i < 14 && !CAPACITY_UNITS.includes(core[i]!)) i++;
  return i < core.length && i < 14 ? core.slice(0, i + 1) : "";
}

/** The distinctive part of a core: no leading capacity phrase ("年产10万吨"), no generic words. */
export function essenceOf(core: string): string {
  let s = core.slice(capacityOf(core).length);
  for (const g of GENERIC) s = s.split(g).join("");
  return s;
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

/**
 * `typed` is a shortened `stored` name: at least 2 characters of it ("饲料" in "年产10万吨饲料加工"),
 * taken only when it is the one project of the unit that fits. The other way round (a longer typed
 * name holding a whole stored one) needs 3 characters, as before; essences (matchProject) only go the
 * short way, so "另一个再生铜项目" is a new project beside "年产5万吨再生铜项目".
 */
function isShortFor(typed: string, stored: string): boolean {
  return (typed.length >= 2 && contains(stored, typed)) || (stored.length >= 3 && contains(typed, stored));
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
