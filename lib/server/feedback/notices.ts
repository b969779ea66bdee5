import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { guardianRated } from "@/lib/notifications/messages";
import { except } from "@/lib/server/notifications/audience";
import { notify } from "@/lib/server/notifications/notify";

type Tx = Prisma.TransactionClient;

/**
 * Tells a guardian their input was rated, in the rating's transaction. A rating given again with
 * the same score and comment (a double submit) is no news; a changed one is, once per change.
 */
export async function noticeRated(
  tx: Tx,
  rater: { id: number; name: string },
  before: { rating: number; comment: string | null } | null,
  after: { id: number; guardianId: number; rating: number; comment: string | null },
  work: string,
  auditId: bigint,
) {
  if (before && before.rating === after.rating && before.comment === after.comment) return;
  await notify(tx, {
    kind: "GUARDIAN_RATED",
    userIds: except(rater.id, [after.guardianId]),
    ...guardianRated({
      rater: rater.name,
      rating: after.rating,
      work,
      comment: after.comment,
      changed: before !== null,
    }),
    link: "/feedback",
    eventKey: before ? `feedback:${after.id}:changed:${auditId}` : `feedback:${after.id}:rated`,
  });
}
