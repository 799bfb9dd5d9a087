// Starts one throwaway redis-server on a free port for the whole test run.
// Tests never touch the machine's default instance: each test file gets its own
// deployment id (hash tag), so their keys never meet.
import "vitest";
import type { TestProject } from "vitest/node";
import { startRedisServer, type RedisServerHandle } from "./redis-server.ts";

let server: RedisServerHandle | undefined;

export async function setup(project: TestProject): Promise<void> {
  server = await startRedisServer();
  project.provide("redisPort", server.port);
}

export async function teardown(): Promise<void> {
  await server?.stop();
}

declare module "vitest" {
  export interface ProvidedContext {
    redisPort: number;
  }
}
