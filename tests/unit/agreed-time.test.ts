import { describe, expect, it } from "vitest";
import { agreedTimeCsv, agreedTimeSeries } from "@/lib/agreed-time/dashboard";
import {
  agreedQuarterHours,
  agreementForMonth,
  agreementShare,
  agreementStatus,
  describeAgreement,
  shareToQuarterHours,
  WORKING_HOURS_PER_MONTH,
  type Agreement,
} from "@/lib/agreed-time/rules";
import { quarterPeriod } from "@/lib/metrics/periods";
import { timeAgreementSchema } from "@/lib/validations/time-agreement";

const month = (m: string) => new Date(`${m}-01T00:00:00Z`);
const agreement = (id: number, from: string, hours: number, share: number | null = null) =>
  ({
    id,
    effectiveFrom: month(from),
    monthlyQuarterHours: hours * 4,
    sharePercent: share,
  }) satisfies Agreement;

describe("a share of working time in hours", () => {
  it("is the share of 160 working hours a month, to the nearest quarter-hour", () => {
    expect(WORKING_HOURS_PER_MONTH).toBe(160);
    expect(shareToQuarterHours(100)).toBe(640); // 160 h
    expect(shareToQuarterHours(10)).toBe(64); // 16 h
    expect(shareToQuarterHours(25)).toBe(160); // 40 h
    expect(shareToQuarterHours(1)).toBe(6); // 1.6 h → 1.5 h
    expect(shareToQuarterHours(3)).toBe(19); // 4.8 h → 4.75 h
    expect(shareToQuarterHours(7)).toBe(45); // 11.2 h → 11.25 h
  });

  it("reads as the share with its hours", () => {
    expect(describeAgreement({ monthlyQuarterHours: 64, sharePercent: 10 })).toBe(
      "10 % of working time (16 h a month)",
    );
    expect(describeAgreement({ monthlyQuarterHours: 30, sharePercent: null })).toBe(
      "7.5 h a month",
    );
  });
});

describe("which agreement applies to a month", () => {
  const history = [
    agreement(1, "2026-01", 8),
    agreement(2, "2026-05", 12),
    agreement(3, "2026-05", 10),
  ];

  it("is none before the first agreement", () => {
    expect(agreementForMonth(history, month("2025-12"))).toBeNull();
  });

  it("is the latest one starting on or before the month", () => {
    expect(agreementForMonth(history, month("2026-01"))?.id).toBe(1);
    expect(agreementForMonth(history, month("2026-04"))?.id).toBe(1);
    expect(agreementForMonth(history, month("2026-09"))?.id).toBe(3);
  });

  it("of two from the same month, is the one recorded last", () => {
    expect(agreementForMonth(history, month("2026-05"))?.monthlyQuarterHours).toBe(40);
    expect(agreementForMonth([history[2], history[1]], month("2026-05"))?.id).toBe(3);
  });

  it("counts a change mid-quarter from its month on", () => {
    // Q2 2026: April under the 8 h agreement, May and June under 10 h.
    const q2 = quarterPeriod({ year: 2026, q: 2 }, new Date("2027-01-01T00:00:00Z"));
    expect(agreedQuarterHours(history, q2.months)).toBe((8 + 10 + 10) * 4);
    // An agreement recorded later for an earlier month applies only until the next one.
    const backdated = [...history, agreement(4, "2026-04", 2)];
    expect(agreedQuarterHours(backdated, q2.months)).toBe((2 + 10 + 10) * 4);
  });

  it("pro-rates the current month by the days elapsed, as the dashboards do", () => {
    // 15 November 2026: October whole, 15 of November's 30 days, nothing of December.
    const q4 = quarterPeriod({ year: 2026, q: 4 }, new Date("2026-11-15T12:00:00Z"));
    expect(agreedQuarterHours([agreement(1, "2026-01", 8)], q4.months)).toBe(32 + 32 * (15 / 30));
  });

  it("is 0 for months with 0 hours agreed (an agreement ended)", () => {
    const q3 = quarterPeriod({ year: 2026, q: 3 }, new Date("2027-01-01T00:00:00Z"));
    const ended = [agreement(1, "2026-01", 8), agreement(2, "2026-08", 0)];
    expect(agreedQuarterHours(ended, q3.months)).toBe(32);
  });
});

describe("within agreement", () => {
  it("is logged from 80 % to 120 % of agreed, both ends included", () => {
    expect(agreementStatus(80, 100)).toBe("within");
    expect(agreementStatus(120, 100)).toBe("within");
    expect(agreementStatus(100, 100)).toBe("within");
    expect(agreementStatus(79, 100)).toBe("under");
    expect(agreementStatus(121, 100)).toBe("over");
    expect(agreementStatus(0, 100)).toBe("under");
  });

  it("needs time agreed: none agreed is neither within nor outside", () => {
    expect(agreementStatus(10, 0)).toBe("none");
    expect(agreementStatus(0, 0)).toBe("none");
  });

  it("gives the share of guardians with time agreed who are within it", () => {
    expect(agreementShare(["within", "under", "over", "within", "none"])).toEqual({
      withAgreement: 4,
      within: 2,
      under: 1,
      over: 1,
      withinPct: 50,
    });
    expect(agreementShare(["none"]).withinPct).toBeNull();
  });
});

