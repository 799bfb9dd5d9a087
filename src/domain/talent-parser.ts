// Understands the body of a 招才引智 line: 引才 ("3人 博士 新材料 城西镇某企业"), 人才项目
// ("环保产业研究院 签约") and 创新团队 ("省级 新型显示材料创新团队 落户 城西镇某企业"). Like
// parseReportBody, each recognised piece is blanked out of a working copy (date, count, level,
// industry word, status words), and what remains is the employer or the name.
import { scanDates, type ImpossibleDate } from "./date-phrase.ts";
import { findImpliedIndustry, industryOfWord, type IndustryTable } from "./industry.ts";
import { wordSpans } from "./normalize.ts";
import {
  blankStatusWords,
  blankWords,
  cleanEmployer,
  firstOf,
  leadingTag,
  takeIndustry,
  takeQuoted,
} from "./talent-text.ts";
import { monthDay } from "./periods.ts";
import type { ParseOutcome, ReportFields } from "./report-parser.ts";
import { findCounts, findVagueCount } from "./talent-count.ts";
import {
  findTalentLevels,
  findTeamLevel,
  levelList,
  TEAM_LEVELS,
  type TalentFields,
  type TalentLevels,
} from "./talent-levels.ts";
import type { IsoDate, ReportKind } from "./types.ts";
import { findVagueDate } from "./vague-date.ts";
import { WorkLine } from "./work-line.ts";

export interface TalentParseOptions {
  today: IsoDate;
  industries: IndustryTable;
  levels: TalentLevels;
}

/** More than this many people in one line is a typo (a county's whole year is a few hundred). */
export const MAX_HEADCOUNT = 10_000;

/** Levels read from a loose word: stored only after the reporter confirms. */
const LOOSE_LEVEL_WORDS: Readonly<Record<string, string>> = {
  研究生: "不确定「研究生」是硕士还是博士，按硕士理解",
  大学生: "不确定「大学生」是否本科，按本科理解",
};

/** Said around a 引才 line but no part of the employer. Longest first. */
const RECRUIT_FILLER = [
  "新引进",
  "共引进",
  "成功引进",
  "引进了",
  "引进",
  "招引",
  "招聘",
  "引才",
  "人才",
  "共计",
  "合计",
  "今年",
  "本年",
  "年内",
  "共",
  "其中",
];
/** Before the host of a project or team: "落户城西镇某企业", "依托某研究院". Longest first. */
const HOST_LEAD = ["落户于", "落户", "入驻", "依托", "落地", "设在", "引进至", "引进到"];

export function parseTalentBody(kind: ReportKind, body: string, options: TalentParseOptions): ParseOutcome {
  const line = new WorkLine(body.replace(/^[\s:]+/, ""));
  const quoted = takeQuoted(line);
  let impossible: ImpossibleDate | null = null;
  const dateMatch = scanDates(line.text, options.today, (d) => (impossible = d));
  if (dateMatch) line.blank(dateMatch.start, dateMatch.end);
  else if (impossible) {
    const d = impossible as ImpossibleDate;
    return { ok: false, problem: `日期「${d.phrase}」不存在（${d.reason}），请核对后重新发送。` };
  } else {
    const vague = findVagueDate(line.text);
    if (vague)
      return {
        ok: false,
        problem: `「${vague.phrase}」是哪一天？请写明日期（如 ${monthDay(options.today)} 或 昨天）后重新发送。`,
      };
  }
  const date = dateMatch?.date ?? options.today;
  const base = { date, dateGiven: dateMatch !== null, money: null, source: null, place: null, counterpart: null };
  const parsed = kind === "talentRecruit" ? readRecruit(line, quoted, options) : readNamed(kind, line, quoted, options);
  if (!parsed.ok) return parsed;
  const fields: ReportFields = {
    ...base,
    project: parsed.name,
    industry: parsed.industry,
    manufacturing: parsed.industry === null ? null : options.industries.manufacturing.has(parsed.industry),
    talent: parsed.talent,
  };
  return parsed.doubt ? { ok: true, fields, doubt: parsed.doubt } : { ok: true, fields };
}

type Read =
  | { ok: true; name: string | null; industry: string | null; talent: TalentFields; doubt: string | null }
  | { ok: false; problem: string };

