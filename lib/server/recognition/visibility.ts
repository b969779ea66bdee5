import "server-only";
import type { SessionActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { audit } from "@/lib/server/audit";

// "Hide me from the recognition wall and leaderboards" (docs/decisions/0019). Only the person
// sets it, for themself: no permission beyond being signed in, no one else's switch.

/** Whether the signed-in person hides themself from recognition (the account page's card). */
export async function hiddenFromRecognition(actor: SessionActor): Promise<boolean> {
  const me = await db.user.findUnique({
    where: { id: actor.id },
    select: { hideFromRecognition: true },
  });
  return me?.hideFromRecognition ?? false;
}

/** Hides or shows the signed-in person on the wall and in every person-level listing. */
export async function setHiddenFromRecognition(actor: SessionActor, hide: boolean) {
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUniqueOrThrow({
      where: { id: actor.id },
      select: { hideFromRecognition: true },
    });
    if (before.hideFromRecognition === hide) return { changed: false };
    await tx.user.update({ where: { id: actor.id }, data: { hideFromRecognition: hide } });
    await audit(tx, {
      actorId: actor.id,
      action: "user.recognition-visibility",
      entity: "User",
      entityId: actor.id,
      orgId: actor.orgId,
      before,
      after: { hideFromRecognition: hide },
    });
    return { changed: true };
  });
}
