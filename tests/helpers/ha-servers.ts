// Real Redis high-availability set-ups on free loopback ports, for tests/ha (npm run test:ha):
// a master with a replica and three sentinels, and a cluster of three masters with one replica
// each. Every server runs from a temporary directory, without persistence; stop() ends them all.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Redis } from "ioredis";
import { freePort } from "../../src/redis.ts";

export interface Node {
  port: number;
  /** Kills the process (SIGKILL: no goodbye to replicas or sentinels). */
  kill(): Promise<void>;
  /** Starts it again on the same port and directory (its cluster config survives). */
  restart(): Promise<void>;
  readonly running: boolean;
}

export interface SentinelSet {
  name: string;
  master: Node;
  replicas: Node[];
  sentinels: Node[];
  /** The port the sentinels currently name as master. */
  masterPort(): Promise<number>;
  stop(): Promise<void>;
}

export interface ClusterSet {
  nodes: Node[];
  /** The node that currently serves `key` as master. */
  masterOf(key: string): Promise<Node>;
  stop(): Promise<void>;
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls until `check` resolves truthy; throws after `timeoutMs`. */
export async function until<T>(
  what: string,
  check: () => Promise<T | false | null | undefined>,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check().catch(() => null);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await wait(100);
  }
}

function probe(port: number): Redis {
  const client = new Redis({
    host: "127.0.0.1",
    port,
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  client.on("error", () => {});
  return client;
}

async function ask<T>(port: number, run: (c: Redis) => Promise<T>): Promise<T> {
  const client = probe(port);
  try {
    await client.connect();
    return await run(client);
  } finally {
    client.disconnect();
  }
}

function startNode(port: number, dir: string, args: string[], configFile?: string): Node {
  let child: ChildProcess | null = null;
  let exited: Promise<void> = Promise.resolve();
  const launch = async () => {
    const argv = [
      ...(configFile ? [configFile] : []),
      "--port",
      String(port),
      "--bind",
      "127.0.0.1",
      "--dir",
      dir,
      "--save",
      "",
      "--appendonly",
      "no",
      ...args,
    ];
    const proc = spawn("redis-server", argv, { stdio: "ignore" });
    child = proc;
    exited = new Promise<void>((resolve) => proc.once("exit", () => resolve()));
    await until(`redis on port ${port}`, () => ask(port, async (c) => (await c.ping()) === "PONG"), 10_000);
  };
  const node: Node = {
    port,
    get running() {
      return child !== null && child.exitCode === null && child.signalCode === null;
    },
    async kill() {
      if (node.running) child!.kill("SIGKILL");
      await exited;
    },
    async restart() {
      await node.kill();
      await launch();
    },
  };
  (node as Node & { launch: () => Promise<void> }).launch = launch;
  return node;
}

async function launched(node: Node): Promise<Node> {
  await (node as Node & { launch: () => Promise<void> }).launch();
  return node;
}

/** A master, `replicas` replicas and three sentinels (quorum 2) that fail over after ~1 s. */
export async function startSentinelSet(options: { replicas?: number; name?: string } = {}): Promise<SentinelSet> {
  const name = options.name ?? "zsmaster";
  const dir = mkdtempSync(join(tmpdir(), "zs-ha-sentinel-"));
  const all: Node[] = [];
  const dirFor = (port: number) => {
    const d = join(dir, String(port));
    spawnSync("mkdir", ["-p", d]);
    return d;
  };
  try {
    const masterPort = await freePort();
    const master = await launched(startNode(masterPort, dirFor(masterPort), []));
    all.push(master);
    const replicas: Node[] = [];
    for (let i = 0; i < (options.replicas ?? 1); i++) {
      const port = await freePort();
      const replica = await launched(
        startNode(port, dirFor(port), [
          "--replicaof",
          "127.0.0.1",
          String(masterPort),
          "--replica-announce-ip",
          "127.0.0.1",
        ]),
      );
      all.push(replica);
      replicas.push(replica);
    }
    for (const replica of replicas) {
      await until("replica in sync", () =>
        ask(replica.port, async (c) => /master_link_status:up/.test(await c.info("replication"))),
      );
    }
    const sentinels: Node[] = [];
    for (let i = 0; i < 3; i++) {
      const port = await freePort();
      const d = dirFor(port);
      const conf = join(d, "sentinel.conf");
      writeFileSync(
        conf,
        [
          `sentinel monitor ${name} 127.0.0.1 ${masterPort} 2`,
          `sentinel down-after-milliseconds ${name} 1000`,
          `sentinel failover-timeout ${name} 5000`,
          `sentinel parallel-syncs ${name} 1`,
          "sentinel announce-ip 127.0.0.1",
          "",
        ].join("\n"),
      );
      const sentinel = await launched(startNode(port, d, ["--sentinel"], conf));
      all.push(sentinel);
      sentinels.push(sentinel);
    }
    // Sentinels must know each other and the replicas before a failover can be agreed.
    await until("sentinels to discover each other", () =>
      ask(sentinels[0]!.port, async (c) => {
        const info = (await c.call("SENTINEL", "MASTER", name)) as string[];
        const field = (k: string) => Number(info[info.indexOf(k) + 1]);
        return field("num-other-sentinels") >= 2 && field("num-slaves") >= replicas.length;
      }),
    );
    return {
      name,
      master,
      replicas,
      sentinels,
      async masterPort() {
        for (const s of sentinels.filter((n) => n.running)) {
          const addr = await ask(
            s.port,
            (c) => c.call("SENTINEL", "GET-MASTER-ADDR-BY-NAME", name) as Promise<string[]>,
          ).catch(() => null);
          if (addr) return Number(addr[1]);
        }
        throw new Error("no sentinel answers");
      },
      async stop() {
        await Promise.all(all.map((n) => n.kill()));
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await Promise.all(all.map((n) => n.kill()));
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

/** Three masters with one replica each (redis-cli --cluster create), node timeout 1 s. */
export async function startCluster(): Promise<ClusterSet> {
  const dir = mkdtempSync(join(tmpdir(), "zs-ha-cluster-"));
  const nodes: Node[] = [];
  try {
    for (let i = 0; i < 6; i++) {
      const port = await freePort();
      const d = join(dir, String(port));
      spawnSync("mkdir", ["-p", d]);
      nodes.push(
        await launched(
          startNode(port, d, [
            "--cluster-enabled",
            "yes",
            "--cluster-config-file",
            "nodes.conf",
            "--cluster-node-timeout",
            "1000",
            "--cluster-announce-ip",
            "127.0.0.1",
          ]),
        ),
      );
    }
    const create = spawnSync(
      "redis-cli",
      ["--cluster", "create", ...nodes.map((n) => `127.0.0.1:${n.port}`), "--cluster-replicas", "1", "--cluster-yes"],
      { encoding: "utf8", timeout: 60_000 },
    );
    if (create.status !== 0) throw new Error(`redis-cli --cluster create failed: ${create.stdout}${create.stderr}`);
    for (const node of nodes) {
      await until(
        "cluster state ok",
        () => ask(node.port, async (c) => /cluster_state:ok/.test((await c.call("CLUSTER", "INFO")) as string)),
        30_000,
      );
    }
    // Every master has its replica in sync before a test relies on WAIT.
    for (const node of nodes) {
      await until(
        "replicas in sync",
        () =>
          ask(node.port, async (c) => {
            const info = await c.info("replication");
            return /role:slave/.test(info) ? /master_link_status:up/.test(info) : /slave0:.*state=online/.test(info);
          }),
        30_000,
      );
    }
    const set: ClusterSet = {
      nodes,
      async masterOf(key) {
        for (const node of nodes.filter((n) => n.running)) {
          const port = await ask(node.port, async (c) => {
            const slot = (await c.call("CLUSTER", "KEYSLOT", key)) as number;
            const slots = (await c.call("CLUSTER", "SLOTS")) as Array<[number, number, [string, number]]>;
            const range = slots.find(([from, to]) => slot >= from && slot <= to);
            return range ? Number(range[2][1]) : null;
          }).catch(() => null);
          const owner = nodes.find((n) => n.port === port);
          if (owner) return owner;
        }
        throw new Error(`no node serves ${key}`);
      },
      async stop() {
        await Promise.all(nodes.map((n) => n.kill()));
        rmSync(dir, { recursive: true, force: true });
      },
    };
    return set;
  } catch (error) {
    await Promise.all(nodes.map((n) => n.kill()));
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
