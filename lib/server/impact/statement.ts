import "server-only";
import type { SessionActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import type { ActivityType } from "@/lib/vocabulary";
import { addUtcDays, isoDay } from "@/lib/period";
import {
  impactStatement,
  type BaselineReviewFact,
  type FixedFindingFact,
  type ReviewFact,
  type StatementFacts,
  type ThreatModelFact,
  type StatementPeriod,
} from "@/lib/impact/statement";
import { audit } from "../audit";
import { NotFoundError } from "../errors";
import { guardianOfReviewTeam, reviewCompletedDay } from "../metrics/scope";

/** At most this many activity entries are listed under the hours (the figures count them all). */
export const STATEMENT_ENTRY_LIMIT = 100;

/**
 * The person whose statement the actor asks for: themselves, someone in the org of their
 * manager, or anyone for a lead. Anyone else answers "not found", as a missing person does.
 */
export async function statementPerson(actor: SessionActor, personId: number) {
  const person = await db.user.findUnique({
    where: { id: personId },
    select: {
      id: true,
      name: true,
      email: true,
      orgId: true,
      shareRatingComments: true,
      org: { select: { name: true } },
      team: { select: { id: true, name: true } },
    },
  });
  if (!person || !can(actor, "impact.read", { orgId: person.orgId, userId: person.id }))
    throw new NotFoundError("person");
  return person;
}

/** The statement of one person for one period (docs/impact-statement.md). */
export async function getImpactStatement(
  actor: SessionActor,
  personId: number,
  period: StatementPeriod,
) {
  const person = await statementPerson(actor, personId);
  const [facts, entries] = await Promise.all([
    statementFacts(person.id, period),
    db.activityEntry.findMany({
      where: { userId: person.id, deletedAt: null, date: { gte: period.from, lte: period.to } },
      orderBy: [{ date: "desc" }, { id: "desc" }],
      take: STATEMENT_ENTRY_LIMIT,
      select: {
        id: true,
        date: true,
        quarterHours: true,
        type: true,
        review: { select: { id: true, key: true } },
        threatModel: { select: { id: true, key: true } },
      },
    }),
  ]);
  const own = actor.id === person.id;
  return {
    person,
    own,
    statement: impactStatement(facts, { showComments: own || person.shareRatingComments }),
    entries: entries.map((e) => ({ ...e, id: String(e.id) })),
  };
}

/** Everything the statement counts, read with the dashboards' rules. */
export async function statementFacts(
  personId: number,
  { from, to }: StatementPeriod,
): Promise<StatementFacts> {
  const start = from;
  const end = addUtcDays(to, 1);
  const [startDay, endDay] = [isoDay(start), isoDay(end)];
  const asGuardian = guardianOfReviewTeam(reviewCompletedDay);
  const reviews = await db.$queryRaw<ReviewFact[]>`
    SELECT r.id, r.key, r.service, r."teamId", t.name AS "teamName", t."orgId", r."requestedAt",
      r."completedAt", r.outcome::text AS outcome,
      EXISTS (SELECT 1 FROM "GuardianMembership" g WHERE ${asGuardian}) AS "asGuardian"
    FROM "ReviewParticipant" p
    JOIN "Review" r ON r.id = p."reviewId"
    JOIN "Team" t ON t.id = r."teamId"
    WHERE p."userId" = ${personId} AND r."completedAt" >= ${start} AND r."completedAt" < ${end}`;
  const guardedTeams = [...new Set(reviews.filter((r) => r.asGuardian).map((r) => r.teamId))];
  const [baseline, findingsFixed, threatModels, hours, belts, awards, ratings] = await Promise.all([
    guardedTeams.length
      ? db.$queryRaw<BaselineReviewFact[]>`
          SELECT r.id, r.key, r.service, r."teamId", t.name AS "teamName", t."orgId", r."requestedAt", r."completedAt"
          FROM "Review" r JOIN "Team" t ON t.id = r."teamId"
          WHERE r."teamId" = ANY(${guardedTeams}::int[])
            AND r."completedAt" >= ${start} AND r."completedAt" < ${end}
            AND NOT EXISTS (
              SELECT 1 FROM "ReviewParticipant" p JOIN "GuardianMembership" g ON ${asGuardian}
              WHERE p."reviewId" = r.id
            )`
      : Promise.resolve([]),
    db.$queryRaw<FixedFindingFact[]>`
      SELECT f.id, f.key, f.severity::text AS severity, r.id AS "reviewId", r.key AS "reviewKey",
        f."openedOn", (SELECT t."orgId" FROM "Team" t WHERE t.id = r."teamId") AS "orgId", f."closedOn"
      FROM "Finding" f
      JOIN "Review" r ON r.id = f."reviewId"
      JOIN "ReviewParticipant" p ON p."reviewId" = r.id AND p."userId" = ${personId}
      WHERE f.status = 'MITIGATED' AND f."closedOn" >= ${startDay}::date AND f."closedOn" < ${endDay}::date`,
    db.$queryRaw<ThreatModelFact[]>`
      SELECT m.id, m.key, m.system, t.name AS "teamName", t."orgId", m.status::text AS status, m."createdOn",
        m."approvedOn",
        (SELECT count(*)::int FROM "Threat" x WHERE x."threatModelId" = m.id) AS threats,
        (SELECT count(*)::int FROM "Threat" x WHERE x."threatModelId" = m.id AND x."mitigationStatus" <> 'NONE') AS documented
      FROM "ThreatModelAuthor" a
      JOIN "ThreatModel" m ON m.id = a."threatModelId"
      JOIN "Team" t ON t.id = m."teamId"
      WHERE a."userId" = ${personId}
        AND ((m."approvedOn" >= ${startDay}::date AND m."approvedOn" < ${endDay}::date)
          OR (m."createdOn" >= ${startDay}::date AND m."createdOn" < ${endDay}::date))`,
    db.$queryRaw<{ type: ActivityType; quarterHours: number }[]>`
      SELECT a.type::text AS type, sum(a."quarterHours")::int AS "quarterHours"
      FROM "ActivityEntry" a
      WHERE a."userId" = ${personId} AND a."deletedAt" IS NULL
        AND a.date >= ${startDay}::date AND a.date < ${endDay}::date
      GROUP BY a.type`,
    db.beltAward.findMany({
      where: { userId: personId, revokedAt: null, awardedOn: { gte: start, lt: end } },
      select: { id: true, belt: true, awardedOn: true },
    }),
    db.recognition.findMany({
      where: { recipientId: personId, createdAt: { gte: start, lt: end } },
      select: { id: true, kind: true, title: true, reason: true, createdAt: true },
    }),
    db.$queryRaw<
      {
        id: number;
        rating: number;
        comment: string | null;
        on: Date;
        kind: "review" | "threat-model";
        sourceId: number;
        sourceKey: string;
        orgId: number;
      }[]
    >`
      SELECT f.id, f.rating, f.comment, coalesce(${reviewCompletedDay}, tm."approvedOn") AS "on",
        CASE WHEN r.id IS NULL THEN 'threat-model' ELSE 'review' END AS kind,
        coalesce(r.id, tm.id) AS "sourceId", coalesce(r.key, tm.key) AS "sourceKey", t."orgId"
      FROM "Feedback" f
      LEFT JOIN "Review" r ON r.id = f."reviewId"
      LEFT JOIN "ThreatModel" tm ON tm.id = f."threatModelId"
      JOIN "Team" t ON t.id = coalesce(r."teamId", tm."teamId")
      WHERE f."guardianId" = ${personId}
        AND ((r."completedAt" >= ${start} AND r."completedAt" < ${end})
          OR (tm."approvedOn" >= ${startDay}::date AND tm."approvedOn" < ${endDay}::date))`,
  ]);
  return {
    reviews,
    baseline,
    findingsFixed,
    threatModels,
    hours,
    belts,
    awards,
    ratings: ratings.map(({ kind, sourceId, sourceKey, orgId, ...r }) => ({
      ...r,
      source: { kind, id: sourceId, key: sourceKey, orgId },
    })),
  };
}

/** The person's consent to show the comments on their ratings in their statement. */
export async function setRatingCommentConsent(actor: SessionActor, share: boolean) {
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUniqueOrThrow({
      where: { id: actor.id },
      select: { shareRatingComments: true },
    });
    if (before.shareRatingComments === share) return { changed: false };
    await tx.user.update({ where: { id: actor.id }, data: { shareRatingComments: share } });
    await audit(tx, {
      actorId: actor.id,
      action: "user.rating-comment-consent",
      entity: "User",
      entityId: actor.id,
      orgId: actor.orgId,
      before,
      after: { shareRatingComments: share },
    });
    return { changed: true };
  });
}

export type ImpactStatementView = Awaited<ReturnType<typeof getImpactStatement>>;

/** Whether the signed-in person shares their rating comments (the account page's card). */
export async function ratingCommentConsent(actor: SessionActor) {
  const me = await db.user.findUnique({
    where: { id: actor.id },
    select: { shareRatingComments: true },
  });
  return me?.shareRatingComments ?? false;
}
