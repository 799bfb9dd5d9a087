// What /healthz checks beyond "Redis answers" (docs/redis.md, "Health"):
// - a write and read-back of the deployment's health key: a writable master owns the
//   deployment's hash slot (a demoted master answers READONLY, a wrong cluster node MOVED);
// - where writes wait for replicas (REDIS_MIN_REPLICAS_ACK), that they acknowledge it: a
//   master without its replicas cannot confirm reports;
// - the push outbox: its oldest waiting push is younger than the limit;
// - the schedules: none has a failed run that no later run made good.
// Each check gives a reason when it fails; /healthz then answers 503 with the reasons.

export interface HealthSources {
  writeProbe: () => Promise<void>;
  /** Throws when the required replicas did not acknowledge the probe (store.confirm). */
  confirmReplicas?: () => Promise<void>;
  outboxOldestAgeMs?: () => Promise<number | null>;
  /** Failed schedule runs not yet made good, as reasons. */
  scheduleProblems?: () => string[];
  outboxMaxAgeMs: number;
}

export function createHealthChecks(sources: HealthSources): () => Promise<string[]> {
  return async () => {
    const problems: string[] = [];
    const written = await sources.writeProbe().then(
      () => true,
      (err: unknown) => {
        problems.push(`redis: cannot write the deployment's key: ${oneLine(err)}`);
        return false;
      },
    );
    if (written && sources.confirmReplicas) {
      await sources
        .confirmReplicas()
        .catch((err: unknown) => problems.push(`redis: reports cannot be confirmed: ${oneLine(err)}`));
    }
    if (sources.outboxOldestAgeMs) {
      const age = await sources.outboxOldestAgeMs().catch(() => null);
      if (age !== null && age > sources.outboxMaxAgeMs) {
        problems.push(
          `outbox: a push has waited ${Math.round(age / 60_000)} min (limit ${Math.round(sources.outboxMaxAgeMs / 60_000)} min)`,
        );
      }
    }
    problems.push(...(sources.scheduleProblems?.() ?? []));
    return problems;
  };
}

function oneLine(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.split("\n")[0]!.slice(0, 200);
}
