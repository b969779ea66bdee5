import "server-only";
import { can, queryScope } from "@/lib/auth/permissions";
import { tenantWhere } from "@/lib/auth/tenant";
import type { SessionActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { fastTrackRefusal } from "@/lib/fast-track/rule";
import { todayUtc } from "@/lib/period";
import { PermissionError } from "@/lib/server/errors";
import { fastTrackFacts } from "./service";

const SPOT_CHECK_PAGE_SIZE = 25;

const recordSelect = {
  guardianId: true,
  approvedAt: true,
  answers: true,
  sampled: true,
  spotCheckPercent: true,
  spotCheckOutcome: true,
  spotCheckedAt: true,
  spotCheckNote: true,
  guardian: { select: { name: true } },
  spotCheckedBy: { select: { name: true } },
} as const;

/**
 * What the review page shows about the fast track: the record of a fast track and its spot
 * check, the checklist a guardian may answer (with the reason they may not, if any), and
 * whether the reader may spot-check it. The page has already checked that the review is visible.
 */
export async function reviewFastTrack(
  actor: SessionActor,
  review: {
    id: number;
    orgId: number;
    team: { id: number; profile: Parameters<typeof fastTrackFacts>[2]["profile"] };
    startedAt: Date | null;
    completedAt: Date | null;
    securityEngineerId: number | null;
    openFindings: number;
  },
) {
  const record = await db.fastTrack.findUnique({
    where: { reviewId: review.id },
    select: recordSelect,
  });
  let offer: { questions: string[]; refusal: string | null } | null = null;
  if (!record && !review.completedAt && can(actor, "review.fasttrack", { orgId: review.orgId })) {
    const day = todayUtc();
    const facts = await fastTrackFacts(db, actor.id, review.team, day);
    if (facts.policy?.enabled) {
      const questions = facts.policy.checklist;
      const refusal = fastTrackRefusal({
        ...facts,
        // The answers are the guardian's to give: every other condition is judged here.
        answers: questions.map(() => "low-risk"),
        review: {
          completed: false,
          started: review.startedAt !== null || review.securityEngineerId !== null,
          openFindings: review.openFindings,
        },
        day,
      });
      offer = { questions, refusal: refusal?.message ?? null };
    }
  }
  const canSpotCheck =
    record !== null &&
    record.sampled &&
    !record.spotCheckOutcome &&
    record.guardianId !== actor.id &&
    can(actor, "fasttrack.spotcheck", { orgId: review.orgId });
  return { record, offer, canSpotCheck };
}

/** Drawn reviews waiting for a spot check (oldest first), and the latest spot checks. */
export async function spotCheckQueue(actor: SessionActor, page: number) {
  if (!can(actor, "fasttrack.spotcheck")) throw new PermissionError();
  const inScope = { review: tenantWhere(queryScope(actor, "fasttrack.spotcheck"), "team.orgId") };
  const waitingWhere = { ...inScope, sampled: true, spotCheckOutcome: null };
  const select = {
    id: true,
    reviewId: true,
    approvedAt: true,
    spotCheckOutcome: true,
    spotCheckedAt: true,
    guardian: { select: { name: true } },
    spotCheckedBy: { select: { name: true } },
    review: { select: { key: true, service: true, team: { select: { name: true } } } },
  } as const;
  const [waiting, total, checked] = await Promise.all([
    db.fastTrack.findMany({
      where: waitingWhere,
      orderBy: [{ approvedAt: "asc" }, { id: "asc" }],
      skip: (page - 1) * SPOT_CHECK_PAGE_SIZE,
      take: SPOT_CHECK_PAGE_SIZE,
      select,
    }),
    db.fastTrack.count({ where: waitingWhere }),
    db.fastTrack.findMany({
      where: { ...inScope, spotCheckOutcome: { not: null } },
      orderBy: [{ spotCheckedAt: "desc" }, { id: "desc" }],
      take: 10,
      select,
    }),
  ]);
  return {
    waiting,
    total,
    pages: Math.max(1, Math.ceil(total / SPOT_CHECK_PAGE_SIZE)),
    checked,
  };
}

/** Suspensions in force, for the lead's page (a handful at any time). */
export async function openSuspensions(actor: SessionActor) {
  if (!can(actor, "fasttrack.manage")) throw new PermissionError();
  return db.fastTrackSuspension.findMany({
    where: {
      liftedAt: null,
      ...tenantWhere(queryScope(actor, "fasttrack.manage"), "guardian.orgId"),
    },
    orderBy: { suspendedAt: "desc" },
    take: 50,
    select: {
      id: true,
      reason: true,
      suspendedAt: true,
      guardian: { select: { id: true, name: true } },
    },
  });
}

/** How many drawn reviews wait for a spot check (the engineer's home). */
export async function spotChecksWaiting(actor: SessionActor): Promise<number> {
  if (!can(actor, "fasttrack.spotcheck")) return 0;
  return db.fastTrack.count({
    where: {
      sampled: true,
      spotCheckOutcome: null,
      review: tenantWhere(queryScope(actor, "fasttrack.spotcheck"), "team.orgId"),
    },
  });
}
