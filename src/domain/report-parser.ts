// Understands the body of a one-line report ("年产10万吨功能膜项目 5.2亿元 新材料 省外").
// Each recognised piece (quoted name, amounts, date, source, industry) is masked out of a
// working copy so what remains can be read as the project name or the counterpart.
import { findMoney } from "./amount.ts";
import { findDate } from "./date-phrase.ts";
import { findIndustry, type IndustryTable } from "./industry.ts";
import { findPlace } from "./places.ts";
import type { IsoDate, Money, ReportKind, Source } from "./types.ts";

export interface ReportFields {
  date: IsoDate;
  dateGiven: boolean;
  project: string | null;
  money: Money | null;
  industry: string | null;
  manufacturing: boolean | null;
  source: Source | null;
  place: string | null;
  counterpart: string | null;
}

export interface ParseOptions {
  today: IsoDate;
  industries: IndustryTable;
}

export type ParseOutcome = { ok: true; fields: ReportFields } | { ok: false; problem: string };

const PROJECT_KINDS: ReadonlySet<ReportKind> = new Set([
  "negotiation",
  "signing",
  "fundsArrived",
  "landed",
  "started",
  "producing",
  "registered",
]);
const MONEY_REQUIRED: ReadonlySet<ReportKind> = new Set(["signing", "fundsArrived"]);

const QUOTED = /「([^」]+)」|“([^”]+)”|《([^》]+)》|"([^"]+)"/;
const ASIDE = /\((?:其中|含)[^)]*\)/g;
const MONEY_LEAD = /(?:总投资额?|投资总额|计划总?投资|协议投资|投资额|投资|金额|资金|到位|共计|合计|约|达|为|:)+\s*$/;
const SOURCES: ReadonlyArray<[RegExp, Source]> = [
  [/省外/, "省外"],
  [/市外/, "市外"],
  [/境外|国外|海外|外资/, "境外"],
];
const SPLIT = /[\s,;。;、!?]+/;
const FILLER = /^(?:总投资额?|投资总额|计划投资|投资额?|金额|资金|元|约|项目|的|与|和|及|其中)+$/;

export function parseReportBody(kind: ReportKind, body: string, options: ParseOptions): ParseOutcome {
  let work = body.replace(/^[\s:]+/, "");
  const original = work;
  const mask = (start: number, end: number) => {
    work = work.slice(0, start) + " ".repeat(end - start) + work.slice(end);
  };

  let project: string | null = null;
  const quoted = QUOTED.exec(work);
  if (quoted) {
    project = (quoted[1] ?? quoted[2] ?? quoted[3] ?? quoted[4] ?? "").trim() || null;
    mask(quoted.index, quoted.index + quoted[0].length);
  }
  work = work.replace(ASIDE, (aside) => " ".repeat(aside.length));

  const amounts = findMoney(work);
  const first = amounts[0];
  const money: Money | null = first ? { currency: first.currency, value: first.value } : null;
  for (const m of amounts) {
    const lead = MONEY_LEAD.exec(work.slice(0, m.start));
    mask(lead ? lead.index : m.start, m.end);
  }

  const dateMatch = findDate(work, options.today);
  if (dateMatch) mask(dateMatch.start, dateMatch.end);

  let source: Source | null = null;
  for (const [pattern, value] of SOURCES) {
    const hit = pattern.exec(work);
    if (hit) {
      source ??= value;
      mask(hit.index, hit.index + hit[0].length);
    }
  }
  if (!source && money?.currency === "USD") source = "境外";

  const industryMatch = findIndustry(original, options.industries);
  if (industryMatch?.explicit) mask(industryMatch.start, industryMatch.end);
  const industry = industryMatch?.tag ?? null;

  let place: string | null = null;
  let counterpart: string | null = null;
  if (kind === "visitOut" || kind === "visitIn") {
    counterpart = kind === "visitIn" ? visitorOf(work) : null;
    const placeMatch = findPlace(work);
    if (placeMatch) {
      place = placeMatch.name;
      if (!counterpart) mask(placeMatch.start, placeMatch.end);
    }
    counterpart ??= counterpartOf(work);
    if (!original.trim()) return { ok: false, problem: "请写上去了哪里、见了谁。" };
  } else if (PROJECT_KINDS.has(kind)) {
    project ??= projectOf(work);
    if (!project) return { ok: false, problem: "没有看到项目名称。" };
    if (MONEY_REQUIRED.has(kind) && !money) {
      return { ok: false, problem: `没有看到${kind === "signing" ? "投资额" : "到位金额"}（如 5.2亿元、3000万、500万美元）。` };
    }
  }

  return {
    ok: true,
    fields: {
      date: dateMatch?.date ?? options.today,
      dateGiven: dateMatch !== null,
      project,
      money,
      industry,
      manufacturing: industry === null ? null : options.industries.manufacturing.has(industry),
      source,
      place,
      counterpart,
    },
  };
}

function tokens(text: string): string[] {
  return text
    .split(SPLIT)
    .map((t) => t.replace(/^[:()]+|[:()]+$/g, ""))
    .filter((t) => t.length > 0 && !FILLER.test(t));
}

/** The token naming a project: the one containing 项目 (cut after it), else the first. */
function projectOf(text: string): string | null {
  const all = tokens(text);
  const named = all.find((t) => t.includes("项目") && !/^项目/.test(t));
  if (named) return named.slice(0, named.lastIndexOf("项目") + 2);
  return all[0] ?? null;
}

const VISIT_VERBS = /(?:拜访|走访|对接|会见|会晤|参加|出席|考察|接待)(?:了)?/;
const COUNTERPART_END = /[\s,;。;、!?]|洽谈|商谈|对接|考察|就|并/;

/** Whom a 走出去 met: the words after 拜访/对接/参加…, else the first remaining token. */
function counterpartOf(text: string): string | null {
  const verb = VISIT_VERBS.exec(text);
  if (verb) {
    const rest = text.slice(verb.index + verb[0].length);
    const end = COUNTERPART_END.exec(rest);
    const found = (end ? rest.slice(0, end.index) : rest).trim();
    if (found) return found;
  }
  const first = tokens(text).map((t) => t.replace(/^(?:赴|到|去|前往|至)/, "")).find((t) => t.length >= 2);
  return first ?? null;
}

const ARRIVAL = /(?:一行)?(?:来我|莅临|到我|赴我|来县|来访|来到)/;

/** Who came for a 请进来: the clause before "来我镇/莅临…" ("宁波某集团董事长一行"). */
function visitorOf(text: string): string | null {
  const arrival = ARRIVAL.exec(text);
  if (!arrival) return null;
  const before = text.slice(0, arrival.index + (arrival[0].startsWith("一行") ? 2 : 0));
  const clause = before.split(SPLIT).filter(Boolean).pop();
  return clause ? clause.replace(/^(?:接待)/, "") : null;
}
