import "server-only";
import { db } from "@/lib/db/client";
import { orgSubtree, type Actor } from "./permissions";

export type SessionActor = Actor & { email: string; name: string; orgId: number | null; teamId: number | null };

/** Loads a person fresh from the database, so role changes apply at once. */
export async function loadActor(userId: number): Promise<SessionActor | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, name: true, roles: true, orgId: true, teamId: true, deactivatedAt: true, leads: { select: { id: true } } },
  });
  if (!user || user.deactivatedAt) return null;
  const roots = [...user.leads.map((o) => o.id), ...(user.orgId ? [user.orgId] : [])];
  const orgs = roots.length ? await db.org.findMany({ select: { id: true, parentId: true } }) : [];
  return {
    id: user.id, email: user.email, name: user.name, roles: user.roles, orgId: user.orgId, teamId: user.teamId,
    orgScope: orgSubtree(orgs, roots),
  };
}
