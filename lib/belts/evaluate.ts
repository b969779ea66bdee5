import type { BeltCondition } from "@/lib/validations/belt-rule";
import { toHours } from "@/lib/hours";
import { BELT, EVENT_KIND, type EventKind } from "@/lib/vocabulary";
import { addMonthsClamped } from "./validity";
import type { BeltName } from "./default-rules";

// Belt rules are data; this evaluates them over one person's facts. Pure: no database.
export type BeltFacts = {
  completedCourses: Set<string>;
  requiredCourses: string[];
  /** Completed reviews the person took part in. */
  reviews: number;
  /** The days those reviews were completed (for a condition with a window). */
  reviewDates?: Date[];
  /** Approved threat models the person co-authored. */
  threatModels: number;
  /** Logged entries: date (UTC day) and quarter-hours. */
  hours: { date: Date; quarterHours: number }[];
  ratings: number[];
  mentees: number;
  heldBelts: Set<BeltName>;
  /** Events attended (not cancelled): the UTC day each started and its kind. */
  events?: { date: Date; kind: EventKind }[];
};

export type ConditionResult = {
  condition: BeltCondition;
  label: string;
  current: number;
  required: number;
  met: boolean;
};
export type RuleResult = { belt: BeltName; met: boolean; conditions: ConditionResult[] };

const DAY = 86_400_000;

/** Whether `date` falls in the last `windowDays` days up to `today` (any day when no window). */
const inWindow = (date: Date, windowDays: number | undefined, today: Date) =>
  date.getTime() > (windowDays ? today.getTime() - windowDays * DAY : -Infinity) &&
  date.getTime() <= today.getTime();

function hoursIn(facts: BeltFacts, windowDays: number | undefined, today: Date): number {
  return toHours(
    facts.hours
      .filter((h) => inWindow(h.date, windowDays, today))
      .reduce((s, h) => s + h.quarterHours, 0),
  );
}

function reviewsIn(facts: BeltFacts, windowDays: number | undefined, today: Date): number {
  if (!windowDays) return facts.reviews;
  return (facts.reviewDates ?? []).filter((d) => inWindow(d, windowDays, today)).length;
}

/** Events attended of `kind` (any when absent) in the last `months` months up to `today`. */
function eventsIn(
  facts: BeltFacts,
  kind: EventKind | undefined,
  months: number | undefined,
  today: Date,
) {
  const from = months ? addMonthsClamped(today, -months).getTime() : -Infinity;
  return (facts.events ?? []).filter(
    (e) =>
      (!kind || e.kind === kind) && e.date.getTime() > from && e.date.getTime() <= today.getTime(),
  ).length;
}

/** "Attend game days in the last 12 months", "Attend events". */
function eventsLabel(kind: EventKind | undefined, months: number | undefined) {
  const what = kind
    ? `${EVENT_KIND.label(kind).toLowerCase()}s`
    : "workshops, game days or contests";
  return `Attend ${what}${months ? ` in the last ${months} months` : ""}`;
}

export function evaluateCondition(
  condition: BeltCondition,
  facts: BeltFacts,
  belt: BeltName,
  today: Date,
  courseTitles: Record<string, string> = {},
): ConditionResult {
  const result = (label: string, current: number, required: number) => ({
    condition,
    label,
    current,
    required,
    met: current >= required,
  });
  switch (condition.type) {
    case "course":
      return result(
        `Complete “${courseTitles[condition.courseKey] ?? condition.courseKey}”`,
        facts.completedCourses.has(condition.courseKey) ? 1 : 0,
        1,
      );
    case "required-courses": {
      const done = facts.requiredCourses.filter((c) => facts.completedCourses.has(c)).length;
      return result("Complete every required course", done, facts.requiredCourses.length);
    }
    case "reviews":
      return result(
        condition.windowDays
          ? `Take part in security reviews in the last ${condition.windowDays} days`
          : "Take part in security reviews",
        reviewsIn(facts, condition.windowDays, today),
        condition.min,
      );
    case "threat-models":
      return result("Co-author approved threat models", facts.threatModels, condition.min);
    case "hours":
      return result(
        condition.windowDays
          ? `Log security hours in the last ${condition.windowDays} days`
          : "Log security hours",
        hoursIn(facts, condition.windowDays, today),
        condition.min,
      );
    case "feedback-average": {
      const n = facts.ratings.length;
      const avg = n ? facts.ratings.reduce((a, b) => a + b, 0) / n : 0;
      // Too few ratings cannot meet the rule, whatever their average.
      const met = n >= condition.minRatings && avg >= condition.min;
      return {
        condition,
        label: `Average feedback of at least ${condition.min} over ${condition.minRatings}+ ratings`,
        current: Math.round(avg * 100) / 100,
        required: condition.min,
        met,
      };
    }
    case "mentoring":
      return result("Mentor other guardians", facts.mentees, condition.min);
    case "events":
      return result(
        eventsLabel(condition.kind, condition.windowMonths),
        eventsIn(facts, condition.kind, condition.windowMonths, today),
        condition.min,
      );
    case "previous-belt": {
      const previous = BELT.values[BELT.rank(belt) - 1];
      if (!previous) return result("No earlier belt needed", 1, 1);
      return {
        ...result(
          `Hold the ${BELT.label(previous)} belt`,
          facts.heldBelts.has(previous) ? 1 : 0,
          1,
        ),
      };
    }
  }
}

export function evaluateRule(
  belt: BeltName,
  conditions: BeltCondition[],
  facts: BeltFacts,
  today: Date,
  courseTitles?: Record<string, string>,
): RuleResult {
  const results = conditions.map((c) => evaluateCondition(c, facts, belt, today, courseTitles));
  return { belt, met: results.every((r) => r.met), conditions: results };
}

/**
 * Belts a person newly qualifies for, in order. Awarding a lower belt can satisfy the next
 * one's "previous belt" condition, so the ladder is walked with the growing set of held belts.
 */
export function beltsToAward(
  rules: Record<BeltName, BeltCondition[]>,
  facts: BeltFacts,
  today: Date,
): RuleResult[] {
  const held = new Set(facts.heldBelts);
  const awards: RuleResult[] = [];
  for (const belt of BELT.values) {
    if (held.has(belt)) continue;
    const result = evaluateRule(belt, rules[belt], { ...facts, heldBelts: held }, today);
    if (!result.met) continue;
    awards.push(result);
    held.add(belt);
  }
  return awards;
}

/** The lowest belt not yet held, with each condition's progress; null when every belt is held. */
export function nextBelt(
  rules: Record<BeltName, BeltCondition[]>,
  facts: BeltFacts,
  today: Date,
  courseTitles?: Record<string, string>,
): RuleResult | null {
  const belt = BELT.values.find((b) => !facts.heldBelts.has(b));
  return belt ? evaluateRule(belt, rules[belt], facts, today, courseTitles) : null;
}
