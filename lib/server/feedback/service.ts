import "server-only";
import { activeOnWhere } from "@/lib/active-guardian";
import { can, queryScope } from "@/lib/auth/permissions";
import { tenantWhere } from "@/lib/auth/tenant";
import type { SessionActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import type { RatingInput } from "@/lib/validations/review";
import { audit } from "@/lib/server/audit";
import { reevaluateBelts } from "@/lib/server/belts/service";
import { DomainError, NotFoundError, PermissionError } from "@/lib/server/errors";
import { noticeRated } from "./notices";

/** Was the person an active guardian of the team on that day? */
async function wasGuardian(userId: number, teamId: number, day: Date) {
  const where = { userId, teamId, ...activeOnWhere(day) };
  return (await db.guardianMembership.count({ where })) > 0;
}

/**
 * A security engineer rates a guardian's input to a completed review or an approved threat
 * model (1–5 and a comment). Rating again replaces the earlier rating; both are audited.
 */
export async function rateGuardian(actor: SessionActor, input: RatingInput) {
  if (!can(actor, "feedback.give")) throw new PermissionError();
  const scope = queryScope(actor, "feedback.give");
  const team = tenantWhere(scope, "orgId");
  let orgId: number;
  let work: string;
  if (input.reviewId) {
    const review = await db.review.findFirst({
      where: { id: input.reviewId, team },
      select: {
        teamId: true,
        service: true,
        completedAt: true,
        team: { select: { orgId: true } },
        participants: { where: { userId: input.guardianId }, select: { userId: true } },
      },
    });
    if (!review) throw new NotFoundError("review");
    if (!review.completedAt) throw new DomainError("Rate guardians once the review is completed.");
    if (
      !review.participants.length ||
      !(await wasGuardian(input.guardianId, review.teamId, review.completedAt))
    )
      throw new DomainError("Only guardians who took part as guardians of the team can be rated.");
    orgId = review.team.orgId;
    work = `the security review of ${review.service}`;
  } else {
    const tm = await db.threatModel.findFirst({
      where: { id: input.threatModelId!, team },
      select: {
        teamId: true,
        system: true,
        status: true,
        approvedOn: true,
        team: { select: { orgId: true } },
        authors: { where: { userId: input.guardianId }, select: { userId: true } },
      },
    });
    if (!tm) throw new NotFoundError("threat model");
    if (tm.status !== "APPROVED" || !tm.approvedOn)
      throw new DomainError("Rate guardians once the threat model is approved.");
    if (!tm.authors.length || !(await wasGuardian(input.guardianId, tm.teamId, tm.approvedOn)))
      throw new DomainError("Only guardian authors of the threat model can be rated.");
    orgId = tm.team.orgId;
    work = `the threat model of ${tm.system}`;
  }
  const data = { rating: input.rating, comment: input.comment, raterId: actor.id };
  const feedback = await db.$transaction(async (tx) => {
    const where = input.reviewId
      ? { reviewId_guardianId: { reviewId: input.reviewId, guardianId: input.guardianId } }
      : {
          threatModelId_guardianId: {
            threatModelId: input.threatModelId!,
            guardianId: input.guardianId,
          },
        };
    const before = await tx.feedback.findUnique({ where });
    const after = await tx.feedback.upsert({
      where,
      create: {
        ...data,
        guardianId: input.guardianId,
        reviewId: input.reviewId ?? null,
        threatModelId: input.threatModelId ?? null,
      },
      update: data,
    });
    const auditId = await audit(tx, {
      actorId: actor.id,
      action: before ? "update" : "create",
      entity: "Feedback",
      entityId: after.id,
      orgId,
      before,
      after,
    });
    await noticeRated(tx, actor, before, after, work, auditId);
    return after;
  });
  await reevaluateBelts([input.guardianId], actor.id);
  return feedback;
}
