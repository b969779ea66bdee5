import "server-only";
import type { SessionActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { EmailChoice, NotificationKind } from "@/lib/generated/prisma/enums";
import { KIND_ORDER, NOTIFICATION_KINDS, emailChoice } from "@/lib/notifications/kinds";
import type { NotificationPreferencesInput } from "@/lib/validations/notification";
import { audit } from "@/lib/server/audit";

type Tx = Prisma.TransactionClient;
export type Choices = Partial<Record<NotificationKind, EmailChoice>>;

/** The person's own choices (kinds without one follow the default). */
export async function ownChoices(userId: number, tx: Tx = db): Promise<Choices> {
  const rows = await tx.notificationPreference.findMany({
    where: { userId },
    select: { kind: true, email: true },
  });
  return Object.fromEntries(rows.map((r) => [r.kind, r.email]));
}

/**
 * Sets the given kinds' email choices, in one transaction with its audit record. A choice equal
 * to the kind's default is stored as no choice, so the person keeps following the default.
 * Answers the kinds whose effective choice changed.
 */
export async function setChoices(
  tx: Tx,
  userId: number,
  actorId: number,
  wanted: Choices,
  action: string,
): Promise<NotificationKind[]> {
  // Serialises two saves of the same person (two tabs, a double submit, an unsubscribe).
  await tx.$executeRaw`SELECT 1 FROM "User" WHERE id = ${userId} FOR UPDATE`;
  const own = await ownChoices(userId, tx);
  const changed = KIND_ORDER.filter(
    (k) => wanted[k] !== undefined && emailChoice(k, own) !== emailChoice(k, { [k]: wanted[k] }),
  );
  if (changed.length === 0) return [];
  const asDefault = changed.filter((k) => wanted[k] === NOTIFICATION_KINDS[k].defaultEmail);
  const stored = changed.filter((k) => !asDefault.includes(k));
  if (asDefault.length)
    await tx.notificationPreference.deleteMany({ where: { userId, kind: { in: asDefault } } });
  for (const kind of stored)
    await tx.notificationPreference.upsert({
      where: { userId_kind: { userId, kind } },
      create: { userId, kind, email: wanted[kind]! },
      update: { email: wanted[kind]! },
    });
  await audit(tx, {
    actorId,
    action,
    entity: "User",
    entityId: userId,
    before: Object.fromEntries(changed.map((k) => [k, emailChoice(k, own)])),
    after: Object.fromEntries(changed.map((k) => [k, wanted[k]])),
  });
  return changed;
}

/** The preferences page's save: the signed-in person's own choices only. */
export async function savePreferences(
  actor: SessionActor,
  input: NotificationPreferencesInput,
): Promise<NotificationKind[]> {
  return db.$transaction((tx) =>
    setChoices(tx, actor.id, actor.id, input, "change notification preferences"),
  );
}
