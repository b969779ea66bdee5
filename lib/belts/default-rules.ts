import type { BeltCondition } from "@/lib/validations/belt-rule";

import type { Belt } from "@/lib/vocabulary";

/** A belt's name: the schema's Belt (their order is lib/vocabulary's BELT.values). */
export type BeltName = Belt;

const ONBOARDING_COURSE_KEY = "guardian-onboarding";

// The rules the program ships with; leads edit them in the app (/belts).
export const DEFAULT_BELT_RULES: Record<BeltName, BeltCondition[]> = {
  WHITE: [],
  YELLOW: [
    { type: "previous-belt" },
    { type: "course", courseKey: ONBOARDING_COURSE_KEY },
    { type: "reviews", min: 2 },
  ],
  GREEN: [
    { type: "previous-belt" },
    { type: "required-courses" },
    { type: "reviews", min: 5 },
    { type: "threat-models", min: 2 },
    { type: "hours", min: 40 },
  ],
  BLACK: [
    { type: "previous-belt" },
    { type: "reviews", min: 10 },
    { type: "mentoring", min: 1 },
    { type: "feedback-average", min: 4, minRatings: 3 },
  ],
};
