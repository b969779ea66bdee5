import "server-only";
import { reportDb } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { activeOnDay } from "@/lib/active-guardian/sql";
import { heldOnDay } from "@/lib/server/belts/held-sql";
import type { MetricPeriod } from "@/lib/metrics/periods";
import { percent } from "@/lib/metrics/stats";
import type { PeopleMetrics } from "@/lib/metrics/people";
import type { TrainingMetrics } from "@/lib/metrics/training";
import { BELT, type Belt } from "@/lib/vocabulary";
import { teamCondition, type MetricScope } from "../scope";
import { periodsCte, perPeriod, teamDimension, type ByTeam, type PerTeam } from "./periods-sql";

// Metrics 6 and 8: who was an active guardian of the scope's teams at each period's end
// (its last day), what they had completed by then and which belt they held.

/**
 * `act`: each period's active guardians at its end (of each team `byTeam`); `g`: the scope's
 * memberships that ever became active.
 */
function activeAtEnd(scope: MetricScope, grouping?: ByTeam): Prisma.Sql {
  return Prisma.sql`g AS MATERIALIZED (
      SELECT g."userId", g."teamId", g."activeOn", g."leftOn"
      FROM "GuardianMembership" g JOIN "Team" t ON t.id = g."teamId"
      WHERE g."activeOn" IS NOT NULL AND ${teamCondition(scope)}
    ),
    act AS MATERIALIZED (
      SELECT DISTINCT per.key, per.last, g."userId"${teamDimension(grouping, `g."teamId"`).select}
      FROM g JOIN per ON ${activeOnDay(Prisma.sql`per.last`)}
    )`;
}

export async function peopleFamily(
  scope: MetricScope,
  periods: MetricPeriod[],
): Promise<Map<string, PeopleMetrics>> {
  const [counts, belts] = await Promise.all([
    reportDb.$queryRaw<
      {
        key: string;
        active: number;
        new: number;
        yearBefore: number;
        retained: number;
        teams: number;
        covered: number;
      }[]
    >`
      WITH ${periodsCte(periods)}, ${activeAtEnd(scope)},
      yb AS (
        SELECT DISTINCT per.key, g."userId" FROM g JOIN per
          ON ${activeOnDay(Prisma.sql`(per.last - interval '1 year')::date`)}
      ),
      first AS (SELECT g."userId", min(g."activeOn") AS day FROM g GROUP BY g."userId"),
      teams AS (SELECT t.id, t."joinedOn" FROM "Team" t WHERE ${teamCondition(scope)})
      SELECT per.key,
        (SELECT count(*) FROM act WHERE act.key = per.key)::int AS active,
        (SELECT count(*) FROM first WHERE first.day >= per.s AND first.day < per.e)::int AS new,
        (SELECT count(*) FROM yb WHERE yb.key = per.key)::int AS "yearBefore",
        (SELECT count(*) FROM yb JOIN act ON act.key = yb.key AND act."userId" = yb."userId" WHERE yb.key = per.key)::int AS retained,
        (SELECT count(*) FROM teams WHERE teams."joinedOn" < per.e)::int AS teams,
        (SELECT count(DISTINCT g."teamId") FROM g JOIN teams ON teams.id = g."teamId"
          WHERE teams."joinedOn" < per.e AND ${activeOnDay(Prisma.sql`per.last`)})::int AS covered
      FROM per`,
    reportDb.$queryRaw<{ key: string; belt: Belt | "NONE"; n: number }[]>`
      WITH ${periodsCte(periods)}, ${activeAtEnd(scope)}
      SELECT act.key, coalesce(best.belt::text, 'NONE') AS belt, count(*)::int AS n
      FROM act LEFT JOIN LATERAL (
        SELECT b.belt FROM "BeltAward" b
        WHERE b."userId" = act."userId" AND ${heldOnDay(Prisma.sql`act.last`)}
        ORDER BY b.belt DESC LIMIT 1
      ) best ON TRUE
      GROUP BY 1, 2`,
  ]);
  return new Map(
    counts.map((c) => {
      const beltDistribution = Object.fromEntries(
        (["NONE", ...BELT.values] as const).map((b) => [
          b,
          belts.find((r) => r.key === c.key && r.belt === b)?.n ?? 0,
        ]),
      ) as PeopleMetrics["beltDistribution"];
      return [
        c.key,
        {
          activeAtEnd: c.active,
          newInPeriod: c.new,
          retentionPct: percent(c.retained, c.yearBefore),
          retentionBase: c.yearBefore,
          coveragePct: percent(c.covered, c.teams),
          coveredTeams: c.covered,
          teamsAtEnd: c.teams,
          beltDistribution,
        },
      ];
    }),
  );
}

/**
 * Metric 6 for every period: of the guardians active at its end, who had completed every required
 * (any optional) course by then; `byTeam`, of each team's active guardians.
 */
export function trainingFamily(
  scope: MetricScope,
  periods: MetricPeriod[],
): Promise<Map<string, TrainingMetrics>>;
export function trainingFamily(
  scope: MetricScope,
  periods: MetricPeriod[],
  grouping: ByTeam,
): Promise<PerTeam<TrainingMetrics>>;
export async function trainingFamily(
  scope: MetricScope,
  periods: MetricPeriod[],
  grouping?: ByTeam,
) {
  const byUser = teamDimension(grouping, `act."teamId"`);
  const team = teamDimension(grouping, `done."teamId"`);
  const rows = await reportDb.$queryRaw<
    {
      key: string;
      teamId?: number | null;
      guardians: number;
      allRequired: number;
      anyOptional: number;
      required: number;
      optional: number;
    }[]
  >`
    WITH ${periodsCte(periods)}, ${activeAtEnd(scope, grouping)},
    courses AS (SELECT id, required FROM "Course" WHERE active),
    done AS (
      SELECT act.key, act."userId"${byUser.select},
        count(DISTINCT c."courseId") FILTER (WHERE courses.required) AS required,
        count(DISTINCT c."courseId") FILTER (WHERE NOT courses.required) AS optional
      FROM act
      LEFT JOIN "CourseCompletion" c ON c."userId" = act."userId" AND c."completedOn" <= act.last
      LEFT JOIN courses ON courses.id = c."courseId"
      GROUP BY act.key, act."userId"${byUser.group}
    )
    SELECT per.key${team.select}, count(done."userId")::int AS guardians,
      (count(*) FILTER (WHERE done.required = (SELECT count(*) FROM courses WHERE required)))::int AS "allRequired",
      (count(*) FILTER (WHERE done.optional > 0))::int AS "anyOptional",
      (SELECT count(*) FROM courses WHERE required)::int AS required,
      (SELECT count(*) FROM courses WHERE NOT required)::int AS optional
    FROM per LEFT JOIN done ON done.key = per.key
    GROUP BY per.key${team.group}`;
  // One row per period (per period and team). Without any required (or optional) course there
  // is nothing to complete: not enough data.
  return perPeriod(
    periods,
    rows,
    ([r]): TrainingMetrics => ({
      guardians: r.guardians,
      allRequiredPct: r.required > 0 ? percent(r.allRequired, r.guardians) : null,
      anyOptionalPct: r.optional > 0 ? percent(r.anyOptional, r.guardians) : null,
    }),
    grouping,
  );
}
