import "server-only";
import { can, queryScope } from "@/lib/auth/permissions";
import { tenantWhere } from "@/lib/auth/tenant";
import type { SessionActor } from "@/lib/auth/actor";
import { activeOnWhere } from "@/lib/active-guardian";
import { db } from "@/lib/db/client";
import { applicablePolicy, fastTrackRefusal } from "@/lib/fast-track/rule";
import { isDrawnForSpotCheck } from "@/lib/fast-track/sampling";
import type { Prisma } from "@/lib/generated/prisma/client";
import { todayUtc } from "@/lib/period";
import type { FastTrackReviewInput, SpotCheckInput } from "@/lib/validations/fast-track";
import { audit } from "@/lib/server/audit";
import { reevaluateBelts } from "@/lib/server/belts/service";
import { DomainError, NotFoundError, PermissionError } from "@/lib/server/errors";
import { queueJiraComment } from "@/lib/server/jira/comments";
import { noticeCompleted } from "@/lib/server/reviews/notices";

// The ownership fast track (docs/fast-track.md): a guardian approves a low-risk review of their
// team without waiting for a security engineer; security engineers spot-check a drawn share.
type Tx = Prisma.TransactionClient;

/** Everything the rule needs about a guardian, a review's team and its policy, read in `tx`. */
export async function fastTrackFacts(
  tx: Tx | typeof db,
  guardianId: number,
  team: { id: number; profile: Parameters<typeof applicablePolicy>[1]["profile"] },
  day: Date,
) {
  const [policies, membership, beltPeriods, suspension] = await Promise.all([
    tx.fastTrackPolicy.findMany({
      where: { OR: [{ teamId: team.id }, { teamProfile: team.profile }] },
    }),
    tx.guardianMembership.findFirst({
      where: { userId: guardianId, teamId: team.id, ...activeOnWhere(day) },
      select: { id: true },
    }),
    tx.beltAward.findMany({
      where: { userId: guardianId },
      select: { belt: true, awardedOn: true, expiresOn: true, revokedAt: true },
    }),
    tx.fastTrackSuspension.findFirst({
      where: { guardianId, liftedAt: null },
      select: { id: true },
    }),
  ]);
  return {
    policy: applicablePolicy(policies, team),
    activeGuardianOfTeam: membership !== null,
    beltPeriods,
    suspended: suspension !== null,
  };
}

/**
 * The guardian approves the review through the fast track: every condition of the rule
 * (lib/fast-track/rule.ts) is checked inside the transaction that completes the review, so two
 * submits cannot both complete it and a policy changed meanwhile is the one applied.
 */
export async function fastTrackReview(actor: SessionActor, input: FastTrackReviewInput) {
  if (!can(actor, "review.fasttrack")) throw new PermissionError();
  const scope = queryScope(actor, "review.fasttrack");
  const now = new Date();
  const day = todayUtc(now);
  const result = await db.$transaction(async (tx) => {
    // Lock the review's row: a concurrent fast track or completion waits and then sees it done.
    await tx.$queryRaw`SELECT id FROM "Review" WHERE id = ${input.reviewId} FOR UPDATE`;
    const before = await tx.review.findFirst({
      where: { id: input.reviewId, ...tenantWhere(scope, "team.orgId") },
      include: { team: { select: { id: true, orgId: true, profile: true } } },
    });
    if (!before) throw new NotFoundError("review");
    const sentBack =
      !before.completedAt &&
      (await tx.fastTrack.findUnique({ where: { reviewId: before.id }, select: { id: true } }));
    if (sentBack)
      throw new DomainError(
        "A spot check sent this review back: a security engineer completes it the ordinary way.",
      );
    const facts = await fastTrackFacts(tx, actor.id, before.team, day);
    const openFindings = await tx.finding.count({
      where: { reviewId: before.id, status: "OPEN" },
    });
    const questions = facts.policy?.checklist ?? [];
    const answers = input.answers.slice(0, questions.length);
    const refusal = fastTrackRefusal({
      ...facts,
      answers,
      review: {
        completed: before.completedAt !== null,
        started: before.startedAt !== null || before.securityEngineerId !== null,
        openFindings,
      },
      day,
    });
    if (refusal) throw new DomainError(refusal.message);
    const policy = facts.policy!;
    const after = await tx.review.update({
      where: { id: before.id },
      data: { startedAt: now, completedAt: now, outcome: "APPROVED" },
    });
    await tx.reviewParticipant.upsert({
      where: { reviewId_userId: { reviewId: before.id, userId: actor.id } },
      create: { reviewId: before.id, userId: actor.id },
      update: {},
    });
    const fastTrack = await tx.fastTrack.create({
      data: {
        reviewId: before.id,
        guardianId: actor.id,
        policyId: policy.id,
        approvedAt: now,
        answers: questions.map((question, i) => ({ question, lowRisk: answers[i] === "low-risk" })),
        seed: policy.seed,
        spotCheckPercent: policy.spotCheckPercent,
        sampled: isDrawnForSpotCheck(policy.seed, before.id, policy.spotCheckPercent),
      },
    });
    await audit(tx, {
      actorId: actor.id,
      action: "fast-track",
      entity: "Review",
      entityId: before.id,
      orgId: before.team.orgId,
      before,
      after: { review: after, fastTrack },
    });
    await noticeCompleted(tx, actor, before.id, "APPROVED");
    await queueJiraComment(tx, after, { event: "completed", outcome: "APPROVED" });
    return { review: after, fastTrack };
  });
  await reevaluateBelts([actor.id], actor.id);
  return result;
}

