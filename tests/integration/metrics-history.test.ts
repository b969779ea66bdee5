// docs/metrics.md's stable history and honest current quarter, pinned on the engine: a past
// quarter's figure does not move because of what happened later, and the quarter containing
// today counts only the days so far.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { clearMetricsCache } from "@/lib/server/metrics/cache";
import { metricsOverQuarters } from "@/lib/server/metrics/dashboard";
import { createOrg, createTeam, createUser } from "../factories";
import { resetDatabase } from "../setup/db";

const d = (day: string) => new Date(`${day}T00:00:00Z`);
const Q3 = { year: 2026, q: 3 as const };
const Q4 = { year: 2026, q: 4 as const };
const today = d("2026-12-06");

async function world() {
  const org = await createOrg();
  const team = await createTeam(org.id, { joinedOn: d("2024-01-01") });
  const other = await createTeam(org.id, { joinedOn: d("2024-01-01") });
  const guardian = await createUser(["GUARDIAN"], { orgId: org.id, teamId: team.id });
  const elsewhere = await createUser(["GUARDIAN"], { orgId: org.id, teamId: other.id });
  const engineer = await createUser(["SECURITY_ENGINEER"], { orgId: org.id });
  const membership = await db.guardianMembership.create({
    data: {
      userId: guardian.id,
      teamId: team.id,
      nominatedOn: d("2024-12-01"),
      activeOn: d("2025-01-01"),
    },
  });
  await db.guardianMembership.create({
    data: {
      userId: elsewhere.id,
      teamId: other.id,
      nominatedOn: d("2024-12-01"),
      activeOn: d("2025-01-01"),
    },
  });
  const review = (key: string, completedAt: Date | null) =>
    db.review.create({
      data: {
        key,
        teamId: team.id,
        service: key,
        requestedAt: d("2026-07-01"),
        startedAt: d("2026-07-01"),
        completedAt,
        securityEngineerId: engineer.id,
        participants: { create: [{ userId: guardian.id }] },
      },
    });
  const done = await review("R-DONE", d("2026-08-10"));
  const open = await review("R-OPEN", null);
  await db.release.createMany({
    data: [
      {
        key: "REL-DONE",
        teamId: team.id,
        name: "a",
        startedOn: d("2026-08-01"),
        releasedOn: d("2026-08-21"),
        reviewId: done.id,
      },
      {
        key: "REL-OPEN",
        teamId: team.id,
        name: "b",
        startedOn: d("2026-08-01"),
        releasedOn: d("2026-08-31"),
        reviewId: open.id,
      },
    ],
  });
  for (const [key, author] of [
    ["TM-OWN", guardian.id],
    ["TM-OTHER", elsewhere.id],
  ] as const)
    await db.threatModel.create({
      data: {
        key,
        teamId: team.id,
        system: key,
        status: "APPROVED",
        createdOn: d("2026-07-01"),
        approvedOn: d("2026-08-15"),
        authors: { create: [{ userId: author }] },
      },
    });
  return { org, guardian, membership };
}

beforeEach(async () => {
  await resetDatabase();
  clearMetricsCache();
});

describe("stable history", () => {
  it("a release is judged on its linked review's completed date; a guardian leaving later changes nothing", async () => {
    const w = await world();
    const scope = { orgIds: [w.org.id], teamId: null };
    const [before] = await metricsOverQuarters(scope, [Q3], { fresh: true, today });
    expect(before.releases["with-guardian"]).toEqual({ n: 1, mean: 20, median: 20 });
    // The release whose review never completed has a group of its own, not "today's" verdict.
    expect(before.releases["review-not-completed"]).toEqual({ n: 1, mean: 30, median: 30 });
    expect(before.releases["without-guardian"].n).toBe(0);

    await db.guardianMembership.update({
      where: { id: w.membership.id },
      data: { leftOn: d("2026-11-01") },
    });
    const [after] = await metricsOverQuarters(scope, [Q3], { fresh: true, today });
    expect(after.releases).toEqual(before.releases);
    expect(after.cycle).toEqual(before.cycle);
  });

  it("a threat model is guardian-authored only by a guardian of its own team on its approval day", async () => {
    const w = await world();
    const [m] = await metricsOverQuarters({ orgIds: [w.org.id], teamId: null }, [Q3], {
      fresh: true,
      today,
    });
    expect(m.threatModels.approved).toBe(2);
    expect(m.threatModels.guardianAuthoredPct).toBe(50); // TM-OWN yes, TM-OTHER (a guardian of another team) no
  });
});

describe("the current quarter", () => {
  it("is to date, and its current month counts in proportion to the days elapsed", async () => {
    const w = await world();
    await db.activityEntry.create({
      data: { userId: w.guardian.id, date: d("2026-12-02"), quarterHours: 40, type: "REVIEW" },
    });
    const scope = { orgIds: [w.org.id], teamId: null };
    const [q4] = await metricsOverQuarters(scope, [Q4], { fresh: true, today });
    expect(q4).toMatchObject({ quarter: "2026-Q4", toDate: true, days: 67 });
    // Two guardians, each active in October, November and 6 of December's 31 days.
    expect(q4.time.guardianMonths).toBeCloseTo(2 * (2 + 6 / 31), 10);
    expect(q4.time.hoursPerGuardianMonth).toBeCloseTo(10 / (2 * (2 + 6 / 31)), 10);
    // A whole past quarter counts whole months.
    const [q3] = await metricsOverQuarters(scope, [Q3], { fresh: true, today });
    expect(q3.time.guardianMonths).toBe(6);
    expect(q3.toDate).toBe(false);
  });
});
