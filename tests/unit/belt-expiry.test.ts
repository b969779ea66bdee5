import { describe, expect, it } from "vitest";
import { DEFAULT_BELT_RULES, type BeltName } from "@/lib/belts/default-rules";
import { validityEffect } from "@/lib/belts/rule-change";
import { rulePreviewMessage } from "@/lib/belts/rule-messages";
import { NO_EXPIRY, renewalChecks, type BeltValidities } from "@/lib/belts/renewal";
import {
  addMonthsClamped,
  beltsHeldOn,
  canRenew,
  expiryDate,
  highestHeldOn,
  isHeldOn,
  periodStatus,
  redatedExpiry,
  renewalOpensOn,
  renewedExpiry,
  type BeltPeriod,
} from "@/lib/belts/validity";
import type { BeltCondition } from "@/lib/validations/belt-rule";

const d = (s: string) => new Date(`${s}T00:00:00Z`);
const iso = (x: Date | null) => x?.toISOString().slice(0, 10) ?? null;
const period = (over: Partial<BeltPeriod> = {}): BeltPeriod => ({
  belt: "YELLOW",
  awardedOn: d("2025-03-10"),
  expiresOn: d("2026-03-10"),
  revokedAt: null,
  ...over,
});

describe("expiry dates", () => {
  it.each([
    ["2025-03-10", 12, "2026-03-10"],
    ["2025-01-31", 1, "2025-02-28"], // month end clamps
    ["2024-01-31", 1, "2024-02-29"], // leap year
    ["2024-02-29", 12, "2025-02-28"], // 29 February a year on
    ["2024-02-29", 48, "2028-02-29"],
    ["2025-08-31", 6, "2026-02-28"],
    ["2025-12-15", 2, "2026-02-15"], // across a year end
    ["2025-05-31", -1, "2025-04-30"],
  ])("an award of %s valid %i months expires on %s", (awarded, months, expires) => {
    expect(iso(addMonthsClamped(d(awarded), months))).toBe(expires);
  });

  it("never expires without a validity", () => {
    expect(expiryDate(d("2025-03-10"), null)).toBeNull();
    expect(iso(expiryDate(d("2025-03-10"), 12))).toBe("2026-03-10");
  });

  it("opens the renewal window a month before expiry, clamped", () => {
    expect(iso(renewalOpensOn(d("2026-03-10")))).toBe("2026-02-10");
    expect(iso(renewalOpensOn(d("2026-03-31")))).toBe("2026-02-28");
    expect(iso(renewalOpensOn(d("2024-03-31")))).toBe("2024-02-29");
  });
});

describe("held on a day", () => {
  const p = period();
  it.each([
    ["2025-03-09", false], // before the award
    ["2025-03-10", true], // the award day
    ["2026-03-09", true], // the last day
    ["2026-03-10", false], // the expiry date itself is not held
    ["2027-01-01", false],
  ])("on %s: %s", (day, held) => {
    expect(isHeldOn(p, d(day))).toBe(held);
  });

  it("a revocation counts from its day; a belt without expiry is held for good", () => {
    const revoked = period({ expiresOn: null, revokedAt: new Date("2025-06-01T15:00:00Z") });
    expect(isHeldOn(revoked, d("2025-06-01"))).toBe(true);
    expect(isHeldOn(revoked, d("2025-06-02"))).toBe(false);
    expect(isHeldOn(period({ expiresOn: null }), d("2040-01-01"))).toBe(true);
  });

  it("a renewal continues the belt across the old expiry; a gap after a lapse is not held", () => {
    const renewed = period({
      awardedOn: d("2026-04-01"),
      expiresOn: d("2027-04-01"),
      renewal: true,
    });
    const periods = [period(), renewed];
    expect([...beltsHeldOn(periods, d("2026-03-09"))]).toEqual(["YELLOW"]);
    expect(beltsHeldOn(periods, d("2026-03-20")).size).toBe(0); // lapsed 10 March to 31 March
    expect(highestHeldOn(periods, d("2026-04-01"))).toBe("YELLOW");
    expect(highestHeldOn([...periods, period({ belt: "GREEN" })], d("2026-01-01"))).toBe("GREEN");
  });

  it("reads as held, expiring, expired or revoked", () => {
    expect(periodStatus(period(), d("2026-02-09"))).toBe("held");
    expect(periodStatus(period(), d("2026-02-10"))).toBe("expiring");
    expect(periodStatus(period(), d("2026-03-10"))).toBe("expired");
    expect(periodStatus(period({ revokedAt: d("2025-05-01") }), d("2025-06-01"))).toBe("revoked");
  });
});

