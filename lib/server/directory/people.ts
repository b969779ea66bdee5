import "server-only";
import { can, scopeOf } from "@/lib/auth/permissions";
import type { SessionActor } from "@/lib/auth/actor";
import { forbiddenRoleChanges, mayManageHolderOf } from "@/lib/auth/role-grants";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { ROLE } from "@/lib/vocabulary";
import type { NewPersonInput, PersonEditInput, PersonStatusInput } from "@/lib/validations/person";
import { audit } from "@/lib/server/audit";
import { DomainError, FieldError, NotFoundError, PermissionError } from "@/lib/server/errors";

// What the audit log keeps of a person: never the password hash. Roles by source: `handRoles`
// (granted here, by import or restore), `groupRoles` (from SSO groups) and `roles`, their union.
const AUDITED = {
  id: true,
  email: true,
  name: true,
  handRoles: true,
  groupRoles: true,
  roles: true,
  orgId: true,
  teamId: true,
  deactivatedAt: true,
} as const;

function assertGrantable(actor: SessionActor, before: readonly Role[], after: readonly Role[]) {
  const refused = forbiddenRoleChanges(actor, before, after);
  if (refused.length)
    throw new FieldError(
      "roles",
      `Only an administrator can grant or remove the ${refused.map(ROLE.label).join(" and ")} role.`,
    );
}

/** The organisation must exist and be the caller's to manage; the team must belong to it. */
async function assertPlacement(actor: SessionActor, orgId: number | null, teamId: number | null) {
  if (orgId !== null) {
    const org = await db.org.findUnique({ where: { id: orgId }, select: { id: true } });
    if (!org || !can(actor, "user.manage", { orgId }))
      throw new FieldError("orgId", "Choose an organisation from the list.");
  }
  if (teamId !== null) {
    const team = await db.team.findUnique({ where: { id: teamId }, select: { orgId: true } });
    if (!team || !can(actor, "user.manage", { orgId: team.orgId }))
      throw new FieldError("teamId", "Choose a team from the list.");
    if (team.orgId !== orgId)
      throw new FieldError(
        "teamId",
        "That team belongs to another organisation: choose one of this organisation's teams.",
      );
  }
}

function duplicateEmail(error: unknown): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
    throw new FieldError("email", "Someone already has that email address.");
  throw error;
}

/** A person the caller may manage, by id; another organisation's person answers as missing. */
async function manageable(actor: SessionActor, id: number) {
  if (!can(actor, "user.manage")) throw new PermissionError();
  const person = await db.user.findUnique({
    where: { id },
    select: {
      ...AUDITED,
      memberships: { where: { status: "ACTIVE" }, select: { team: { select: { name: true } } } },
    },
  });
  if (!person || !can(actor, "user.manage", { orgId: person.orgId }))
    throw new NotFoundError("person");
  if (!mayManageHolderOf(actor, person.roles))
    throw new DomainError("Only an administrator can change an administrator's account.");
  const { memberships, ...before } = person;
  return { before, activeTeams: memberships.map((m) => m.team.name) };
}

/** The roles someone holds with these hand roles: the trigger's union, in the enum's order. */
const effective = (hand: readonly Role[], group: readonly Role[]) =>
  ROLE.values.filter((r) => hand.includes(r) || group.includes(r));

/** Creates a person without a password (they sign in once one is set, e.g. through SSO or a reset). */
export async function createPerson(actor: SessionActor, input: NewPersonInput) {
  if (!can(actor, "user.manage")) throw new PermissionError();
  assertGrantable(actor, [], input.roles);
  await assertPlacement(actor, input.orgId, input.teamId);
  try {
    return await db.$transaction(async (tx) => {
      const person = await tx.user.create({
        data: {
          email: input.email,
          name: input.name,
          handRoles: input.roles,
          orgId: input.orgId,
          teamId: input.teamId,
        },
        select: AUDITED,
      });
      await audit(tx, {
        actorId: actor.id,
        action: "create",
        entity: "User",
        entityId: person.id,
        orgId: person.orgId,
        after: person,
      });
      return person;
    });
  } catch (error) {
    duplicateEmail(error);
  }
}

/**
 * The form edits the roles granted by hand (`input.roles`); roles from SSO groups stay as the
 * provider says, so the checks look at the roles the person will hold with both.
 */
export async function updatePerson(actor: SessionActor, input: PersonEditInput) {
  const { before, activeTeams } = await manageable(actor, input.id);
  assertGrantable(actor, before.handRoles, input.roles);
  const roles = effective(input.roles, before.groupRoles);
  if (roles.length === 0) throw new FieldError("roles", "Give the person at least one role");
  if (before.id === actor.id && !scopeOf({ roles }, "user.manage")) {
    throw new FieldError("roles", "You cannot take away your own permission to manage people.");
  }
  // Stepping down keeps the Guardian role (alumni still log hours); an active guardian steps down first.
  if (before.roles.includes("GUARDIAN") && !roles.includes("GUARDIAN") && activeTeams.length) {
    throw new FieldError(
      "roles",
      `${before.name} is an active guardian of ${activeTeams.join(", ")}: record the step-down on the team's page first.`,
    );
  }
  await assertPlacement(actor, input.orgId, input.teamId);
  return db.$transaction(async (tx) => {
    const after = await tx.user.update({
      where: { id: before.id },
      data: { name: input.name, handRoles: input.roles, orgId: input.orgId, teamId: input.teamId },
      select: AUDITED,
    });
    await audit(tx, {
      actorId: actor.id,
      action: "update",
      entity: "User",
      entityId: before.id,
      orgId: after.orgId,
      before,
      after,
    });
    return after;
  });
}

/** Deactivated people cannot sign in and their sessions end at once; everything they did stays. */
export async function changePersonStatus(actor: SessionActor, input: PersonStatusInput) {
  const { before } = await manageable(actor, input.id);
  const deactivate = input.change === "deactivate";
  if (deactivate && before.id === actor.id)
    throw new DomainError("You cannot deactivate your own account.");
  return db.$transaction(async (tx) => {
    // Conditional update: a double submit or a concurrent change applies once.
    const changed = await tx.user.updateMany({
      where: { id: before.id, deactivatedAt: deactivate ? null : { not: null } },
      data: { deactivatedAt: deactivate ? new Date() : null },
    });
    if (changed.count === 0)
      throw new DomainError(
        deactivate ? `${before.name} is already deactivated.` : `${before.name} is already active.`,
      );
    const after = await tx.user.findUniqueOrThrow({ where: { id: before.id }, select: AUDITED });
    await audit(tx, {
      actorId: actor.id,
      action: input.change,
      entity: "User",
      entityId: before.id,
      orgId: after.orgId,
      before,
      after,
    });
    return after;
  });
}
