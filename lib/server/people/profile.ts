import "server-only";
import { can } from "@/lib/auth/permissions";
import type { SessionActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { toHours } from "@/lib/hours";

/** Everything a guardian's profile shows; null when the person is outside the actor's scope. */
export async function getProfile(actor: SessionActor, id: number) {
  const person = await getProfilePerson(actor, id);
  return person ? { person, ...(await profileDetails(actor, person)) } : null;
}

export type ProfilePerson = NonNullable<Awaited<ReturnType<typeof getProfilePerson>>>;

/** The person a profile is about; null when outside the actor's scope (the page answers 404). */
export async function getProfilePerson(actor: SessionActor, id: number) {
  const person = await db.user.findUnique({
    where: { id },
    select: {
      id: true,
      name: true,
      email: true,
      roles: true,
      orgId: true,
      org: { select: { name: true } },
      team: { select: { id: true, name: true } },
    },
  });
  return person && (person.id === actor.id || can(actor, "directory.read", { orgId: person.orgId }))
    ? person
    : null;
}

/** The rest of the profile of a person `getProfilePerson` returned for this actor. */
export async function profileDetails(actor: SessionActor, person: ProfilePerson) {
  const id = person.id;
  const since = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth() - 11, 1));
  const seeFeedback = can(actor, "feedback.read", { orgId: person.orgId, userId: person.id });
  const [
    belts,
    memberships,
    reviews,
    reviewCount,
    threatModels,
    hours,
    feedback,
    completions,
    recognitions,
  ] = await Promise.all([
    db.beltAward.findMany({
      where: { userId: id },
      orderBy: { awardedOn: "asc" },
      select: {
        id: true,
        belt: true,
        awardedOn: true,
        expiresOn: true,
        renewal: true,
        revokedAt: true,
        revokeReason: true,
        evidence: true,
      },
    }),
    db.guardianMembership.findMany({
      where: { userId: id, status: { in: ["ACTIVE", "ALUMNI"] } },
      orderBy: { activeOn: "asc" },
      select: {
        id: true,
        status: true,
        activeOn: true,
        leftOn: true,
        team: { select: { id: true, name: true } },
      },
    }),
    db.reviewParticipant.findMany({
      where: { userId: id, review: { completedAt: { not: null } } },
      orderBy: { review: { completedAt: "desc" } },
      take: 8,
      select: { review: { select: { id: true, key: true, service: true, completedAt: true } } },
    }),
    db.reviewParticipant.count({ where: { userId: id, review: { completedAt: { not: null } } } }),
    db.threatModelAuthor.findMany({
      where: { userId: id },
      orderBy: { threatModel: { createdOn: "desc" } },
      take: 8,
      select: { threatModel: { select: { id: true, key: true, system: true, status: true } } },
    }),
    db.$queryRaw<
      { month: Date; qh: bigint }[]
    >`SELECT date_trunc('month', date)::date AS month, sum("quarterHours") AS qh
      FROM "ActivityEntry" WHERE "userId" = ${id} AND "deletedAt" IS NULL AND date >= ${since}
      GROUP BY 1 ORDER BY 1`,
    seeFeedback
      ? db.feedback.findMany({
          where: { guardianId: id },
          orderBy: { createdAt: "desc" },
          take: 50,
          select: { id: true, rating: true, comment: true, createdAt: true },
        })
      : Promise.resolve(null),
    db.courseCompletion.findMany({
      where: { userId: id },
      orderBy: { completedOn: "asc" },
      select: { id: true, completedOn: true, course: { select: { title: true, required: true } } },
    }),
    db.recognition.findMany({
      where: { recipientId: id },
      orderBy: { createdAt: "desc" },
      take: 20,
      select: {
        id: true,
        kind: true,
        title: true,
        reason: true,
        createdAt: true,
        giver: { select: { name: true } },
      },
    }),
  ]);
  const months = Array.from(
    { length: 12 },
    (_, i) => new Date(Date.UTC(since.getUTCFullYear(), since.getUTCMonth() + i, 1)),
  );
  const byMonth = new Map(
    hours.map((h) => [h.month.toISOString().slice(0, 7), toHours(Number(h.qh))]),
  );
  return {
    belts,
    memberships,
    reviews: reviews.map((r) => r.review),
    reviewCount,
    threatModels: threatModels.map((t) => t.threatModel),
    hoursByMonth: months.map((m) => ({
      month: m.toISOString().slice(0, 7),
      hours: byMonth.get(m.toISOString().slice(0, 7)) ?? 0,
    })),
    feedback,
    completions,
    recognitions,
  };
}
