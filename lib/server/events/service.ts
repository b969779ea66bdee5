import "server-only";
import type { SessionActor } from "@/lib/auth/actor";
import { can, queryScope } from "@/lib/auth/permissions";
import { tenantWhere } from "@/lib/auth/tenant";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { changeProblem, registrationProblem, unregistrationProblem } from "@/lib/events/rules";
import { toQuarterHours } from "@/lib/hours";
import type { EventInput } from "@/lib/validations/event";
import { audit } from "@/lib/server/audit";
import { DomainError, FieldError, NotFoundError, PermissionError } from "@/lib/server/errors";
import { inAudience } from "./audience";

type Tx = Prisma.TransactionClient;

/**
 * An event a lead manages, its row locked for the change (registrations wait behind it, so a
 * capacity check and a registration never interleave); another org's = not found.
 */
export async function lockedEvent(tx: Tx, actor: SessionActor, id: number) {
  const found = await tx.event.findFirst({
    where: { id, ...tenantWhere(queryScope(actor, "event.manage"), "orgId") },
    select: { id: true },
  });
  if (!found) throw new NotFoundError("event");
  await tx.$queryRaw`SELECT id FROM "Event" WHERE id = ${id} FOR UPDATE`;
  return tx.event.findUniqueOrThrow({ where: { id } });
}

const registered = (tx: Tx, eventId: number) => tx.eventRegistration.count({ where: { eventId } });

/**
 * A lead creates an event, or edits one that has not started. It must start in the future; the
 * capacity never goes below the people already registered.
 */
export async function saveEvent(actor: SessionActor, input: EventInput) {
  if (!can(actor, "event.manage")) throw new PermissionError();
  const now = new Date();
  if (input.startsAt.getTime() <= now.getTime())
    throw new FieldError("date", "Choose a start in the future (times are UTC)");
  if (input.orgId !== null) {
    const org = await db.org.findUnique({ where: { id: input.orgId }, select: { id: true } });
    if (!org || !can(actor, "event.manage", { orgId: org.id }))
      throw new FieldError("orgId", "Choose an organisation");
  }
  const data = {
    kind: input.kind,
    title: input.title,
    description: input.description,
    startsAt: input.startsAt,
    quarterHours: toQuarterHours(input.hours),
    capacity: input.capacity,
    orgId: input.orgId,
  };
  return db.$transaction(async (tx) => {
    if (input.id === null) {
      // A double-clicked "Create" finds the event it just made instead of making a second (one
      // creation per lead at a time, so two submits cannot both miss it).
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('event-create'), ${actor.id})`;
      const twin = await tx.event.findFirst({
        where: { ...data, createdById: actor.id, cancelledAt: null },
      });
      if (twin) return twin;
      const created = await tx.event.create({ data: { ...data, createdById: actor.id } });
      await audit(tx, {
        actorId: actor.id,
        action: "create",
        entity: "Event",
        entityId: created.id,
        orgId: created.orgId,
        after: created,
      });
      return created;
    }
    const before = await lockedEvent(tx, actor, input.id);
    const problem = changeProblem(before, now, await registered(tx, before.id), input.capacity);
    if (problem)
      throw problem.includes("capacity")
        ? new FieldError("capacity", problem)
        : new DomainError(problem);
    const after = await tx.event.update({ where: { id: before.id }, data });
    await audit(tx, {
      actorId: actor.id,
      action: "update",
      entity: "Event",
      entityId: after.id,
      orgId: after.orgId,
      before,
      after,
    });
    return after;
  });
}

/** A lead cancels an event that has not started; registrations stay, as its history. */
export async function cancelEvent(actor: SessionActor, id: number) {
  if (!can(actor, "event.manage")) throw new PermissionError();
  return db.$transaction(async (tx) => {
    const before = await lockedEvent(tx, actor, id);
    const problem = changeProblem(before, new Date(), 0);
    if (problem) throw new DomainError(problem);
    const after = await tx.event.update({ where: { id }, data: { cancelledAt: new Date() } });
    await audit(tx, {
      actorId: actor.id,
      action: "cancel",
      entity: "Event",
      entityId: id,
      orgId: after.orgId,
      before: { cancelledAt: null },
      after: { cancelledAt: after.cancelledAt },
    });
    return after;
  });
}

/** An event in the actor's audience, its row locked; outside the audience = not found. */
async function audienceEvent(tx: Tx, actor: SessionActor, id: number) {
  await tx.$queryRaw`SELECT id FROM "Event" WHERE id = ${id} FOR UPDATE`;
  const event = await tx.event.findUnique({ where: { id } });
  if (!event || !(await inAudience(actor, event.orgId))) throw new NotFoundError("event");
  return event;
}

/**
 * A person in the event's audience takes a place before it starts. Under the event's row lock
 * the places taken are counted and the place written, so concurrent registrations never pass
 * the capacity; a second submit answers "already registered" and changes nothing.
 */
export async function registerForEvent(actor: SessionActor, eventId: number) {
  if (!can(actor, "event.attend", { userId: actor.id })) throw new PermissionError();
  try {
    return await db.$transaction(async (tx) => {
      const event = await audienceEvent(tx, actor, eventId);
      const mine = await tx.eventRegistration.findUnique({
        where: { eventId_userId: { eventId, userId: actor.id } },
      });
      if (mine) return { registration: mine, created: false };
      const problem = registrationProblem(event, new Date(), await registered(tx, eventId));
      if (problem) throw new DomainError(problem);
      const registration = await tx.eventRegistration.create({
        data: { eventId, userId: actor.id },
      });
      await audit(tx, {
        actorId: actor.id,
        action: "register",
        entity: "EventRegistration",
        entityId: registration.id,
        orgId: event.orgId,
        after: registration,
      });
      return { registration, created: true };
    });
  } catch (error) {
    // The unique (event, person) holds even for a writer that skipped the lock.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      return { registration: null, created: false };
    throw error;
  }
}

/** A person gives up their place before the event starts; not registered: nothing changes. */
export async function unregisterFromEvent(actor: SessionActor, eventId: number) {
  if (!can(actor, "event.attend", { userId: actor.id })) throw new PermissionError();
  return db.$transaction(async (tx) => {
    const event = await audienceEvent(tx, actor, eventId);
    const mine = await tx.eventRegistration.findUnique({
      where: { eventId_userId: { eventId, userId: actor.id } },
    });
    if (!mine) return false;
    const problem = unregistrationProblem(event, new Date());
    if (problem) throw new DomainError(problem);
    await tx.eventRegistration.delete({ where: { id: mine.id } });
    await audit(tx, {
      actorId: actor.id,
      action: "unregister",
      entity: "EventRegistration",
      entityId: mine.id,
      orgId: event.orgId,
      before: mine,
    });
    return true;
  });
}
