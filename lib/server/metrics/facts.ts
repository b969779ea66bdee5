import "server-only";
import { reportDb } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ActiveInterval } from "@/lib/metrics/guardians";
import type { FindingFact } from "@/lib/metrics/findings";
import type { Severity } from "@/lib/vocabulary";
import type { ReleaseFact, ReleaseLink } from "@/lib/metrics/releases";
import type { ReviewFact } from "@/lib/metrics/reviews";
import type { ActivityFact } from "@/lib/metrics/security-time";
import {
  guardianOfReviewTeam,
  releaseLink,
  reviewCompletedDay,
  teamCondition,
  type MetricScope,
} from "./scope";

/** Reviews completed in [start, end), each flagged "with guardian" per docs/metrics.md. */
export async function reviewFacts(
  scope: MetricScope,
  start: Date,
  end: Date,
): Promise<(ReviewFact & { teamId: number })[]> {
  return reportDb.$queryRaw`
    SELECT r."teamId", r."requestedAt", r."completedAt", r."effortQuarterHours",
      EXISTS (
        SELECT 1 FROM "ReviewParticipant" p JOIN "GuardianMembership" g ON ${guardianOfReviewTeam(reviewCompletedDay)}
        WHERE p."reviewId" = r.id
      ) AS "withGuardian"
    FROM "Review" r JOIN "Team" t ON t.id = r."teamId"
    WHERE r."completedAt" >= ${start} AND r."completedAt" < ${end} AND ${teamCondition(scope)}`;
}

/**
 * Releases released in [start, end), with how their linked review was run: judged on the
 * review's completed date, as the dashboards do (families/reviews.ts), never on today's.
 */
export async function releaseFacts(
  scope: MetricScope,
  start: Date,
  end: Date,
): Promise<(ReleaseFact & { teamId: number })[]> {
  return reportDb.$queryRaw<
    { teamId: number; startedOn: Date; releasedOn: Date; link: ReleaseLink }[]
  >`
    SELECT rel."teamId", rel."startedOn", rel."releasedOn",
      ${releaseLink} AS link
    FROM "Release" rel JOIN "Team" t ON t.id = rel."teamId"
    LEFT JOIN "Review" r ON r.id = rel."reviewId"
    WHERE rel."releasedOn" >= ${start} AND rel."releasedOn" < ${end} AND ${teamCondition(scope)}`;
}

/** Findings opened before `end` that were still open at `start` or opened/closed since. */
export async function findingFacts(
  scope: MetricScope,
  start: Date,
  end: Date,
): Promise<(FindingFact & { teamId: number })[]> {
  return reportDb.$queryRaw<(FindingFact & { teamId: number; severity: Severity })[]>`
    SELECT f."teamId", f.severity::text AS severity, f.status::text AS status, f."openedOn", f."closedOn"
    FROM "Finding" f JOIN "Team" t ON t.id = f."teamId"
    WHERE f."openedOn" < ${end} AND (f."closedOn" IS NULL OR f."closedOn" >= ${start}) AND ${teamCondition(scope)}`;
}

export async function teamsAt(
  scope: MetricScope,
  end: Date,
): Promise<{ id: number; riskBudget: number; name: string }[]> {
  return reportDb.$queryRaw`SELECT t.id, t.name, t."riskBudget" FROM "Team" t WHERE t."joinedOn" < ${end} AND ${teamCondition(scope)}`;
}

/** Every membership that was ever active, for teams in scope. */
export async function guardianIntervals(scope: MetricScope): Promise<ActiveInterval[]> {
  return reportDb.$queryRaw`
    SELECT g."userId", g."teamId", g."activeOn", g."leftOn"
    FROM "GuardianMembership" g JOIN "Team" t ON t.id = g."teamId"
    WHERE g."activeOn" IS NOT NULL AND ${teamCondition(scope)}`;
}

/**
 * Activity entries in [start, end) by people of the scope: members of its teams or people
 * who were guardians of them (everyone's, for the whole program).
 */
export async function activityFacts(
  scope: MetricScope,
  start: Date,
  end: Date,
): Promise<ActivityFact[]> {
  const everyone = scope.orgIds === null && scope.teamId === null;
  const inScope = everyone
    ? Prisma.sql`TRUE`
    : Prisma.sql`(
        EXISTS (SELECT 1 FROM "User" u JOIN "Team" t ON t.id = u."teamId" WHERE u.id = a."userId" AND ${teamCondition(scope)})
        OR EXISTS (SELECT 1 FROM "GuardianMembership" g JOIN "Team" t ON t.id = g."teamId" WHERE g."userId" = a."userId" AND g."activeOn" IS NOT NULL AND ${teamCondition(scope)})
      )`;
  return reportDb.$queryRaw`
    SELECT a."userId", a.date, a."quarterHours", a.type::text AS type
    FROM "ActivityEntry" a
    WHERE a."deletedAt" IS NULL AND a.date >= ${start} AND a.date < ${end} AND ${inScope}`;
}
