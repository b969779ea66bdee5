import "server-only";
import type { SessionActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { eventPhase, placesLeft } from "@/lib/events/rules";
import { NotFoundError, PermissionError } from "@/lib/server/errors";
import { inAudience, visibleEventsWhere } from "./audience";

const EVENTS_PER_PAGE = 20;

const listSelect = (userId: number) =>
  ({
    id: true,
    kind: true,
    title: true,
    startsAt: true,
    quarterHours: true,
    capacity: true,
    cancelledAt: true,
    org: { select: { name: true } },
    _count: { select: { registrations: true } },
    registrations: { where: { userId }, select: { attended: true, placing: true } },
  }) as const;

/**
 * Events the actor may see, upcoming (soonest first) or past (latest first), each with its
 * places left and the actor's own registration.
 */
export async function listEvents(actor: SessionActor, when: "upcoming" | "past", page: number) {
  if (!can(actor, "event.attend") && !can(actor, "event.manage")) throw new PermissionError();
  const now = new Date();
  const where = {
    ...(await visibleEventsWhere(actor)),
    startsAt: when === "upcoming" ? { gt: now } : { lte: now },
  };
  const [rows, total] = await Promise.all([
    db.event.findMany({
      where,
      orderBy: [{ startsAt: when === "upcoming" ? "asc" : "desc" }, { id: "asc" }],
      skip: (page - 1) * EVENTS_PER_PAGE,
      take: EVENTS_PER_PAGE,
      select: listSelect(actor.id),
    }),
    db.event.count({ where }),
  ]);
  return {
    events: rows.map(({ registrations, _count, ...e }) => ({
      ...e,
      phase: eventPhase(e, now),
      registered: _count.registrations,
      placesLeft: placesLeft(e.capacity, _count.registrations),
      mine: registrations[0] ?? null,
    })),
    total,
    pages: Math.max(1, Math.ceil(total / EVENTS_PER_PAGE)),
  };
}

/**
 * One event as the actor sees it; outside their audience (and not theirs to manage) = not
 * found. Leads also get the registered people, for the attendance list.
 */
export async function eventForActor(actor: SessionActor, id: number) {
  const manage = can(actor, "event.manage");
  const event = await db.event.findFirst({
    where: { id, ...(await visibleEventsWhere(actor)) },
    select: {
      ...listSelect(actor.id),
      description: true,
      orgId: true,
      createdBy: { select: { name: true } },
    },
  });
  if (!event) throw new NotFoundError("event");
  const now = new Date();
  const { registrations, _count, ...e } = event;
  const people = manage
    ? await db.eventRegistration.findMany({
        where: { eventId: id },
        orderBy: [{ user: { name: "asc" } }, { id: "asc" }],
        select: {
          id: true,
          attended: true,
          placing: true,
          registeredAt: true,
          user: { select: { id: true, name: true, email: true } },
        },
      })
    : null;
  return {
    ...e,
    phase: eventPhase(e, now),
    registered: _count.registrations,
    placesLeft: placesLeft(e.capacity, _count.registrations),
    mine: registrations[0] ?? null,
    canRegister: await inAudience(actor, e.orgId),
    manage,
    people,
  };
}
