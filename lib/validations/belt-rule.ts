import { z } from "zod";
import { EVENT_KIND } from "@/lib/vocabulary";

// One condition of a belt rule. Rules are data the lead edits; the evaluator lives in lib/belts.
export const beltConditionSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("course"), courseKey: z.string().min(1, "Choose a course") }),
  z.object({ type: z.literal("required-courses") }),
  z.object({
    type: z.literal("reviews"),
    min: z.int().min(1).max(1000),
    // Only reviews completed in the last `windowDays` days count; absent = all time.
    windowDays: z.int().min(1).max(3650).optional(),
  }),
  z.object({ type: z.literal("threat-models"), min: z.int().min(1).max(1000) }),
  z.object({
    type: z.literal("hours"),
    min: z.number().positive().max(100000),
    // Only hours logged in the last `windowDays` days count; absent = all time.
    windowDays: z.int().min(1).max(3650).optional(),
  }),
  z.object({
    type: z.literal("feedback-average"),
    min: z.number().min(1).max(5),
    minRatings: z.int().min(1).max(1000).default(3),
  }),
  z.object({ type: z.literal("mentoring"), min: z.int().min(1).max(100) }),
  z.object({ type: z.literal("previous-belt") }),
  z.object({
    type: z.literal("events"),
    min: z.int().min(1).max(100),
    // Only events of this kind count; absent = any kind (docs/events.md).
    kind: z.enum(EVENT_KIND.values).optional(),
    // Only events attended in the last `windowMonths` months count; absent = all time.
    windowMonths: z.int().min(1).max(120).optional(),
  }),
]);

export const beltRuleSchema = z.object({
  conditions: z.array(beltConditionSchema).max(20, "At most 20 conditions per belt"),
});

export const beltConditionsSchema = z
  .array(beltConditionSchema)
  .max(20, "At most 20 conditions per belt");

/** How long an award stays valid and what renews it (empty: meeting the belt's rule again). */
export const validityMonthsSchema = z
  .int("Validity is a whole number of months")
  .min(2, "A validity shorter than 2 months leaves no time to renew")
  .max(120, "A validity is at most 120 months");

export const beltValiditySchema = z.object({
  validityMonths: validityMonthsSchema.nullable(),
  renewal: beltConditionsSchema,
});

export type BeltCondition = z.infer<typeof beltConditionSchema>;
export type BeltRuleInput = z.infer<typeof beltRuleSchema>;
export type BeltValidity = z.infer<typeof beltValiditySchema>;
