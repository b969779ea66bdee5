import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { loadActor } from "@/lib/auth/actor";
import { rateGuardian } from "@/lib/server/feedback/service";
import {
  addFinding,
  addParticipant,
  completeReview,
  requestReview,
  setChecklistItem,
  setFindingStatus,
  startReview,
} from "@/lib/server/reviews/service";
import { DomainError, PermissionError } from "@/lib/server/errors";
import { listReviews } from "@/lib/server/reviews/queries";
import { ratingSchema, requestReviewSchema } from "@/lib/validations/review";
import { createOrg, createTeam, createUser } from "../factories";
import { resetDatabase } from "../setup/db";

beforeEach(async () => {
  await resetDatabase();
});

async function world() {
  const orgA = await createOrg();
  const orgB = await createOrg();
  const teamA = await createTeam(orgA.id);
  const teamB = await createTeam(orgB.id);
  const g = await createUser(["GUARDIAN"], {
    orgId: orgA.id,
    teamId: teamA.id,
    email: "g@example.test",
  });
  await db.guardianMembership.create({
    data: {
      userId: g.id,
      teamId: teamA.id,
      status: "ACTIVE",
      nominatedOn: new Date("2026-01-01"),
      activeOn: new Date("2026-01-01"),
    },
  });
  await db.runbookItem.createMany({
    data: [
      { label: "Threat model reviewed", position: 0 },
      { label: "Dependencies", position: 1 },
    ],
  });
  const load = async (id: number) => (await loadActor(id))!;
  return {
    teamA,
    teamB,
    g,
    guardian: await load(g.id),
    engineer: await load((await createUser(["SECURITY_ENGINEER"])).id),
    builderB: await load((await createUser(["BUILDER"], { orgId: orgB.id, teamId: teamB.id })).id),
    managerB: await load((await createUser(["MANAGER"], { orgId: orgB.id })).id),
  };
}

describe("application security reviews", () => {
  it("a guardian requests, an engineer starts, records two findings, completes and rates the guardian", async () => {
    const w = await world();
    const review = await requestReview(
      w.guardian,
      requestReviewSchema.parse({ team: w.teamA.name, service: "Cards API" }),
    );
    expect(review.key).toMatch(/^REV-\d{6}$/);
    expect(await db.reviewChecklistItem.count({ where: { reviewId: review.id } })).toBe(2);
    await startReview(w.engineer, { reviewId: review.id });
    await addParticipant(w.engineer, {
      reviewId: review.id,
      email: "g@example.test",
      effortHours: 1.5,
    });
    const item = await db.reviewChecklistItem.findFirstOrThrow({ where: { reviewId: review.id } });
    await setChecklistItem(w.engineer, item.id, true);
    const f1 = await addFinding(w.engineer, {
      reviewId: review.id,
      title: "IDOR on card lookup",
      severity: "HIGH",
    });
    await addFinding(w.engineer, { reviewId: review.id, title: "Verbose errors", severity: "LOW" });
    await setFindingStatus(w.engineer, {
      findingId: f1.id,
      status: "MITIGATED",
      closedOn: new Date().toISOString().slice(0, 10),
    });
    await completeReview(w.engineer, { reviewId: review.id, outcome: "APPROVED_WITH_FINDINGS" });
    const done = await db.review.findUniqueOrThrow({
      where: { id: review.id },
      include: { findings: { orderBy: { id: "asc" } } },
    });
    expect(done.completedAt).not.toBeNull();
    expect(done.effortQuarterHours).toBe(6);
    expect(done.findings.map((f) => [f.severity, f.status])).toEqual([
      ["HIGH", "MITIGATED"],
      ["LOW", "OPEN"],
    ]);
    await rateGuardian(
      w.engineer,
      ratingSchema.parse({
        reviewId: String(review.id),
        guardianId: String(w.g.id),
        rating: "4",
        comment: "Good prep",
      }),
    );
    await rateGuardian(
      w.engineer,
      ratingSchema.parse({ reviewId: String(review.id), guardianId: String(w.g.id), rating: "5" }),
    );
    expect(await db.feedback.findMany({ select: { rating: true } })).toEqual([{ rating: 5 }]);
    expect(
      await db.auditLog.count({ where: { entity: "Review", entityId: String(review.id) } }),
    ).toBeGreaterThanOrEqual(4);
  });

  it("refuses bad input, the wrong role, and another organisation's review", async () => {
    const w = await world();
    expect(requestReviewSchema.safeParse({ team: " ", service: "" }).success).toBe(false);
    await expect(
      requestReview(
        w.builderB,
        requestReviewSchema.parse({ team: w.teamA.name, service: "Cards API" }),
      ),
    ).rejects.toThrow("That team does not exist or is not visible to you.");
    const review = await requestReview(
      w.guardian,
      requestReviewSchema.parse({ team: w.teamA.name, service: "Cards API" }),
    );
    await expect(startReview(w.guardian, { reviewId: review.id })).rejects.toBeInstanceOf(
      PermissionError,
    );
    await expect(
      completeReview(w.engineer, { reviewId: review.id, outcome: "APPROVED" }),
    ).rejects.toThrow("Start the review");
    await expect(
      rateGuardian(
        w.engineer,
        ratingSchema.parse({
          reviewId: String(review.id),
          guardianId: String(w.g.id),
          rating: "3",
        }),
      ),
    ).rejects.toBeInstanceOf(DomainError);
    await expect(
      rateGuardian(
        w.guardian,
        ratingSchema.parse({
          reviewId: String(review.id),
          guardianId: String(w.g.id),
          rating: "3",
        }),
      ),
    ).rejects.toBeInstanceOf(PermissionError);
    expect(ratingSchema.safeParse({ reviewId: "1", guardianId: "1", rating: "6" }).success).toBe(
      false,
    );
    expect(await db.review.count()).toBe(1);
    expect(await db.feedback.count()).toBe(0);
  });
});

