import "server-only";
import { orgSubtree, queryScope } from "@/lib/auth/permissions";
import type { SessionActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { teamLabel, type Option } from "@/lib/metrics/team-options";
import { addQuarters, quarterKey, quarterOf } from "@/lib/period";
import { NotFoundError } from "@/lib/server/errors";
import { orgTree, type OrgNode } from "@/lib/server/org-tree";
import { likeLiteral } from "@/lib/search/query";

/** Above this many teams the dashboard's team filter searches (/api/teams) instead of listing them all. */
export const TEAM_LIST_LIMIT = 300;

/** The orgs whose dashboards the actor may read (null: all of them). */
function allowedOrgs(actor: SessionActor): Set<number> | null {
  const scope = queryScope(actor, "dashboard.read");
  return scope.all ? null : new Set(scope.orgIds);
}

/**
 * The orgs whose teams the filter offers: the chosen org and its sub-orgs (all the actor may read
 * without one).
 */
function teamOrgIds(
  allowed: Set<number> | null,
  allOrgs: OrgNode[],
  orgId: number | undefined,
): number[] | null {
  if (orgId && (!allowed || allowed.has(orgId)) && allOrgs.some((o) => o.id === orgId)) {
    return orgSubtree(allOrgs, [orgId]).filter((id) => !allowed || allowed.has(id));
  }
  return allowed ? [...allowed] : null;
}

/**
 * Teams of those orgs, by name, labelled as in the whole list (lib/metrics/team-options.ts):
 * those whose name contains `q`, or the one with id `id`, at most `limit`. The labels are counted
 * over every team of the orgs, in the database.
 */
async function teamRows(orgIds: number[] | null, opts: { q?: string; id?: number; limit: number }) {
  const inOrgs = orgIds ? Prisma.sql`t."orgId" = ANY(${orgIds})` : Prisma.sql`TRUE`;
  const q = (opts.q ?? "").trim().toLowerCase();
  const match =
    opts.id !== undefined
      ? Prisma.sql`id = ${opts.id}`
      : q
        ? Prisma.sql`lower(name) LIKE ${`%${likeLiteral(q)}%`}`
        : Prisma.sql`TRUE`;
  const rows = await db.$queryRaw<
    {
      id: number;
      name: string;
      orgName: string;
      sameName: number;
      sameNameAndOrg: number;
    }[]
  >`
    SELECT id, name, "orgName", "sameName", "sameNameAndOrg" FROM (
      SELECT t.id, t.name, o.name AS "orgName",
        count(*) OVER (PARTITION BY t.name)::int AS "sameName",
        count(*) OVER (PARTITION BY t.name, o.name)::int AS "sameNameAndOrg"
      FROM "Team" t JOIN "Org" o ON o.id = t."orgId" WHERE ${inOrgs}) x
    WHERE ${match}
    ORDER BY ${q ? Prisma.sql`(lower(name) LIKE ${`${likeLiteral(q)}%`}) DESC,` : Prisma.empty} name, id LIMIT ${opts.limit}`;
  return rows.map((r) => ({
    value: String(r.id),
    label: teamLabel(r, r.sameName, r.sameNameAndOrg),
  }));
}

/** How many teams those orgs have (every team without `orgIds`). */
async function countTeams(orgIds: number[] | null): Promise<number> {
  const inOrgs = orgIds ? Prisma.sql`"orgId" = ANY(${orgIds})` : Prisma.sql`TRUE`;
  const [row] = await db.$queryRaw<
    { n: number }[]
  >`SELECT count(*)::int AS n FROM "Team" WHERE ${inOrgs}`;
  return row.n;
}

/**
 * Choices for the dashboard filters, limited to what the actor may read. Up to TEAM_LIST_LIMIT
 * teams are listed whole; a larger program sends only how many there are and the chosen team,
 * and the filter searches them as the person types (`searchDashboardTeams`).
 */
export async function filterOptions(
  actor: SessionActor,
  orgId: number | undefined,
  teamId?: number,
) {
  const allowed = allowedOrgs(actor);
  const allOrgs = await orgTree();
  const orgs = allOrgs.filter((o) => !allowed || allowed.has(o.id));
  const teamOrgs = teamOrgIds(allowed, allOrgs, orgId);
  // Counted first: labelling every team (a sort and three window counts over all of them) costs
  // the database about 5 ms on 2,000 teams, work wasted when there are too many to list.
  const teamCount = await countTeams(teamOrgs);
  const many = teamCount > TEAM_LIST_LIMIT;
  const listed = many ? [] : await teamRows(teamOrgs, { limit: TEAM_LIST_LIMIT });
  const selected =
    many && teamId !== undefined
      ? ((await teamRows(teamOrgs, { id: teamId, limit: 1 }))[0] ?? null)
      : null;
  const current = quarterOf(new Date());
  const quarters = Array.from({ length: 20 }, (_, i) => quarterKey(addQuarters(current, -i)));
  return {
    orgs: orgs.map((o) => ({ value: String(o.id), label: o.name })),
    /** Every team, or none when there are more than TEAM_LIST_LIMIT (then search). */
    teams: listed,
    teamCount,
    selectedTeam: selected,
    quarters,
  };
}

/**
 * The dashboard team filter's suggestions: at most `limit` teams of the org (and its sub-orgs)
 * whose name contains `q`.
 */
export async function searchDashboardTeams(
  actor: SessionActor,
  orgId: number | undefined,
  q: string,
  limit = 20,
): Promise<Option[]> {
  const allowed = allowedOrgs(actor);
  const allOrgs = await orgTree();
  // An org outside the actor's scope answers like one that does not exist.
  if (
    orgId !== undefined &&
    ((allowed && !allowed.has(orgId)) || !allOrgs.some((o) => o.id === orgId))
  )
    throw new NotFoundError("organisation");
  return teamRows(teamOrgIds(allowed, allOrgs, orgId), { q, limit });
}
