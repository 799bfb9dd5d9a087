// Reads of project entities; writes happen inside the ingest and revoke scripts.
import type { Redis } from "ioredis";
import { parseHistory, type Project } from "../domain/project.ts";
import type { Keys } from "./keys.ts";

export function createProjectStore(redis: Redis, keys: Keys) {
  return {
    /** Project names of a unit with their ids (names as first registered). */
    async namesOf(unitId: string): Promise<Array<{ id: string; name: string }>> {
      const all = await redis.hgetall(keys.unitProjects(unitId));
      return Object.entries(all).map(([name, id]) => ({ id, name }));
    },

    async getProject(id: string): Promise<Project | null> {
      const [meta, history] = await redis.hmget(keys.projects, id, `${id}:h`);
      if (!meta) return null;
      const { n, u, c } = JSON.parse(meta) as { n: string; u: string; c: string };
      return { id, name: n, unitId: u, createdOn: c, history: parseHistory(history ?? "") };
    },

    /** Every project, read with HSCAN in pages (meta and history are two fields of one hash). */
    async *allProjects(pageSize = 2000): AsyncGenerator<Project> {
      const metas = new Map<string, string>();
      const histories = new Map<string, string>();
      let cursor = "0";
      do {
        const [next, flat] = await redis.hscan(keys.projects, cursor, "COUNT", pageSize);
        cursor = next;
        for (let i = 0; i + 1 < flat.length; i += 2) {
          const field = flat[i]!;
          if (field.endsWith(":h")) histories.set(field.slice(0, -2), flat[i + 1]!);
          else metas.set(field, flat[i + 1]!);
        }
      } while (cursor !== "0");
      for (const [id, meta] of metas) {
        const { n, u, c } = JSON.parse(meta) as { n: string; u: string; c: string };
        yield { id, name: n, unitId: u, createdOn: c, history: parseHistory(histories.get(id) ?? "") };
      }
    },
  };
}

export type ProjectStore = ReturnType<typeof createProjectStore>;
