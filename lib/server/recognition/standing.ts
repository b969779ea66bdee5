import "server-only";
import type { SessionActor } from "@/lib/auth/actor";
import { activeBetweenDays } from "@/lib/active-guardian/sql";
import { reportDb } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { lastDayOf, quarterPeriod, type MetricPeriod } from "@/lib/metrics/periods";
import { isoDay, quarterKey, type Quarter } from "@/lib/period";
import { bandOf, type StandingBand } from "@/lib/recognition/standing";
import { cached } from "@/lib/server/metrics/cache";
import { guardianOfReviewTeam, reviewCompletedDay } from "@/lib/server/metrics/scope";
import { metricsVersions } from "@/lib/server/metrics/versions";

type OwnStanding = { reviewsWithGuardian: number; band: StandingBand };

/** The quarter's guardians' figures: each one's (by id), and those not hidden, ascending. */
type Distribution = {
  byPerson: Map<number, { value: number; hidden: boolean }>;
  shown: number[];
};

/**
 * The signed-in person's own standing among the program's guardians in a quarter: how many
 * reviews they took part in as a guardian (docs/metrics.md's "with guardian": an active guardian
 * of the reviewed team on its completed day), and its band among the other guardians active on
 * at least one day of the quarter who have not hidden themselves. Only ever for the actor
 * themself; null when they were no active guardian in the quarter.
 * Every guardian's home shows it: the quarter's figures are computed once per version of the
 * data and cached like the dashboards' (lib/server/metrics/cache.ts), and each person's band is
 * counted from them.
 */
export async function ownStanding(
  actor: SessionActor,
  quarter: Quarter,
): Promise<OwnStanding | null> {
  const period = quarterPeriod(quarter);
  const versions = await metricsVersions();
  const { byPerson, shown } = await cached(
    `standing|${quarterKey(quarter)}<${isoDay(period.end)}`,
    versions.data,
    () => distribution(period),
  );
  const self = byPerson.get(actor.id);
  if (!self) return null;
  // The figures are whole numbers: those below self's, and those not above it.
  const below = countBelow(shown, self.value);
  const notAbove = countBelow(shown, self.value + 1);
  return {
    reviewsWithGuardian: self.value,
    band: bandOf(self.value, {
      others: shown.length - (self.hidden ? 0 : 1),
      below,
      above: shown.length - notAbove,
    }),
  };
}

/** How many of the ascending `values` are below `value` (binary search). */
function countBelow(values: number[], value: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

async function distribution(period: MetricPeriod): Promise<Distribution> {
  const first = Prisma.sql`${isoDay(period.start)}::date`;
  const last = Prisma.sql`${isoDay(lastDayOf(period))}::date`;
  const rows = await reportDb.$queryRaw<{ userId: number; value: number; hidden: boolean }[]>`
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
  const shown = rows
    .filter((r) => !r.hidden)
    .map((r) => r.value)
    .sort((a, b) => a - b);
  return {
    byPerson: new Map(rows.map((r) => [r.userId, { value: r.value, hidden: r.hidden }])),
    shown,
  };
}
