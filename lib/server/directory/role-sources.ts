import "server-only";
import type { SessionActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { roleSources } from "@/lib/auth/role-grants";
import { db } from "@/lib/db/client";
import { ROLE } from "@/lib/vocabulary";

/**
 * A person's roles with their source, for whoever may see their profile (themself, or the
 * directory of their organisation); null otherwise, as for a missing person.
 */
export async function getRoleSources(actor: SessionActor, personId: number) {
  const person = await db.user.findUnique({
    where: { id: personId },
    select: { id: true, orgId: true, handRoles: true, groupRoles: true },
  });
  if (!person || !(person.id === actor.id || can(actor, "directory.read", { orgId: person.orgId })))
    return null;
  return roleSources(person.handRoles, person.groupRoles, ROLE.values);
}
