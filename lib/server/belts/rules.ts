import "server-only";
import { can } from "@/lib/auth/permissions";
import type { SessionActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { BeltName } from "@/lib/belts/default-rules";
import { validityEffect, type ValidityEffect } from "@/lib/belts/rule-change";
import { addMonthsClamped, RENEWAL_WINDOW_MONTHS } from "@/lib/belts/validity";
import { todayUtc } from "@/lib/period";
import type { BeltCondition, BeltValidity } from "@/lib/validations/belt-rule";
import { audit } from "@/lib/server/audit";
import { PermissionError } from "@/lib/server/errors";
import { activeGuardianIds, loadBeltFacts, loadRules, loadValidities } from "./facts";
import { qualifyingAwards, reevaluateBelts, type Award } from "./service";

const CHUNK = 500;

export type Preview = {
  belt: BeltName;
  newlyQualifying: { userId: number; name: string; belt: BeltName }[];
  /** Holders whose belt would expire, renew, or stop expiring under the new validity. */
  holders: ({ userId: number; name: string } & ValidityEffect)[];
};

/** Who would newly earn a belt, and what happens to its holders, under a new rule (nothing is written). */
export async function previewRule(
  actor: SessionActor,
  belt: BeltName,
  conditions: BeltCondition[],
  nextValidity?: BeltValidity,
): Promise<Preview> {
  if (!can(actor, "belt.manage")) throw new PermissionError();
  const [rules, validities, ids] = await Promise.all([
    loadRules(),
    loadValidities(),
    activeGuardianIds(),
  ]);
  const validity = nextValidity ?? validities[belt];
  const awards = await qualifyingAwards(ids, { ...rules, [belt]: conditions });
  const today = todayUtc();
  const effects: ({ userId: number } & ValidityEffect)[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const facts = await loadBeltFacts(ids.slice(i, i + CHUNK), db, today);
    for (const [userId, f] of facts) {
      const effect = validityEffect(belt, rules, validities, { conditions, validity }, f, today);
      if (effect) effects.push({ userId, ...effect });
    }
  }
  const names = await db.user.findMany({
    where: { id: { in: [...awards, ...effects].map((a) => a.userId) } },
    select: { id: true, name: true },
  });
  const byId = new Map(names.map((n) => [n.id, n.name]));
  const named = <T extends { userId: number }>(rows: T[]) =>
    rows
      .map((r) => ({ ...r, name: byId.get(r.userId) ?? "?" }))
      .sort((a, b) => a.name.localeCompare(b.name));
  return {
    belt,
    newlyQualifying: named(awards.map((a) => ({ userId: a.userId, belt: a.belt }))),
    holders: named(effects),
  };
}

/**
 * Saves a belt's rule and re-evaluates every active guardian under it. A new validity re-dates
 * the current period of each holder (lib/belts/validity.ts `redatedExpiry`; expired periods stay
 * as they were), then the re-evaluation renews whoever meets the renewal conditions.
 */
export async function saveRule(
  actor: SessionActor,
  belt: BeltName,
  conditions: BeltCondition[],
  nextValidity?: BeltValidity,
): Promise<Award[]> {
  if (!can(actor, "belt.manage")) throw new PermissionError();
  const validity = nextValidity ?? (await loadValidities())[belt];
  const today = todayUtc();
  const floor = addMonthsClamped(today, RENEWAL_WINDOW_MONTHS);
  await db.$transaction(async (tx) => {
    const before = await tx.beltRule.findUnique({ where: { belt } });
    const data = { conditions, ...validity, updatedById: actor.id };
    const after = await tx.beltRule.upsert({
      where: { belt },
      create: { belt, ...data },
      update: data,
    });
    const months = validity.validityMonths;
    // PostgreSQL's `date + interval 'n months'` clamps to the month's end as addMonthsClamped does.
    const expiry =
      months == null
        ? Prisma.sql`NULL`
        : Prisma.sql`GREATEST((a."awardedOn" + make_interval(months => ${months}::int))::date, ${floor}::date)`;
    const redated =
      (before?.validityMonths ?? null) === months
        ? 0
        : await tx.$executeRaw`UPDATE "BeltAward" a SET "expiresOn" = ${expiry}
            WHERE a.belt = ${belt}::"Belt" AND a."revokedAt" IS NULL AND a."awardedOn" <= ${today}::date
              AND (a."expiresOn" IS NULL OR a."expiresOn" > ${today}::date)
              AND NOT EXISTS (SELECT 1 FROM "BeltAward" b WHERE b."userId" = a."userId"
                AND b.belt = a.belt AND b."revokedAt" IS NULL AND b."awardedOn" > a."awardedOn")`;
    await audit(tx, {
      actorId: actor.id,
      action: before ? "update" : "create",
      entity: "BeltRule",
      entityId: belt,
      before,
      after: { ...after, redatedPeriods: redated },
    });
  });
  return reevaluateBelts(await activeGuardianIds(), actor.id);
}
