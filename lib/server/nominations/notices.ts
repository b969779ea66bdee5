import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { nominationDecided, nominationSubmitted } from "@/lib/notifications/messages";
import { except, holdersOf } from "@/lib/server/notifications/audience";
import { notify } from "@/lib/server/notifications/notify";

// Nomination events, written in the transaction of the change (lib/server/notifications/notify.ts).
type Tx = Prisma.TransactionClient;
type Person = { id: number; name: string };

/** Tells the people who decide nominations for the team's organisation that one is waiting. */
export async function noticeNominated(
  tx: Tx,
  nominator: Person,
  m: { id: number; reason: string },
  nominee: Person,
  team: { name: string; orgId: number },
) {
  await notify(tx, {
    kind: "NOMINATION_SUBMITTED",
    userIds: except(nominator.id, await holdersOf(tx, "guardian.approve", team.orgId)),
    ...nominationSubmitted({
      nominator: nominator.name,
      nominee: nominee.name,
      team: team.name,
      reason: m.reason,
    }),
    link: "/nominations",
    eventKey: `nomination:${m.id}:submitted`,
  });
}

/** Tells the nominee and the nominator how the nomination was decided. */
export async function noticeDecided(
  tx: Tx,
  decider: Person,
  membershipId: number,
  approved: boolean,
  note: string | null,
) {
  const m = await tx.guardianMembership.findUniqueOrThrow({
    where: { id: membershipId },
    select: {
      userId: true,
      nominatedById: true,
      user: { select: { name: true } },
      team: { select: { id: true, name: true } },
    },
  });
  const event = {
    kind: "NOMINATION_DECIDED" as const,
    link: `/directory/teams/${m.team.id}`,
    eventKey: `nomination:${membershipId}:decided`,
  };
  const names = { nominee: m.user.name, team: m.team.name, approved, decider: decider.name, note };
  await notify(tx, {
    ...event,
    userIds: except(decider.id, [m.userId]),
    ...nominationDecided({ ...names, toNominee: true }),
  });
  await notify(tx, {
    ...event,
    userIds: except(decider.id, [m.nominatedById]),
    ...nominationDecided({ ...names, toNominee: false }),
  });
}
