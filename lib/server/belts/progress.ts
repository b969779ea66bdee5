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
 * The next belt a person can earn, with each condition's current and required value. A lapsed
 * belt is renewed rather than earned again (beltRenewals), so the ladder goes on above it.
 */
export async function beltProgress(userId: number, today = new Date()) {
  const [rules, facts, titles] = await Promise.all([
    loadRules(),
    loadBeltFacts([userId]),
    courseTitles(),
  ]);
  const personal = facts.get(userId);
  if (!personal) return null;
  const passed = new Set([...personal.heldBelts, ...personal.lapsed]);
  return nextBelt(rules, { ...personal, heldBelts: passed }, today, titles);
}

/** The belts a person may renew now (window open or lapsed), each with its conditions' progress. */
export async function beltRenewals(userId: number, today = todayUtc()) {
  const [rules, validities, facts] = await Promise.all([
    loadRules(),
    loadValidities(),
    loadBeltFacts([userId], db, today),
  ]);
  const personal = facts.get(userId);
  if (!personal) return [];
  return renewalChecks(rules, validities, personal, today).map((c) => ({
    belt: c.belt,
    expiresOn: c.latest.expiresOn ?? null,
    lapsed: !personal.heldBelts.has(c.belt),
    result: c.result,
  }));
}
