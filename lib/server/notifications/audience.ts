import "server-only";
import { rolesGranting, type Permission } from "@/lib/auth/permissions";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";

type Tx = Prisma.TransactionClient;

/**
 * The active people who hold `permission` over an organisation, as `can()` would answer for each
 * of them: a role granting it everywhere, or a role granting it in their organisation scope (their
 * own org or an org they lead, with its sub-orgs) when that scope covers `orgId`. `only` narrows
 * to some roles (a review can only be assigned to security engineers). Users are at most tens of
 * thousands: one pass over them, in the caller's transaction.
 */
export async function holdersOf(
  tx: Tx,
  permission: Permission,
  orgId: number,
  only?: Role[],
): Promise<number[]> {
  const among = (roles: Role[]) => (only ? roles.filter((r) => only.includes(r)) : roles);
  const roles = {
    all: among(rolesGranting(permission, "all")),
    org: among(rolesGranting(permission, "org")),
  };
  if (roles.all.length === 0 && roles.org.length === 0) return [];
  const rows = await tx.$queryRaw<{ id: number }[]>`
    WITH RECURSIVE up AS (
      SELECT id, "parentId" FROM "Org" WHERE id = ${orgId}
      UNION SELECT o.id, o."parentId" FROM "Org" o JOIN up ON o.id = up."parentId"
    )
    SELECT u.id FROM "User" u
    WHERE u."deactivatedAt" IS NULL AND (
      u.roles && ${roles.all}::"Role"[]
      OR (u.roles && ${roles.org}::"Role"[] AND (
        u."orgId" IN (SELECT id FROM up)
        OR EXISTS (SELECT 1 FROM "Org" l JOIN up ON up.id = l.id WHERE l."leaderId" = u.id)
      ))
    )
    ORDER BY u.id`;
  return rows.map((r) => r.id);
}

/** Everyone concerned but the person who caused the event: nobody is told of their own action. */
export const except = (actorId: number | null, ids: Iterable<number | null | undefined>) =>
  [...new Set(ids)].filter((id): id is number => id != null && id !== actorId);
