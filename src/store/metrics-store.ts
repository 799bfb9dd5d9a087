// Reads for metrics: many units' totals at once, the totals version (ranking cache key) and
// the ranking rules a deployment has set.
import { readFileSync } from "node:fs";
import type { Redis } from "ioredis";
import { DEFAULT_RANKING_RULES, type RankingRules } from "../domain/ranking.ts";
import { emptyTotals, TOTAL_FIELDS, type Totals } from "../domain/totals.ts";
import type { TotalsScope } from "../domain/year-to-date.ts";
import type { Keys } from "./keys.ts";
import type { MetricsStore } from "./types.ts";

const TOTALS_MANY = readFileSync(new URL("./totals-many.lua", import.meta.url), "utf8");

type ManyRedis = Redis & { zsTotalsMany(...args: (string | number)[]): Promise<string[]> };

export function createMetricsStore(redis: Redis, keys: Keys): MetricsStore {
  const r = redis as ManyRedis;
  if (!("zsTotalsMany" in redis)) redis.defineCommand("zsTotalsMany", { lua: TOTALS_MANY });

  const keyOf = (unitId: string, scope: TotalsScope) =>
    scope.kind === "year"
      ? keys.yearTotals(unitId, scope.year)
      : scope.kind === "week"
        ? keys.weekTotals(unitId, scope.date)
        : scope.kind === "month"
          ? keys.monthTotals(unitId, scope.date)
          : scope.kind === "prior"
            ? keys.priorMonthTotals(unitId, scope.month)
            : keys.dayTotals(unitId, scope.date);

  return {
    /** Totals of every unit for each scope, in one round trip: result[scope][unit]. */
    async totalsMany(unitIds: readonly string[], scopes: readonly TotalsScope[]): Promise<Totals[][]> {
      if (unitIds.length === 0) return scopes.map(() => []);
      const hashKeys = scopes.flatMap((scope) => unitIds.map((id) => keyOf(id, scope)));
      const rows = await r.zsTotalsMany(hashKeys.length, ...hashKeys, ...TOTAL_FIELDS);
      return scopes.map((_, s) =>
        unitIds.map((_, u) => {
          const row = rows[s * unitIds.length + u]!.split(",");
          const totals = emptyTotals();
          TOTAL_FIELDS.forEach((field, i) => {
            const value = row[i];
            if (value) totals[field] = Number(value);
          });
          return totals;
        }),
      );
    },

    /** The totals and directory versions: a cached ranking is valid while both are unchanged. */
    async versions(): Promise<{ totals: number; directory: number }> {
      const [totals, directory] = await redis.mget(keys.totalsVersion, keys.directoryVersion);
      return { totals: Number(totals ?? 0), directory: Number(directory ?? 0) };
    },

    /** Units whose totals changed after `version`. */
    async unitsChangedSince(version: number): Promise<string[]> {
      return redis.zrangebyscore(keys.changedUnits, `(${version}`, "+inf");
    },

    /** How many reminders each unit got in a week ("2026-W47"). */
    async remindersSent(week: string): Promise<Map<string, number>> {
      const all = await redis.hgetall(keys.reminders(week));
      return new Map(Object.entries(all).map(([id, n]) => [id, Number(n)]));
    },

    async countReminders(week: string, unitIds: readonly string[]): Promise<void> {
      if (unitIds.length === 0) return;
      const tx = redis.multi();
      for (const id of unitIds) tx.hincrby(keys.reminders(week), id, 1);
      await tx.expire(keys.reminders(week), 30 * 24 * 3600).exec();
    },

    async rankingRules(): Promise<RankingRules> {
      const raw = await redis.hget(keys.settings, "ranking");
      return raw ? mergeRules(JSON.parse(raw) as Partial<RankingRules>) : DEFAULT_RANKING_RULES;
    },

    async setRankingRules(rules: RankingRules): Promise<void> {
      await redis
        .multi()
        .hset(keys.settings, "ranking", JSON.stringify(rules))
        .incr(keys.totalsVersion)
        .incr(keys.directoryVersion)
        .exec();
    },
  };
}

/** Stored rules over the defaults, so rules saved by an older version gain new fields. */
export function mergeRules(saved: Partial<RankingRules>): RankingRules {
  return {
    ...DEFAULT_RANKING_RULES,
    ...saved,
    rates: { ...DEFAULT_RANKING_RULES.rates, ...saved.rates },
    weights: { ...DEFAULT_RANKING_RULES.weights, ...saved.weights },
  };
}
