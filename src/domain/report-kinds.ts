// The report kinds in one table: what users type, the code Redis stores, and the rules every
// path (chat, import, corrections, the atomic write) derives its checks from. Adding a kind is
// one row here, its command file, its formatter line and its tests.

/** How a kind relates to projects. */
export type ProjectRule =
  /** A visit: no project; a place and a counterpart instead. */
  | "none"
  /** Creates the project, or updates it when the unit already has one of that name. */
  | "creates"
  /** Must name a project the unit already registered (by 签约 or 在谈). */
  | "existing"
  /**
   * A named item of 招才引智 (人才项目, 创新团队): counted once per name in the unit, kept apart
   * from investment projects (never matched by 到位 or listed by 项目).
   */
  | "named";

/** Which list of the weekly digest a record of this kind appears in, if any. */
export type DigestList = "signing" | "funds" | "stage";

export interface ReportKindRow {
  /** The keyword users type and replies, exports and the digest show. */
  label: string;
  /**
   * What Redis stores for the kind (src/store/record-codec.ts). Never change or reuse a code:
   * stored records would change kind. A new kind takes the next unused number.
   */
  code: number;
  project: ProjectRule;
  /** A second report for the same project is refused (checked again inside the atomic write). */
  oncePerProject: boolean;
  /** The report may carry an amount (planned investment, total investment, funds). */
  carriesMoney: boolean;
  /** The report must carry an amount; `moneyWord` names it in the refusal. */
  moneyRequired: boolean;
  moneyWord?: string;
  /** Counts as 走出去/请进来 activity (place and counterpart are parsed instead of a project). */
  countsAsVisit: boolean;
  digest: DigestList | null;
  /** A step of the project lifecycle (到位资金 does not move the stage); rows are in lifecycle order. */
  stage: boolean;
  /** 招才引智 (talent), the other half of 双招双引: counted apart from investment. */
  talent?: boolean;
}

export const REPORT_KIND_TABLE = {
  visitOut: {
    label: "走出去",
    code: 0,
    project: "none",
    oncePerProject: false,
    carriesMoney: false,
    moneyRequired: false,
    countsAsVisit: true,
    digest: null,
    stage: false,
  },
  visitIn: {
    label: "请进来",
    code: 1,
    project: "none",
    oncePerProject: false,
    carriesMoney: false,
    moneyRequired: false,
    countsAsVisit: true,
    digest: null,
    stage: false,
  },
  negotiation: {
    label: "在谈",
    code: 2,
    project: "creates",
    oncePerProject: false,
    carriesMoney: true,
    moneyRequired: false,
    countsAsVisit: false,
    digest: null,
    stage: true,
  },
  signing: {
    label: "签约",
    code: 3,
    project: "creates",
    oncePerProject: true,
    carriesMoney: true,
    moneyRequired: true,
    moneyWord: "投资额",
    countsAsVisit: false,
    digest: "signing",
    stage: true,
  },
  /**
   * A project signed in an earlier year (续建): it creates the project with its total investment
   * and signing date, but is not a signing of this year; later 到位 and milestones count normally.
   * Its own count and investment are totals fields of their own (carryOver, carryOverYuan).
   */
  carryOver: {
    label: "续建",
    code: 12,
    project: "creates",
    oncePerProject: true,
    carriesMoney: true,
    moneyRequired: true,
    moneyWord: "总投资",
    countsAsVisit: false,
    digest: null,
    stage: false,
  },
  fundsArrived: {
    label: "到位",
    code: 4,
    project: "existing",
    oncePerProject: false,
    carriesMoney: true,
    moneyRequired: true,
    moneyWord: "到位金额",
    countsAsVisit: false,
    digest: "funds",
    stage: false,
  },
  landed: {
    label: "落地",
    code: 5,
    project: "existing",
    oncePerProject: true,
    carriesMoney: false,
    moneyRequired: false,
    countsAsVisit: false,
    digest: "stage",
    stage: true,
  },
  started: {
    label: "开工",
    code: 6,
    project: "existing",
    oncePerProject: true,
    carriesMoney: false,
    moneyRequired: false,
    countsAsVisit: false,
    digest: "stage",
    stage: true,
  },
  producing: {
    label: "投产",
    code: 7,
    project: "existing",
    oncePerProject: true,
    carriesMoney: false,
    moneyRequired: false,
    countsAsVisit: false,
    digest: "stage",
    stage: true,
  },
  registered: {
    label: "入库",
    code: 8,
    project: "existing",
    oncePerProject: true,
    carriesMoney: false,
    moneyRequired: false,
    countsAsVisit: false,
    digest: "stage",
    stage: true,
  },
  talentRecruit: {
    label: "引才",
    code: 9,
    project: "none",
    oncePerProject: false,
    carriesMoney: false,
    moneyRequired: false,
    countsAsVisit: false,
    digest: null,
    stage: false,
    talent: true,
  },
  talentProject: {
    label: "人才项目",
    code: 10,
    project: "named",
    oncePerProject: true,
    carriesMoney: false,
    moneyRequired: false,
    countsAsVisit: false,
    digest: null,
    stage: false,
    talent: true,
  },
  innovationTeam: {
    label: "创新团队",
    code: 11,
    project: "named",
    oncePerProject: true,
    carriesMoney: false,
    moneyRequired: false,
    countsAsVisit: false,
    digest: null,
    stage: false,
    talent: true,
  },
} as const satisfies Record<string, ReportKindRow>;

