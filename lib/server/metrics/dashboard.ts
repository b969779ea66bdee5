import "server-only";
import { can, orgSubtree, queryScope } from "@/lib/auth/permissions";
import type { SessionActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { NotFoundError, PermissionError } from "@/lib/server/errors";
import { orgTree } from "@/lib/server/org-tree";
import { quarterKey, type Quarter } from "@/lib/period";
import { previousPeriod, quarterPeriod } from "@/lib/metrics/periods";
import { filterQuarters, type DashboardFilter } from "@/lib/validations/dashboard";
import { periodMetrics, periodMetricsAsOf, type QuarterMetrics } from "./quarter";
import type { MetricScope } from "./scope";

export type ResolvedScope = {
  scope: MetricScope;
  label: string;
  orgName: string | null;
  teamName: string | null;
};

/**
 * Turns URL filters into a metric scope the actor may read. A manager is held to their
 * organisations; an org or team outside the actor's scope answers as not found.
 */
export async function resolveScope(
  actor: SessionActor,
  filter: DashboardFilter,
): Promise<ResolvedScope> {
  if (!can(actor, "dashboard.read")) throw new PermissionError();
  const allowed = queryScope(actor, "dashboard.read");
  const orgs = await orgTree();
  let orgIds: number[] | null = allowed.all ? null : allowed.orgIds;
  let orgName: string | null = null;
  if (filter.org) {
    const org = orgs.find((o) => o.id === filter.org);
    if (!org || (orgIds && !orgIds.includes(org.id))) throw new NotFoundError("organisation");
    orgIds = orgSubtree(orgs, [org.id]);
    orgName = org.name;
  }
  let teamName: string | null = null;
  if (filter.team) {
    const team = await db.team.findUnique({
      where: { id: filter.team },
      select: { id: true, orgId: true, name: true },
    });
    if (!team || (orgIds && !orgIds.includes(team.orgId))) throw new NotFoundError("team");
    teamName = team.name;
  }
  const label = teamName
    ? `team: ${teamName}`
    : orgName
      ? `org: ${orgName} (with sub-orgs)`
      : orgIds
        ? "your organisations"
        : "whole program";
  return { scope: { orgIds, teamId: filter.team ?? null }, label, orgName, teamName };
}

/** The metrics of each quarter, oldest first; the current quarter is to date. */
export async function metricsOverQuarters(
  scope: MetricScope,
  quarters: Quarter[],
  opts: { fresh?: boolean; today?: Date } = {},
): Promise<QuarterMetrics[]> {
  return periodMetrics(
    scope,
    quarters.map((q) => quarterPeriod(q, opts.today)),
    opts,
  );
}

/**
 * The quarters' periods and what the latest is compared with: the quarter before, or when the
 * latest is to date, the same number of days from that quarter's start (docs/metrics.md,
 * "The current period"). The comparison window is computed in the same queries as the range.
 */
export function periodsWithComparison(quarters: Quarter[], today = new Date()) {
  const periods = quarters.map((q) => quarterPeriod(q, today));
  const comparison = previousPeriod(periods.at(-1)!, today);
  const inRange = periods.at(-2)?.key === comparison.key;
  return { periods: inRange ? periods : [...periods, comparison], shown: periods.length };
}

export async function loadDashboard(actor: SessionActor, filter: DashboardFilter) {
  return loadDashboardFigures(await resolveScope(actor, filter), filter);
}

/**
 * The figures of a scope already resolved for the actor, over the filter's quarters. Pages
 * resolve the scope first (it answers not found), then stream these slower figures.
 */
export async function loadDashboardFigures(resolved: ResolvedScope, filter: DashboardFilter) {
  const quarters = filterQuarters(filter);
  const { periods, shown } = periodsWithComparison(quarters);
  const all = await periodMetrics(resolved.scope, periods);
  const metrics = all.slice(0, shown);
  // The window appended to the range, or the quarter before when that is already in it.
  const comparison = all.length > shown ? all.at(-1)! : metrics.at(-2)!;
  // Readers may get figures up to a minute old while new ones compute.
  const asOf = periodMetricsAsOf(resolved.scope, periods);
  return { ...resolved, quarters: quarters.map(quarterKey), metrics, comparison, asOf };
}
