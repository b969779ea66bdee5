import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  LINK_VALIDITY_MS,
  hashLinkToken,
  isLinkTokenShape,
  linkExpiry,
  linkState,
  newLinkToken,
} from "@/lib/identity/link-token";

describe("link tokens", () => {
  it("are 32 random bytes in base64url, stored as their SHA-256 in hex", () => {
    const { token, tokenHash } = newLinkToken();
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(tokenHash).not.toContain(token);
    expect(hashLinkToken(token)).toBe(tokenHash);
  });

  it("differ every time", () => {
    const tokens = new Set(Array.from({ length: 200 }, () => newLinkToken().token));
    expect(tokens.size).toBe(200);
  });

  it("are recognised by shape before any lookup", () => {
    expect(isLinkTokenShape(newLinkToken().token)).toBe(true);
    for (const bad of ["", "abc", "a".repeat(44), `${"a".repeat(42)}=`, `${"a".repeat(42)}/`])
      expect(isLinkTokenShape(bad)).toBe(false);
  });

  it("last 72 hours for an invitation and one hour for a reset", () => {
    const now = new Date("2026-12-06T10:00:00Z");
    expect(linkExpiry("INVITATION", now).toISOString()).toBe("2026-12-09T10:00:00.000Z");
    expect(linkExpiry("RESET", now).toISOString()).toBe("2026-12-06T11:00:00.000Z");
    expect(LINK_VALIDITY_MS.RESET).toBe(3_600_000);
  });
});

describe("linkState", () => {
  const now = new Date("2026-12-06T10:00:00Z");
  const fresh = {
    usedAt: null,
    expiresAt: new Date("2026-12-06T11:00:00Z"),
    deactivated: false,
    newerLink: false,
  };
  it.each([
    ["valid", fresh],
    ["unknown", null],
    ["used", { ...fresh, usedAt: now }],
    ["superseded", { ...fresh, newerLink: true }],
    ["expired", { ...fresh, expiresAt: now }],
    ["expired", { ...fresh, expiresAt: new Date("2026-12-06T09:59:59Z") }],
    ["deactivated", { ...fresh, deactivated: true }],
    // A used link says so even when it has since expired or been followed by another.
    ["used", { ...fresh, usedAt: now, newerLink: true, expiresAt: now }],
    ["superseded", { ...fresh, newerLink: true, expiresAt: now }],
  ] as const)("%s", (state, link) => {
    expect(linkState(link, now)).toBe(state);
  });
});
