import "server-only";
import type { SessionActor } from "@/lib/auth/actor";
import { can, queryScope } from "@/lib/auth/permissions";
import { tenantWhere } from "@/lib/auth/tenant";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { PeopleFilter } from "@/lib/url-state/lists";
import type { Sort } from "@/lib/url-state/sort";
import { NotFoundError, PermissionError } from "@/lib/server/errors";
import { subOrgIds } from "@/lib/server/org-tree";
import { PAGE_SIZE } from "./queries";

/**
 * People the actor can see, filtered by name or email, organisation (with its sub-orgs) and
 * role. Deactivated people are listed only to those who manage people, and only when asked for.
 */
export async function listPeople(
  actor: SessionActor,
  filter: PeopleFilter,
  page: number,
  sort: Sort = { key: "name", desc: false },
) {
  const scope = queryScope(actor, "directory.read");
  const manager = can(actor, "user.manage");
  const orgIds = filter.org ? await subOrgIds([filter.org]) : null;
  // The scope and the filters are ANDed: a filter can narrow what the actor sees, never widen it.
  const where: Prisma.UserWhereInput = {
    AND: [
      tenantWhere(scope, "orgId"),
      manager && filter.status === "deactivated"
        ? { deactivatedAt: { not: null } }
        : { deactivatedAt: null },
      filter.q
        ? {
            OR: [
              { name: { contains: filter.q, mode: "insensitive" } },
              { email: { contains: filter.q, mode: "insensitive" } },
            ],
          }
        : {},
      orgIds ? { orgId: { in: orgIds } } : {},
      filter.role ? { roles: { has: filter.role } } : {},
    ],
  };
  const [total, rows] = await Promise.all([
    db.user.count({ where }),
    db.user.findMany({
      where,
      orderBy: [{ name: sort.desc ? "desc" : "asc" }, { id: "asc" }],
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true,
        name: true,
        email: true,
        roles: true,
        deactivatedAt: true,
        passwordHash: manager,
        org: { select: { name: true } },
        team: { select: { id: true, name: true } },
      },
    }),
  ]);
  // Whether someone can sign in is shown to people managers; the hash itself never leaves here.
  const people = rows.map(({ passwordHash, ...p }) => ({
    ...p,
    hasPassword: manager ? passwordHash != null : null,
  }));
  return { total, people, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}

/** A person as the edit form shows them, for those who manage people. */
export async function getPersonForEdit(actor: SessionActor, id: number) {
  if (!can(actor, "user.manage")) throw new PermissionError();
  const person = await db.user.findUnique({
    where: { id },
    select: {
      id: true,
      email: true,
      name: true,
      roles: true,
      handRoles: true,
      groupRoles: true,
      orgId: true,
      teamId: true,
      deactivatedAt: true,
      passwordHash: true,
      createdAt: true,
      memberships: {
        where: { status: "ACTIVE" },
        select: { team: { select: { id: true, name: true } } },
      },
    },
  });
  if (!person || !can(actor, "user.manage", { orgId: person.orgId }))
    throw new NotFoundError("person");
  const { passwordHash, memberships, ...rest } = person;
  return { ...rest, hasPassword: passwordHash != null, guardianOf: memberships.map((m) => m.team) };
}

/** Teams a person can be placed in, with their organisation, for the person form. */
export async function teamOptions(actor: SessionActor) {
  const scope = queryScope(actor, "user.manage");
  return db.team.findMany({
    where: tenantWhere(scope, "orgId"),
    orderBy: { name: "asc" },
    select: { id: true, name: true, orgId: true },
  });
}
