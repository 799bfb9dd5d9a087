// Renders ChartSpecs to PNG in a worker thread with a time budget. A chart that fails or runs
// over its budget is logged and left out (the caller sends its text alone); the worker is
// then replaced, so one bad chart never blocks the next nor the replies on the main thread.
import { Worker } from "node:worker_threads";
import type { Logger } from "pino";
import type { ChartFont } from "./chart-font.ts";
import type { ChartImage, ChartSpec } from "./chart-spec.ts";

/** A chart over 1,000 units renders in well under a second on one core (npm run bench:charts); 10 s means something is wrong. */
export const DEFAULT_CHART_BUDGET_MS = 10_000;

export interface ChartRenderer {
  /** The images that rendered in time, in the order asked; failures are logged and skipped. */
  renderAll(specs: readonly ChartSpec[]): Promise<ChartImage[]>;
  close(): Promise<void>;
}

interface Answer {
  id: number;
  svg?: string;
  png?: Uint8Array;
  error?: string;
}

export function createChartRenderer(options: { font: ChartFont; log: Logger; budgetMs?: number }): ChartRenderer {
  const budgetMs = options.budgetMs ?? DEFAULT_CHART_BUDGET_MS;
  const { log, font } = options;
  let worker: Worker | null = null;
  let nextId = 0;
  const waiting = new Map<number, (answer: Answer) => void>();
  let queue: Promise<unknown> = Promise.resolve();

  function ensureWorker(): Worker {
    if (worker) return worker;
    const w = new Worker(new URL("./render-worker.mjs", import.meta.url), {
      workerData: { face: font.face, family: font.family },
    });
    w.unref();
    w.on("message", (answer: Answer) => {
      waiting.get(answer.id)?.(answer);
      waiting.delete(answer.id);
    });
    w.on("error", (err) => {
      log.error({ err }, "chart worker failed");
      for (const [id, done] of waiting) done({ id, error: `worker failed: ${err.message}` });
      waiting.clear();
      if (worker === w) worker = null;
    });
    worker = w;
    return w;
  }

  async function renderOne(spec: ChartSpec): Promise<ChartImage | null> {
    const started = Date.now();
    const w = ensureWorker();
    const id = nextId++;
    // Referenced only while a chart is in flight: an idle worker never keeps the process alive,
    // and a busy one keeps a command-line run from exiting before its answer.
    w.ref();
    let timer: NodeJS.Timeout | undefined;
    const answer = await new Promise<Answer>((resolve) => {
      waiting.set(id, resolve);
      timer = setTimeout(() => {
        waiting.delete(id);
        // The worker is busy with this chart and cannot be interrupted: replace it.
        if (worker === w) worker = null;
        void w.terminate();
        resolve({ id, error: `over the time budget of ${budgetMs} ms` });
      }, budgetMs);
      w.postMessage({ id, option: spec.option, width: spec.width, height: spec.height });
    });
    clearTimeout(timer);
    w.unref();
    if (answer.error || !answer.png || answer.svg === undefined) {
      log.error({ chart: spec.name, reason: answer.error }, "chart left out: the text goes alone");
      return null;
    }
    const png = Buffer.from(answer.png.buffer, answer.png.byteOffset, answer.png.byteLength);
    log.debug({ chart: spec.name, ms: Date.now() - started, bytes: png.length }, "chart rendered");
    return { name: spec.name, caption: spec.caption, filename: `${spec.name}.png`, png, svg: answer.svg };
  }

  return {
    renderAll(specs) {
      // One chart at a time: the worker is single-threaded and the machine may be small.
      const run = queue.then(async () => {
        const images: ChartImage[] = [];
        for (const spec of specs) {
          const image = await renderOne(spec).catch((err: unknown) => {
            log.error({ err, chart: spec.name }, "chart left out: the text goes alone");
            return null;
          });
          if (image) images.push(image);
        }
        return images;
      });
      queue = run.catch(() => undefined);
      return run;
    },
    async close() {
      const w = worker;
      worker = null;
      if (w) await w.terminate();
    },
  };
}
