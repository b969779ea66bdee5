import { z } from "zod";
import { isQuarterHourStep } from "@/lib/hours";
import { WORKING_HOURS_PER_MONTH } from "@/lib/agreed-time/rules";
import { formNumber, recordId } from "./fields";

/** The months an agreement may start from: from January 2000 to twelve months ahead. */
const EARLIEST_MONTH = "2000-01";
export function latestAgreementMonth(now = new Date()): string {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 12, 1))
    .toISOString()
    .slice(0, 7);
}

const MONTH = "Enter the month it starts from, like 2026-12";
const HOURS = "Enter the hours a month as a number, e.g. 8";
const SHARE = "Enter the share of working time as a whole number, e.g. 10";

const hours = z
  .number(HOURS)
  .min(0, "Hours cannot be negative")
  // At most all of a month's working time.
  .max(WORKING_HOURS_PER_MONTH, `A month has at most ${WORKING_HOURS_PER_MONTH} working hours`)
  .refine(isQuarterHourStep, "Use quarter-hour steps: 0.25, 0.5, 0.75…");
const share = z
  .int(SHARE)
  .min(1, "The share must be at least 1 %")
  .max(100, "The share cannot be more than 100 %");
const blank = (v: unknown) => (v === "" ? undefined : v);

/**
 * A guardian's manager or a program lead records the time agreed from a month on: hours a month
 * (0–160; 0 ends an agreement) or a share of working time (1–100 %), converted to hours.
 */
export const timeAgreementSchema = z
  .object({
    userId: recordId("Choose the guardian"),
    effectiveFrom: z
      .string(MONTH)
      .regex(/^\d{4}-(0[1-9]|1[0-2])$/, MONTH)
      .refine((m) => m >= EARLIEST_MONTH, {
        message: `Enter a month from ${EARLIEST_MONTH} on`,
        abort: true,
      })
      .refine((m) => m <= latestAgreementMonth(), "Agree time at most twelve months ahead"),
    basis: z.enum(["hours", "share"], "Choose hours or a share of working time"),
    hours: z.preprocess(blank, formNumber(hours).optional()),
    sharePercent: z.preprocess(blank, formNumber(share).optional()),
    note: z
      .string()
      .trim()
      .max(500, "Keep the note under 500 characters")
      .optional()
      .transform((v) => (v ? v : null)),
  })
  .superRefine((v, ctx) => {
    if (v.basis === "hours" && v.hours === undefined)
      ctx.addIssue({ code: "custom", path: ["hours"], message: HOURS });
    if (v.basis === "share" && v.sharePercent === undefined)
      ctx.addIssue({ code: "custom", path: ["sharePercent"], message: SHARE });
  });
export type TimeAgreementInput = z.infer<typeof timeAgreementSchema>;
