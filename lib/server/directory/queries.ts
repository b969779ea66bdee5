import "server-only";
import type { SessionActor } from "@/lib/auth/actor";
import { queryScope } from "@/lib/auth/permissions";
import { tenantWhere } from "@/lib/auth/tenant";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { DirectoryFilter } from "@/lib/url-state/lists";
import type { Sort } from "@/lib/url-state/sort";
import { visibleTeams } from "./teams";

export const PAGE_SIZE = 25;

/** One page of teams by name, or by organisation then name (2,000 teams at most: cheap either way). */
export async function listTeams(
  actor: SessionActor,
  filter: DirectoryFilter,
  page: number,
  sort: Sort = { key: "name", desc: false },
) {
  const dir = sort.desc ? "desc" : "asc";
  // The scope and the filters are ANDed: a filter can narrow what the actor sees, never widen it.
  const where: Prisma.TeamWhereInput = {
    AND: [
      visibleTeams(actor),
      filter.q ? { name: { contains: filter.q, mode: "insensitive" } } : {},
      filter.org ? { orgId: filter.org } : {},
      filter.profile ? { profile: filter.profile } : {},
      filter.coverage === "covered" ? { guardians: { some: { status: "ACTIVE" } } } : {},
      filter.coverage === "uncovered" ? { guardians: { none: { status: "ACTIVE" } } } : {},
    ],
  };
  const [total, teams] = await Promise.all([
    db.team.count({ where }),
    db.team.findMany({
      where,
      orderBy:
        sort.key === "org"
          ? [{ org: { name: dir } }, { name: "asc" }, { id: "asc" }]
          : [{ name: dir }, { id: "asc" }],
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true,
        name: true,
        profile: true,
        pilot: true,
        joinedOn: true,
        org: { select: { name: true } },
        guardians: { where: { status: "ACTIVE" }, select: { user: { select: { name: true } } } },
      },
    }),
  ]);
  return { total, teams, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}

/** Organisations the actor can see, with leaders and team counts, for the tree view and filters. */
export async function listOrgs(actor: SessionActor) {
  const scope = queryScope(actor, "directory.read");
  return db.org.findMany({
    where: tenantWhere(scope, "id"),
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      parentId: true,
      newsletterRecipients: true,
      leader: { select: { name: true, email: true } },
      _count: { select: { teams: true } },
    },
  });
}

export async function getTeamDetail(actor: SessionActor, id: number) {
  return db.team.findFirst({
    where: { id, ...visibleTeams(actor) },
    select: {
      id: true,
      name: true,
      key: true,
      orgId: true,
      profile: true,
      pilot: true,
      joinedOn: true,
      riskBudget: true,
      org: { select: { name: true } },
      guardians: {
        orderBy: [{ nominatedOn: "desc" }, { id: "desc" }],
        select: {
          id: true,
          status: true,
          reason: true,
          nominatedOn: true,
          activeOn: true,
          leftOn: true,
          declinedOn: true,
          userId: true,
          user: { select: { name: true, email: true } },
          nominatedBy: { select: { name: true } },
          approvedBy: { select: { name: true } },
          history: {
            orderBy: [{ at: "asc" }, { id: "asc" }],
            select: {
              id: true,
              fromStatus: true,
              toStatus: true,
              note: true,
              at: true,
              changedBy: { select: { name: true } },
            },
          },
        },
      },
      _count: { select: { members: true } },
    },
  });
}
