import "server-only";
import type { SessionActor } from "@/lib/auth/actor";
import { orgSubtree } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { orgTeamCounts } from "@/lib/directory/org-counts";
import { listOrgs, PAGE_SIZE } from "./queries";
import { visibleTeams } from "./teams";

/**
 * An organisation's page: the organisation (null when missing or outside the actor's scope), its
 * parent when visible, its sub-organisations with their team counts (own and with their own
 * sub-orgs), and one page of its teams, with `withSubOrgs` those of every sub-organisation too.
 */
export async function getOrgPage(
  actor: SessionActor,
  id: number,
  page: number,
  withSubOrgs: boolean,
) {
  const orgs = await listOrgs(actor);
  const org = orgs.find((o) => o.id === id);
  if (!org) return null;
  const visible = new Set(orgs.map((o) => o.id));
  const counts = orgTeamCounts(
    orgs.map((o) => ({
      id: o.id,
      parentId: o.parentId !== null && visible.has(o.parentId) ? o.parentId : null,
      teams: o._count.teams,
    })),
  );
  const orgIds = withSubOrgs ? orgSubtree(orgs, [id]) : [id];
  const where = { AND: [visibleTeams(actor), { orgId: { in: orgIds } }] };
  const [total, teams] = await Promise.all([
    db.team.count({ where }),
    db.team.findMany({
      where,
      orderBy: [{ name: "asc" }, { id: "asc" }],
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true,
        name: true,
        profile: true,
        pilot: true,
        org: { select: { id: true, name: true } },
        guardians: { where: { status: "ACTIVE" }, select: { user: { select: { name: true } } } },
      },
    }),
  ]);
  return {
    org,
    counts: counts.get(id)!,
    parent: org.parentId !== null ? (orgs.find((o) => o.id === org.parentId) ?? null) : null,
    children: orgs
      .filter((o) => o.parentId === id)
      .map((o) => ({ id: o.id, name: o.name, leader: o.leader, counts: counts.get(o.id)! })),
    teams: { total, rows: teams, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)) },
  };
}
