// A command-line tool of the composition root: `npm start` (serve), console, import, export, schedule.
import type { Config } from "./config.ts";

/** Runs with the validated configuration and the arguments after the tool's name; resolves to the exit code. */
export type Tool = (config: Config, argv: string[]) => Promise<number>;
