import { defineCommand } from "../src/bot/define.ts";
import type { DashboardScope } from "../src/bot/dashboard-links.ts";
import { findUnit } from "./lib/find-unit.ts";
import { assertMayQuery } from "./lib/query-access.ts";

const dateTime = (d: Date) =>
  new Intl.DateTimeFormat("zh-CN", {
    timeZone: "Asia/Shanghai",
    month: "numeric",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hour12: false,
  }).format(d);

export default defineCommand({
  name: "dashboard",
  triggers: ["看板", "驾驶舱"],
  group: "query",
  summary: "全县（或某单位）数据看板的链接：图表、排名、各单位进度和项目，手机可看",
  examples: ["看板", "看板 城西"],
  access: "public",
  async run(ctx) {
    const dashboard = ctx.rules.dashboard;
    if (!dashboard) {
      await ctx.reply(
        "看板未开启。请管理员在服务配置中设置 DASHBOARD_SECRET（至少32位随机字符）和 PUBLIC_BASE_URL（本服务的访问地址），重启后发「看板」即可获得链接。",
      );
      return;
    }
    const unit = ctx.args ? await findUnit(ctx.store, ctx.args, "看板 城西镇") : undefined;
    // own-unit deployments: a member without an admin role only gets their own unit's page.
    const ownOnly = !ctx.isAdmin && ctx.rules.queryAccess === "own-unit";
    const target = unit ?? (ownOnly ? ctx.unit : undefined);
    assertMayQuery(ctx, target?.id);
    const scope: DashboardScope = target ? { kind: "unit", unitId: target.id } : { kind: "county" };
    const { url, expiresAt } = dashboard.link(scope, ctx.now);
    await ctx.reply(`📊 ${target ? target.name : "全县"}数据看板（${dateTime(expiresAt)}前有效，请勿外传）\n${url}`);
  },
});
