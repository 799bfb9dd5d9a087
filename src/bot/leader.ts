// Runs something on one replica only: the process holding the lease leads (starts it), renews
// the lease a few times per TTL, and stops leading when it loses it; the others stand by and
// take over when the lease lapses.
import type { Logger } from "pino";
import type { Lease } from "../store/lease.ts";

export interface Leadership {
  start(): Promise<void>;
  stop(): Promise<void>;
  leading(): boolean;
}

export function runAsLeader(
  lease: Lease,
  lead: { start(): Promise<void>; stop(): Promise<void> },
  log: Logger,
): Leadership {
  let timer: NodeJS.Timeout | undefined;
  let leading = false;
  let running = false;

  async function tick(): Promise<void> {
    try {
      if (leading) {
        if (!(await lease.renew())) {
          leading = false;
          log.warn("lease lost: another process leads now; standing by");
          await lead.stop();
        }
      } else if (await lease.acquire()) {
        leading = true;
        log.info("lease taken: this process leads");
        await lead.start();
      }
    } catch (err) {
      log.warn({ err }, "lease check failed; trying again");
    }
    if (running) timer = setTimeout(() => void tick(), lease.ttlMs / 3);
  }

  return {
    async start() {
      running = true;
      await tick();
    },
    async stop() {
      running = false;
      clearTimeout(timer);
      if (leading) {
        leading = false;
        await lead.stop();
        await lease.release().catch(() => undefined);
      }
    },
    leading: () => leading,
  };
}
