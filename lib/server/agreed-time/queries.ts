import "server-only";
import { activeOnDay } from "@/lib/active-guardian/sql";
import {
  agreedQuarterHours,
  agreementForMonth,
  agreementStatus,
  monthStartOf,
  type Agreement,
  type AgreementStatus,
} from "@/lib/agreed-time/rules";
import { db, reportDb } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { quarterPeriod, type MetricPeriod } from "@/lib/metrics/periods";
import { monthRange, quarterOf } from "@/lib/period";
import { periodsCte, span } from "@/lib/server/metrics/families/periods-sql";
import { teamCondition, type MetricScope } from "@/lib/server/metrics/scope";

const agreementFields = {
  id: true,
  userId: true,
  effectiveFrom: true,
  monthlyQuarterHours: true,
  sharePercent: true,
} as const;

/** Each person's agreements that start before `end`, by person. */
async function agreementsOf(userIds: number[], end: Date): Promise<Map<number, Agreement[]>> {
  const rows = userIds.length
    ? await db.timeAgreement.findMany({
        where: { userId: { in: userIds }, effectiveFrom: { lt: end } },
        select: agreementFields,
      })
    : [];
  const byUser = new Map<number, Agreement[]>();
  for (const r of rows) byUser.set(r.userId, [...(byUser.get(r.userId) ?? []), r]);
  return byUser;
}

async function loggedBetween(userId: number, start: Date, end: Date) {
  const sum = await db.activityEntry.aggregate({
    where: { userId, deletedAt: null, date: { gte: start, lt: end } },
    _sum: { quarterHours: true },
  });
  return sum._sum.quarterHours ?? 0;
}

/**
 * A person's agreed time: this month's and this quarter's (to date: the current month counts in
 * proportion to the days elapsed, as the dashboards do) logged against agreed, and every agreement
 * ever recorded, newest first, each marked when a newer one from the same month replaced it.
 * The caller has already found the person in the actor's scope.
 */
export async function personAgreedTime(userId: number, today = new Date()) {
  const [rows, loggedMonth, loggedQuarter] = await Promise.all([
    db.timeAgreement.findMany({
      where: { userId },
      orderBy: [{ effectiveFrom: "desc" }, { id: "desc" }],
      select: {
        ...agreementFields,
        note: true,
        createdAt: true,
        recordedBy: { select: { name: true } },
      },
    }),
    loggedBetween(userId, monthRange(today).start, monthRange(today).end),
    (() => {
      const p = quarterPeriod(quarterOf(today), today);
      return loggedBetween(userId, p.start, p.end);
    })(),
  ]);
  const month = monthStartOf(today);
  const current = agreementForMonth(rows, month);
  const quarter = quarterPeriod(quarterOf(today), today);
  const agreedQuarter = agreedQuarterHours(rows, quarter.months);
  const history = rows.map((r) => ({
    ...r,
    replaced: rows.some(
      (o) => o.id > r.id && o.effectiveFrom.getTime() === r.effectiveFrom.getTime(),
    ),
    current: r.id === current?.id,
  }));
  return {
    current,
    month: { logged: loggedMonth, agreed: current?.monthlyQuarterHours ?? 0 },
    quarter: {
      key: quarter.quarter,
      logged: loggedQuarter,
      agreed: agreedQuarter,
      status: agreementStatus(loggedQuarter, agreedQuarter),
    },
    history,
  };
}

type GuardianAgreedTime = {
  userId: number;
  /** The organisations of the teams the person guarded at the period's end. */
  orgIds: number[];
  logged: number;
  agreed: number;
  status: AgreementStatus;
};

/**
 * For each period: the guardians active at its end (its last day) on a team of the scope who have
 * time agreed for it, with the hours they logged in it (all their entries) and the hours agreed
 * for its months (the current month in proportion to the days elapsed). docs/metrics.md,
 * "Agreed time".
 */
export async function guardiansAgreedTime(
  scope: MetricScope,
  periods: MetricPeriod[],
): Promise<Map<string, GuardianAgreedTime[]>> {
  const result = new Map<string, GuardianAgreedTime[]>(periods.map((p) => [p.key, []]));
  if (periods.length === 0) return result;
  const { end } = span(periods);
  const rows = await reportDb.$queryRaw<
    { key: string; userId: number; orgIds: number[]; logged: number }[]
  >`
    WITH ${periodsCte(periods)},
    g AS MATERIALIZED (
      SELECT g."userId", g."activeOn", g."leftOn", t."orgId"
      FROM "GuardianMembership" g JOIN "Team" t ON t.id = g."teamId"
      WHERE g."activeOn" IS NOT NULL AND ${teamCondition(scope)}
        AND EXISTS (SELECT 1 FROM "TimeAgreement" ta WHERE ta."userId" = g."userId")
    ),
    act AS (
      SELECT per.key, per.s, per.e, g."userId", array_agg(DISTINCT g."orgId") AS "orgIds"
      FROM g JOIN per ON ${activeOnDay(Prisma.sql`per.last`)}
      GROUP BY per.key, per.s, per.e, g."userId"
    )
    SELECT act.key, act."userId", act."orgIds", coalesce((
      SELECT sum(a."quarterHours") FROM "ActivityEntry" a
      WHERE a."userId" = act."userId" AND a."deletedAt" IS NULL AND a.date >= act.s AND a.date < act.e
    ), 0)::int AS logged
    FROM act`;
  const agreements = await agreementsOf([...new Set(rows.map((r) => r.userId))], end);
  const byKey = new Map(periods.map((p) => [p.key, p]));
  for (const r of rows) {
    const period = byKey.get(r.key)!;
    const agreed = agreedQuarterHours(agreements.get(r.userId) ?? [], period.months);
    if (!(agreed > 0)) continue;
    result.get(r.key)!.push({
      userId: r.userId,
      orgIds: r.orgIds,
      logged: r.logged,
      agreed,
      status: agreementStatus(r.logged, agreed),
    });
  }
  return result;
}
