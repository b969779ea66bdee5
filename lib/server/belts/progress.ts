import "server-only";
import { db } from "@/lib/db/client";
import { nextBelt } from "@/lib/belts/evaluate";
import { loadBeltFacts, loadRules } from "./facts";

/** The next belt a person can earn, with each condition's current and required value. */
export async function beltProgress(userId: number, today = new Date()) {
  const [rules, facts, courses] = await Promise.all([
    loadRules(),
    loadBeltFacts([userId]),
    db.course.findMany({ select: { key: true, title: true } }),
  ]);
  const personal = facts.get(userId);
  if (!personal) return null;
  return nextBelt(rules, personal, today, Object.fromEntries(courses.map((c) => [c.key, c.title])));
}
