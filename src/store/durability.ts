// Confirm a write only once a replica has it. Redis replicates asynchronously: a master that
// dies right after answering can take the last writes with it. WAIT blocks this connection
// until N replicas acknowledged every write it sent before, or the timeout passes; a write
// the required replicas did not acknowledge is reported as a retryable failure, and the
// platform's re-delivery finds it (or not) through the idempotent write. See docs/redis.md.
import calculateSlot from "cluster-key-slot";
import type { Cluster, Redis } from "ioredis";

export interface Durability {
  /** Replicas that must acknowledge; 0: confirm without waiting (single server without replicas). */
  minReplicas: number;
  timeoutMs: number;
}

export const NO_WAIT: Durability = { minReplicas: 0, timeoutMs: 0 };

/** The write may or may not have been kept: the caller answers so the platform retries. */
export class ReplicationError extends Error {
  constructor(
    readonly acknowledged: number,
    readonly required: number,
  ) {
    super(`write acknowledged by ${acknowledged} of ${required} required Redis replicas`);
    this.name = "ReplicationError";
  }
}

/**
 * Returns confirm(): resolves once the required replicas have every write this process sent
 * so far for the deployment's keys, or throws ReplicationError. `slotKey` is any key of the
 * deployment: on a cluster, WAIT must go to the master that owns its slot.
 */
export function createConfirm(redis: Redis, durability: Durability, slotKey: string): () => Promise<void> {
  const { minReplicas, timeoutMs } = durability;
  // WAIT blocks the whole connection until it returns, and covers every write sent before it:
  // one WAIT in flight at a time, and the callers that arrive meanwhile share the next one
  // (group commit). Without replicas the connection then stalls for one timeout at a time,
  // not one per waiting write.
  let inFlight: Promise<number> | null = null;
  let queued: Promise<number> | null = null;
  const send = (): Promise<number> => {
    const master = masterOf(redis, slotKey);
    const sent = master ? master.wait(minReplicas, timeoutMs) : Promise.resolve(0);
    const current: Promise<number> = sent.finally(() => {
      if (inFlight === current) inFlight = null;
    });
    inFlight = current;
    return current;
  };
  const next = (): Promise<number> => {
    if (!inFlight) return send();
    queued ??= inFlight
      .catch(() => 0)
      .then(() => {
        queued = null;
        return send();
      });
    return queued;
  };
  return async function confirm() {
    if (minReplicas <= 0) return;
    const acked = await next();
    if (acked < minReplicas) throw new ReplicationError(acked, minReplicas);
  };
}

/** The connection that carries writes to `key`: the client itself, or a cluster's slot owner. */
function masterOf(redis: Redis, key: string): Redis | undefined {
  const cluster = redis as unknown as Cluster;
  if (!cluster.isCluster) return redis;
  const owner = cluster.slots[calculateSlot(key)]?.[0];
  return owner ? cluster.nodes("master").find((n) => `${n.options.host}:${n.options.port}` === owner) : undefined;
}
