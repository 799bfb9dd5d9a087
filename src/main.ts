// Composition root: config → logger → redis/store → dispatcher → channel or server.
// `serve` runs the service; `console`, `import`, `export` and `schedule` are the command-line
// tools, one file each beside this one (serve.ts, console-tool.ts, import-tool.ts, export-tool.ts, schedule-tool.ts; boot.ts starts them).
import { schedules } from "../schedules/index.ts";
import { consoleTool } from "./console-tool.ts";
import { exportTool } from "./export-tool.ts";
import { importTool } from "./import-tool.ts";
import { scheduleTool } from "./schedule-tool.ts";
import { serve } from "./serve.ts";
import type { Tool } from "./tool.ts";
import { ConfigError, loadDotEnv, readConfig, type Config } from "./config.ts";
import { RedisUnavailableError } from "./redis.ts";

const TOOLS: Record<string, Tool> = {
  serve,
  console: consoleTool,
  import: importTool,
  export: exportTool,
  schedule: scheduleTool,
};

async function main(argv: string[]): Promise<number> {
  const [name = "serve", ...rest] = argv;
  const tool = TOOLS[name];
  if (!tool) {
    process.stderr.write(`unknown command ${name}; use one of: ${Object.keys(TOOLS).join(", ")}\n`);
    return 2;
  }
  let config: Config;
  try {
    loadDotEnv();
    config = readConfig(undefined, schedules);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 1;
  }
  try {
    return await tool(config, rest);
  } catch (error) {
    if (error instanceof RedisUnavailableError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  },
);