describe("renewal", () => {
  it("may renew once the window opens, or after a lapse", () => {
    expect(canRenew(period(), d("2026-02-09"))).toBe(false);
    expect(canRenew(period(), d("2026-02-10"))).toBe(true);
    expect(canRenew(period(), d("2026-05-01"))).toBe(true);
    expect(canRenew(period({ expiresOn: null }), d("2030-01-01"))).toBe(false);
  });

  it("runs on from the old expiry when early, from the renewal day after a lapse", () => {
    expect(iso(renewedExpiry(period(), d("2026-02-20"), 12))).toBe("2027-03-10");
    expect(iso(renewedExpiry(period(), d("2026-04-05"), 12))).toBe("2027-04-05");
    expect(iso(renewedExpiry(period({ expiresOn: d("2024-02-29") }), d("2024-02-01"), 12))).toBe(
      "2025-02-28",
    );
  });

  const facts = (over: Record<string, unknown> = {}) => ({
    completedCourses: new Set<string>(),
    requiredCourses: [],
    reviews: 1,
    reviewDates: [d("2025-12-01")],
    threatModels: 0,
    hours: [{ date: d("2026-01-15"), quarterHours: 40 }],
    ratings: [],
    mentees: 0,
    heldBelts: new Set<BeltName>(["YELLOW"]),
    revoked: new Set<BeltName>(),
    periods: [period()],
    ...over,
  });
  const renewal: BeltCondition[] = [
    { type: "hours", min: 10, windowDays: 365 },
    { type: "reviews", min: 1, windowDays: 365 },
  ];
  const validities: BeltValidities = {
    WHITE: NO_EXPIRY,
    YELLOW: { validityMonths: 12, renewal },
    GREEN: NO_EXPIRY,
    BLACK: NO_EXPIRY,
  };

  it("checks the renewal conditions of belts in their window only", () => {
    expect(renewalChecks(DEFAULT_BELT_RULES, validities, facts(), d("2026-02-09"))).toEqual([]);
    const [check] = renewalChecks(DEFAULT_BELT_RULES, validities, facts(), d("2026-02-10"));
    expect(check.result.met).toBe(true);
    expect(iso(check.expiresOn)).toBe("2027-03-10");
    expect(check.result.conditions.map((c) => [c.current, c.required])).toEqual([
      [10, 10],
      [1, 1],
    ]);
  });

  it("counts only the reviews and hours inside the window", () => {
    const old = facts({ reviewDates: [d("2024-12-01")] });
    const [check] = renewalChecks(DEFAULT_BELT_RULES, validities, old, d("2026-02-10"));
    expect(check.result.met).toBe(false);
    expect(check.result.conditions[1].current).toBe(0);
  });

  it("never renews a revoked belt, and renews by the rule itself when no conditions are set", () => {
    const revoked = facts({ revoked: new Set<BeltName>(["YELLOW"]) });
    expect(renewalChecks(DEFAULT_BELT_RULES, validities, revoked, d("2026-02-10"))).toEqual([]);
    const byRule = { ...validities, YELLOW: { validityMonths: 12, renewal: [] } };
    const [check] = renewalChecks(DEFAULT_BELT_RULES, byRule, facts(), d("2026-02-10"));
    expect(check.result.conditions.map((c) => c.condition.type)).toEqual(
      DEFAULT_BELT_RULES.YELLOW.map((c) => c.type),
    );
  });
});

describe("rule changes", () => {
  const base = {
    completedCourses: new Set<string>(),
    requiredCourses: [],
    reviews: 0,
    reviewDates: [],
    threatModels: 0,
    hours: [],
    ratings: [],
    mentees: 0,
    heldBelts: new Set<BeltName>(["YELLOW"]),
    revoked: new Set<BeltName>(),
    periods: [period({ awardedOn: d("2024-01-15"), expiresOn: null })],
  };
  const none: BeltValidities = {
    WHITE: NO_EXPIRY,
    YELLOW: NO_EXPIRY,
    GREEN: NO_EXPIRY,
    BLACK: NO_EXPIRY,
  };
  const today = d("2026-01-20");
  const next = (
    validityMonths: number | null,
    renewal: BeltCondition[] = [{ type: "reviews", min: 1 }],
  ) => ({
    conditions: DEFAULT_BELT_RULES.YELLOW,
    validity: { validityMonths, renewal },
  });

  it("re-dates a current holder from the award day, but never sooner than a month away", () => {
    expect(iso(redatedExpiry(d("2025-06-15"), 12, today))).toBe("2026-06-15");
    expect(iso(redatedExpiry(d("2024-01-15"), 12, today))).toBe("2026-02-20");
    expect(redatedExpiry(d("2024-01-15"), null, today)).toBeNull();
  });

  it("previews who would expire, who would renew, and who would no longer expire", () => {
    expect(validityEffect("YELLOW", DEFAULT_BELT_RULES, none, next(12), base, today)).toEqual({
      kind: "expires",
      expiresOn: d("2026-02-20"),
    });
    const active = { ...base, reviews: 3 };
    expect(validityEffect("YELLOW", DEFAULT_BELT_RULES, none, next(12), active, today)).toEqual({
      kind: "renews",
      expiresOn: d("2027-02-20"),
    });
    const expiring = { ...base, periods: [period({ expiresOn: d("2026-06-01") })] };
    const yearly = { ...none, YELLOW: { validityMonths: 12, renewal: [] } };
    expect(
      validityEffect("YELLOW", DEFAULT_BELT_RULES, yearly, next(null), expiring, today),
    ).toEqual({
      kind: "no-longer-expires",
    });
    expect(validityEffect("GREEN", DEFAULT_BELT_RULES, none, next(12), base, today)).toBeNull();
  });

  it("words the preview for the lead", () => {
    expect(
      rulePreviewMessage({
        newlyQualifying: [],
        holders: [
          { name: "Ada", kind: "expires", expiresOn: d("2026-02-20") },
          { name: "Bo", kind: "renews", expiresOn: d("2027-02-20") },
        ],
      }),
    ).toBe(
      "No one new would earn a belt under this rule. " +
        "1 would expire unless renewed: Ada (expires on 20 Feb 2026). " +
        "1 would renew now: Bo (renews until 20 Feb 2027).",
    );
  });
});
