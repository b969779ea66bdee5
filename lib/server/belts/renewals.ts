import "server-only";
import { db } from "@/lib/db/client";
import type { BeltName } from "@/lib/belts/default-rules";
import { renewalChecks, type BeltValidities } from "@/lib/belts/renewal";
import { beltRenewed } from "@/lib/notifications/messages";
import { audit } from "@/lib/server/audit";
import { notify } from "@/lib/server/notifications/notify";
import { isoDay, todayUtc } from "@/lib/period";
import { loadBeltFacts, loadRules } from "./facts";

const CHUNK = 500;

export type Renewal = {
  userId: number;
  belt: BeltName;
  renewsId: number;
  expiresOn: Date | null;
  evidence: unknown;
};

/** The renewals due on `today`: belts in their renewal window (or lapsed) whose conditions are met. */
export async function dueRenewals(
  userIds: number[],
  validities: BeltValidities,
  today = todayUtc(),
): Promise<Renewal[]> {
  const rules = await loadRules();
  const out: Renewal[] = [];
  for (let i = 0; i < userIds.length; i += CHUNK) {
    const facts = await loadBeltFacts(userIds.slice(i, i + CHUNK), db, today);
    for (const [userId, f] of facts) {
      for (const check of renewalChecks(rules, validities, f, today)) {
        if (!check.result.met) continue;
        out.push({
          userId,
          belt: check.belt,
          renewsId: check.latest.id,
          expiresOn: check.expiresOn,
          evidence: {
            renews: check.latest.id,
            rule: check.result.conditions.map((c) => ({
              label: c.label,
              current: c.current,
              required: c.required,
            })),
            evaluatedOn: isoDay(today),
          },
        });
      }
    }
  }
  return out;
}

/**
 * Records one renewal as a new period (the old one stays as it was, in the history) and tells
 * the guardian. False when a concurrent run renewed it already today.
 */
export async function recordRenewal(
  r: Renewal,
  actorId: number | null,
  today = todayUtc(),
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: number }[]>`
      INSERT INTO "BeltAward" ("userId", belt, "awardedOn", "expiresOn", renewal, evidence)
      VALUES (${r.userId}, ${r.belt}::"Belt", ${today}, ${r.expiresOn}::date, true,
        ${JSON.stringify(r.evidence)}::jsonb)
      ON CONFLICT ("userId", belt, "awardedOn") WHERE "revokedAt" IS NULL DO NOTHING
      RETURNING id`;
    if (rows.length === 0) return false;
    await audit(tx, {
      actorId,
      action: "renew",
      entity: "BeltAward",
      entityId: rows[0].id,
      after: { userId: r.userId, belt: r.belt, expiresOn: r.expiresOn, evidence: r.evidence },
    });
    await notify(tx, {
      kind: "BELT_RENEWED",
      userIds: [r.userId],
      ...beltRenewed({ belt: r.belt, expiresOn: r.expiresOn }),
      link: `/people/${r.userId}`,
      eventKey: `belt-award:${rows[0].id}`,
    });
    return true;
  });
}
