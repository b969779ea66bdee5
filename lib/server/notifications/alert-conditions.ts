import "server-only";
import { activeBetweenDays, activeOnDay } from "@/lib/active-guardian/sql";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { AlertCondition } from "@/lib/notifications/scheduled-messages";
import { addUtcDays, isoDay, quarterOf } from "@/lib/period";
import { riskBudgets } from "@/lib/server/metrics/quarter";
import { ALERT_DAYS } from "@/lib/vocabulary";

export type TeamCondition = AlertCondition & { teamId: number; orgId: number };

/**
 * Every team's coverage and succession conditions on the UTC day of `now`, as
 * docs/scheduled-notifications.md defines them: one grouped query for the guardians (the
 * "active guardian on a day" rule of lib/active-guardian) and the dashboards' risk budgets
 * (docs/metrics.md definition 10, taken today).
 */
export async function teamConditions(now: Date): Promise<TeamCondition[]> {
  const risks = await riskBudgets({ orgIds: null, teamId: null }, quarterOf(now), {
    today: now,
    fresh: true,
  });
  const over = risks.filter((r) => r.over);
  const day = Prisma.sql`${isoDay(now)}::date`;
  // The first day of the windows: today and the days before make 60 (quiet) or 30 (uncovered).
  const quietFrom = Prisma.sql`${isoDay(addUtcDays(now, 1 - ALERT_DAYS.quiet))}::date`;
  const uncoveredFrom = Prisma.sql`${isoDay(addUtcDays(now, 1 - ALERT_DAYS.uncovered))}::date`;
  return db.$queryRaw<TeamCondition[]>`
    WITH active AS (
      SELECT g."teamId", count(DISTINCT g."userId")::int AS n, min(g."userId") AS "userId",
        min(g."activeOn") AS since
      FROM "GuardianMembership" g WHERE ${activeOnDay(day)} GROUP BY g."teamId"
    ),
    -- The last day a guardian of the team was active, among those who have left.
    last_left AS (
      SELECT g."teamId", max(g."leftOn") AS "leftOn" FROM "GuardianMembership" g
      WHERE g."activeOn" IS NOT NULL AND g."leftOn" < ${day} GROUP BY g."teamId"
    ),
    over AS (
      SELECT * FROM unnest(${over.map((r) => r.teamId)}::int[], ${over.map((r) => r.total)}::int[],
        ${over.map((r) => r.budget)}::int[]) AS o("teamId", points, budget)
    )
    SELECT t.id AS "teamId", t."orgId", t.name AS "teamName", 'ONLY_GUARDIAN_LEFT' AS kind,
      l."leftOn" AS day, NULL::int AS points, NULL::int AS budget,
      ARRAY(SELECT u.name FROM "GuardianMembership" g JOIN "User" u ON u.id = g."userId"
        WHERE g."teamId" = t.id AND g."activeOn" IS NOT NULL AND g."leftOn" = l."leftOn"
        ORDER BY u.name) AS people
    FROM "Team" t JOIN last_left l ON l."teamId" = t.id
    WHERE l."leftOn" >= ${uncoveredFrom} AND NOT EXISTS (SELECT 1 FROM active a WHERE a."teamId" = t.id)
    UNION ALL
    SELECT t.id, t."orgId", t.name, 'GUARDIAN_QUIET', le.last, NULL, NULL, ARRAY[u.name]
    FROM active a JOIN "Team" t ON t.id = a."teamId" JOIN "User" u ON u.id = a."userId"
    LEFT JOIN LATERAL (
      SELECT max(e.date) AS last FROM "ActivityEntry" e
      WHERE e."userId" = a."userId" AND e."deletedAt" IS NULL
    ) le ON TRUE
    WHERE a.n = 1 AND a.since <= ${quietFrom} AND (le.last IS NULL OR le.last < ${quietFrom})
    UNION ALL
    SELECT t.id, t."orgId", t.name, 'NO_GUARDIAN', l."leftOn", NULL, NULL, '{}'::text[]
    FROM "Team" t LEFT JOIN last_left l ON l."teamId" = t.id
    WHERE t."joinedOn" <= ${uncoveredFrom} AND NOT EXISTS (
      SELECT 1 FROM "GuardianMembership" g
      WHERE g."teamId" = t.id AND ${activeBetweenDays(uncoveredFrom, day)}
    )
    UNION ALL
    SELECT t.id, t."orgId", t.name, 'OVER_RISK_BUDGET', NULL, o.points, o.budget, '{}'::text[]
    FROM over o JOIN "Team" t ON t.id = o."teamId"
    ORDER BY 1, 4`;
}
