import "server-only";
import type { SessionActor } from "@/lib/auth/actor";
import { can, queryScope } from "@/lib/auth/permissions";
import { tenantWhere } from "@/lib/auth/tenant";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { PeopleFilter } from "@/lib/url-state/lists";
import type { Sort } from "@/lib/url-state/sort";
import { NotFoundError, PermissionError } from "@/lib/server/errors";
import { signInMethodsOf, signInSelect, signInWhere } from "@/lib/server/identity/sign-in-methods";
import { subOrgIds } from "@/lib/server/org-tree";
import { PAGE_SIZE } from "./queries";

/**
 * The people list's conditions: the actor's scope ANDed with the filters (name or email,
 * organisation with its sub-orgs, role, how they sign in), so a filter can narrow what the
 * actor sees, never widen it. Deactivated people only for those who manage people, when asked.
 */
export async function peopleWhere(
  actor: SessionActor,
  filter: PeopleFilter,
  now = new Date(),
): Promise<Prisma.UserWhereInput> {
  const manager = can(actor, "user.manage");
  const orgIds = filter.org ? await subOrgIds([filter.org]) : null;
  return {
    AND: [
      tenantWhere(queryScope(actor, "directory.read"), "orgId"),
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
      filter.team ? { teamId: filter.team } : {},
      filter.role ? { roles: { has: filter.role } } : {},
      manager && filter.signin ? signInWhere(filter.signin, now) : {},
    ],
  };
}

/** One page of the people list; how each person signs in only for those who manage people. */
export async function listPeople(
  actor: SessionActor,
  filter: PeopleFilter,
  page: number,
  sort: Sort = { key: "name", desc: false },
) {
  const manager = can(actor, "user.manage");
  const now = new Date();
  const where = await peopleWhere(actor, filter, now);
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
        org: { select: { name: true } },
        team: { select: { id: true, name: true } },
        ...(manager ? signInSelect(now) : {}),
      },
    }),
  ]);
  // The hash itself never leaves here: only the ways in it implies.
  const people = rows.map(({ passwordHash, ssoIdentities, signInLinks, ...p }) => ({
    ...p,
    signIn: manager
      ? signInMethodsOf({
          passwordHash: passwordHash ?? null,
          ssoIdentities: ssoIdentities ?? [],
          signInLinks: signInLinks ?? [],
        })
      : null,
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
