// Who may hand out which role. People managers (user.manage) assign roles, but a role that
// carries administrative powers can only be granted, taken away or its holder's account
// changed by someone who holds those powers everywhere: a lead cannot make anyone (themself
// included) an admin, nor edit or deactivate an admin.
import type { Role } from "@/lib/generated/prisma/enums";
import { ROLE_PERMISSIONS, scopeOf, type Actor, type Permission } from "./permissions";

const ADMINISTRATIVE: Permission[] = ["user.manage", "audit.read"];

/** Whether the actor holds every administrative power the role carries. */
export function mayGrantRole(actor: Pick<Actor, "roles">, role: Role): boolean {
  return ADMINISTRATIVE.every((p) => !ROLE_PERMISSIONS[role]?.[p] || scopeOf(actor, p) === "all");
}

/** Whether the actor may change the account of someone holding `roles` (edit or deactivate). */
export function mayManageHolderOf(actor: Pick<Actor, "roles">, roles: readonly Role[]): boolean {
  return roles.every((r) => mayGrantRole(actor, r));
}

/** Roles added or removed between two sets that the actor may not grant, in a stable order. */
export function forbiddenRoleChanges(
  actor: Pick<Actor, "roles">,
  before: readonly Role[],
  after: readonly Role[],
): Role[] {
  const changed = [
    ...after.filter((r) => !before.includes(r)),
    ...before.filter((r) => !after.includes(r)),
  ];
  return [...new Set(changed)].filter((r) => !mayGrantRole(actor, r)).sort();
}

export type RoleSource = "hand" | "group" | "both";

/** Each role someone holds and where it comes from: granted by hand, SSO groups, or both. */
export function roleSources(
  hand: readonly Role[],
  group: readonly Role[],
  order: readonly Role[],
): { role: Role; source: RoleSource }[] {
  return order
    .filter((r) => hand.includes(r) || group.includes(r))
    .map((role) => ({
      role,
      source: hand.includes(role) ? (group.includes(role) ? "both" : "hand") : "group",
    }));
}
