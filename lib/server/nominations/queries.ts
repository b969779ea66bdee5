import "server-only";
import { queryScope } from "@/lib/auth/permissions";
import type { SessionActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";

export const PAGE_SIZE = 25;

/** Pending nominations the actor can see (leads: all; others: their organisation's). */
export async function listPendingNominations(actor: SessionActor, page: number) {
  const scope = queryScope(actor, "guardian.nominate");
  const where = { status: "NOMINATED" as const, team: scope.all ? {} : { orgId: { in: scope.orgIds } } };
  const [total, rows] = await Promise.all([
    db.guardianMembership.count({ where }),
    db.guardianMembership.findMany({
      where,
      orderBy: [{ nominatedOn: "asc" }, { id: "asc" }],
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true, reason: true, nominatedOn: true,
        user: { select: { name: true, email: true } },
        team: { select: { id: true, name: true, org: { select: { name: true } }, guardians: { where: { status: "ACTIVE" }, select: { id: true } } } },
        nominatedBy: { select: { name: true } },
      },
    }),
  ]);
  return { total, rows, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}
