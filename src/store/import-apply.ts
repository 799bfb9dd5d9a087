// Applies a validated import plan in one MULTI: either everything is written or nothing.
// WATCH makes a concurrent directory change abort the transaction, and we retry on fresh state.
// Applying the same plan twice changes nothing.
import type { Redis } from "ioredis";
import type { ImportPlan } from "../domain/import-file.ts";
import { mergeRules } from "./metrics-store.ts";
import type { Unit } from "../domain/unit.ts";
import type { Keys } from "./keys.ts";

export interface ImportSummary {
  unitsCreated: number;
  unitsUpdated: number;
  membersBound: number;
  adminsAdded: number;
}

export class ImportConflictError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join("\n"));
  }
}

export async function applyImport(redis: Redis, keys: Keys, plan: ImportPlan): Promise<ImportSummary> {
  for (let attempt = 0; attempt < 5; attempt++) {
    await redis.watch(keys.units, keys.unitNames, keys.members, keys.admins, keys.unitSeq, keys.settings);
    const [names, unitsRaw, members, admins, seq, savedRules] = await Promise.all([
      redis.hgetall(keys.unitNames),
      redis.hgetall(keys.units),
      redis.hgetall(keys.members),
      redis.smembers(keys.admins),
      redis.get(keys.unitSeq),
      redis.hget(keys.settings, "ranking"),
    ]);
    let nextId = Number(seq ?? 0);
    const problems: string[] = [];
    const tx = redis.multi();
    const summary: ImportSummary = { unitsCreated: 0, unitsUpdated: 0, membersBound: 0, adminsAdded: 0 };
    for (const item of plan.units) {
      const id = names[item.name] ?? String(++nextId);
      const existing = unitsRaw[id] ? (JSON.parse(unitsRaw[id]) as Omit<Unit, "id">) : null;
      for (const alias of item.aliases) {
        const owner = names[alias];
        if (owner && owner !== id) problems.push(`别名「${alias}」已属于其他单位（id ${owner}）`);
      }
      const unit = {
        name: existing?.name ?? item.name,
        aliases: [...new Set([...(existing?.aliases ?? []), ...item.aliases])],
        targets: { ...(existing?.targets ?? {}), ...item.targets },
      };
      const json = JSON.stringify(unit);
      if (!existing) summary.unitsCreated++;
      else if (json !== unitsRaw[id]) summary.unitsUpdated++;
      tx.hset(keys.units, id, json);
      tx.hset(keys.unitNames, item.name, id, ...item.aliases.flatMap((a) => [a, id]));
      for (const member of item.members) {
        if (members[member] !== id) summary.membersBound++;
        tx.hset(keys.members, member, id);
      }
    }
    for (const admin of plan.admins) if (!admins.includes(admin)) summary.adminsAdded++;
    if (plan.admins.length > 0) tx.sadd(keys.admins, ...plan.admins);
    if (plan.viewers.length > 0) tx.sadd(keys.viewers, ...plan.viewers);
    if (plan.selfJoin !== undefined) tx.hset(keys.settings, "selfJoin", plan.selfJoin ? "1" : "0");
    if (nextId !== Number(seq ?? 0)) tx.set(keys.unitSeq, String(nextId));
    let rulesChanged = false;
    if (plan.ranking) {
      const current = mergeRules(savedRules ? JSON.parse(savedRules) : {});
      const next = JSON.stringify(mergeRules({ ...current, ...plan.ranking }));
      rulesChanged = next !== JSON.stringify(current);
      if (rulesChanged) tx.hset(keys.settings, "ranking", next);
    }
    if (summary.unitsCreated + summary.unitsUpdated > 0 || rulesChanged)
      tx.incr(keys.totalsVersion).incr(keys.directoryVersion);
    if (problems.length > 0) {
      await redis.unwatch();
      throw new ImportConflictError(problems);
    }
    if ((await tx.exec()) !== null) return summary;
  }
  throw new Error("import kept conflicting with concurrent changes; try again");
}