describe("the review list", () => {
  it("filters with and without a guardian exactly as the dashboards count it, within the reader's organisations", async () => {
    const w = await world(); // g: active guardian of team A since 2026-01-01
    const late = await createUser(["BUILDER"], { orgId: w.teamA.orgId, teamId: w.teamA.id });
    await db.guardianMembership.create({
      data: {
        userId: late.id,
        teamId: w.teamA.id,
        status: "ACTIVE",
        nominatedOn: new Date("2026-05-01"),
        activeOn: new Date("2026-05-01"),
      },
    });
    const make = (
      key: string,
      teamId: number,
      completedAt: string | null,
      participants: number[],
    ) =>
      db.review.create({
        data: {
          key,
          teamId,
          service: key,
          requestedAt: new Date("2025-12-01"),
          startedAt: new Date("2025-12-02"),
          completedAt: completedAt ? new Date(completedAt) : null,
          participants: { create: participants.map((userId) => ({ userId })) },
        },
      });
    await make("REV-000001", w.teamA.id, "2026-03-01T10:00:00Z", [w.g.id]); // guardian on the day: with
    // became a guardian after: without
    await make("REV-000002", w.teamA.id, "2026-03-01T10:00:00Z", [late.id]);
    await make("REV-000003", w.teamA.id, null, [late.id]); // open, guardian today: with
    // guardian of another team: without
    await make("REV-000004", w.teamB.id, "2026-03-01T10:00:00Z", [w.g.id]);
    const lead = (await loadActor((await createUser(["LEAD"])).id))!;
    const keys = async (actor: typeof lead, f: Parameters<typeof listReviews>[1]) =>
      (await listReviews(actor, f, 1)).rows.map((r) => r.key).sort();
    expect(await keys(lead, { guardian: "with" })).toEqual(["REV-000001", "REV-000003"]);
    expect(await keys(lead, { guardian: "without" })).toEqual(["REV-000002", "REV-000004"]);
    expect(await keys(lead, { guardian: "with", status: "completed" })).toEqual(["REV-000001"]);
    expect(await keys(lead, { period: "2026-Q1", team: w.teamB.id })).toEqual(["REV-000004"]);
    expect(await keys(w.builderB, {})).toEqual(["REV-000004"]);
    const all = await listReviews(lead, {}, 1);
    expect(all.total).toBe(4);
    expect(all.rows.map((r) => r.key)).toEqual([
      "REV-000004",
      "REV-000003",
      "REV-000002",
      "REV-000001",
    ]); // newest request first, then id
  });
});
