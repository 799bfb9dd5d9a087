// Validates an import file (YAML or JSON) into a plan, reporting each problem with its line
// and field. JSON is read with the YAML parser (JSON is YAML 1.2) so both get line numbers.
import { isMap, isSeq, LineCounter, parseDocument, type Document } from "yaml";
import { parseMoney } from "./amount.ts";
import { DEFAULT_RANKING_RULES, RATE_NAMES, type RankingRules } from "./ranking.ts";
import { parseRateDefinition, rateByWord } from "./ranking-rules-text.ts";
import { MONEY_TARGETS, TARGET_FIELDS, type TargetField, type Targets } from "./targets.ts";

export interface ImportUnit {
  name: string;
  aliases: string[];
  members: string[];
  targets: Targets;
}

export interface ImportPlan {
  units: ImportUnit[];
  admins: string[];
  /** 领导/观察员: may query everything, report nothing. */
  viewers: string[];
  selfJoin: boolean | undefined;
  /** Changes to the 赛马 rules; applied over the deployment's current rules. */
  ranking: Partial<RankingRules> | undefined;
}

export type ImportParse = { ok: true; plan: ImportPlan } | { ok: false; problems: string[] };

type Path = Array<string | number>;

export function parseImportFile(text: string): ImportParse {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((e) => `第 ${e.linePos?.[0]?.line ?? "?"} 行：${e.message.split("\n")[0]}`),
    };
  }
  const problems: string[] = [];
  const at = (path: Path, message: string) => {
    const line = lineOf(doc, lines, path);
    problems.push(`${line ? `第 ${line} 行 ` : ""}${formatPath(path)}：${message}`);
  };
  const data = doc.toJS() as unknown;
  if (!isObject(data)) return { ok: false, problems: ["文件内容应为一个对象，包含 units 列表"] };
  for (const key of Object.keys(data))
    if (!["units", "admins", "viewers", "selfJoin", "ranking"].includes(key)) at([key], "不认识的字段");

  const units: ImportUnit[] = [];
  if (!Array.isArray(data.units)) at(["units"], "应为单位列表");
  else
    data.units.forEach((raw: unknown, i: number) => {
      const unit = readUnit(raw, ["units", i], at);
      if (unit) units.push(unit);
    });
  const admins = readStrings(data.admins ?? [], ["admins"], at);
  const viewers = readStrings(data.viewers ?? [], ["viewers"], at);
  const selfJoin = data.selfJoin;
  if (selfJoin !== undefined && typeof selfJoin !== "boolean") at(["selfJoin"], "应为 true 或 false");

  const ranking = data.ranking === undefined ? undefined : readRanking(data.ranking, at);

  checkUnique(units, at);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, plan: { units, admins, viewers, selfJoin: selfJoin as boolean | undefined, ranking } };
}

type At = (path: Path, message: string) => void;

function readUnit(raw: unknown, path: Path, at: At): ImportUnit | null {
  if (!isObject(raw)) {
    at(path, "应为对象（含 name）");
    return null;
  }
  for (const key of Object.keys(raw))
    if (!["name", "aliases", "members", "targets"].includes(key)) at([...path, key], "不认识的字段");
  const name = typeof raw.name === "string" ? raw.name.trim() : "";
  if (!name) at([...path, "name"], "缺少单位名称");
  const targets: Targets = {};
  if (raw.targets !== undefined) {
    if (!isObject(raw.targets)) at([...path, "targets"], "应为对象");
    else
      for (const [key, value] of Object.entries(raw.targets)) {
        const field = key as TargetField;
        if (!TARGET_FIELDS.includes(field)) {
          at([...path, "targets", key], `不认识的目标，可用：${TARGET_FIELDS.join(", ")}`);
          continue;
        }
        const parsed = readTarget(field, value);
        if (parsed === null)
          at(
            [...path, "targets", key],
            MONEY_TARGETS.has(field) ? "应为金额（整数元，或如 15亿、5000万）" : "应为非负整数",
          );
        else targets[field] = parsed;
      }
  }
  return {
    name,
    aliases: readStrings(raw.aliases ?? [], [...path, "aliases"], at),
    members: readStrings(raw.members ?? [], [...path, "members"], at),
    targets,
  };
}

/**
 * ranking: { weights: { 签约率: 30, … }, rates: { 签约率: 签约金额/目标签约金额 }, rateCap: 1,
 * laggardMarginPoints: 10, paceMarginPoints: 10, silentDays: 14, bottomShare: 0.1, carryOverInRates: false }
 * — rate names in Chinese or as in the code.
 */
