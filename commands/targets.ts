import { defineCommand } from "../src/bot/define.ts";
import { UserError } from "../src/bot/errors.ts";
import { formatYuan, parseMoney } from "../src/domain/amount.ts";
import {
  joinTargetWords,
  MONEY_TARGETS,
  parseTargetWords,
  TARGET_FIELDS,
  TARGET_LABEL,
  TARGET_UNIT,
  type Targets,
} from "../src/domain/targets.ts";
import { findUnit, words } from "./lib/find-unit.ts";

const EXAMPLE = "目标 城西镇 走出去24 请进来24 签约6 亿元以上2 签约金额15亿 到位资金5亿";

export default defineCommand({
  name: "targets",
  triggers: ["目标"],
  group: "admin",
  summary: "设置单位年度目标（只写单位名则查看）",
  examples: [
    EXAMPLE,
    "目标 城西镇 走出去20次 签约6个 到位资金5亿",
    "目标 城西镇 引才50人 高层次人才5人 人才项目2个 创新团队1个",
    "目标 城西镇",
  ],
  access: "admin",
  async run(ctx) {
    const [name, ...assignments] = words(ctx.args);
    if (!name) throw new UserError("请写上单位名称。", EXAMPLE);
    let unit = await findUnit(ctx.store, name, EXAMPLE);
    if (assignments.length > 0) {
      const parsed = parseTargetWords(joinTargetWords(assignments), (text) => {
        const money = parseMoney(text);
        return money?.currency === "CNY" ? money.value : null;
      });
      if (!parsed.ok) throw new UserError(parsed.problem, EXAMPLE);
      unit = (await ctx.store.directory.setTargets(unit.id, parsed.targets))!;
    }
    await ctx.reply(`「${unit.name}」年度目标：${describe(unit.targets)}`);
  },
});

function describe(targets: Targets): string {
  const parts = TARGET_FIELDS.filter((f) => targets[f] !== undefined).map(
    (f) =>
      `${TARGET_LABEL[f]} ${MONEY_TARGETS.has(f) ? formatYuan(targets[f]!) : `${targets[f]}${TARGET_UNIT[f] ?? ""}`}`,
  );
  return parts.length > 0 ? parts.join(" · ") : "尚未设置";
}
