import "server-only";
import { activeOnDay } from "@/lib/active-guardian/sql";
import type { SessionActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { db, reportDb } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { riskBudget } from "@/lib/metrics/risk";
import { quarterPeriod } from "@/lib/metrics/periods";
import { isoDay, quarterOf } from "@/lib/period";
import { getTeamDetail } from "@/lib/server/directory/queries";
import { quarterMetrics, riskBudgets } from "@/lib/server/metrics/quarter";

/** Rows each section of a team's page shows; the rest is one link away, on its filtered list. */
export const HUB_LIMIT = 5;
const HUB_MEMBERS = 10;

/**
 * A team's page: the team (fetched by tenant: another organisation's team is null, answered as
 * not found) and each section the actor may read, limited to the latest rows with their totals.
 * Figures come from the dashboards' own helpers for the current quarter (to date).
 */
export async function teamHub(actor: SessionActor, teamId: number, today = new Date()) {
  const team = await getTeamDetail(actor, teamId);
  if (!team) return null;
  const orgId = team.orgId;
  const may = {
    work: can(actor, "review.read", { orgId }),
    threatModels: can(actor, "threatmodel.read", { orgId }),
    figures: can(actor, "dashboard.read", { orgId }),
  };
  const quarter = quarterOf(today);
  const [members, work, threatModels, risk, hours] = await Promise.all([
    teamMembers(teamId),
    may.work ? teamWork(teamId) : null,
    may.threatModels ? teamThreatModels(teamId) : null,
    may.work ? teamRisk(teamId, team.riskBudget, today) : null,
    may.figures ? guardianHours(teamId, today) : null,
  ]);
  return { team, members, work, threatModels, risk, hours, quarter, may };
}

export type TeamHub = NonNullable<Awaited<ReturnType<typeof teamHub>>>;

async function teamMembers(teamId: number) {
  const where = { teamId, deactivatedAt: null };
  const [total, rows] = await Promise.all([
    db.user.count({ where }),
    db.user.findMany({
      where,
      orderBy: [{ name: "asc" }, { id: "asc" }],
      take: HUB_MEMBERS,
      select: { id: true, name: true, email: true, roles: true },
    }),
  ]);
  return { total, rows };
}

/** Open findings (worst first), the latest reviews and releases, with their totals. */
async function teamWork(teamId: number) {
  const open = { teamId, status: "OPEN" as const };
  const [findingTotal, findings, reviewTotal, reviews, releaseTotal, releases] = await Promise.all([
    db.finding.count({ where: open }),
    db.finding.findMany({
      where: open,
      // Severity's declared order is worst first (CRITICAL … LOW).
      orderBy: [{ severity: "asc" }, { openedOn: "asc" }, { id: "asc" }],
      take: HUB_LIMIT,
      select: {
        id: true,
        key: true,
        title: true,
        severity: true,
        openedOn: true,
        review: { select: { id: true, key: true, service: true } },
      },
    }),
    db.review.count({ where: { teamId } }),
    db.review.findMany({
      where: { teamId },
      orderBy: [{ requestedAt: "desc" }, { id: "desc" }],
      take: HUB_LIMIT,
      select: {
        id: true,
        key: true,
        service: true,
        requestedAt: true,
        startedAt: true,
        completedAt: true,
        outcome: true,
      },
    }),
    db.release.count({ where: { teamId } }),
    db.release.findMany({
      where: { teamId },
      orderBy: [{ startedOn: "desc" }, { id: "desc" }],
      take: HUB_LIMIT,
      select: { id: true, key: true, name: true, startedOn: true, releasedOn: true },
    }),
  ]);
  return {
    findings: { total: findingTotal, rows: findings },
    reviews: { total: reviewTotal, rows: reviews },
    releases: { total: releaseTotal, rows: releases },
  };
}

async function teamThreatModels(teamId: number) {
  const [total, rows] = await Promise.all([
    db.threatModel.count({ where: { teamId } }),
    db.threatModel.findMany({
      where: { teamId },
      orderBy: [{ createdOn: "desc" }, { id: "desc" }],
      take: HUB_LIMIT,
      select: {
        id: true,
        key: true,
        system: true,
        status: true,
        createdOn: true,
        approvedOn: true,
      },
    }),
  ]);
  return { total, rows };
}

/** docs/metrics.md's risk budget (metric 10) today, by the dashboards' own query. */
async function teamRisk(teamId: number, budget: number, today: Date) {
  const [risk] = await riskBudgets({ orgIds: null, teamId }, quarterOf(today), { today });
  // A team that joins today is not yet counted at the period's end: nothing open yet.
  return risk ?? { teamId, name: "", ...riskBudget([], [], budget) };
}

/**
 * docs/metrics.md's time on security work (metric 5) for the team this quarter to date: the
 * dashboards' figures, and each guardian's share (entries on days they guarded this team).
 */
async function guardianHours(teamId: number, today: Date) {
  const quarter = quarterOf(today);
  const period = quarterPeriod(quarter, today);
  const [metrics, people] = await Promise.all([
    quarterMetrics({ orgIds: null, teamId }, quarter, { today }),
    reportDb.$queryRaw<{ userId: number; name: string; quarterHours: number }[]>`
      SELECT a."userId", u.name, sum(a."quarterHours")::int AS "quarterHours"
      FROM "ActivityEntry" a JOIN "User" u ON u.id = a."userId"
      WHERE a."deletedAt" IS NULL AND a.date >= ${isoDay(period.start)}::date AND a.date < ${isoDay(period.end)}::date
        AND EXISTS (SELECT 1 FROM "GuardianMembership" g
          WHERE g."teamId" = ${teamId} AND g."userId" = a."userId" AND ${activeOnDay(Prisma.sql`a.date`)})
      GROUP BY a."userId", u.name ORDER BY 3 DESC, u.name`,
  ]);
  return { period, time: metrics.time, people };
}