function readRanking(raw: unknown, at: At): Partial<RankingRules> | undefined {
  if (!isObject(raw)) {
    at(["ranking"], "应为对象");
    return undefined;
  }
  const out: Partial<RankingRules> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (key === "weights" || key === "rates") {
      if (!isObject(value)) {
        at(["ranking", key], "应为对象");
        continue;
      }
      const entries: Array<[string, unknown]> = [];
      for (const [name, v] of Object.entries(value)) {
        const rate = rateByWord(name);
        if (!rate) at(["ranking", key, name], `不认识的率，可用：${RATE_NAMES.join(", ")} 或其中文名`);
        else if (key === "weights" && (typeof v !== "number" || v < 0)) at(["ranking", key, name], "权重应为非负数");
        else if (key === "rates" && (typeof v !== "string" || !parseRateDefinition(v)))
          at(["ranking", key, name], "口径应写成 分子/分母，如 签约金额/目标签约金额");
        else entries.push([rate, key === "rates" ? parseRateDefinition(v as string) : v]);
      }
      if (key === "weights") out.weights = { ...DEFAULT_RANKING_RULES.weights, ...Object.fromEntries(entries) };
      else out.rates = { ...DEFAULT_RANKING_RULES.rates, ...Object.fromEntries(entries) };
    } else if (
      key === "rateCap" ||
      key === "laggardMarginPoints" ||
      key === "paceMarginPoints" ||
      key === "silentDays" ||
      key === "bottomShare"
    ) {
      if (typeof value !== "number" || value < 0) at(["ranking", key], "应为非负数");
      else out[key] = value;
    } else if (key === "carryOverInRates") {
      if (typeof value !== "boolean") at(["ranking", key], "应为 true 或 false");
      else out.carryOverInRates = value;
    } else {
      at(
        ["ranking", key],
        "不认识的字段，可用：weights, rates, rateCap, laggardMarginPoints, paceMarginPoints, silentDays, bottomShare, carryOverInRates",
      );
    }
  }
  return out;
}

function readTarget(field: TargetField, value: unknown): number | null {
  if (typeof value === "number") return Number.isSafeInteger(value) && value >= 0 ? value : null;
  if (typeof value !== "string" || !MONEY_TARGETS.has(field)) return null;
  const money = parseMoney(value);
  return money?.currency === "CNY" && money.value >= 0 ? money.value : null;
}

function readStrings(raw: unknown, path: Path, at: At): string[] {
  if (!Array.isArray(raw)) {
    at(path, "应为列表");
    return [];
  }
  const out: string[] = [];
  raw.forEach((v, i) => {
    if ((typeof v === "string" && v.trim()) || typeof v === "number") out.push(String(v).trim());
    else at([...path, i], "应为非空文字");
  });
  return out;
}

function checkUnique(units: ImportUnit[], at: At) {
  const names = new Map<string, number>();
  const members = new Map<string, number>();
  units.forEach((unit, i) => {
    for (const [j, name] of [unit.name, ...unit.aliases].entries()) {
      const owner = names.get(name);
      if (owner !== undefined && owner !== i)
        at(j === 0 ? ["units", i, "name"] : ["units", i, "aliases", j - 1], `「${name}」与第 ${owner + 1} 个单位重名`);
      else names.set(name, i);
    }
    unit.members.forEach((member, j) => {
      const owner = members.get(member);
      if (owner !== undefined && owner !== i)
        at(["units", i, "members", j], `成员 ${member} 已在第 ${owner + 1} 个单位`);
      else members.set(member, i);
    });
  });
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function formatPath(path: Path): string {
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : `${i === 0 ? "" : "."}${p}`)).join("");
}

/** Line of the deepest node that exists on the path. */
function lineOf(doc: Document, lines: LineCounter, path: Path): number | null {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = doc.getIn(path.slice(0, depth), true) as { range?: [number, number, number] } | undefined;
    const parent = depth > 0 ? doc.getIn(path.slice(0, depth - 1), true) : doc.contents;
    // A scalar's own range, or the key's position within a map.
    const range = node && typeof node === "object" && "range" in node ? node.range : undefined;
    if (range) return lines.linePos(range[0]).line;
    if (isMap(parent) || isSeq(parent)) {
      const r = (parent as { range?: [number, number, number] }).range;
      if (r) return lines.linePos(r[0]).line;
    }
  }
  return null;
}
