import type { BeltCondition, BeltValidity } from "@/lib/validations/belt-rule";
import type { BeltName } from "./default-rules";
import type { BeltFacts } from "./evaluate";
import { renewalChecks, type BeltRules, type BeltValidities } from "./renewal";
import { isHeldOn, latestPeriod, redatedExpiry, type BeltPeriod } from "./validity";

// What a change of a belt's validity or renewal conditions would do to its holders (the preview
// a lead sees before saving). Pure: the server loads the facts.

export type ValidityEffect =
  | { kind: "renews"; expiresOn: Date | null }
  | { kind: "expires"; expiresOn: Date }
  | { kind: "no-longer-expires" };

type Facts = BeltFacts & { periods: BeltPeriod[]; revoked: Set<BeltName> };

/** One holder's outcome under the new rule on `today`, or null when nothing changes for them. */
export function validityEffect(
  belt: BeltName,
  rules: BeltRules,
  validities: BeltValidities,
  next: { conditions: BeltCondition[]; validity: BeltValidity },
  facts: Facts,
  today: Date,
): ValidityEffect | null {
  if (facts.revoked.has(belt)) return null;
  const latest = latestPeriod(facts.periods, belt);
  if (!latest) return null;
  const held = isHeldOn(latest, today);
  const changed = validities[belt].validityMonths !== next.validity.validityMonths;
  const period =
    held && changed
      ? {
          ...latest,
          expiresOn: redatedExpiry(latest.awardedOn, next.validity.validityMonths, today),
        }
      : latest;
  const periods = facts.periods.map((p) => (p === latest ? period : p));
  const [check] = renewalChecks(
    { ...rules, [belt]: next.conditions },
    { ...validities, [belt]: next.validity },
    { ...facts, periods },
    today,
  ).filter((c) => c.belt === belt);
  if (check?.result.met) return { kind: "renews", expiresOn: check.expiresOn };
  if (!held || period.expiresOn?.getTime() === latest.expiresOn?.getTime()) return null;
  return period.expiresOn
    ? { kind: "expires", expiresOn: period.expiresOn }
    : { kind: "no-longer-expires" };
}
