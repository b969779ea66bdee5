import "server-only";
import { can } from "@/lib/auth/permissions";
import type { SessionActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import type { RecognitionInput } from "@/lib/validations/recognition";
import { audit } from "@/lib/server/audit";
import { DomainError, NotFoundError, PermissionError } from "@/lib/server/errors";
import { notify } from "@/lib/server/notifications/notify";
import { placingLabel } from "@/lib/events/rules";
import { BELT } from "@/lib/vocabulary";

/**
 * A lead or manager recognises someone in their scope; kudos to oneself are refused. The person
 * recognised is notified in the same transaction.
 */
export async function giveRecognition(actor: SessionActor, input: RecognitionInput) {
  if (!can(actor, "recognition.give")) throw new PermissionError();
  const recipient = await db.user.findUnique({
    where: { id: input.recipientId },
    select: { id: true, orgId: true },
  });
  if (!recipient || !can(actor, "recognition.give", { orgId: recipient.orgId }))
    throw new NotFoundError("person");
  if (recipient.id === actor.id)
    throw new DomainError("Recognition is for others: ask your lead instead.");
  return db.$transaction(async (tx) => {
    const row = await tx.recognition.create({ data: { ...input, giverId: actor.id } });
    await audit(tx, {
      actorId: actor.id,
      action: "create",
      entity: "Recognition",
      entityId: row.id,
      orgId: recipient.orgId,
      after: row,
    });
    await notify(tx, {
      kind: "RECOGNITION_GIVEN",
      userIds: [recipient.id],
      title:
        row.kind === "AWARD"
          ? `${actor.name} gave you the award “${row.title}”`
          : `Kudos from ${actor.name}: “${row.title}”`,
      body: row.reason,
      link: `/people/${recipient.id}#recognition`,
      eventKey: `recognition:${row.id}`,
    });
    return row;
  });
}

/**
 * The program-wide wall: belts, awards and contest placings, newest first, of people who have
 * not hidden themselves from recognition (docs/decisions/0019). Every kind of item comes
 * through here, so the filter on people belongs in each query.
 */
export async function wall(take = 40) {
  const [belts, recognitions, placings] = await Promise.all([
    db.beltAward.findMany({
      // The wall celebrates earning a belt; a renewal keeps it and is not news.
      where: { revokedAt: null, renewal: false, user: { hideFromRecognition: false } },
      orderBy: [{ awardedOn: "desc" }, { id: "desc" }],
      take,
      select: { id: true, belt: true, awardedOn: true, user: { select: { id: true, name: true } } },
    }),
    db.recognition.findMany({
      where: { recipient: { hideFromRecognition: false } },
      orderBy: { createdAt: "desc" },
      take,
      select: {
        id: true,
        kind: true,
        title: true,
        reason: true,
        createdAt: true,
        recipient: { select: { id: true, name: true } },
        giver: { select: { name: true } },
      },
    }),
    // Contest results (docs/events.md): a placing counts once the contest has taken place.
    db.eventRegistration.findMany({
      where: {
        placing: { not: null },
        attended: true,
        user: { hideFromRecognition: false },
        event: { kind: "CONTEST", cancelledAt: null, startsAt: { lte: new Date() } },
      },
      orderBy: [{ event: { startsAt: "desc" } }, { placing: "asc" }, { id: "asc" }],
      take,
      select: {
        id: true,
        placing: true,
        user: { select: { id: true, name: true } },
        event: { select: { title: true, startsAt: true } },
      },
    }),
  ]);
  const items = [
    ...belts.map((b) => ({
      key: `b${b.id}`,
      at: b.awardedOn,
      person: b.user,
      text: `earned the ${BELT.label(b.belt)} belt`,
      detail: null as string | null,
    })),
    ...recognitions.map((r) => ({
      key: `r${r.id}`,
      at: r.createdAt,
      person: r.recipient,
      text: `${r.kind === "AWARD" ? "received the award" : "got kudos:"} “${r.title}” from ${r.giver.name}`,
      detail: r.reason,
    })),
    ...placings.map((p) => ({
      key: `c${p.id}`,
      at: p.event.startsAt,
      person: p.user,
      text: `placed ${placingLabel(p.placing!)} in the contest “${p.event.title}”`,
      detail: null as string | null,
    })),
  ];
  return items.sort((a, b) => b.at.getTime() - a.at.getTime()).slice(0, take);
}
