import { describe, expect, it } from "vitest";
import { throttleDecision } from "@/lib/auth/throttle";
import {
  addQuarters,
  monthRange,
  parseQuarterKey,
  quarterKey,
  quarterLabel,
  quarterOf,
  quarterRange,
} from "@/lib/period";
import { formatHours, toQuarterHours } from "@/lib/hours";
import { parseDatabaseUrl, redactUrl, withDatabase } from "@/lib/db/url";

const now = new Date("2026-11-22T12:00:00Z");
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);

describe("throttleDecision (a limit over a sliding window)", () => {
  const window = 15 * 60_000;
  it("allows fewer failures than the limit", () => {
    expect(throttleDecision([1, 2, 3, 4].map(minutesAgo), now, 5, window)).toEqual({
      blocked: false,
    });
  });
  it("blocks at the limit until the oldest counted failure leaves the window", () => {
    const d = throttleDecision([1, 2, 3, 4, 10].map(minutesAgo), now, 5, window);
    expect(d).toEqual({ blocked: true, retryAfterMs: 5 * 60_000 });
  });
  it("ignores failures older than the window", () => {
    expect(throttleDecision([1, 2, 3, 4, 16].map(minutesAgo), now, 5, window).blocked).toBe(false);
  });
});

describe("periods", () => {
  it("finds the UTC quarter", () => {
    expect(quarterOf(new Date("2026-03-31T23:59:59Z"))).toEqual({ year: 2026, q: 1 });
    expect(quarterOf(new Date("2026-04-01T00:00:00Z"))).toEqual({ year: 2026, q: 2 });
    expect(quarterLabel({ year: 2026, q: 4 })).toBe("Q4 2026");
    expect(quarterKey({ year: 2026, q: 3 })).toBe("2026-Q3");
  });
  it("gives half-open ranges", () => {
    expect(quarterRange({ year: 2026, q: 4 })).toEqual({
      start: new Date("2026-10-01T00:00:00Z"),
      end: new Date("2027-01-01T00:00:00Z"),
    });
    expect(monthRange(new Date("2026-02-14T10:00:00Z"))).toEqual({
      start: new Date("2026-02-01T00:00:00Z"),
      end: new Date("2026-03-01T00:00:00Z"),
    });
  });
  it("steps across years and parses keys", () => {
    expect(addQuarters({ year: 2026, q: 4 }, 1)).toEqual({ year: 2027, q: 1 });
    expect(addQuarters({ year: 2026, q: 1 }, -1)).toEqual({ year: 2025, q: 4 });
    expect(parseQuarterKey("2026-Q2")).toEqual({ year: 2026, q: 2 });
    expect(parseQuarterKey("2026-Q5")).toBeNull();
  });
});

describe("hours", () => {
  it("stores quarter-hours exactly and formats them", () => {
    expect(toQuarterHours(1.5)).toBe(6);
    expect(formatHours(6)).toBe("1.5 h");
    expect(formatHours(1)).toBe("0.25 h");
    expect(formatHours(8)).toBe("2 h");
  });
});

describe("DATABASE_URL", () => {
  it("explains malformed URLs", () => {
    expect(() => parseDatabaseUrl("nonsense")).toThrow("DATABASE_URL is not a valid URL");
    expect(() => parseDatabaseUrl("mysql://u@h/db")).toThrow("must start with postgresql://");
    expect(() => parseDatabaseUrl("postgresql://u@h")).toThrow("names no database");
  });
  it("switches database and hides passwords", () => {
    expect(withDatabase("postgresql://u:p@h:5/a", "b")).toBe("postgresql://u:p@h:5/b");
    expect(redactUrl("postgresql://u:secret@h/a")).toBe("postgresql://u:***@h/a");
  });
});
