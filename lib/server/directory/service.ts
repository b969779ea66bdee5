import "server-only";
import { can } from "@/lib/auth/permissions";
import type { SessionActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { slug, type OrgInput, type TeamInput } from "@/lib/validations/directory";
import { audit } from "@/lib/server/audit";
import { DomainError, NotFoundError, PermissionError } from "@/lib/server/errors";
import { parseIsoDay } from "@/lib/period";

function uniqueName(error: unknown, what: string): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
    throw new DomainError(`A ${what} with that name already exists.`);
  throw error;
}

export async function saveTeam(actor: SessionActor, id: number | null, input: TeamInput) {
  if (!can(actor, "directory.manage")) throw new PermissionError();
  const org = await db.org.findUnique({ where: { id: input.orgId }, select: { id: true } });
  if (!org || !can(actor, "directory.manage", { orgId: org.id }))
    throw new DomainError("Choose an organisation from the list.");
  const data = { ...input, joinedOn: parseIsoDay(input.joinedOn) };
  try {
    return await db.$transaction(async (tx) => {
      if (id === null) {
        const team = await tx.team.create({
          data: { ...data, key: slug(input.name) || `team-${Date.now()}` },
        });
        await audit(tx, {
          actorId: actor.id,
          action: "create",
          entity: "Team",
          entityId: team.id,
          orgId: team.orgId,
          after: team,
        });
        return team;
      }
      const before = await tx.team.findUnique({ where: { id } });
      if (!before || !can(actor, "directory.manage", { orgId: before.orgId }))
        throw new NotFoundError("team");
      const team = await tx.team.update({ where: { id }, data });
      await audit(tx, {
        actorId: actor.id,
        action: "update",
        entity: "Team",
        entityId: id,
        orgId: team.orgId,
        before,
        after: team,
      });
      return team;
    });
  } catch (error) {
    uniqueName(error, "team");
  }
}

/** Would making `parentId` the parent of `id` close a loop in the org tree? */
async function createsCycle(id: number, parentId: number): Promise<boolean> {
  let current: number | null = parentId;
  for (let depth = 0; current !== null && depth < 100; depth++) {
    if (current === id) return true;
    const row: { parentId: number | null } | null = await db.org.findUnique({
      where: { id: current },
      select: { parentId: true },
    });
    current = row?.parentId ?? null;
  }
  return false;
}

export async function saveOrg(actor: SessionActor, id: number | null, input: OrgInput) {
  if (!can(actor, "directory.manage")) throw new PermissionError();
  let leaderId: number | null = null;
  if (input.leaderEmail) {
    const leader = await db.user.findUnique({
      where: { email: input.leaderEmail },
      select: { id: true },
    });
    if (!leader) throw new DomainError("No one has that email address.");
    leaderId = leader.id;
  }
  if (input.parentId !== null) {
    const parent = await db.org.findUnique({ where: { id: input.parentId }, select: { id: true } });
    if (!parent) throw new DomainError("Choose a parent organisation from the list.");
    if (id !== null && (await createsCycle(id, input.parentId)))
      throw new DomainError(
        "An organisation cannot sit under itself or one of its sub-organisations.",
      );
  }
  const data = {
    name: input.name,
    parentId: input.parentId,
    leaderId,
    newsletterRecipients: [...new Set(input.recipients)],
  };
  try {
    return await db.$transaction(async (tx) => {
      if (id === null) {
        const org = await tx.org.create({
          data: { ...data, key: slug(input.name) || `org-${Date.now()}` },
        });
        await audit(tx, {
          actorId: actor.id,
          action: "create",
          entity: "Org",
          entityId: org.id,
          orgId: org.id,
          after: org,
        });
        return org;
      }
      const before = await tx.org.findUnique({ where: { id } });
      if (!before) throw new NotFoundError("organisation");
      const org = await tx.org.update({ where: { id }, data });
      await audit(tx, {
        actorId: actor.id,
        action: "update",
        entity: "Org",
        entityId: id,
        orgId: id,
        before,
        after: org,
      });
      return org;
    });
  } catch (error) {
    uniqueName(error, "organisation");
  }
}
