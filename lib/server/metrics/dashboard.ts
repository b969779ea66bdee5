import "server-only";
import { can, orgSubtree, queryScope } from "@/lib/auth/permissions";
import type { SessionActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { NotFoundError, PermissionError } from "@/lib/server/errors";
import { orgTree } from "@/lib/server/org-tree";
import { quarterKey, quarterRange, type Quarter } from "@/lib/period";
import { filterQuarters, type DashboardFilter } from "@/lib/validations/dashboard";
import { quarterMetrics, type QuarterMetrics } from "./quarter";
import type { MetricScope } from "./scope";
import { cached, computedAt, dataVersion } from "./cache";

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

const quarterCacheKey = (scope: MetricScope, quarter: Quarter) =>
  `quarter|${scope.orgIds ? [...scope.orgIds].sort((a, b) => a - b).join(".") : "all"}|${scope.teamId ?? ""}|${quarterKey(quarter)}`;

/** One quarter's metrics for a scope, shared through the cache with every page that shows them. */
export async function cachedQuarterMetrics(
  scope: MetricScope,
  quarter: Quarter,
  opts: { version?: string; fresh?: boolean } = {},
): Promise<QuarterMetrics> {
  const activities = quarterRange(quarter); // hours logged in other quarters leave these figures as they are
  return cached(
    quarterCacheKey(scope, quarter),
    opts.version ?? (await dataVersion()),
    () => quarterMetrics(scope, quarter),
    { fresh: opts.fresh, activities },
  );
}

/** The metrics of each quarter in the filter's range, oldest first. */
export async function metricsOverQuarters(
  scope: MetricScope,
  quarters: Quarter[],
): Promise<QuarterMetrics[]> {
  const version = await dataVersion();
  const one = (q: Quarter) => cachedQuarterMetrics(scope, q, { version });
  const results: QuarterMetrics[] = [];
  // A few quarters at a time keeps the connection pool free for other requests.
  for (let i = 0; i < quarters.length; i += 4)
    results.push(...(await Promise.all(quarters.slice(i, i + 4).map(one))));
  return results;
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
  const metrics = await metricsOverQuarters(resolved.scope, quarters);
  // The oldest figures shown: readers may get figures up to a minute old while new ones compute.
  const asOf = new Date(
    Math.min(...quarters.map((q) => computedAt(quarterCacheKey(resolved.scope, q)).getTime())),
  );
  return { ...resolved, quarters: quarters.map(quarterKey), metrics, asOf };
}
