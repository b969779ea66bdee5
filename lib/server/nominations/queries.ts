import "server-only";
import { orgSubtree, queryScope } from "@/lib/auth/permissions";
import { tenantWhere } from "@/lib/auth/tenant";
import type { SessionActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { orgTree } from "@/lib/server/org-tree";

export const PAGE_SIZE = 25;

/** Pending nominations the actor can see (leads: all; others: their organisation's). */
export async function listPendingNominations(actor: SessionActor, page: number) {
  const scope = queryScope(actor, "guardian.nominate");
  const where = {
    status: "NOMINATED" as const,
    team: tenantWhere(scope, "orgId"),
  };
  const [total, rows] = await Promise.all([
    db.guardianMembership.count({ where }),
    db.guardianMembership.findMany({
      where,
      orderBy: [{ nominatedOn: "asc" }, { id: "asc" }],
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true,
        reason: true,
        nominatedOn: true,
        user: { select: { name: true, email: true } },
        team: {
          select: {
            id: true,
            name: true,
            org: { select: { name: true } },
            guardians: { where: { status: "ACTIVE" }, select: { id: true } },
          },
        },
        nominatedBy: { select: { name: true } },
      },
    }),
  ]);
  return { total, rows, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}

/**
 * The organisation a team belongs to: the top of its org tree, with every sub-org (a team of
 * "Payments / Cards" may have a guardian from "Payments / Growth", not from "Retail").
 */
export async function teamOrganisation(orgId: number) {
  const orgs = await orgTree();
  const byId = new Map(orgs.map((o) => [o.id, o]));
  let root = byId.get(orgId)!;
  for (let depth = 0; root.parentId !== null && byId.has(root.parentId) && depth < 100; depth++)
    root = byId.get(root.parentId)!;
  return { name: root.name, orgIds: orgSubtree(orgs, [root.id]) };
}
