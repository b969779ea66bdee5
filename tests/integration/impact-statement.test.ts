import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { loadActor } from "@/lib/auth/session";
import { quarterMetrics } from "@/lib/server/metrics/quarter";
import { NotFoundError } from "@/lib/server/errors";
import { getImpactStatement, setRatingCommentConsent } from "@/lib/server/impact/statement";
import { statementPeriod } from "@/lib/impact/period";
import { buildDashboardProgram } from "./dashboard-fixture";
import { createUser } from "../factories";
import { resetDatabase } from "../setup/db";

const Q3 = { year: 2026, q: 3 as const };
const q3 = (() => {
  const r = statementPeriod({ quarter: "2026-Q3" }, new Date("2026-12-07T00:00:00Z"));
  if (!("period" in r)) throw new Error(r.error);
  return r.period;
})();
let w: Awaited<ReturnType<typeof buildDashboardProgram>>;

beforeAll(async () => {
  await resetDatabase();
  w = await buildDashboardProgram();
});

describe("the impact statement's figures follow the dashboards' definitions", () => {
  it("g1 in Q3 2026: reviews, cycle time against the team without a guardian, findings, models, hours, ratings", async () => {
    const { statement: s } = await getImpactStatement(w.guardian, w.g1.id, q3);
    // R1, R2 (Cards, as its guardian) and R4 (Accounts, where g1 is no guardian).
    expect(s.reviews.items.map((r) => [r.key, r.asGuardian])).toEqual([
      ["R1", true],
      ["R4", false],
      ["R2", true],
    ]);
    // g1 is the only guardian of Cards: their reviews are the team's reviews with a guardian, and
    // the baseline is the team's reviews without one, as the dashboard filtered to the team has them.
    const team = await quarterMetrics({ orgIds: null, teamId: w.teamA1.id }, Q3);
    expect(s.cycle.theirs).toEqual({ n: 2, mean: 3, median: 3 }); // R1 2 d, R2 4 d
    expect(s.cycle.theirs).toEqual(team.cycle.withGuardian);
    expect(s.cycle.baseline).toEqual({ n: 1, mean: 6, median: 6 }); // R3 6 d
    expect(s.cycle.baseline).toEqual(team.cycle.withoutGuardian);
    expect(s.cycle.reductionPct).toBeCloseTo(team.cycle.reductionPct!, 10); // 50 %
    expect(s.cycle.differenceDays).toBe(3);
    expect(s.cycle.baselineItems.map((r) => r.key)).toEqual(["R3"]);
    // F1 on R1 was mitigated on 13 July; F2 is still open.
    expect(s.findingsFixed.items.map((f) => f.key)).toEqual(["F1"]);
    // TM1 (Cards) and TM2 (Accounts), both created and approved in Q3; T1 documented, T2 not.
    expect(s.threatModels).toMatchObject({ count: 2, approved: 2, threats: 2, documentedPct: 50 });
    expect(s.hours).toEqual({
      total: 3.5,
      byType: [
        { type: "REVIEW", hours: 2 },
        { type: "QUESTION", hours: 1.5 },
      ],
    });
    // Ratings dated by R1's completion and TM1's approval, as the feedback dashboard dates them:
    // g1's are the only ratings in org A, so the statement's average is the org's.
    const org = await quarterMetrics({ orgIds: [w.orgA.id], teamId: null }, Q3);
    expect({ n: s.ratings.n, mean: s.ratings.mean }).toEqual({
      n: org.feedback.n,
      mean: org.feedback.mean,
    });
  });

  it("counts nothing outside the period", async () => {
    const r = statementPeriod({ quarter: "2026-Q2" }, new Date("2026-12-07T00:00:00Z"));
    if (!("period" in r)) throw new Error(r.error);
    const { statement: s } = await getImpactStatement(w.guardian, w.g1.id, r.period);
    expect(s.reviews.items.map((x) => x.key)).toEqual(["R-Q2"]);
    expect(s.findingsFixed.count).toBe(0);
    expect(s.threatModels.count).toBe(0);
    expect(s.hours.total).toBe(0);
    expect(s.ratings).toMatchObject({ n: 0, mean: null });
    // No review of Cards without a guardian in Q2: not enough data, not 0.
    expect(s.cycle.baseline.mean).toBeNull();
    expect(s.cycle.reductionPct).toBeNull();
  });
});

describe("who may read a statement", () => {
  it("the person, the manager of their organisation and a lead; nobody else finds it", async () => {
    await expect(getImpactStatement(w.guardian, w.g1.id, q3)).resolves.toBeTruthy();
    await expect(getImpactStatement(w.manager, w.g1.id, q3)).resolves.toBeTruthy();
    await expect(getImpactStatement(w.lead, w.g1.id, q3)).resolves.toBeTruthy();
    const g2 = (await loadActor(w.g2.id))!;
    await expect(getImpactStatement(g2, w.g1.id, q3)).rejects.toBeInstanceOf(NotFoundError);
    // org A's manager does not see org B's guardian
    await expect(getImpactStatement(w.manager, w.gB.id, q3)).rejects.toBeInstanceOf(NotFoundError);
    const engineer = (await loadActor((await createUser(["SECURITY_ENGINEER"])).id))!;
    await expect(getImpactStatement(engineer, w.g1.id, q3)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getImpactStatement(w.lead, 2_000_000_000, q3)).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it("shows rating comments to others only with the person's consent, and audits the choice", async () => {
    await db.feedback.updateMany({
      where: { guardianId: w.g1.id, reviewId: { not: null } },
      data: { comment: "Spotted the token replay" },
    });
    const comments = async (actor: typeof w.manager) =>
      (await getImpactStatement(actor, w.g1.id, q3)).statement.ratings.items.map((r) => r.comment);
    expect(await comments(w.manager)).toEqual([null, null]);
    expect(await comments(w.guardian)).toEqual(["Spotted the token replay", null]); // their own
    expect(await setRatingCommentConsent(w.guardian, true)).toEqual({ changed: true });
    expect(await setRatingCommentConsent(w.guardian, true)).toEqual({ changed: false });
    expect(await comments(w.manager)).toEqual(["Spotted the token replay", null]);
    const entries = await db.auditLog.findMany({
      where: { action: "user.rating-comment-consent", entityId: String(w.g1.id) },
    });
    expect(entries).toHaveLength(1);
    expect(entries[0].after).toEqual({ shareRatingComments: true });
    await setRatingCommentConsent(w.guardian, false);
    expect(await comments(w.lead)).toEqual([null, null]);
  });
});
