import "server-only";
import { z } from "zod";
import { optionalRecordId, recordId } from "@/lib/validations/fields";
import { can } from "@/lib/auth/permissions";
import type { SessionActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { audit } from "@/lib/server/audit";
import { DomainError, NotFoundError, PermissionError } from "@/lib/server/errors";

export const runbookItemSchema = z.object({
  id: optionalRecordId("Choose a checklist item"),
  label: z
    .string()
    .trim()
    .min(3, "Describe the check in a few words")
    .max(120, "Keep it under 120 characters"),
});
export const runbookChangeSchema = z.object({
  id: recordId("Choose a checklist item"),
  change: z.enum(["up", "down", "toggle"]),
});

/**
 * The default review runbook, copied into each new review's checklist. Leads add, rename, reorder
 * and retire items.
 */
export async function saveRunbookItem(
  actor: SessionActor,
  input: z.infer<typeof runbookItemSchema>,
) {
  if (!can(actor, "program.manage")) throw new PermissionError();
  try {
    return await db.$transaction(async (tx) => {
      if (input.id === null) {
        const last = await tx.runbookItem.aggregate({ _max: { position: true } });
        const item = await tx.runbookItem.create({
          data: { label: input.label, position: (last._max.position ?? -1) + 1 },
        });
        await audit(tx, {
          actorId: actor.id,
          action: "create",
          entity: "RunbookItem",
          entityId: item.id,
          after: item,
        });
        return item;
      }
      const before = await tx.runbookItem.findUnique({ where: { id: input.id } });
      if (!before) throw new NotFoundError("runbook item");
      const item = await tx.runbookItem.update({
        where: { id: input.id },
        data: { label: input.label },
      });
      await audit(tx, {
        actorId: actor.id,
        action: "update",
        entity: "RunbookItem",
        entityId: item.id,
        before,
        after: item,
      });
      return item;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      throw new DomainError("The runbook already has that item.");
    throw error;
  }
}

export async function changeRunbookItem(
  actor: SessionActor,
  input: z.infer<typeof runbookChangeSchema>,
) {
  if (!can(actor, "program.manage")) throw new PermissionError();
  return db.$transaction(async (tx) => {
    const items = await tx.runbookItem.findMany({ orderBy: { position: "asc" } });
    const index = items.findIndex((i) => i.id === input.id);
    if (index < 0) throw new NotFoundError("runbook item");
    if (input.change === "toggle") {
      await tx.runbookItem.update({
        where: { id: input.id },
        data: { active: !items[index].active },
      });
    } else {
      const other = items[input.change === "up" ? index - 1 : index + 1];
      if (!other) return items[index];
      await tx.runbookItem.update({ where: { id: input.id }, data: { position: other.position } });
      await tx.runbookItem.update({
        where: { id: other.id },
        data: { position: items[index].position },
      });
    }
    await audit(tx, {
      actorId: actor.id,
      action: input.change,
      entity: "RunbookItem",
      entityId: input.id,
      before: items[index],
    });
    return items[index];
  });
}
