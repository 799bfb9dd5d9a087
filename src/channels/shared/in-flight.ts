// Work a channel started but does not wait for (reply sends, Stream frames): tracked so that
// tests and shutdown can wait until everything in hand has finished. Entries leave the set as
// they settle, so it never grows with traffic.
export interface InFlight {
  /** Tracks a promise; its rejection is the caller's to log, never thrown from here. */
  track(work: Promise<unknown>): void;
  /** Resolves when every tracked piece of work (including work added meanwhile) has settled. */
  idle(): Promise<void>;
  readonly size: number;
}

export function createInFlight(): InFlight {
  const pending = new Set<Promise<unknown>>();
  return {
    track(work) {
      const tracked: Promise<unknown> = work.catch(() => undefined).finally(() => pending.delete(tracked));
      pending.add(tracked);
    },
    async idle() {
      while (pending.size > 0) await Promise.all([...pending]);
    },
    get size() {
      return pending.size;
    },
  };
}
