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
import { expiryDate } from "@/lib/belts/validity";
import type { BeltValidities } from "@/lib/belts/renewal";
import { loadEvidenceSources } from "./evidence";
import { activeGuardianIds, loadBeltFacts, loadRules, loadValidities } from "./facts";
import { noticeAwarded, noticeRevoked } from "./notices";
import { dueRenewals, recordRenewal, type Renewal } from "./renewals";
import { isoDay, todayUtc } from "@/lib/period";

const CHUNK = 500;

export type Award = { userId: number; belt: BeltName; renewal?: boolean };

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
      // A belt a lead revoked is not handed back automatically; a lapsed one is renewed.
      for (const result of beltsToAward(inForce, f, today)) {
        if (f.revoked.has(result.belt) || f.lapsed.has(result.belt)) break;
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
 * Re-evaluates people (active guardians among them): records new belts with their evidence
 * (each condition's figure and the records behind it, lib/belts/evidence.ts), then renews the
 * belts whose renewal conditions they meet (lib/belts/renewal.ts). Idempotent: a live first award
 * per person and belt, and a live row per person, belt and day, are unique, so concurrent runs
 * write once.
 */
export async function reevaluateBelts(
  userIds: number[],
  actorId: number | null = null,
): Promise<Award[]> {
  const guardians = new Set(await activeGuardianIds());
  const candidates = userIds.filter((id) => guardians.has(id));
  const validities = await loadValidities();
  const found = await qualifying(candidates);
  const sources = await loadEvidenceSources(found.map((a) => a.userId));
  const evaluatedOn = isoDay(todayUtc());
  const awards = found.map(({ userId, belt, result }) => ({
    userId,
    belt,
    evidence: { rule: withRecords(result, sources.get(userId)!), evaluatedOn },
  }));
  const awarded = await awardBelts(awards, validities, actorId);
  const renewals: Renewal[] = await dueRenewals(candidates, validities);
  for (const r of renewals) {
    if (await recordRenewal(r, actorId))
      awarded.push({ userId: r.userId, belt: r.belt, renewal: true });
  }
  return awarded;
}

async function awardBelts(
  awards: (Award & { evidence: unknown })[],
  validities: BeltValidities,
  actorId: number | null,
): Promise<Award[]> {
  const awarded: Award[] = [];
  const today = todayUtc();
  for (const a of awards) {
    const expiresOn = expiryDate(today, validities[a.belt].validityMonths);
    const inserted = await db.$transaction(async (tx) => {
      const rows = await tx.$queryRaw<{ id: number }[]>`
        INSERT INTO "BeltAward" ("userId", belt, "awardedOn", "expiresOn", evidence)
        VALUES (${a.userId}, ${a.belt}::"Belt", ${today}, ${expiresOn}::date,
          ${JSON.stringify(a.evidence)}::jsonb)
        ON CONFLICT ("userId", belt) WHERE "revokedAt" IS NULL AND NOT renewal DO NOTHING
        RETURNING id`;
      if (rows.length === 0) return false;
      await audit(tx, {
        actorId,
        action: "award",
        entity: "BeltAward",
        entityId: rows[0].id,
        after: { userId: a.userId, belt: a.belt, expiresOn, evidence: a.evidence },
      });
      await noticeAwarded(tx, { id: rows[0].id, userId: a.userId, belt: a.belt });
      return true;
    });
    if (inserted) awarded.push({ userId: a.userId, belt: a.belt });
  }
  return awarded;
}

/**
 * A guardian asks for their own belts to be checked now (after logging the hours a renewal
 * needs, say) rather than at the next daily run. It only applies the rules.
 */
export async function checkOwnBelts(actor: SessionActor): Promise<Award[]> {
  if (!can(actor, "training.complete", { userId: actor.id })) throw new PermissionError();
  return reevaluateBelts([actor.id], actor.id);
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
    const revoked = { revokedAt: new Date(), revokedById: actor.id, revokeReason: reason };
    const after = await tx.beltAward.update({ where: { id: awardId }, data: revoked });
    // A renewal overlaps the period it renews: every period of the belt still in force goes.
    await tx.beltAward.updateMany({
      where: {
        userId: before.userId,
        belt: before.belt,
        revokedAt: null,
        OR: [{ expiresOn: null }, { expiresOn: { gt: todayUtc() } }],
      },
      data: revoked,
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
