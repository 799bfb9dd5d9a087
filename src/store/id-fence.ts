// Record and project numbers that never go backwards (docs/redis.md, "Record numbers").
// Counters live in Redis and are replicated asynchronously: a failover can promote a replica
// that lacks the last numbers the old master handed out. The Lua prelude in id-fence.lua runs
// inside the allocating script, atomically: a master whose replication id is not the one
// recorded with the counters first moves them forward by a gap larger than anything one master
// can hand out unreplicated between two replica acknowledgements.
import { readFileSync } from "node:fs";

const FENCE = readFileSync(new URL("./id-fence.lua", import.meta.url), "utf8");

export interface IdFence {
  /** How far counters jump on a new master. */
  gap: number;
  /** true: jump on any new master (Sentinel, Cluster); false: only on a promoted replica. */
  always: boolean;
}

export const DEFAULT_ID_FENCE: IdFence = { gap: 1000, always: false };

/** The script with the fence function defined in front of it. */
export function withIdFence(lua: string, fence: IdFence): string {
  if (!Number.isInteger(fence.gap) || fence.gap < 1) throw new Error(`invalid id fence gap: ${fence.gap}`);
  return `local ZS_FENCE_GAP = ${fence.gap}\nlocal ZS_FENCE_ALWAYS = ${fence.always}\n${FENCE}\n${lua}`;
}
