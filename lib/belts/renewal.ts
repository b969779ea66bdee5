import type { BeltCondition, BeltValidity } from "@/lib/validations/belt-rule";
import { BELT } from "@/lib/vocabulary";
import type { BeltName } from "./default-rules";
import { evaluateRule, type BeltFacts, type RuleResult } from "./evaluate";
import { canRenew, latestPeriod, renewedExpiry, type BeltPeriod } from "./validity";

// Renewing belts that expire. Pure: the server loads the facts and writes the renewals.

/** A belt rule whole: its conditions, and how long an award lasts and what renews it. */
export type BeltRules = Record<BeltName, BeltCondition[]>;
export type BeltValidities = Record<BeltName, BeltValidity>;

export const NO_EXPIRY: BeltValidity = { validityMonths: null, renewal: [] };

/** What renews a belt: its renewal conditions, or its own rule again when it names none. */
function renewalConditions(conditions: BeltCondition[], validity: BeltValidity) {
  return validity.renewal.length > 0 ? validity.renewal : conditions;
}

type RenewalCheck<P extends BeltPeriod = BeltPeriod> = {
  belt: BeltName;
  latest: P;
  result: RuleResult;
  /** The renewed period's expiry (null: the belt no longer expires). */
  expiresOn: Date | null;
};

/**
 * The belts a person may renew on `today` (window open or lapsed, not revoked), each with the
 * renewal conditions evaluated; `result.met` says whether it renews.
 */
export function renewalChecks<P extends BeltPeriod>(
  rules: BeltRules,
  validities: BeltValidities,
  facts: BeltFacts & { periods: P[]; revoked: Set<BeltName> },
  today: Date,
): RenewalCheck<P>[] {
  const out: RenewalCheck<P>[] = [];
  for (const belt of BELT.values) {
    if (facts.revoked.has(belt)) continue;
    const latest = latestPeriod(facts.periods, belt);
    if (!latest || !canRenew(latest, today)) continue;
    const validity = validities[belt];
    const result = evaluateRule(belt, renewalConditions(rules[belt], validity), facts, today);
    const months = validity.validityMonths;
    out.push({
      belt,
      latest,
      result,
      expiresOn: months == null ? null : renewedExpiry(latest, today, months),
    });
  }
  return out;
}
