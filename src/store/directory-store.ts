// Units (with aliases and targets), member bindings, admins and bot settings.
import { readFileSync } from "node:fs";
import type { Redis } from "ioredis";
import type { Targets } from "../domain/targets.ts";
import type { Unit } from "../domain/unit.ts";
import type { Keys } from "./keys.ts";
import type { DirectoryStore, Settings } from "./types.ts";

type UnitData = Omit<Unit, "id">;

const IDENTIFY = readFileSync(new URL("./identify.lua", import.meta.url), "utf8");

/**
 * Who a sender is changes rarely but is asked on every message: remember it this long. A change
 * made in this process clears the memory at once; one made by another replica shows within it.
 */
const IDENTITY_TTL_MS = 2000;

export function createDirectoryStore(redis: Redis, keys: Keys, defaults: Settings): DirectoryStore {
  const identities = new Map<string, { at: number; value: { unit: Unit | undefined; admin: boolean } }>();
  const forget = () => identities.clear();

  const r = redis as Redis & { zsIdentify(...args: string[]): Promise<[string, string, number]> };
  if (!("zsIdentify" in redis)) redis.defineCommand("zsIdentify", { numberOfKeys: 3, lua: IDENTIFY });

  async function getUnit(id: string): Promise<Unit | null> {
    const raw = await redis.hget(keys.units, id);
    return raw ? { id, ...(JSON.parse(raw) as UnitData) } : null;
  }

  async function listUnits(): Promise<Unit[]> {
    const all = await redis.hgetall(keys.units);
    return Object.entries(all)
      .map(([id, raw]) => ({ id, ...(JSON.parse(raw) as UnitData) }))
      .sort((a, b) => Number(a.id) - Number(b.id));
  }

  /** Every unit change can move the ranking, so it bumps the totals version too. */
  async function saveUnit(unit: Unit): Promise<void> {
    forget();
    const { id, ...data } = unit;
    await redis
      .multi()
      .hset(keys.units, id, JSON.stringify(data))
      .incr(keys.totalsVersion)
      .incr(keys.directoryVersion)
      .exec();
  }

  return {
    getUnit,
    listUnits,

    /** Exact name or alias lookup. */
    async unitByName(name: string): Promise<Unit | null> {
      const id = await redis.hget(keys.unitNames, name);
      return id ? getUnit(id) : null;
    },

    /** Creates a unit, or returns the existing one of that name. */
    async addUnit(name: string): Promise<{ unit: Unit; created: boolean }> {
      const existing = await redis.hget(keys.unitNames, name);
      if (existing) return { unit: (await getUnit(existing))!, created: false };
      const id = String(await redis.incr(keys.unitSeq));
      // HSETNX guards against two admins adding the same name at once.
      if ((await redis.hsetnx(keys.unitNames, name, id)) === 0) {
        const winner = (await redis.hget(keys.unitNames, name))!;
        return { unit: (await getUnit(winner))!, created: false };
      }
      const unit: Unit = { id, name, aliases: [], targets: {} };
      await saveUnit(unit);
      return { unit, created: true };
    },

    /** Renames a unit, keeping its records and totals; false when the new name is taken. */
    async renameUnit(unitId: string, name: string): Promise<boolean> {
      const unit = await getUnit(unitId);
      if (!unit) return false;
      await redis.hsetnx(keys.unitNames, name, unitId);
      if ((await redis.hget(keys.unitNames, name)) !== unitId) return false;
      if (unit.name !== name) await redis.hdel(keys.unitNames, unit.name);
      await saveUnit({ ...unit, name, aliases: unit.aliases.filter((a) => a !== name) });
      return true;
    },

    /** Adds an alias; false when the alias already names another unit. */
    async addAlias(unitId: string, alias: string): Promise<boolean> {
      const unit = await getUnit(unitId);
      if (!unit) return false;
      // HSETNX so two units can never claim the same alias at once.
      await redis.hsetnx(keys.unitNames, alias, unitId);
      if ((await redis.hget(keys.unitNames, alias)) !== unitId) return false;
      if (!unit.aliases.includes(alias)) await saveUnit({ ...unit, aliases: [...unit.aliases, alias] });
      return true;
    },

    async removeAlias(unitId: string, alias: string): Promise<boolean> {
      const unit = await getUnit(unitId);
      if (!unit?.aliases.includes(alias)) return false;
      await redis.hdel(keys.unitNames, alias);
      await saveUnit({ ...unit, aliases: unit.aliases.filter((a) => a !== alias) });
      return true;
    },

    /** Retires or restores a unit; its records and totals are kept either way. */
    async setActive(unitId: string, active: boolean): Promise<Unit | null> {
      const unit = await getUnit(unitId);
      if (!unit) return null;
      const { inactive: _, ...rest } = unit;
      const updated: Unit = active ? rest : { ...rest, inactive: true };
      await saveUnit(updated);
      return updated;
    },

    /** Merges targets into the unit's; returns the updated unit. */
    async setTargets(unitId: string, targets: Targets): Promise<Unit | null> {
      const unit = await getUnit(unitId);
      if (!unit) return null;
      const updated = { ...unit, targets: { ...unit.targets, ...targets } };
      await saveUnit(updated);
      return updated;
    },

    /** The sender's unit and admin flag in one round trip: this runs for every message. */
    async identify(userId: string): Promise<{ unit: Unit | undefined; admin: boolean }> {
      const now = Date.now();
      const known = identities.get(userId);
      if (known && now - known.at < IDENTITY_TTL_MS) return known.value;
      const [unitId, json, admin] = await r.zsIdentify(keys.members, keys.units, keys.admins, userId);
      const unit = unitId && json ? { id: unitId, ...(JSON.parse(json) as UnitData) } : undefined;
      const value = { unit, admin: admin === 1 };
      if (identities.size > 10_000) identities.clear();
      identities.set(userId, { at: now, value });
      return value;
    },

    async memberUnitId(userId: string): Promise<string | null> {
      return redis.hget(keys.members, userId);
    },

    async bindMember(userId: string, unitId: string): Promise<void> {
      forget();
      await redis.hset(keys.members, userId, unitId);
    },

    async unbindMember(userId: string): Promise<boolean> {
      forget();
      return (await redis.hdel(keys.members, userId)) === 1;
    },

    async membersOf(unitId: string): Promise<string[]> {
      const all = await redis.hgetall(keys.members);
      return Object.keys(all)
        .filter((user) => all[user] === unitId)
        .sort();
    },

    async isAdmin(userId: string): Promise<boolean> {
      return (await redis.sismember(keys.admins, userId)) === 1;
    },

    async addAdmin(userId: string): Promise<boolean> {
      forget();
      return (await redis.sadd(keys.admins, userId)) === 1;
    },

    async removeAdmin(userId: string): Promise<boolean> {
      forget();
      return (await redis.srem(keys.admins, userId)) === 1;
    },

    async listAdmins(): Promise<string[]> {
      return (await redis.smembers(keys.admins)).sort();
    },

    /** 领导/观察员: may query everything, report nothing, bound to no unit. */
    async isViewer(userId: string): Promise<boolean> {
      return (await redis.sismember(keys.viewers, userId)) === 1;
    },

    async addViewer(userId: string): Promise<boolean> {
      return (await redis.sadd(keys.viewers, userId)) === 1;
    },

    async removeViewer(userId: string): Promise<boolean> {
      return (await redis.srem(keys.viewers, userId)) === 1;
    },

    async listViewers(): Promise<string[]> {
      return (await redis.smembers(keys.viewers)).sort();
    },

    async settings(): Promise<Settings> {
      const raw = await redis.hget(keys.settings, "selfJoin");
      return { selfJoin: raw === null ? defaults.selfJoin : raw === "1" };
    },

    async setSelfJoin(on: boolean): Promise<void> {
      await redis.hset(keys.settings, "selfJoin", on ? "1" : "0");
    },
  };
}
