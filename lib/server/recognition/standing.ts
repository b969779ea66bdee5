import "server-only";
import type { SessionActor } from "@/lib/auth/actor";
import { activeBetweenDays } from "@/lib/active-guardian/sql";
import { reportDb } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { lastDayOf, quarterPeriod } from "@/lib/metrics/periods";
import { isoDay, type Quarter } from "@/lib/period";
import { bandOf, type PeerCounts, type StandingBand } from "@/lib/recognition/standing";
import { guardianOfReviewTeam, reviewCompletedDay } from "@/lib/server/metrics/scope";

type OwnStanding = { reviewsWithGuardian: number; band: StandingBand };

/**
 * The signed-in person's own standing among the program's guardians in a quarter: how many
 * reviews they took part in as a guardian (docs/metrics.md's "with guardian": an active guardian
 * of the reviewed team on its completed day), and its band among the other guardians active on
 * at least one day of the quarter who have not hidden themselves. Only ever for the actor
 * themself; null when they were no active guardian in the quarter.
 */
export async function ownStanding(
  actor: SessionActor,
  quarter: Quarter,
): Promise<OwnStanding | null> {
  const period = quarterPeriod(quarter);
  const first = Prisma.sql`${isoDay(period.start)}::date`;
  const last = Prisma.sql`${isoDay(lastDayOf(period))}::date`;
  // Counted in the database: the quarter's guardians are thousands, the answer is four numbers.
  const [row] = await reportDb.$queryRaw<({ self: number | null } & PeerCounts)[]>`
    WITH peers AS (
      SELECT DISTINCT g."userId" FROM "GuardianMembership" g
      JOIN "User" u ON u.id = g."userId"
      WHERE ${activeBetweenDays(first, last)} AND (u."deactivatedAt" IS NULL OR u.id = ${actor.id})
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
    ),
    peer AS (
      SELECT peers."userId", coalesce(done.n, 0)::int AS value, u."hideFromRecognition" AS hidden
      FROM peers JOIN "User" u ON u.id = peers."userId"
      LEFT JOIN done ON done."userId" = peers."userId"
    ),
    me AS (SELECT value FROM peer WHERE "userId" = ${actor.id})
    SELECT (SELECT value FROM me) AS self,
      count(*) FILTER (WHERE o)::int AS others,
      count(*) FILTER (WHERE o AND value < (SELECT value FROM me))::int AS below,
      count(*) FILTER (WHERE o AND value > (SELECT value FROM me))::int AS above
    FROM (SELECT value, "userId" <> ${actor.id} AND NOT hidden AS o FROM peer) x`;
  if (row.self === null) return null;
  return { reviewsWithGuardian: row.self, band: bandOf(row.self, row) };
}
