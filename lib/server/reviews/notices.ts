import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ReviewOutcome } from "@/lib/generated/prisma/enums";
import { reviewAssigned, reviewCompleted, reviewRequested } from "@/lib/notifications/messages";
import { except, holdersOf } from "@/lib/server/notifications/audience";
import { notify } from "@/lib/server/notifications/notify";

// Review events, written in the transaction of the change (lib/server/notifications/notify.ts).
type Tx = Prisma.TransactionClient;
type Person = { id: number; name: string };

const link = (reviewId: number) => `/reviews/${reviewId}`;

/**
 * Tells the security engineers who can run the review that it is waiting. Leads hold
 * `review.conduct` too, but a review is only assigned to a security engineer (startReview);
 * leads see unassigned reviews in their weekly digest.
 */
export async function noticeRequested(
  tx: Tx,
  requester: Person,
  review: { id: number; key: string; service: string },
  team: { name: string; orgId: number },
) {
  const engineers = await holdersOf(tx, "review.conduct", team.orgId, ["SECURITY_ENGINEER"]);
  await notify(tx, {
    kind: "REVIEW_REQUESTED",
    userIds: except(requester.id, engineers),
    ...reviewRequested({ ...review, team: team.name, requester: requester.name }),
    link: link(review.id),
    eventKey: `review:${review.id}:requested`,
  });
}

async function names(tx: Tx, reviewId: number) {
  const r = await tx.review.findUniqueOrThrow({
    where: { id: reviewId },
    select: {
      key: true,
      service: true,
      requestedById: true,
      team: { select: { name: true } },
      participants: { select: { userId: true } },
    },
  });
  return { ...r, team: r.team.name };
}

/** Tells the security engineer the review is theirs (unless they took it themself). */
export async function noticeAssigned(
  tx: Tx,
  assigner: Person,
  reviewId: number,
  engineerId: number,
) {
  const r = await names(tx, reviewId);
  await notify(tx, {
    kind: "REVIEW_ASSIGNED",
    userIds: except(assigner.id, [engineerId]),
    ...reviewAssigned({ ...r, assigner: assigner.name }),
    link: link(reviewId),
    eventKey: `review:${reviewId}:assigned:${engineerId}`,
  });
}

/** Tells the requester and the participants how the review ended. */
export async function noticeCompleted(
  tx: Tx,
  engineer: Person,
  reviewId: number,
  outcome: ReviewOutcome,
) {
  const r = await names(tx, reviewId);
  await notify(tx, {
    kind: "REVIEW_COMPLETED",
    userIds: except(engineer.id, [r.requestedById, ...r.participants.map((p) => p.userId)]),
    ...reviewCompleted({ ...r, engineer: engineer.name, outcome }),
    link: link(reviewId),
    eventKey: `review:${reviewId}:completed`,
  });
}
