// The word lists detectReportKind (detect-kind.ts) reads: report keywords, filler said before a
// report, kind words inside a line, and the words that make a plain line a visit. Plain data.
import type { ReportKind } from "./types.ts";

/** The report keywords a line may start with once filler is gone, longest first. */
export const LEADING_WORDS: ReadonlyArray<readonly [string, ReportKind]> = [
  ["人才项目", "talentProject"],
  ["创新团队", "innovationTeam"],
  ["引进人才", "talentRecruit"],
  ["人才引进", "talentRecruit"],
  ["到位资金", "fundsArrived"],
  ["资金到位", "fundsArrived"],
  ["走出去", "visitOut"],
  ["请进来", "visitIn"],
  ["在谈", "negotiation"],
  ["签约", "signing"],
  ["续建", "carryOver"],
  ["到位", "fundsArrived"],
  ["落地", "landed"],
  ["开工", "started"],
  ["投产", "producing"],
  ["入库", "registered"],
  ["引才", "talentRecruit"],
];

/** Words said before the report itself: hesitation, greetings, "please record". Longest first. */
export const FILLER = [
  "麻烦登记一下",
  "帮忙登记一下",
  "帮我登记一下",
  "请登记一下",
  "登记一下",
  "帮忙登记",
  "帮我登记",
  "请登记",
  "登记",
  "报告一下",
  "汇报一下",
  "上报一下",
  "报一下",
  "报告",
  "汇报",
  "上报",
  "好消息",
  "喜报",
  "捷报",
  "快讯",
  "您好",
  "你好",
  "好的",
  "麻烦",
  "那个",
  "这个",
  "就是",
  "然后",
  "嗯嗯",
  "嗯",
  "呃",
  "额",
  "哦",
  "噢",
  "啊",
  "哎",
  "喂",
];
export const FILLER_PUNCT = " ,.:;!?。，、：；！～~-—|*#";
export const OPEN = "【[〔(「『《";
export const CLOSE = "】]〕)」』》";

/** Strong words inside a line: each names one kind. Longest first within the scan. */
export interface KindWord {
  word: string;
  kind: ReportKind;
  /** Blank the word out of the body, so what stood before it ("城西镇签约…") does not join the name. */
  blank: boolean;
}
export const INLINE_WORDS: readonly KindWord[] = [
  // 招才引智: the words stay in the body, where the talent parser reads level and name from them.
  { word: "引进急需紧缺", kind: "talentRecruit", blank: false },
  { word: "引进高层次", kind: "talentRecruit", blank: false },
  { word: "急需紧缺人才", kind: "talentRecruit", blank: false },
  { word: "高层次人才", kind: "talentRecruit", blank: false },
  { word: "引进人才", kind: "talentRecruit", blank: false },
  { word: "人才引进", kind: "talentRecruit", blank: false },
  { word: "引进博士", kind: "talentRecruit", blank: false },
  { word: "引进硕士", kind: "talentRecruit", blank: false },
  { word: "人才项目", kind: "talentProject", blank: false },
  { word: "创新团队", kind: "innovationTeam", blank: false },
  { word: "名博士", kind: "talentRecruit", blank: false },
  { word: "名硕士", kind: "talentRecruit", blank: false },
  { word: "引才", kind: "talentRecruit", blank: false },
  { word: "到位资金", kind: "fundsArrived", blank: true },
  { word: "资金到位", kind: "fundsArrived", blank: true },
  { word: "走出去", kind: "visitOut", blank: true },
  { word: "请进来", kind: "visitIn", blank: true },
  { word: "竣工投产", kind: "producing", blank: true },
  { word: "正式投产", kind: "producing", blank: true },
  { word: "破土动工", kind: "started", blank: true },
  { word: "开工建设", kind: "started", blank: true },
  { word: "注册落户", kind: "landed", blank: true },
  { word: "纳入统计", kind: "registered", blank: true },
  { word: "试生产", kind: "producing", blank: true },
  { word: "在谈", kind: "negotiation", blank: true },
  { word: "签约", kind: "signing", blank: true },
  { word: "续建", kind: "carryOver", blank: true },
  { word: "签订", kind: "signing", blank: true },
  { word: "签署", kind: "signing", blank: true },
  { word: "签下", kind: "signing", blank: true },
  { word: "到位", kind: "fundsArrived", blank: true },
  { word: "到账", kind: "fundsArrived", blank: true },
  { word: "到资", kind: "fundsArrived", blank: true },
  { word: "落地", kind: "landed", blank: true },
  { word: "落户", kind: "landed", blank: true },
  { word: "供地", kind: "landed", blank: false },
  { word: "摘牌", kind: "landed", blank: false },
  { word: "拿地", kind: "landed", blank: false },
  { word: "开工", kind: "started", blank: true },
  { word: "动工", kind: "started", blank: true },
  { word: "投产", kind: "producing", blank: true },
  { word: "试产", kind: "producing", blank: true },
  { word: "入库", kind: "registered", blank: true },
  { word: "纳统", kind: "registered", blank: true },
  { word: "入统", kind: "registered", blank: true },
];
/** 1 for the UTF-16 units an inline word starts with. */
export const INLINE_FIRST = new Uint8Array(0x10000);
for (const w of INLINE_WORDS) INLINE_FIRST[w.word.charCodeAt(0)] = 1;

/** Before a milestone word these make it a plan, not an event: "计划开工", "拟签约" (then it is talks). */
export const PLANNED = [
  "计划",
  "预计",
  "拟",
  "将",
  "准备",
  "即将",
  "争取",
  "力争",
  "确保",
  "待",
  "尚未",
  "未",
  "没有",
  "还没",
];
/** After a milestone word these make it a condition: "投产后年产值8亿". */
export const CONDITION_AFTER = ["后", "以后", "之后", "前"];

/** A visitor coming here: "一行来我镇考察", "莅临", "来访". */
export const ARRIVAL_WORDS = [
  "一行",
  "莅临",
  "来访",
  "到访",
  "来我",
  "到我",
  "来镇",
  "来园区",
  "来县",
  "来开发区",
  "接待",
  "考察团",
];
/** "来城西考察": 来 then, within a few characters, what visitors do. */
export const VISITOR_DOES = ["考察", "洽谈", "对接", "参观", "调研", "座谈", "交流"];
/** Before 来 these make it another word: 未来, 原来, 后来, 带来, 以来, 本来, 近来, 从来, 出来, 起来, 回来. */
export const NOT_COMING = "未原后带以本近从出起回将";
/** Going out: a travel verb, and visit verbs that only a trip explains. */
export const TRAVEL_VERBS = ["前往", "赴", "去", "到"];
export const VISIT_VERBS = ["拜访", "走访", "外出招商", "登门", "上门"];
/** Meeting words that make "去X…" a visit rather than an errand. */
export const MEETING_WORDS = [
  "见了",
  "见面",
  "会见",
  "对接",
  "洽谈",
  "考察",
  "调研",
  "招商",
  "推介",
  "企业",
  "客商",
  "公司",
  "集团",
  "参加",
];
