// `npm run console -- --user <id>`: talk to the bot from a terminal, exactly as in a group.
import { parseArgs } from "node:util";
import { commands } from "../commands/index.ts";
import { createDispatcher } from "./bot/dispatcher.ts";
import { runConsole } from "./channels/console/console-channel.ts";
import { boot } from "./boot.ts";
import type { Tool } from "./tool.ts";

export const consoleTool: Tool = async (config, argv) => {
  const { values } = parseArgs({
    args: argv,
    options: { user: { type: "string" }, name: { type: "string" }, json: { type: "boolean" }, now: { type: "string" } },
  });
  if (!values.user) {
    process.stderr.write("usage: npm run console -- --user <id> [--name <name>] [--json] [--now <ISO time>]\n");
    return 2;
  }
  const pinned = values.now ? new Date(values.now) : null;
  if (pinned && Number.isNaN(pinned.getTime())) {
    process.stderr.write(`--now: not an ISO time: ${values.now}\n`);
    return 2;
  }
  const { log, redis, store, rules } = await boot(config);
  const now = () => pinned ?? new Date();
  const dispatch = createDispatcher({ store, commands, rules, log, now, botNames: config.botNames });
  try {
    await runConsole(dispatch, {
      user: values.user,
      ...(values.name ? { name: values.name } : {}),
      json: values.json ?? false,
      now,
      unitName: async (id) => (await store.directory.getUnit(id))?.name ?? id,
      input: process.stdin,
      output: process.stdout,
      interactive: process.stdin.isTTY === true && !values.json,
    });
  } finally {
    await redis.close();
  }
  return 0;
};
