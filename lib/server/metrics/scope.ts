import "server-only";
import { activeOnDay } from "@/lib/active-guardian/sql";
import { Prisma } from "@/lib/generated/prisma/client";

/** What a dashboard figure covers: some orgs (with sub-orgs already expanded) or all, and maybe one team. */
export type MetricScope = { orgIds: number[] | null; teamId: number | null };

/** SQL condition on a team alias `t` for the scope. */
export function teamCondition(scope: MetricScope, alias = "t"): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (scope.orgIds)
    parts.push(Prisma.sql`${Prisma.raw(`${alias}."orgId"`)} = ANY(${scope.orgIds}::int[])`);
  if (scope.teamId) parts.push(Prisma.sql`${Prisma.raw(`${alias}.id`)} = ${scope.teamId}`);
  return Prisma.join(parts, " AND ");
}

/**
 * docs/metrics.md's "with guardian", as a join condition: membership `g` is participant `p`'s, of
 * review `r`'s team, and active on `dayExpr`. Every query that tells reviews with a guardian
 * from those without joins "GuardianMembership" g on this.
 */
export function guardianOfReviewTeam(dayExpr: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`g."userId" = p."userId" AND g."teamId" = r."teamId" AND ${activeOnDay(dayExpr)}`;
}

/** The UTC day review `r` was completed on: the day "with guardian" is judged on. */
export const reviewCompletedDay = Prisma.sql`(r."completedAt" AT TIME ZONE 'UTC')::date`;

/**
 * docs/metrics.md's split of a release `rel` by its linked review `r` (left-joined): judged on
 * the review's completed date, never on today's; a linked review never completed is a group of
 * its own.
 */
export const releaseLink = Prisma.sql`CASE
    WHEN rel."reviewId" IS NULL THEN 'no-review'
    WHEN r."completedAt" IS NULL THEN 'review-not-completed'
    WHEN EXISTS (
      SELECT 1 FROM "ReviewParticipant" p JOIN "GuardianMembership" g ON ${guardianOfReviewTeam(reviewCompletedDay)}
      WHERE p."reviewId" = r.id
    ) THEN 'with-guardian'
    ELSE 'without-guardian'
  END`;
