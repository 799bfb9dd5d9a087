// Reads of project entities; writes happen inside the ingest and revoke scripts.
import type { Redis } from "ioredis";
import { parseHistory, type Project } from "../domain/project.ts";
import type { Keys } from "./keys.ts";
import type { ProjectStore } from "./types.ts";

export function createProjectStore(redis: Redis, keys: Keys): ProjectStore {
  const decode = (id: string, meta: string, history: string | null | undefined): Project => {
    const { n, u, c } = JSON.parse(meta) as { n: string; u: string; c: string };
    return { id, name: n, unitId: u, createdOn: c, history: parseHistory(history ?? "") };
  };

  return {
    /** Every project of the deployment (one read: projects number in the hundreds, not millions). */
    async all(): Promise<Project[]> {
      const hash = await redis.hgetall(keys.projects);
      return Object.keys(hash)
        .filter((field) => !field.endsWith(":h"))
        .map((id) => decode(id, hash[id]!, hash[`${id}:h`]));
    },

    /** Project names of a unit with their ids (names as first registered). */
    async namesOf(unitId: string): Promise<Array<{ id: string; name: string }>> {
      const all = await redis.hgetall(keys.unitProjects(unitId));
      return Object.entries(all).map(([name, id]) => ({ id, name }));
    },

    /** A unit's 人才项目 or 创新团队 of that exact name (they live apart from projects). */
    async talentItem(unitId: string, name: string): Promise<Project | null> {
      const id = await redis.hget(keys.unitTalentItems(unitId), name);
      if (!id) return null;
      const [meta, history] = await redis.hmget(keys.talentItems, id, `${id}:h`);
      return meta ? decode(id, meta, history) : null;
    },

    async getProject(id: string): Promise<Project | null> {
      const [meta, history] = await redis.hmget(keys.projects, id, `${id}:h`);
      return meta ? decode(id, meta, history) : null;
    },

    /** A unit's projects in id order, meta and history in one HMGET. */
    async projectsOfUnit(unitId: string): Promise<Project[]> {
      const ids = Object.values(await redis.hgetall(keys.unitProjects(unitId))).sort((a, b) => Number(a) - Number(b));
      if (ids.length === 0) return [];
      const flat = await redis.hmget(keys.projects, ...ids.flatMap((id) => [id, `${id}:h`]));
      const projects: Project[] = [];
      ids.forEach((id, i) => {
        const meta = flat[2 * i];
        if (!meta) return;
        const { n, u, c } = JSON.parse(meta) as { n: string; u: string; c: string };
        projects.push({ id, name: n, unitId: u, createdOn: c, history: parseHistory(flat[2 * i + 1] ?? "") });
      });
      return projects;
    },
  };
}
