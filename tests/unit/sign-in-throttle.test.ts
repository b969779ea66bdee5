import { describe, expect, it } from "vitest";
import {
  pairDelayMs,
  retryMessage,
  signInDecision,
  THROTTLE,
  type SignInRecord,
} from "@/lib/auth/throttle";

const now = new Date("2026-11-22T12:00:00Z");
const secondsAgo = (s: number) => new Date(now.getTime() - s * 1000);
const record = (r: Partial<SignInRecord>): SignInRecord => ({
  pairFailures: [],
  addressFailures: [],
  accountFailures: [],
  knownAddress: false,
  ...r,
});
const times = (n: number, everySeconds: number) =>
  Array.from({ length: n }, (_, i) => secondsAgo(1 + i * everySeconds));

describe("sign-in throttling: one account from one address backs off", () => {
  it("lets the first failures through, then doubles the wait up to 15 minutes", () => {
    expect([0, 1, 2].map((n) => pairDelayMs(n))).toEqual([0, 0, 0]);
    expect([3, 4, 5, 6].map((n) => pairDelayMs(n))).toEqual([5_000, 10_000, 20_000, 40_000]);
    expect(pairDelayMs(10)).toBe(640_000);
    expect(pairDelayMs(11)).toBe(15 * 60_000);
    expect(pairDelayMs(12)).toBe(15 * 60_000);
    expect(pairDelayMs(40)).toBe(15 * 60_000);
  });

  it("counts the wait from the last failure", () => {
    const three = [secondsAgo(2), secondsAgo(30), secondsAgo(40)];
    expect(signInDecision(record({ pairFailures: three }), now)).toEqual({
      blocked: true,
      retryAfterMs: 3_000,
      reason: "pair",
    });
    const waited = [secondsAgo(6), secondsAgo(30), secondsAgo(40)];
    expect(signInDecision(record({ pairFailures: waited }), now)).toEqual({ blocked: false });
  });

  it("forgets failures older than an hour", () => {
    const old = times(10, 1).map((d) => new Date(d.getTime() - THROTTLE.pair.windowMs));
    expect(signInDecision(record({ pairFailures: old }), now).blocked).toBe(false);
  });

  it("applies to a known address too (the pair is the attacker's own)", () => {
    const decision = signInDecision(record({ pairFailures: times(3, 1), knownAddress: true }), now);
    expect(decision).toMatchObject({ blocked: true, reason: "pair" });
  });
});

describe("sign-in throttling: one address across accounts (spraying)", () => {
  it("blocks the address at 20 failures in 15 minutes, whichever accounts they were for", () => {
    expect(signInDecision(record({ addressFailures: times(19, 10) }), now).blocked).toBe(false);
    const twenty = signInDecision(record({ addressFailures: times(20, 10) }), now);
    // The oldest of the twenty (191 s ago) leaves the window in 15 min − 191 s.
    expect(twenty).toEqual({
      blocked: true,
      retryAfterMs: 15 * 60_000 - 191_000,
      reason: "address",
    });
  });

  it("holds even for an account that knows the address", () => {
    const decision = signInDecision(
      record({ addressFailures: times(20, 10), knownAddress: true }),
      now,
    );
    expect(decision).toMatchObject({ blocked: true, reason: "address" });
  });
});

describe("sign-in throttling: one account from many addresses", () => {
  it("holds back addresses the account has not signed in from after 50 failures an hour", () => {
    const fifty = times(50, 30);
    expect(signInDecision(record({ accountFailures: times(49, 30) }), now).blocked).toBe(false);
    expect(signInDecision(record({ accountFailures: fifty }), now)).toMatchObject({
      blocked: true,
      reason: "account",
    });
  });

  it("never holds back the owner at an address they signed in from", () => {
    const decision = signInDecision(
      record({ accountFailures: times(200, 1), knownAddress: true }),
      now,
    );
    expect(decision).toEqual({ blocked: false });
  });

  it("answers the longest of several waits", () => {
    const decision = signInDecision(
      record({ pairFailures: times(3, 1), accountFailures: times(50, 1) }),
      now,
    );
    expect(decision).toMatchObject({ blocked: true, reason: "account" });
    if (decision.blocked) expect(decision.retryAfterMs).toBeGreaterThan(50 * 60_000);
  });
});

describe("the wait, in words", () => {
  it("says seconds below a minute and minutes above", () => {
    expect(retryMessage(5_000)).toBe("Too many failed sign-in attempts. Try again in 5 seconds.");
    expect(retryMessage(400)).toBe("Too many failed sign-in attempts. Try again in 1 second.");
    expect(retryMessage(60_000)).toBe("Too many failed sign-in attempts. Try again in 1 minute.");
    expect(retryMessage(5 * 60_000 - 1)).toBe(
      "Too many failed sign-in attempts. Try again in 5 minutes.",
    );
  });
});
