import "server-only";
import type { SessionActor } from "@/lib/auth/actor";
import { orgSubtree, queryScope } from "@/lib/auth/permissions";
import type { OrgShares, QuarterShare } from "@/lib/agreed-time/dashboard";
import { agreementShare } from "@/lib/agreed-time/rules";
import { quarterPeriod } from "@/lib/metrics/periods";
import { parseQuarterKey } from "@/lib/period";
import { orgTree } from "@/lib/server/org-tree";
import type { ResolvedScope } from "@/lib/server/metrics/dashboard";
import type { MetricScope } from "@/lib/server/metrics/scope";
import type { DashboardFilter } from "@/lib/url-state/lists";
import { guardiansAgreedTime } from "./queries";

const periodsOf = (quarters: string[], today?: Date) =>
  quarters.map((k) => quarterPeriod(parseQuarterKey(k)!, today));

/** The scope's share of guardians within their agreement, per quarter (docs/metrics.md). */
export async function agreedTimeShares(
  scope: MetricScope,
  quarters: string[],
  today?: Date,
): Promise<QuarterShare[]> {
  const periods = periodsOf(quarters, today);
  const byPeriod = await guardiansAgreedTime(scope, periods);
  return periods.map((p) => ({
    quarter: p.quarter,
    ...(p.toDate ? { toDate: true } : {}),
    share: agreementShare(byPeriod.get(p.key)!.map((g) => g.status)),
  }));
}

/**
 * The organisations the time view breaks the share down by: the filter's organisation and its
 * sub-orgs, or the highest organisations the actor may read (a manager's own). None under a team
 * filter. Each counts with its sub-orgs, as /dashboard?org=<id> does.
 */
async function breakdownOrgs(actor: SessionActor, filter: DashboardFilter) {
  if (filter.team) return [];
  const tree = await orgTree();
  if (filter.org) return tree.filter((o) => o.id === filter.org || o.parentId === filter.org);
  const allowed = queryScope(actor, "dashboard.read");
  const readable = new Set(allowed.all ? tree.map((o) => o.id) : allowed.orgIds);
  return tree.filter(
    (o) => readable.has(o.id) && (o.parentId === null || !readable.has(o.parentId)),
  );
}

/**
 * The share per organisation and quarter, from one computation over the resolved scope: a
 * guardian counts for each organisation (with its sub-orgs) of the teams they guard.
 */
export async function agreedTimeByOrg(
  actor: SessionActor,
  resolved: ResolvedScope,
  filter: DashboardFilter,
  quarters: string[],
  today?: Date,
): Promise<OrgShares[]> {
  const orgs = await breakdownOrgs(actor, filter);
  if (orgs.length === 0) return [];
  const tree = await orgTree();
  const periods = periodsOf(quarters, today);
  const byPeriod = await guardiansAgreedTime(resolved.scope, periods);
  return orgs.map((org) => {
    const ids = new Set(orgSubtree(tree, [org.id]));
    return {
      id: org.id,
      name: org.name,
      quarters: periods.map((p) => ({
        quarter: p.quarter,
        ...(p.toDate ? { toDate: true } : {}),
        share: agreementShare(
          byPeriod
            .get(p.key)!
            .filter((g) => g.orgIds.some((id) => ids.has(id)))
            .map((g) => g.status),
        ),
      })),
    };
  });
}
