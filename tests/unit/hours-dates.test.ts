import { afterEach, describe, expect, it } from "vitest";
import { isQuarterHourStep, toHours, toQuarterHours } from "@/lib/hours";
import { addUtcDays, dayNumber, isoDay, parseIsoDay, startOfUtcDay, todayUtc } from "@/lib/period";

describe("hours", () => {
  it("converts hours to whole quarter-hours and back", () => {
    expect(toQuarterHours(1.5)).toBe(6);
    expect(toQuarterHours(0.25)).toBe(1);
    expect(toQuarterHours(24)).toBe(96);
    expect(toHours(6)).toBe(1.5);
    expect(toHours(toQuarterHours(7.75))).toBe(7.75);
  });

  it("accepts quarter-hour steps only", () => {
    expect([0.25, 0.5, 1, 2.75].every(isQuarterHourStep)).toBe(true);
    expect([0.1, 0.3, 1.2, Number.NaN].some(isQuarterHourStep)).toBe(false);
  });
});

describe("days", () => {
  const zone = process.env.TZ;
  afterEach(() => {
    process.env.TZ = zone;
  });

  it("reads and writes ISO days as UTC midnights", () => {
    expect(parseIsoDay("2026-03-31").toISOString()).toBe("2026-03-31T00:00:00.000Z");
    expect(isoDay(new Date("2026-03-31T23:59:59Z"))).toBe("2026-03-31");
    expect(isoDay(parseIsoDay("2024-02-29"))).toBe("2024-02-29");
  });

  it("starts today at UTC midnight, whatever the time of day", () => {
    const late = new Date("2026-11-22T23:30:00Z");
    expect(todayUtc(late).toISOString()).toBe("2026-11-22T00:00:00.000Z");
    expect(startOfUtcDay(new Date("2026-11-22T00:00:00Z")).toISOString()).toBe(
      "2026-11-22T00:00:00.000Z",
    );
    expect(todayUtc().getTime() % 86_400_000).toBe(0);
  });

  it("adds whole UTC days, across month ends and a local daylight-saving change", () => {
    process.env.TZ = "Europe/Berlin"; // clocks change on 2026-03-29 there
    expect(isoDay(addUtcDays(parseIsoDay("2026-03-28"), 2))).toBe("2026-03-30");
    expect(isoDay(addUtcDays(parseIsoDay("2026-12-31"), 1))).toBe("2027-01-01");
    expect(isoDay(addUtcDays(parseIsoDay("2026-03-01"), -1))).toBe("2026-02-28");
  });

  it("numbers days so that any time of one UTC day has the same number", () => {
    expect(dayNumber(new Date("2026-07-31T23:00:00Z"))).toBe(dayNumber(parseIsoDay("2026-07-31")));
    expect(dayNumber(parseIsoDay("2026-08-01")) - dayNumber(parseIsoDay("2026-07-31"))).toBe(1);
  });
});
