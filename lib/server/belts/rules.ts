import "server-only";
import { can } from "@/lib/auth/permissions";
import type { SessionActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import type { BeltName } from "@/lib/belts/default-rules";
import type { BeltCondition } from "@/lib/validations/belt-rule";
import { audit } from "@/lib/server/audit";
import { PermissionError } from "@/lib/server/errors";
import { activeGuardianIds, loadRules } from "./facts";
import { qualifyingAwards, reevaluateBelts, type Award } from "./service";

export type Preview = {
  belt: BeltName;
  newlyQualifying: { userId: number; name: string; belt: BeltName }[];
};

/** Who would newly earn a belt if `belt`'s rule became `conditions` (nothing is written). */
export async function previewRule(
  actor: SessionActor,
  belt: BeltName,
  conditions: BeltCondition[],
): Promise<Preview> {
  if (!can(actor, "belt.manage")) throw new PermissionError();
  const rules = { ...(await loadRules()), [belt]: conditions };
  const awards = await qualifyingAwards(await activeGuardianIds(), rules);
  const names = await db.user.findMany({
    where: { id: { in: awards.map((a) => a.userId) } },
    select: { id: true, name: true },
  });
  const byId = new Map(names.map((n) => [n.id, n.name]));
  return {
    belt,
    newlyQualifying: awards
      .map((a) => ({ userId: a.userId, belt: a.belt, name: byId.get(a.userId) ?? "?" }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  };
}

/** Saves a belt's rule and re-evaluates every active guardian under it. */
export async function saveRule(
  actor: SessionActor,
  belt: BeltName,
  conditions: BeltCondition[],
): Promise<Award[]> {
  if (!can(actor, "belt.manage")) throw new PermissionError();
  await db.$transaction(async (tx) => {
    const before = await tx.beltRule.findUnique({ where: { belt } });
    const after = await tx.beltRule.upsert({
      where: { belt },
      create: { belt, conditions, updatedById: actor.id },
      update: { conditions, updatedById: actor.id },
    });
    await audit(tx, {
      actorId: actor.id,
      action: before ? "update" : "create",
      entity: "BeltRule",
      entityId: belt,
      before,
      after,
    });
  });
  return reevaluateBelts(await activeGuardianIds(), actor.id);
}
