// Signed dashboard links: what verifies, and every way a link is refused.
import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createDashboardLinks, verifyDashboardLink } from "../../src/dashboard/dashboard-link.ts";

const secret = "0123456789abcdef0123456789abcdef";
const now = new Date("2026-03-16T09:00:00+08:00");
const links = createDashboardLinks({ secret, baseUrl: "https://zs.example.gov.cn/bot/" });
const query = (url: string) => Object.fromEntries(new URL(url).searchParams);

describe("dashboard links", () => {
  it("builds links on PUBLIC_BASE_URL that expire after 14 days by default", () => {
    const { url, expiresAt } = links.link({ kind: "unit", unitId: "12" }, now);
    expect(url.startsWith("https://zs.example.gov.cn/bot/dash?s=unit%3A12&e=")).toBe(true);
    expect(expiresAt.getTime() - now.getTime()).toBe(14 * 24 * 3600 * 1000);
    expect(
      createDashboardLinks({ secret, baseUrl: "http://x", days: 2 }).link({ kind: "county" }, now).expiresAt.getTime() -
        now.getTime(),
    ).toBe(2 * 86400_000);
  });

  it("grants the scope signed, computed independently with HMAC-SHA256", () => {
    const e = String(Math.floor(now.getTime() / 1000) + 3600);
    const sig = createHmac("sha256", secret).update(`dash.v1\ncounty\n${e}`).digest("base64url");
    expect(verifyDashboardLink(secret, { s: "county", e, sig }, now)).toEqual({ kind: "county" });
    expect(verifyDashboardLink(secret, query(links.link({ kind: "unit", unitId: "7" }, now).url), now)).toEqual({
      kind: "unit",
      unitId: "7",
    });
  });

  it("refuses a forged, altered, expired or incomplete link, and every link after the secret changes", () => {
    const good = query(links.link({ kind: "unit", unitId: "7" }, now).url);
    const later = new Date(now.getTime() + 14 * 86400_000);
    expect(verifyDashboardLink(secret, { ...good, s: "county" }, now)).toBeNull(); // widened scope
    expect(verifyDashboardLink(secret, { ...good, s: "unit:8" }, now)).toBeNull();
    expect(verifyDashboardLink(secret, { ...good, e: String(Number(good.e) + 86400) }, now)).toBeNull(); // extended
    expect(
      verifyDashboardLink(secret, { ...good, sig: good.sig!.replace(/^./, (c) => (c === "A" ? "B" : "A")) }, now),
    ).toBeNull();
    expect(verifyDashboardLink(secret, good, later)).toBeNull(); // expired
    expect(verifyDashboardLink("another-secret-of-32-characters!", good, now)).toBeNull(); // rotated
    expect(verifyDashboardLink(secret, {}, now)).toBeNull();
    expect(verifyDashboardLink(secret, { s: "county", e: "99999999999" }, now)).toBeNull();
    expect(verifyDashboardLink(secret, { ...good, s: ["unit:7", "county"] }, now)).toBeNull(); // repeated parameter
  });
});
