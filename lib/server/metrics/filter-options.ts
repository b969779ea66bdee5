import "server-only";
import { queryScope } from "@/lib/auth/permissions";
import type { SessionActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { addQuarters, quarterKey, quarterOf } from "@/lib/period";

const TEAM_OPTION_LIMIT = 400;

/** Choices for the dashboard filters, limited to what the actor may read. */
export async function filterOptions(actor: SessionActor, orgId: number | undefined) {
  const scope = queryScope(actor, "dashboard.read");
  const orgWhere = scope.all ? {} : { id: { in: scope.orgIds } };
  const [orgs, teams] = await Promise.all([
    db.org.findMany({ where: orgWhere, orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db.team.findMany({
      where: { ...(orgId ? { orgId } : {}), ...(scope.all ? {} : { orgId: { in: scope.orgIds } }) },
      orderBy: { name: "asc" },
      take: TEAM_OPTION_LIMIT,
      select: { id: true, name: true },
    }),
  ]);
  const current = quarterOf(new Date());
  const quarters = Array.from({ length: 20 }, (_, i) => quarterKey(addQuarters(current, -i)));
  return {
    orgs: orgs.map((o) => ({ value: String(o.id), label: o.name })),
    teams: teams.map((t) => ({ value: String(t.id), label: t.name })),
    quarters,
  };
}
