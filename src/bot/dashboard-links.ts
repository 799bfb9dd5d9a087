// Signed, expiring links to the read-only dashboard (/dash), as commands and schedules see
// them: a function of a scope and the time. The signing lives in src/dashboard/.
export type DashboardScope = { kind: "county" } | { kind: "unit"; unitId: string };

export interface DashboardLink {
  url: string;
  expiresAt: Date;
}

export interface DashboardLinks {
  link(scope: DashboardScope, now: Date): DashboardLink;
}
