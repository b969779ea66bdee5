import "server-only";
import { can } from "@/lib/auth/permissions";
import type { SessionActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { mappingApplies } from "@/lib/identity/sso-claims";
import { ROLE } from "@/lib/vocabulary";
import type { GroupMappingInput } from "@/lib/validations/sso";
import { audit } from "@/lib/server/audit";
import { FieldError, NotFoundError, PermissionError } from "@/lib/server/errors";

// The groups-to-roles table admins edit (/admin/sso); applied at every SSO sign-in
// (lib/server/identity/sso.ts). Mappings are program-wide, like the roles they grant.

const AUDITED = { id: true, group: true, role: true, createdById: true, createdAt: true } as const;

function authorise(actor: SessionActor) {
  if (!can(actor, "identity.manage")) throw new PermissionError();
}

/** Every mapping, by group then role, with its creator and whether it grants its role today. */
export async function listGroupMappings(actor: SessionActor) {
  authorise(actor);
  const rows = await db.groupRoleMapping.findMany({
    orderBy: [{ group: "asc" }, { role: "asc" }],
    select: {
      id: true,
      group: true,
      role: true,
      createdAt: true,
      createdBy: { select: { name: true, email: true, roles: true, deactivatedAt: true } },
    },
  });
  return rows.map(({ createdBy, ...m }) => ({
    ...m,
    roleLabel: ROLE.label(m.role),
    creator: createdBy.name,
    applies: mappingApplies({
      role: m.role,
      creatorRoles: createdBy.deactivatedAt ? null : createdBy.roles,
    }),
  }));
}

export async function addGroupMapping(actor: SessionActor, input: GroupMappingInput) {
  authorise(actor);
  try {
    return await db.$transaction(async (tx) => {
      const mapping = await tx.groupRoleMapping.create({
        data: { group: input.group, role: input.role, createdById: actor.id },
        select: AUDITED,
      });
      await audit(tx, {
        actorId: actor.id,
        action: "create",
        entity: "GroupRoleMapping",
        entityId: mapping.id,
        after: mapping,
      });
      return mapping;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      throw new FieldError(
        "group",
        `“${input.group}” already gives the role ${ROLE.label(input.role)}.`,
        "That mapping exists already.",
      );
    throw error;
  }
}

export async function removeGroupMapping(actor: SessionActor, id: number) {
  authorise(actor);
  return db.$transaction(async (tx) => {
    const before = await tx.groupRoleMapping.findUnique({ where: { id }, select: AUDITED });
    if (!before) throw new NotFoundError("mapping");
    await tx.groupRoleMapping.delete({ where: { id } });
    await audit(tx, {
      actorId: actor.id,
      action: "delete",
      entity: "GroupRoleMapping",
      entityId: id,
      before,
    });
    return before;
  });
}
