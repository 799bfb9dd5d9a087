// Every command-line tool runs against Sentinel and Cluster with the same settings as the
// service, and exits when done (Sentinel's failover subscriptions used to keep it alive).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCluster, startSentinelSet, type ClusterSet, type SentinelSet } from "../helpers/ha-servers.ts";
import { runCli } from "../helpers/run-cli.ts";

let sentinel: SentinelSet;
let cluster: ClusterSet;

beforeAll(async () => {
  [sentinel, cluster] = await Promise.all([startSentinelSet(), startCluster()]);
});

afterAll(async () => {
  await Promise.all([sentinel?.stop(), cluster?.stop()]);
});

const shapes = {
  sentinel: () => ({
    REDIS_SENTINELS: sentinel.sentinels.map((n) => `127.0.0.1:${n.port}`).join(","),
    REDIS_SENTINEL_NAME: sentinel.name,
  }),
  cluster: () => ({
    REDIS_CLUSTER_NODES: cluster.nodes
      .slice(0, 2)
      .map((n) => `127.0.0.1:${n.port}`)
      .join(","),
  }),
};

describe.each(Object.keys(shapes) as Array<keyof typeof shapes>)(
  "npm run console / export / schedule on %s",
  (shape) => {
    it("reports, exports and runs a schedule, each process ending by itself", async () => {
      const env = { ...shapes[shape](), BOT_ORG: `cli${shape}`, BOT_ADMINS: "admin" };
      const setup = await runCli(["console", "--user", "admin", "--json"], env, "添加单位 城西镇\n绑定 u1 城西镇\n");
      expect(setup.code).toBe(0);
      const report = await runCli(
        ["console", "--user", "u1", "--json"],
        env,
        "签约 年产10万吨功能膜项目 5.2亿元 新材料 省外\n",
      );
      expect(report.code).toBe(0);
      expect(JSON.parse(report.stdout.trim()).record).toMatchObject({ id: 1, kind: "签约" });
      const exported = await runCli(["export", "--format", "json"], env);
      expect(exported.code).toBe(0);
      expect((JSON.parse(exported.stdout) as unknown[]).length).toBe(1);
      const digest = await runCli(["schedule", "weekly-digest", "--dry-run"], env);
      expect(digest.code).toBe(0);
      expect(digest.stdout).toContain("演练");
    });
  },
);
