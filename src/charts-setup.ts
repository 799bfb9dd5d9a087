// The dashboard links and the chart renderer a process uses, from its configuration.
import type { Logger } from "pino";
import type { DashboardLinks } from "./bot/dashboard-links.ts";
import { loadChartFont } from "./charts/chart-font.ts";
import { createChartRenderer, type ChartRenderer } from "./charts/chart-renderer.ts";
import type { Config } from "./config.ts";
import { createDashboardLinks } from "./dashboard/dashboard-link.ts";

/** Signed dashboard links, or null when DASHBOARD_SECRET is unset. */
export function dashboardLinksFrom(config: Config): DashboardLinks | null {
  const { secret, baseUrl, linkDays } = config.dashboard;
  return secret && baseUrl ? createDashboardLinks({ secret, baseUrl, days: linkDays }) : null;
}

/** The chart renderer, or null (logged once) when charts are off or the font is missing. */
export function chartRendererFrom(config: Config, log: Logger): ChartRenderer | null {
  const { on, fontFile, fontFamily, budgetMs } = config.dashboard.charts;
  if (!on) return null;
  try {
    return createChartRenderer({
      font: loadChartFont(fontFile, fontFamily),
      log: log.child({ part: "charts" }),
      budgetMs,
    });
  } catch (err) {
    log.error({ reason: (err as Error).message }, "charts are off: pushes go out as text alone");
    return null;
  }
}