type Table = typeof REPORT_KIND_TABLE;
export type ReportKind = keyof Table;
/** Kinds that are lifecycle stages. */
export type Stage = { [K in ReportKind]: Table[K]["stage"] extends true ? K : never }[ReportKind];

/** Every kind, in the table's order. */
export const REPORT_KINDS = Object.keys(REPORT_KIND_TABLE) as ReportKind[];

export const KIND_LABEL = Object.fromEntries(REPORT_KINDS.map((k) => [k, REPORT_KIND_TABLE[k].label])) as Record<
  ReportKind,
  string
>;

/** Project milestones in lifecycle order (到位资金 does not move the stage). */
export const STAGE_ORDER = REPORT_KINDS.filter((k): k is Stage => REPORT_KIND_TABLE[k].stage);

const row = (kind: ReportKind): ReportKindRow => REPORT_KIND_TABLE[kind];

/** The kind a stored code stands for; undefined for a code no kind has. */
export function kindOfCode(code: number): ReportKind | undefined {
  return REPORT_KINDS.find((k) => row(k).code === code);
}

export const kindCode = (kind: ReportKind): number => row(kind).code;

// The rules, as pure functions any path can call.
export const createsProject = (kind: ReportKind): boolean => row(kind).project === "creates";
export const needsExistingProject = (kind: ReportKind): boolean => row(kind).project === "existing";
/** 人才项目, 创新团队: once per name in the unit, apart from investment projects. */
export const isNamedItem = (kind: ReportKind): boolean => row(kind).project === "named";
/** 招才引智 kinds (引才, 人才项目, 创新团队). */
export const isTalentKind = (kind: ReportKind): boolean => row(kind).talent === true;
export const oncePerProject = (kind: ReportKind): boolean => row(kind).oncePerProject;
export const carriesMoney = (kind: ReportKind): boolean => row(kind).carriesMoney;
export const moneyRequired = (kind: ReportKind): boolean => row(kind).moneyRequired;
/** The word for a required amount in a refusal ("投资额", "到位金额"). */
export const moneyWord = (kind: ReportKind): string => row(kind).moneyWord ?? "金额";
export const countsAsVisit = (kind: ReportKind): boolean => row(kind).countsAsVisit;
export const digestList = (kind: ReportKind): DigestList | null => row(kind).digest;
