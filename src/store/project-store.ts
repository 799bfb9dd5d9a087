// Reads of project entities; writes happen inside the ingest and revoke scripts.
import type { Redis } from "ioredis";
import { parseHistory, type Project } from "../domain/project.ts";
import type { Keys } from "./keys.ts";
import type { ProjectStore } from "./types.ts";

export function createProjectStore(redis: Redis, keys: Keys): ProjectStore {
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
  };
}

