import "server-only";
import { db } from "@/lib/db/client";
import { rolesGranting } from "@/lib/auth/permissions";

/**
 * The people who run the program: every active account whose roles manage it everywhere (leads
 * and admins). They see every organisation, so coverage alerts and the weekly digest cover the
 * whole program for each of them.
 */
export async function programLeadIds(): Promise<number[]> {
  const people = await db.user.findMany({
    where: { deactivatedAt: null, roles: { hasSome: rolesGranting("program.manage") } },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  return people.map((p) => p.id);
}
