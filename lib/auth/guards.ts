import "server-only";
import { forbidden, redirect } from "next/navigation";
import { can, type Permission } from "./permissions";
import { getActor, type SessionActor } from "./session";

/** For pages: the signed-in person, or a redirect to sign-in. */
export async function requireActor(): Promise<SessionActor> {
  const actor = await getActor();
  if (!actor) redirect("/sign-in");
  return actor;
}

/** For pages: refuse (403) a person who lacks the permission in every scope. */
export async function requirePermission(permission: Permission): Promise<SessionActor> {
  const actor = await requireActor();
  if (!can(actor, permission)) forbidden();
  return actor;
}