describe("the dashboards' agreed-time figures", () => {
  const shares = [
    {
      quarter: "2026-Q3",
      share: { withAgreement: 4, within: 3, under: 1, over: 0, withinPct: 75 },
    },
    {
      quarter: "2026-Q4",
      toDate: true,
      share: { withAgreement: 0, within: 0, under: 0, over: 0, withinPct: null },
    },
  ];

  it("chart the share and the guardians by standing, per quarter", () => {
    const series = agreedTimeSeries(shares);
    expect(series.map((s) => s.id)).toEqual([
      "agreed-within-pct",
      "agreed-within",
      "agreed-under",
      "agreed-over",
    ]);
    expect(series[0].points).toEqual([
      { quarter: "2026-Q3", value: 75 },
      { quarter: "2026-Q4", value: null, toDate: true },
    ]);
    expect(series[2].points[0].value).toBe(1);
  });

  it("write one CSV row per organisation and quarter", () => {
    const csv = agreedTimeCsv([{ id: 7, name: "Payments", quarters: shares }], "whole program");
    expect(csv.split("\n")).toEqual([
      '"organisation","organisation id","filter","quarter","guardians with agreed time","within","under","over","within %"',
      '"Payments",7,"whole program","2026-Q3",4,3,1,0,75.0000',
      '"Payments",7,"whole program","2026-Q4",0,0,0,0,',
      "",
    ]);
  });
});

describe("the agreement form's input", () => {
  const valid = { userId: "12", effectiveFrom: "2026-11", basis: "hours", hours: "8", note: "" };
  const issues = (input: Record<string, string>) => {
    const r = timeAgreementSchema.safeParse(input);
    return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path[0], i.message]));
  };

  it("takes hours a month or a share of working time", () => {
    expect(timeAgreementSchema.parse(valid)).toMatchObject({ userId: 12, hours: 8, note: null });
    expect(
      timeAgreementSchema.parse({ ...valid, basis: "share", hours: "", sharePercent: "10" }),
    ).toMatchObject({ sharePercent: 10, hours: undefined });
    expect(issues({ ...valid, hours: "0" })).toEqual({});
    expect(issues({ ...valid, hours: "160" })).toEqual({});
  });

  it("refuses hours outside 0–160 or off the quarter-hour, with a clear message", () => {
    expect(issues({ ...valid, hours: "160.25" })).toEqual({
      hours: "A month has at most 160 working hours",
    });
    expect(issues({ ...valid, hours: "-1" })).toEqual({ hours: "Hours cannot be negative" });
    expect(issues({ ...valid, hours: "1.1" })).toEqual({
      hours: "Use quarter-hour steps: 0.25, 0.5, 0.75…",
    });
    expect(issues({ ...valid, hours: "0x10" }).hours).toMatch(/as a number/);
    expect(issues({ ...valid, hours: "" })).toEqual({
      hours: "Enter the hours a month as a number, e.g. 8",
    });
  });

  it("refuses a share outside 1–100 % or not whole", () => {
    const share = { ...valid, basis: "share", hours: "" };
    expect(issues({ ...share, sharePercent: "0" })).toEqual({
      sharePercent: "The share must be at least 1 %",
    });
    expect(issues({ ...share, sharePercent: "101" })).toEqual({
      sharePercent: "The share cannot be more than 100 %",
    });
    expect(issues({ ...share, sharePercent: "12.5" }).sharePercent).toMatch(/whole number/);
    expect(issues({ ...share, sharePercent: "" }).sharePercent).toMatch(/whole number/);
  });

  it("takes a month from 2000-01 to twelve months ahead", () => {
    expect(issues({ ...valid, effectiveFrom: "2026-13" }).effectiveFrom).toMatch(/like 2026-12/);
    expect(issues({ ...valid, effectiveFrom: "2026-11-01" }).effectiveFrom).toMatch(/like/);
    expect(issues({ ...valid, effectiveFrom: "1999-12" })).toEqual({
      effectiveFrom: "Enter a month from 2000-01 on",
    });
    expect(issues({ ...valid, effectiveFrom: "2999-01" })).toEqual({
      effectiveFrom: "Agree time at most twelve months ahead",
    });
    expect(issues({ ...valid, basis: "days" }).basis).toBe(
      "Choose hours or a share of working time",
    );
  });
});
