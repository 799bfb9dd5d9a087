// Finds a unit by what people type: its name, an alias, or a near miss ("城西真" → 城西镇).
import { similarity } from "./project-match.ts";

export interface NamedUnit {
  id: string;
  name: string;
  aliases: readonly string[];
}

export type UnitMatch<U extends NamedUnit> = { kind: "match"; unit: U } | { kind: "none"; suggestions: U[] };

export function matchUnit<U extends NamedUnit>(typed: string, units: readonly U[]): UnitMatch<U> {
  const name = typed.trim();
  const exact = units.find((u) => u.name === name || u.aliases.includes(name));
  if (exact) return { kind: "match", unit: exact };
  // "城西" typed for "城西镇" without an alias: a unique unit whose name starts with it.
  const prefixed = units.filter((u) => name.length >= 2 && u.name.startsWith(name));
  if (prefixed.length === 1) return { kind: "match", unit: prefixed[0]! };
  const scored = units
    .map((u) => ({ u, score: Math.max(similarity(name, u.name), ...u.aliases.map((a) => similarity(name, a))) }))
    .filter(({ score }) => score >= 0.5)
    .sort((a, b) => b.score - a.score);
  const best = scored[0];
  // One clear near miss (a typo) is accepted; several are offered as suggestions.
  if (best && best.score >= 0.5 && (scored.length === 1 || best.score - scored[1]!.score >= 0.2) && name.length >= 2) {
    return { kind: "match", unit: best.u };
  }
  return { kind: "none", suggestions: scored.slice(0, 3).map(({ u }) => u) };
}
