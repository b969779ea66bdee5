import { z } from "zod";
import { isQuarterHourStep } from "@/lib/hours";
import { day, formNumber, recordId } from "./fields";

const optionalUrl = z.preprocess(
  (v) => (typeof v === "string" && v.trim() === "" ? null : v),
  z
    .string()
    .trim()
    .max(500)
    .pipe(z.url({ protocol: /^https?$/, error: "Enter a web address starting with https://" }))
    .nullable(),
);

export const courseSchema = z.object({
  title: z
    .string()
    .trim()
    .min(3, "Give the course a title")
    .max(160, "Keep the title under 160 characters"),
  required: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
  hours: formNumber(
    z
      .number("Enter the hours as a number")
      .min(0, "Hours cannot be negative")
      .max(500, "That is a very long course")
      .refine((h) => isQuarterHourStep(h), "Use quarter-hour steps"),
  ),
  description: z
    .string()
    .trim()
    .max(2000, "Keep the description under 2,000 characters")
    .optional()
    .transform((v) => v || null),
  link: optionalUrl.optional().transform((v) => v ?? null),
});

export const completionSchema = z.object({
  courseId: recordId("Choose a course"),
  completedOn: day(),
  evidenceUrl: optionalUrl.optional().transform((v) => v ?? null),
  // A lead may record a completion for someone else.
  email: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z.string().trim().toLowerCase().pipe(z.email("Enter a valid email")).optional(),
  ),
});

export const courseStatusSchema = z.object({
  id: recordId("Choose a course"),
  change: z.enum(["retire", "reactivate"], "Choose retire or reactivate"),
});

export type CourseInput = z.infer<typeof courseSchema>;
export type CompletionInput = z.infer<typeof completionSchema>;
export type CourseStatusInput = z.infer<typeof courseStatusSchema>;
