// The chart worker thread: renders one chart per message so a slow or failing chart never
// holds the event loop that answers chat messages. The parent may terminate it at any time.
// The font face arrives once, with the worker's data.
import { parentPort, workerData } from "node:worker_threads";
import { rasterise } from "./rasterise.mjs";

const { face, family } = workerData;

parentPort.on("message", async ({ id, option, width, height }) => {
  try {
    const { svg, png } = await rasterise(option, { width, height, face, family });
    parentPort.postMessage({ id, svg, png });
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
