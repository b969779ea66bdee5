import { describe, expect, it } from "vitest";
import { lastDayOf, previousPeriod, quarterPeriod } from "@/lib/metrics/periods";
import { comparisonLabel, periodLabel } from "@/lib/metrics/period-labels";

// docs/metrics.md, "The current period": the quarter containing today ends today, is compared
// with the same number of days of the quarter before, and its current month counts in
// proportion to the days elapsed.
const today = new Date("2026-12-06T15:00:00Z");
const q4 = { year: 2026, q: 4 as const };
const q3 = { year: 2026, q: 3 as const };

describe("metric periods", () => {
  it("a quarter that has ended is whole, each month weighing one", () => {
    const p = quarterPeriod(q3, today);
    expect(p).toMatchObject({ key: "2026-Q3", quarter: "2026-Q3", toDate: false, days: 92 });
    expect(p.end.toISOString()).toBe("2026-10-01T00:00:00.000Z");
    expect(p.months.map((m) => m.weight)).toEqual([1, 1, 1]);
    expect(periodLabel(p)).toBe("Q3 2026");
  });

  it("the current quarter ends today (inclusive) and its month counts the days elapsed", () => {
    const p = quarterPeriod(q4, today);
    expect(p).toMatchObject({ key: "2026-Q4", toDate: true, days: 31 + 30 + 6 });
    expect(lastDayOf(p).toISOString()).toBe("2026-12-06T00:00:00.000Z");
    expect(p.months.map((m) => m.weight)).toEqual([1, 1, 6 / 31]);
    expect(periodLabel(p)).toBe("Q4 2026 (to date)");
  });

  it("is compared with the same number of days from the previous quarter's start", () => {
    const before = previousPeriod(quarterPeriod(q4, today), today);
    expect(before).toMatchObject({
      key: "2026-Q3:67d",
      quarter: "2026-Q3",
      toDate: true,
      days: 67,
    });
    expect(before.start.toISOString()).toBe("2026-07-01T00:00:00.000Z");
    expect(lastDayOf(before).toISOString()).toBe("2026-09-05T00:00:00.000Z");
    // July and August whole, 5 of September's 30 days.
    expect(before.months.map((m) => m.weight)).toEqual([1, 1, 5 / 30]);
    expect(comparisonLabel(before)).toBe("the first 67 days of Q3 2026");
  });

  it("a quarter that has ended is compared with the whole quarter before", () => {
    const before = previousPeriod(quarterPeriod(q3, today), today);
    expect(before).toMatchObject({ key: "2026-Q2", toDate: false, days: 91 });
    expect(comparisonLabel(before)).toBe("Q2 2026");
  });

  it("on a quarter's last day the quarter is whole, compared with the whole one before", () => {
    const lastDayOfQ3 = new Date("2026-09-30T12:00:00Z");
    const p = quarterPeriod(q3, lastDayOfQ3);
    expect(p).toMatchObject({ key: "2026-Q3", toDate: false, days: 92 });
    expect(previousPeriod(p, lastDayOfQ3)).toMatchObject({ key: "2026-Q2", toDate: false });
  });

  it("a future quarter is whole, not 'to date'", () => {
    expect(quarterPeriod({ year: 2027, q: 1 }, today)).toMatchObject({ toDate: false, days: 90 });
  });
});