function readRecruit(line: WorkLine, quoted: string | null, options: TalentParseOptions): Read {
  const levels = findTalentLevels(line.text, options.levels);
  const levelStarts = new Set(levels.map((l) => l.start));
  const counts = findCounts(line.text, (i) => levelStarts.has(i));
  const list = levelList(options.levels);
  if (counts.length === 0) {
    const vague = findVagueCount(line.text);
    return {
      ok: false,
      problem: vague
        ? `「${vague}」是多少人？请写明人数（如 3人、两名）。`
        : "没有看到人数，引进了几人？请写明人数（如 3人、两名、五位）。",
    };
  }
  const values = [...new Set(counts.map((c) => c.value))];
  if (values.length > 1 || counts.length > 1) {
    return {
      ok: false,
      problem: `看到了几个人数（${counts.map((c) => c.phrase).join("、")}），一条只登记一个层次的人数，请分开发送。`,
    };
  }
  const count = counts[0]!;
  if (count.value === null)
    return { ok: false, problem: `人数「${count.phrase}」不是确切的人数，请写明几人（如 12人）。` };
  if (count.value <= 0) return { ok: false, problem: "人数必须大于 0，未登记。" };
  if (count.value > MAX_HEADCOUNT)
    return { ok: false, problem: `人数 ${count.value} 超过上限 ${MAX_HEADCOUNT}，请核对。` };
  line.blank(count.start, count.end);

  const distinct = [...new Set(levels.map((l) => l.level))];
  if (distinct.length === 0) return { ok: false, problem: `没有看到人才层次，请写其中一个：${list}。` };
  if (distinct.length > 1) {
    return {
      ok: false,
      problem: `看到了几个人才层次（${distinct.join("、")}），一条只写一个层次，请分开发送。可用：${list}。`,
    };
  }
  const level = distinct[0]!;
  const looseWord = levels.map((l) => line.text.slice(l.start, l.end)).find((w) => LOOSE_LEVEL_WORDS[w]);
  for (const hit of levels) line.blank(hit.start, hit.end);

  const industry = takeIndustry(line, options.industries);
  blankWords(line, RECRUIT_FILLER);
  let employer = quoted ?? cleanEmployer(line.text);
  // Dictated lines run together: "电子信息某芯片公司" is a tag, then the employer.
  const glued = industry || !employer ? null : leadingTag(employer, options.industries);
  if (glued) employer = employer!.slice(glued.length).trim() || null;
  const tag = industry ?? (glued ? industryOfWord(glued, options.industries) : null);
  return {
    ok: true,
    name: null,
    industry: tag ?? (employer ? (findImpliedIndustry(employer, options.industries)?.tag ?? null) : null),
    talent: { headcount: count.value, level, highLevel: options.levels.high.has(level), employer },
    doubt: looseWord ? LOOSE_LEVEL_WORDS[looseWord]! : null,
  };
}

function readNamed(kind: ReportKind, line: WorkLine, quoted: string | null, options: TalentParseOptions): Read {
  const what = kind === "innovationTeam" ? "团队" : "人才项目";
  const levelHit = findTeamLevel(line.text);
  if (levelHit) line.blank(levelHit.start, levelHit.end);
  if (kind === "innovationTeam" && !levelHit)
    return { ok: false, problem: `请写明团队级别：${TEAM_LEVELS.join("、")}。` };
  const industry = takeIndustry(line, options.industries);

  // The host follows its verb to the end of the line: "落户 城西镇某企业".
  let host: string | null = null;
  const lead = firstOf(line.text, HOST_LEAD);
  if (lead) {
    host = cleanEmployer(line.text.slice(lead.end));
    line.blank(lead.start, line.text.length);
  }
  blankStatusWords(line);
  const words = wordSpans(line.text).map((w) => line.text.slice(w.start, w.end));
  const name = quoted ?? words.shift() ?? null;
  if (!name)
    return {
      ok: false,
      problem: `没有看到${what}名称，请写上名称（如 ${kind === "innovationTeam" ? "新型显示材料创新团队" : "环保产业研究院"}）。`,
    };
  const rest = words.join(" ");
  const employer = [host, rest].filter(Boolean).join(" ") || null;
  return {
    ok: true,
    name,
    industry: industry ?? findImpliedIndustry(name, options.industries)?.tag ?? null,
    talent: { headcount: null, level: levelHit?.level ?? null, highLevel: null, employer },
    doubt: null,
  };
}
