import "server-only";
import type { SessionActor } from "@/lib/auth/actor";
import { can, orgSubtree, queryScope } from "@/lib/auth/permissions";
import { comparisonRow, type ComparisonRow } from "@/lib/metrics/org-comparison";
import { quarterKey, type Quarter } from "@/lib/period";
import { PermissionError } from "@/lib/server/errors";
import { orgTree, type OrgNode } from "@/lib/server/org-tree";
import { filterQuarters } from "@/lib/validations/dashboard";
import type { OrgComparisonFilter } from "@/lib/url-state/lists";
import { loadDashboardFigures, resolveScope } from "./dashboard";
import { riskBudgets } from "./quarter";

/** One level of the org tree the actor may read: `parent`'s children, or the top. */
export type ComparisonLevel = {
  parent: OrgNode | null;
  /** The parent's readable ancestors, top first: the way back up. */
  trail: OrgNode[];
  orgs: (OrgNode & { subOrgs: number })[];
  label: string;
  tree: OrgNode[];
};

/**
 * The organisations to compare, authorised like the dashboards: `org` must be one the actor may
 * read (else not found, as on /dashboard?org=); the top level is the highest organisations the
 * actor may read (a manager's own).
 */
export async function comparisonLevel(
  actor: SessionActor,
  filter: OrgComparisonFilter,
): Promise<ComparisonLevel> {
  if (!can(actor, "dashboard.read")) throw new PermissionError();
  const tree = await orgTree();
  if (filter.org) await resolveScope(actor, { org: filter.org });
  const allowed = queryScope(actor, "dashboard.read");
  const readable = new Set(allowed.all ? tree.map((o) => o.id) : allowed.orgIds);
  const byId = new Map(tree.map((o) => [o.id, o]));
  const parent = filter.org ? byId.get(filter.org)! : null;
  const childCount = (id: number) => tree.filter((o) => o.parentId === id).length;
  const level = tree.filter((o) =>
    parent
      ? o.parentId === parent.id
      : readable.has(o.id) && (o.parentId === null || !readable.has(o.parentId)),
  );
  const trail: OrgNode[] = [];
  for (let up = parent?.parentId ?? null; up !== null && readable.has(up);) {
    const node = byId.get(up)!;
    trail.unshift(node);
    up = node.parentId;
  }
  return {
    parent,
    trail,
    orgs: level.map((o) => ({ ...o, subOrgs: childCount(o.id) })),
    label: parent
      ? `sub-orgs of ${parent.name}`
      : allowed.all
        ? "top-level organisations"
        : "your organisations",
    tree,
  };
}

const AT_ONCE = 4; // organisations computed at a time: keeps the connection pool free for others

/**
 * Each organisation's figures (with its sub-orgs: the scope /dashboard?org=<id> resolves) at the
 * filter's last quarter, through the dashboards' cache; `asOf` is the oldest figures' time.
 */
export async function loadOrgComparison(
  level: ComparisonLevel,
  filter: OrgComparisonFilter,
): Promise<{ quarter: Quarter; rows: ComparisonRow[]; asOf: Date }> {
  const quarter = filterQuarters(filter).at(-1)!;
  const only = { from: quarterKey(quarter), to: quarterKey(quarter) };
  const one = async (org: ComparisonLevel["orgs"][number]) => {
    const scope = { orgIds: orgSubtree(level.tree, [org.id]), teamId: null };
    const resolved = { scope, label: org.name, orgName: org.name, teamName: null };
    const [figures, risk] = await Promise.all([
      loadDashboardFigures(resolved, only),
      riskBudgets(scope, quarter),
    ]);
    return { row: comparisonRow({ org, metrics: figures.metrics[0], risk }), asOf: figures.asOf };
  };
  const done: Awaited<ReturnType<typeof one>>[] = [];
  for (let i = 0; i < level.orgs.length; i += AT_ONCE)
    done.push(...(await Promise.all(level.orgs.slice(i, i + AT_ONCE).map(one))));
  const asOf = new Date(Math.min(Date.now(), ...done.map((d) => d.asOf.getTime())));
  return { quarter, rows: done.map((d) => d.row), asOf };
}
