import { describe, expect, it } from "vitest";
import { generateDataset } from "@/lib/demo/generate";
import { DEMO_ACCOUNTS } from "@/lib/demo/demo-accounts";
import { DEMO_GUARDIAN_COURSE_LEFT } from "@/lib/demo/growth";
import { reviewCycleMetrics } from "@/lib/metrics/reviews";
import { guardianMonths } from "@/lib/metrics/guardians";

const today = new Date("2026-11-22T00:00:00Z");
const a = generateDataset({ seed: 42, scale: "small", today });

describe("demo data generator", () => {
  it("gives the same data for the same seed and different data for another", () => {
    expect(generateDataset({ seed: 42, scale: "small", today })).toEqual(a);
    const b = generateDataset({ seed: 7, scale: "small", today });
    expect(b.reviews.map((r) => r.requestedAt.getTime())).not.toEqual(
      a.reviews.map((r) => r.requestedAt.getTime()),
    );
  });

  it("contains every demo account", () => {
    const emails = new Set(a.users.map((u) => u.email));
    for (const account of Object.values(DEMO_ACCOUNTS))
      expect(emails.has(account.email)).toBe(true);
    const guardian = a.users.find((u) => u.email === DEMO_ACCOUNTS.guardian.email)!;
    expect(a.memberships.some((m) => m.userId === guardian.id && m.status === "ACTIVE")).toBe(true);
    // The demo guardian has a required course left, so their home and the training journey have work to show.
    const left = a.courses.find((c) => c.key === DEMO_GUARDIAN_COURSE_LEFT)!;
    expect(left.required).toBe(true);
    expect(a.completions.some((c) => c.userId === guardian.id && c.courseId === left.id)).toBe(
      false,
    );
    expect(a.completions.some((c) => c.userId === guardian.id && c.courseId !== left.id)).toBe(
      true,
    );
    // Only that one: every other required course is done (one short of Green's courses).
    const done = new Set(
      a.completions.filter((c) => c.userId === guardian.id).map((c) => c.courseId),
    );
    expect(a.courses.filter((c) => c.required && !done.has(c.id)).map((c) => c.key)).toEqual([
      DEMO_GUARDIAN_COURSE_LEFT,
    ]);
  });

  it("keeps every reference and natural key valid", () => {
    const ids = (rows: { id: number }[]) => new Set(rows.map((r) => r.id));
    const users = ids(a.users);
    const teams = ids(a.teams);
    const reviews = ids(a.reviews);
    expect(a.memberships.every((m) => users.has(m.userId) && teams.has(m.teamId))).toBe(true);
    expect(a.participants.every((p) => reviews.has(p.reviewId) && users.has(p.userId))).toBe(true);
    expect(
      a.findings.every(
        (f) => (f.reviewId === null || reviews.has(f.reviewId)) && teams.has(f.teamId),
      ),
    ).toBe(true);
    expect(
      a.activities.every(
        (x) => users.has(x.userId) && (x.reviewId === null || reviews.has(x.reviewId)),
      ),
    ).toBe(true);
    for (const rows of [
      a.reviews,
      a.findings,
      a.releases,
      a.threatModels,
      a.threats,
      a.teams,
      a.orgs,
    ]) {
      expect(new Set(rows.map((r) => r.key)).size).toBe(rows.length);
    }
    expect(new Set(a.users.map((u) => u.email)).size).toBe(a.users.length);
  });

  it("respects the database's rules for hours, dates and memberships", () => {
    const perDay = new Map<string, number>();
    for (const x of a.activities) {
      expect(x.quarterHours).toBeGreaterThan(0);
      expect(x.date.getTime()).toBeLessThanOrEqual(today.getTime());
      const k = `${x.userId}:${x.date.getTime()}`;
      perDay.set(k, (perDay.get(k) ?? 0) + x.quarterHours);
    }
    expect(Math.max(...perDay.values())).toBeLessThanOrEqual(96);
    for (const m of a.memberships) {
      if (m.activeOn) expect(m.activeOn.getTime()).toBeGreaterThanOrEqual(m.nominatedOn.getTime());
      if (m.leftOn) expect(m.leftOn.getTime()).toBeGreaterThanOrEqual(m.activeOn!.getTime());
    }
    const open = a.memberships
      .filter((m) => m.status === "ACTIVE" || m.status === "NOMINATED")
      .map((m) => `${m.userId}:${m.teamId}`);
    expect(new Set(open).size).toBe(open.length);
    expect(a.reviews.every((r) => !r.completedAt || r.completedAt >= r.requestedAt)).toBe(true);
  });

  it("lets the program's effects emerge from the simulation", () => {
    const intervals = a.memberships
      .filter((m) => m.activeOn)
      .map((m) => ({
        userId: m.userId,
        teamId: m.teamId,
        activeOn: m.activeOn!,
        leftOn: m.leftOn,
      }));
    const day = (d: Date) => d.toISOString().slice(0, 10);
    const withGuardian = (r: (typeof a.reviews)[number]) =>
      a.participants.some(
        (p) =>
          p.reviewId === r.id &&
          intervals.some(
            (i) =>
              i.userId === p.userId &&
              i.teamId === r.teamId &&
              day(i.activeOn) <= day(r.completedAt!) &&
              (!i.leftOn || day(i.leftOn) >= day(r.completedAt!)),
          ),
      );
    const done = a.reviews.filter((r) => r.completedAt);
    const m = reviewCycleMetrics(
      done.map((r) => ({
        requestedAt: r.requestedAt,
        completedAt: r.completedAt!,
        effortQuarterHours: r.effortQuarterHours,
        withGuardian: withGuardian(r),
      })),
    );
    expect(m.withGuardian.n).toBeGreaterThan(50);
    expect(m.reductionPct!).toBeGreaterThan(10);
    expect(m.reductionPct!).toBeLessThan(45);
    const start = new Date("2026-01-01T00:00:00Z");
    const end = new Date("2026-11-01T00:00:00Z");
    const guardianIds = new Set(intervals.map((i) => i.userId));
    const hours = a.activities
      .filter(
        (x) =>
          x.date >= start &&
          x.date < end &&
          guardianIds.has(x.userId) &&
          intervals.some(
            (i) =>
              i.userId === x.userId &&
              day(i.activeOn) <= day(x.date) &&
              (!i.leftOn || day(i.leftOn) >= day(x.date)),
          ),
      )
      .reduce((s, x) => s + x.quarterHours / 4, 0);
    const perGuardianMonth = hours / guardianMonths(intervals, start, end);
    expect(perGuardianMonth).toBeGreaterThan(2);
    expect(perGuardianMonth).toBeLessThan(5.5);
  });
});
