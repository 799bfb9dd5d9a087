// The figures leaders read, derived from running totals and targets. Pure: the store supplies
// the totals (revoked records are already subtracted from them).
import type { Targets, TargetField } from "./targets.ts";
import type { Totals, TotalField } from "./totals.ts";

/** actual ÷ target, or null when there is no target (show the figure, no rate). */
export function completionRate(actual: number, target: number | undefined): number | null {
  return target && target > 0 ? actual / target : null;
}

/** a ÷ b, or null for a zero denominator. */
export function ratio(a: number, b: number): number | null {
  return b > 0 ? a / b : null;
}

/** The actual figure each target is measured against. */
export const TARGET_ACTUAL: Record<TargetField, TotalField> = {
  visitOut: "visitOut",
  visitIn: "visitIn",
  signingCount: "signing",
  bigSigningCount: "bigSigning",
  signingAmount: "signingYuan",
  fundsArrived: "fundsYuan",
  talentPeople: "talentPeople",
  talentHighPeople: "talentHighPeople",
  talentProjects: "talentProject",
  innovationTeams: "innovationTeam",
};

export interface TargetProgress {
  field: TargetField;
  actual: number;
  target: number | undefined;
  /** 完成率, null without a target. */
  completion: number | null;
  /** 完成率 − 序时进度 in percentage points (negative: behind). */
  aheadPoints: number | null;
  /** 完成序时进度: 完成率 ÷ 序时进度. */
  ofTimeProgress: number | null;
}

export function targetProgress(
  field: TargetField,
  totals: Totals,
  targets: Targets,
  timeProgress: number,
): TargetProgress {
  const actual = totals[TARGET_ACTUAL[field]];
  const target = targets[field];
  const completion = completionRate(actual, target);
  return {
    field,
    actual,
    target,
    completion,
    aheadPoints: completion === null ? null : (completion - timeProgress) * 100,
    ofTimeProgress: completion === null || timeProgress <= 0 ? null : completion / timeProgress,
  };
}

/** 制造业资金占比: manufacturing funds ÷ all funds arrived (CNY). */
export function manufacturingShare(totals: Totals): number | null {
  return ratio(totals.fundsMfgYuan, totals.fundsYuan);
}

/** Sums targets over units (for 全县 totals); a field counts only if some unit has it. */
export function sumTargets(all: readonly Targets[]): Targets {
  const sum: Targets = {};
  for (const targets of all) {
    for (const [field, value] of Object.entries(targets) as Array<[TargetField, number]>) {
      sum[field] = (sum[field] ?? 0) + value;
    }
  }
  return sum;
}

/** "22.0%" — one decimal, as reports print them; "—" when there is no rate. */
export function percent(value: number | null): string {
  return value === null ? "—" : `${(value * 100).toFixed(1)}%`;
}
