import { z } from "zod";
import { ACTIVITY_TYPE } from "@/lib/vocabulary";
import { isQuarterHourStep } from "@/lib/hours";
import { day, formNumber } from "./fields";

/** "review:12" or "threat-model:5"; empty for no link. */
const linkSchema = z
  .string()
  .trim()
  .transform((v, ctx) => {
    if (v === "") return null;
    const m = /^(review|threat-model):(\d{1,9})$/.exec(v);
    if (!m) {
      ctx.addIssue({ code: "custom", message: "Choose a review or threat model from the list" });
      return z.NEVER;
    }
    return { kind: m[1] as "review" | "threat-model", id: Number(m[2]) };
  });

const HOURS = "Enter the hours as a number, e.g. 1.5";
const hours = z
  .number(HOURS)
  .refine((h) => h > 0, "Hours must be more than 0")
  .refine((h) => h <= 24, "A day has at most 24 hours")
  .refine((h) => isQuarterHourStep(h), "Use quarter-hour steps: 0.25, 0.5, 0.75…");

export const activitySchema = z.object({
  date: day(),
  hours: formNumber(hours),
  type: z.enum(ACTIVITY_TYPE.values, "Choose what kind of work it was"),
  link: linkSchema.prefault(""),
  note: z
    .string()
    .trim()
    .max(500, "Keep the note under 500 characters")
    .optional()
    .transform((v) => (v ? v : null)),
});

export const newActivitySchema = activitySchema.extend({
  idempotencyKey: z.uuid("Reload the page and try again"),
});

/** The JSON API's body: the same fields, with the hours a JSON number (never "1.5" or true). */
export const activityRequestSchema = newActivitySchema.extend({ hours });

export type ActivityInput = z.infer<typeof activitySchema>;
export type NewActivityInput = z.infer<typeof newActivitySchema>;
