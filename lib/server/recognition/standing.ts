import "server-only";
import type { SessionActor } from "@/lib/auth/actor";
import { activeBetweenDays } from "@/lib/active-guardian/sql";
import { reportDb } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { lastDayOf, quarterPeriod, type MetricPeriod } from "@/lib/metrics/periods";
import { isoDay, quarterKey, type Quarter } from "@/lib/period";
import { peerFigures, standingOf, type Peer, type StandingBand } from "@/lib/recognition/standing";
import { cached } from "@/lib/server/metrics/cache";
import { guardianOfReviewTeam, reviewCompletedDay } from "@/lib/server/metrics/scope";
import { metricsVersions } from "@/lib/server/metrics/versions";

type OwnStanding = { reviewsWithGuardian: number; band: StandingBand };

/**
 * The signed-in person's own standing among the program's guardians in a quarter: how many
 * reviews they took part in as a guardian (docs/metrics.md's "with guardian": an active guardian
 * of the reviewed team on its completed day), and its band among the other guardians active on
 * at least one day of the quarter who have not hidden themselves (lib/recognition/standing.ts).
 * Only ever for the actor themself; null when they were no active guardian in the quarter.
 * Every guardian's home shows it: the quarter's figures are computed once per version of the
 * data and cached like the dashboards' (lib/server/metrics/cache.ts).
 */
export async function ownStanding(
  actor: SessionActor,
  quarter: Quarter,
): Promise<OwnStanding | null> {
  const period = quarterPeriod(quarter);
  const versions = await metricsVersions();
  const figures = await cached(
    `standing|${quarterKey(quarter)}<${isoDay(period.end)}`,
    versions.data,
    async () => peerFigures(await peers(period)),
  );
  const own = standingOf(actor.id, figures);
  return own && { reviewsWithGuardian: own.value, band: own.band };
}

/** Every guardian active in the period (not deactivated), with their reviews with a guardian. */
async function peers(period: MetricPeriod): Promise<Peer[]> {
  const first = Prisma.sql`${isoDay(period.start)}::date`;
  const last = Prisma.sql`${isoDay(lastDayOf(period))}::date`;
  return reportDb.$queryRaw<Peer[]>`
    WITH peers AS (
      SELECT DISTINCT g."userId" FROM "GuardianMembership" g
      JOIN "User" u ON u.id = g."userId"
      WHERE ${activeBetweenDays(first, last)} AND u."deactivatedAt" IS NULL
    ),
    r AS (
      SELECT r.id, r."teamId", r."completedAt" FROM "Review" r
      WHERE r."completedAt" >= ${period.start} AND r."completedAt" < ${period.end}
    ),
    done AS (
      SELECT p."userId", count(DISTINCT r.id) AS n FROM r
      JOIN "ReviewParticipant" p ON p."reviewId" = r.id
      JOIN "GuardianMembership" g ON ${guardianOfReviewTeam(reviewCompletedDay)}
      GROUP BY p."userId"
    )
    SELECT peers."userId", coalesce(done.n, 0)::int AS value, u."hideFromRecognition" AS hidden
    FROM peers JOIN "User" u ON u.id = peers."userId"
    LEFT JOIN done ON done."userId" = peers."userId"`;
}
