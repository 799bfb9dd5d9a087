// Signed, expiring dashboard links: /dash?s=<scope>&e=<expiry, unix seconds>&sig=<HMAC>.
// The HMAC-SHA256 (key DASHBOARD_SECRET) covers a version tag, the scope and the expiry, so
// a forged, altered or expired link is refused, and a new secret invalidates every old link.
import { createHmac, timingSafeEqual } from "node:crypto";
import type { DashboardLinks, DashboardScope } from "../bot/dashboard-links.ts";

export const DEFAULT_LINK_DAYS = 14;
const DAY_MS = 24 * 3600 * 1000;
/** Unit ids are the store's (digits today); anything else in a link is refused before lookup. */
const SCOPE_PATTERN = /^(county|unit:[A-Za-z0-9_-]{1,40})$/;
const SIG_PATTERN = /^[A-Za-z0-9_-]{43}$/;

const scopeText = (scope: DashboardScope) => (scope.kind === "county" ? "county" : `unit:${scope.unitId}`);

function sign(secret: string, scope: string, expires: number): string {
  return createHmac("sha256", secret).update(`dash.v1\n${scope}\n${expires}`).digest("base64url");
}

export function createDashboardLinks(options: { secret: string; baseUrl: string; days?: number }): DashboardLinks {
  const days = options.days ?? DEFAULT_LINK_DAYS;
  const base = options.baseUrl.replace(/\/+$/, "");
  return {
    link(scope, now) {
      const expires = Math.floor((now.getTime() + days * DAY_MS) / 1000);
      const s = scopeText(scope);
      const query = new URLSearchParams({ s, e: String(expires), sig: sign(options.secret, s, expires) });
      return { url: `${base}/dash?${query.toString()}`, expiresAt: new Date(expires * 1000) };
    },
  };
}

/** The scope a link grants, or null for anything not signed by `secret` or past its expiry. */
export function verifyDashboardLink(
  secret: string,
  query: { s?: unknown; e?: unknown; sig?: unknown },
  now: Date,
): DashboardScope | null {
  const { s, e, sig } = query;
  if (typeof s !== "string" || typeof e !== "string" || typeof sig !== "string") return null;
  if (!SCOPE_PATTERN.test(s) || !/^\d{1,12}$/.test(e) || !SIG_PATTERN.test(sig)) return null;
  const expected = Buffer.from(sign(secret, s, Number(e)));
  const given = Buffer.from(sig);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null; // constant-time compare
  if (Number(e) * 1000 <= now.getTime()) return null;
  return s === "county" ? { kind: "county" } : { kind: "unit", unitId: s.slice("unit:".length) };
}
