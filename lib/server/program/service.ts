import "server-only";
import { can } from "@/lib/auth/permissions";
import type { SessionActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import type { ProgramInput } from "@/lib/validations/program";
import { audit } from "@/lib/server/audit";
import { PermissionError } from "@/lib/server/errors";

export async function updateProgram(actor: SessionActor, input: ProgramInput) {
  if (!can(actor, "program.manage")) throw new PermissionError();
  return db.$transaction(async (tx) => {
    const before = await tx.program.findUnique({
      where: { id: 1 },
      select: { name: true, vision: true, mission: true },
    });
    const after = await tx.program.upsert({
      where: { id: 1 },
      create: { id: 1, ...input },
      update: input,
      select: { name: true, vision: true, mission: true },
    });
    await audit(tx, {
      actorId: actor.id,
      action: before ? "update" : "create",
      entity: "Program",
      entityId: 1,
      before,
      after,
    });
    return after;
  });
}
