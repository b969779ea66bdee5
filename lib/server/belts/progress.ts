import "server-only";
import { db } from "@/lib/db/client";
import { nextBelt } from "@/lib/belts/evaluate";
import { renewalChecks } from "@/lib/belts/renewal";
import { todayUtc } from "@/lib/period";
import { loadBeltFacts, loadRules, loadValidities } from "./facts";

const courseTitles = async () =>
  Object.fromEntries(
    (await db.course.findMany({ select: { key: true, title: true } })).map((c) => [c.key, c.title]),
  );

/**
 * What a person's belts look like today, from one read of their facts:
 * - `progress`: the next belt they can earn, with each condition's current and required value.
 *   A lapsed belt is renewed rather than earned again, so the ladder goes on above it;
 * - `renewals`: the belts they may renew now (window open or lapsed), each with its conditions'
 *   progress.
 */
export async function beltOutlook(userId: number, today = todayUtc(), now = new Date()) {
  const [rules, validities, facts, titles] = await Promise.all([
    loadRules(),
    loadValidities(),
    loadBeltFacts([userId], db, today),
    courseTitles(),
  ]);
  const personal = facts.get(userId);
  if (!personal) return { progress: null, renewals: [] };
  const passed = new Set([...personal.heldBelts, ...personal.lapsed]);
  return {
    progress: nextBelt(rules, { ...personal, heldBelts: passed }, now, titles),
    renewals: renewalChecks(rules, validities, personal, today).map((c) => ({
      belt: c.belt,
      expiresOn: c.latest.expiresOn ?? null,
      lapsed: !personal.heldBelts.has(c.belt),
      result: c.result,
    })),
  };
}
