import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Belt } from "@/lib/generated/prisma/enums";
import { beltAwarded, beltAwardedPost, beltRevoked } from "@/lib/notifications/messages";
import { except } from "@/lib/server/notifications/audience";
import { postToChannels } from "@/lib/server/notifications/channels";
import { notify } from "@/lib/server/notifications/notify";

// Belt events, written in the award's or the revocation's transaction. The guardian's profile
// shows their belts to them and to the program (the belts page is the leads').
type Tx = Prisma.TransactionClient;

const profile = (userId: number) => `/people/${userId}`;

/**
 * Tells the guardian, and the channels of their organisation that asked for it. A belt is the
 * program's rule at work, not anyone's act: the guardian hears of it even when their own course
 * completion or rating triggered the evaluation.
 */
export async function noticeAwarded(tx: Tx, award: { id: number; userId: number; belt: Belt }) {
  const guardian = await tx.user.findUniqueOrThrow({
    where: { id: award.userId },
    select: {
      name: true,
      hideFromRecognition: true,
      orgId: true,
      memberships: {
        where: { status: "ACTIVE" },
        orderBy: { id: "asc" },
        take: 1,
        select: { team: { select: { orgId: true } } },
      },
    },
  });
  const eventKey = `belt-award:${award.id}`;
  await notify(tx, {
    kind: "BELT_AWARDED",
    userIds: [award.userId],
    ...beltAwarded(award),
    link: profile(award.userId),
    eventKey,
  });
  // The person's own organisation (the deepest: its parents' channels hear of it too), else
  // the organisation of the team they guard.
  const orgId = guardian.orgId ?? guardian.memberships[0]?.team.orgId;
  // A channel post announces the belt to the organisation: not for someone who hid themself from
  // recognition (docs/decisions/0019). They still hear of it themself.
  if (orgId == null || guardian.hideFromRecognition) return;
  const post = beltAwardedPost({ belt: award.belt, guardian: guardian.name });
  await postToChannels(tx, {
    orgId,
    event: "BELT_AWARDED",
    eventKey,
    title: post.title,
    text: post.body,
    link: profile(award.userId),
  });
}

/** Tells the guardian their belt was revoked, and why. */
export async function noticeRevoked(
  tx: Tx,
  revoker: { id: number; name: string },
  award: { id: number; userId: number; belt: Belt; revokeReason: string | null },
) {
  await notify(tx, {
    kind: "BELT_REVOKED",
    userIds: except(revoker.id, [award.userId]),
    ...beltRevoked({ belt: award.belt, revoker: revoker.name, reason: award.revokeReason ?? "" }),
    link: profile(award.userId),
    eventKey: `belt-award:${award.id}:revoked`,
  });
}
