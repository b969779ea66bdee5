import "server-only";
import { can } from "@/lib/auth/permissions";
import type { SessionActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";

// A person's public card: name, team, organisation, belts and recognition. The recognition wall
// is program-wide ("program.read", every role), so its names must lead somewhere for everyone:
// the card is shown for anyone in the reader's directory scope, and for anyone the wall shows
// (a belt held, a recognition received or a contest placing), about whom it says nothing the wall does not. Someone
// who hid themself from recognition is on no wall: outside the reader's scope, 404.
// The full profile stays for those allowed to read it (lib/server/people/profile.ts).

/** The card of a person, or null when the reader may not see it (the page answers 404). */
export async function getPersonCard(actor: SessionActor, id: number) {
  if (!can(actor, "program.read")) return null;
  const person = await db.user.findUnique({
    where: { id },
    select: {
      id: true,
      name: true,
      orgId: true,
      hideFromRecognition: true,
      org: { select: { name: true } },
      team: { select: { name: true } },
      beltAwards: {
        where: { revokedAt: null },
        orderBy: { awardedOn: "asc" },
        select: { id: true, belt: true, awardedOn: true },
      },
      recognitionsReceived: {
        orderBy: { createdAt: "desc" },
        take: 10,
        select: {
          id: true,
          kind: true,
          title: true,
          reason: true,
          createdAt: true,
          giver: { select: { name: true } },
        },
      },
      // Contest placings, as the wall shows them (lib/server/recognition/service.ts, wall()).
      eventRegistrations: {
        where: {
          placing: { not: null },
          attended: true,
          event: { kind: "CONTEST", cancelledAt: null, startsAt: { lte: new Date() } },
        },
        orderBy: { event: { startsAt: "desc" } },
        take: 10,
        select: {
          id: true,
          placing: true,
          event: { select: { title: true, startsAt: true } },
        },
      },
    },
  });
  if (!person) return null;
  const inScope = person.id === actor.id || can(actor, "directory.read", { orgId: person.orgId });
  const onTheWall =
    !person.hideFromRecognition &&
    (person.beltAwards.length > 0 ||
      person.recognitionsReceived.length > 0 ||
      person.eventRegistrations.length > 0);
  return inScope || onTheWall ? person : null;
}

export type PersonCardData = NonNullable<Awaited<ReturnType<typeof getPersonCard>>>;