/**
 * A security engineer records a spot check of a drawn fast-tracked review. Failed: the review
 * goes back to the queue (not completed, not started) for a security engineer, and the guardian's
 * fast track can be suspended.
 */
export async function spotCheckFastTrack(actor: SessionActor, input: SpotCheckInput) {
  if (!can(actor, "fasttrack.spotcheck")) throw new PermissionError();
  const scope = queryScope(actor, "fasttrack.spotcheck");
  const now = new Date();
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "FastTrack" WHERE "reviewId" = ${input.reviewId} FOR UPDATE`;
    const before = await tx.fastTrack.findFirst({
      where: { reviewId: input.reviewId, review: tenantWhere(scope, "team.orgId") },
      include: { review: { include: { team: { select: { orgId: true } } } } },
    });
    if (!before) throw new NotFoundError("fast-tracked review");
    if (before.guardianId === actor.id)
      throw new DomainError("Nobody spot-checks a review they fast-tracked themself.");
    if (!before.sampled) throw new DomainError("This review was not drawn for a spot check.");
    if (before.spotCheckOutcome)
      throw new DomainError("This review has already been spot-checked.");
    const {
      review: { team, ...review },
      ...fastTrackBefore
    } = before;
    const after = await tx.fastTrack.update({
      where: { id: before.id },
      data: {
        spotCheckOutcome: input.outcome,
        spotCheckedAt: now,
        spotCheckedById: actor.id,
        spotCheckNote: input.note ?? null,
      },
    });
    const orgId = team.orgId;
    await audit(tx, {
      actorId: actor.id,
      action: input.outcome === "PASSED" ? "spot-check-pass" : "spot-check-fail",
      entity: "FastTrack",
      entityId: before.id,
      orgId,
      before: fastTrackBefore,
      after,
    });
    if (input.outcome === "FAILED") {
      const reopened = await tx.review.update({
        where: { id: review.id },
        data: { completedAt: null, outcome: null, startedAt: null },
      });
      await audit(tx, {
        actorId: actor.id,
        action: "send-back",
        entity: "Review",
        entityId: review.id,
        orgId,
        before: review,
        after: reopened,
      });
      if (input.suspend) await suspendFastTrack(tx, actor, before, orgId, input.note!);
    }
    return after;
  });
}

async function suspendFastTrack(
  tx: Tx,
  actor: SessionActor,
  fastTrack: { id: number; guardianId: number },
  orgId: number,
  reason: string,
) {
  const open = await tx.fastTrackSuspension.findFirst({
    where: { guardianId: fastTrack.guardianId, liftedAt: null },
  });
  if (open) return open;
  const suspension = await tx.fastTrackSuspension.create({
    data: {
      guardianId: fastTrack.guardianId,
      fastTrackId: fastTrack.id,
      reason,
      suspendedById: actor.id,
    },
  });
  await audit(tx, {
    actorId: actor.id,
    action: "suspend",
    entity: "FastTrackSuspension",
    entityId: suspension.id,
    orgId,
    after: suspension,
  });
  return suspension;
}

/** Lifts a guardian's suspension: the program lead's decision (fasttrack.manage, by org). */
export async function liftFastTrackSuspension(actor: SessionActor, suspensionId: number) {
  if (!can(actor, "fasttrack.manage")) throw new PermissionError();
  const scope = queryScope(actor, "fasttrack.manage");
  return db.$transaction(async (tx) => {
    const before = await tx.fastTrackSuspension.findFirst({
      where: { id: suspensionId, liftedAt: null, ...tenantWhere(scope, "guardian.orgId") },
      include: { guardian: { select: { orgId: true } } },
    });
    if (!before) throw new NotFoundError("suspension");
    const { guardian, ...row } = before;
    const after = await tx.fastTrackSuspension.update({
      where: { id: suspensionId },
      data: { liftedAt: new Date(), liftedById: actor.id },
    });
    await audit(tx, {
      actorId: actor.id,
      action: "lift",
      entity: "FastTrackSuspension",
      entityId: suspensionId,
      orgId: guardian.orgId,
      before: row,
      after,
    });
    return after;
  });
}
