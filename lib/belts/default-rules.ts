import type { BeltCondition } from "@/lib/validations/belt-rule";

export const BELT_ORDER = ["WHITE", "YELLOW", "GREEN", "BLACK"] as const;
export type BeltName = (typeof BELT_ORDER)[number];

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
