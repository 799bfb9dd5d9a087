// Dashboard and chart settings. The dashboard is on only with DASHBOARD_SECRET, and then
// needs PUBLIC_BASE_URL to build links; charts are on unless CHARTS=off.
import { DEFAULT_CHART_FONT_FAMILY, DEFAULT_CHART_FONT_FILE } from "../charts/chart-font.ts";

export interface DashboardSettings {
  /** HMAC key of the links; null: the dashboard is off. A credential, never logged. */
  secret: string | null;
  /** The service's address as people reach it ("https://zs.example.gov.cn"), no trailing slash. */
  baseUrl: string | null;
  linkDays: number;
  charts: { on: boolean; fontFile: string; fontFamily: string; budgetMs: number };
}

/** 32 characters of a random hex or base64 string carry 128+ bits. */
const MIN_SECRET_LENGTH = 32;

export function readDashboardConfig(env: Record<string, string | undefined>, problems: string[]): DashboardSettings {
  const value = (name: string) => env[name]?.trim() || undefined;
  const secret = value("DASHBOARD_SECRET") ?? null;
  if (secret !== null && secret.length < MIN_SECRET_LENGTH) {
    problems.push(
      `DASHBOARD_SECRET: at least ${MIN_SECRET_LENGTH} characters (e.g. the output of: openssl rand -hex 32)`,
    );
  }
  const rawBase = value("PUBLIC_BASE_URL");
  let baseUrl: string | null = null;
  if (rawBase) {
    try {
      const url = new URL(rawBase);
      if (url.protocol !== "https:" && url.protocol !== "http:") throw new Error("not http");
      if (url.search || url.hash) throw new Error("query");
      baseUrl = rawBase.replace(/\/+$/, "");
    } catch {
      problems.push(
        `PUBLIC_BASE_URL: "${rawBase}" is not an http(s) address without query (e.g. https://zs.example.gov.cn)`,
      );
    }
  }
  if (secret !== null && !rawBase)
    problems.push("PUBLIC_BASE_URL is required with DASHBOARD_SECRET: the address people open the dashboard at");
  const days = Number(value("DASHBOARD_LINK_DAYS") ?? 14);
  if (!Number.isInteger(days) || days < 1 || days > 366)
    problems.push("DASHBOARD_LINK_DAYS: a whole number of days from 1 to 366");
  const chartsText = value("CHARTS") ?? "on";
  if (chartsText !== "on" && chartsText !== "off") problems.push(`CHARTS: "${chartsText}" is not on or off`);
  const budget = Number(value("CHART_BUDGET_MS") ?? 10_000);
  if (!Number.isInteger(budget) || budget < 100)
    problems.push("CHART_BUDGET_MS: a whole number of milliseconds, at least 100");
  return {
    secret,
    baseUrl,
    linkDays: days,
    charts: {
      on: chartsText !== "off",
      fontFile: value("CHART_FONT_FILE") ?? DEFAULT_CHART_FONT_FILE,
      fontFamily: value("CHART_FONT_FAMILY") ?? DEFAULT_CHART_FONT_FAMILY,
      budgetMs: budget,
    },
  };
}
