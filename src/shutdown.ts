// Graceful stop. The first SIGTERM (or SIGINT) runs the stop steps in order — stop accepting,
// let in-flight work finish, stop the cron ticks, give back leases and claims, close Redis —
// so a rolling restart loses no report and leaves no lease for the next process to wait out.
// A second signal, or the timeout, ends the process at once with exit code 1.
import type { Logger } from "pino";

export interface StopStep {
  name: string;
  run(): Promise<unknown>;
}

export interface StopOptions {
  log: Logger;
  steps: readonly StopStep[];
  timeoutMs: number;
  /** The process (tests pass an emitter). */
  signals?: Pick<NodeJS.Process, "once" | "removeListener">;
  /** Ends the process when the steps cannot finish (tests record it instead). */
  exit?: (code: number) => void;
}

const SIGNALS = ["SIGTERM", "SIGINT"] as const;

/** Resolves once a stop signal arrived and every step ran (a failing step is logged, not fatal). */
export function whenStopped(options: StopOptions): Promise<void> {
  const proc = options.signals ?? process;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const { log } = options;
  return new Promise<void>((resolve) => {
    const first = (signal: string) => {
      for (const s of SIGNALS) proc.removeListener(s, first);
      log.info({ signal, timeoutMs: options.timeoutMs }, "stopping: finishing in-flight work");
      const timer = setTimeout(() => {
        log.error({ timeoutMs: options.timeoutMs }, "stop timed out; exiting now");
        exit(1);
      }, options.timeoutMs);
      const again = (second: string) => {
        log.warn({ signal: second }, "second stop signal; exiting now");
        exit(1);
      };
      for (const s of SIGNALS) proc.once(s, again);
      void (async () => {
        for (const step of options.steps) {
          const started = Date.now();
          try {
            await step.run();
            log.debug({ step: step.name, ms: Date.now() - started }, "stop step done");
          } catch (err) {
            log.warn({ err, step: step.name }, "stop step failed; continuing");
          }
        }
        clearTimeout(timer);
        for (const s of SIGNALS) proc.removeListener(s, again);
        log.info("stopped");
        resolve();
      })();
    };
    for (const s of SIGNALS) proc.once(s, first);
  });
}

/**
 * Stops listening and resolves once every open connection has ended: requests under way get
 * their answers; idle keep-alive connections are closed as they become idle.
 */
export function closeHttpServer(server: import("node:http").Server): Promise<void> {
  return new Promise((resolve) => {
    const idle = setInterval(() => server.closeIdleConnections(), 50);
    server.close(() => {
      clearInterval(idle);
      resolve();
    });
    server.closeIdleConnections();
  });
}
