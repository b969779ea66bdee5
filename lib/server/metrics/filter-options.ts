import "server-only";
import { orgSubtree, queryScope } from "@/lib/auth/permissions";
import type { SessionActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { teamOptions } from "@/lib/metrics/team-options";
import { addQuarters, quarterKey, quarterOf } from "@/lib/period";

/**
 * Choices for the dashboard filters, limited to what the actor may read. The teams are those of
 * the chosen organisation and its sub-orgs (all the actor may read without one), every one of
 * them: the filter offers a search over long lists rather than cutting them.
 */
export async function filterOptions(actor: SessionActor, orgId: number | undefined) {
  const scope = queryScope(actor, "dashboard.read");
  const allOrgs = await db.org.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, parentId: true } });
  const allowed = scope.all ? null : new Set(scope.orgIds);
  const orgs = allOrgs.filter((o) => !allowed || allowed.has(o.id));
  let teamOrgIds = allowed ? [...allowed] : null;
  if (orgId && orgs.some((o) => o.id === orgId)) teamOrgIds = orgSubtree(allOrgs, [orgId]).filter((id) => !allowed || allowed.has(id));
  const teams = await db.team.findMany({
    where: teamOrgIds ? { orgId: { in: teamOrgIds } } : {},
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true, orgId: true },
  });
  const orgName = new Map(allOrgs.map((o) => [o.id, o.name]));
  const current = quarterOf(new Date());
  const quarters = Array.from({ length: 20 }, (_, i) => quarterKey(addQuarters(current, -i)));
  return {
    orgs: orgs.map((o) => ({ value: String(o.id), label: o.name })),
    teams: teamOptions(teams.map((t) => ({ id: t.id, name: t.name, orgName: orgName.get(t.orgId) ?? "" }))),
    quarters,
  };
}
