import "server-only";
import { can } from "@/lib/auth/permissions";
import type { SessionActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { beltsToAward, type RuleResult } from "@/lib/belts/evaluate";
import { withRecords } from "@/lib/belts/evidence";
import type { BeltName } from "@/lib/belts/default-rules";
import type { BeltCondition } from "@/lib/validations/belt-rule";
import { audit } from "@/lib/server/audit";
import { DomainError, NotFoundError, PermissionError } from "@/lib/server/errors";
import { loadEvidenceSources } from "./evidence";
import { activeGuardianIds, loadBeltFacts, loadRules } from "./facts";
import { noticeAwarded, noticeRevoked } from "./notices";
import { isoDay, todayUtc } from "@/lib/period";

const CHUNK = 500;

export type Award = { userId: number; belt: BeltName };

/** Who would newly qualify for which belt under `rules`, with the rule's result. */
async function qualifying(
  userIds: number[],
  rules?: Record<BeltName, BeltCondition[]>,
): Promise<(Award & { result: RuleResult })[]> {
  const inForce = rules ?? (await loadRules());
  const today = todayUtc();
  const out: (Award & { result: RuleResult })[] = [];
  for (let i = 0; i < userIds.length; i += CHUNK) {
    const facts = await loadBeltFacts(userIds.slice(i, i + CHUNK));
    for (const [userId, f] of facts) {
      // A belt a lead revoked is not handed back automatically.
      for (const result of beltsToAward(inForce, f, today)) {
        if (f.revoked.has(result.belt)) break;
        out.push({ userId, belt: result.belt, result });
      }
    }
  }
  return out;
}

/** Who would newly qualify for which belt under `rules`, with the figures (nothing is written). */
export async function qualifyingAwards(
  userIds: number[],
  rules?: Record<BeltName, BeltCondition[]>,
): Promise<(Award & { evidence: unknown })[]> {
  const evaluatedOn = isoDay(todayUtc());
  return (await qualifying(userIds, rules)).map(({ userId, belt, result }) => ({
    userId,
    belt,
    evidence: {
      rule: result.conditions.map((c) => ({
        label: c.label,
        current: c.current,
        required: c.required,
      })),
      evaluatedOn,
    },
  }));
}

/**
 * Re-evaluates people (active guardians among them) and records new belts with their evidence:
 * each condition's figure and the records behind it (lib/belts/evidence.ts).
 * Idempotent: a live award per person and belt is unique, so concurrent runs award once.
 */
export async function reevaluateBelts(
  userIds: number[],
  actorId: number | null = null,
): Promise<Award[]> {
  const guardians = new Set(await activeGuardianIds());
  const candidates = userIds.filter((id) => guardians.has(id));
  const found = await qualifying(candidates);
  const sources = await loadEvidenceSources(found.map((a) => a.userId));
  const evaluatedOn = isoDay(todayUtc());
  const awards = found.map(({ userId, belt, result }) => ({
    userId,
    belt,
    evidence: { rule: withRecords(result, sources.get(userId)!), evaluatedOn },
  }));
  const awarded: Award[] = [];
  for (const a of awards) {
    const inserted = await db.$transaction(async (tx) => {
      const rows = await tx.$queryRaw<{ id: number }[]>`
        INSERT INTO "BeltAward" ("userId", belt, "awardedOn", evidence)
        VALUES (${a.userId}, ${a.belt}::"Belt", ${todayUtc()}, ${JSON.stringify(a.evidence)}::jsonb)
        ON CONFLICT ("userId", belt) WHERE "revokedAt" IS NULL DO NOTHING
        RETURNING id`;
      if (rows.length === 0) return false;
      await audit(tx, {
        actorId,
        action: "award",
        entity: "BeltAward",
        entityId: rows[0].id,
        after: { userId: a.userId, belt: a.belt, evidence: a.evidence },
      });
      await noticeAwarded(tx, { id: rows[0].id, userId: a.userId, belt: a.belt });
      return true;
    });
    if (inserted) awarded.push({ userId: a.userId, belt: a.belt });
  }
  return awarded;
}

export async function reevaluateEveryone(actor: SessionActor): Promise<Award[]> {
  if (!can(actor, "belt.manage")) throw new PermissionError();
  return reevaluateBelts(await activeGuardianIds(), actor.id);
}

/** A lead revokes a belt with a reason; the award stays in the history. */
export async function revokeBelt(actor: SessionActor, awardId: number, reason: string) {
  if (!can(actor, "belt.manage")) throw new PermissionError();
  return db.$transaction(async (tx) => {
    const before = await tx.beltAward.findUnique({ where: { id: awardId } });
    if (!before) throw new NotFoundError("belt award");
    if (before.revokedAt) throw new DomainError("That belt was already revoked.");
    const after = await tx.beltAward.update({
      where: { id: awardId },
      data: { revokedAt: new Date(), revokedById: actor.id, revokeReason: reason },
    });
    await audit(tx, {
      actorId: actor.id,
      action: "revoke",
      entity: "BeltAward",
      entityId: awardId,
      before,
      after,
    });
    await noticeRevoked(tx, actor, after);
    return after;
  });
}
