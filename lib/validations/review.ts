import { z } from "zod";
import { closingMessage, closingProblem } from "@/lib/findings/closing";
import { isoDay } from "@/lib/period";
import { FINDING_STATUS, REVIEW_OUTCOME, SEVERITY } from "@/lib/vocabulary";
import { isQuarterHourStep } from "@/lib/hours";
import { formNumber, optionalDay as windowDay, recordId } from "./fields";

const id = (what: string) => recordId(`Choose a ${what}`);
const optionalDay = windowDay();
/** Dates are compared as "YYYY-MM-DD" text against the server's UTC today. */
export const notFuture = (d: string | undefined) => !d || d <= isoDay(new Date());
/** A team typed by name or key (suggested from a list), resolved on the server within the caller's scope. */
export const teamField = z
  .string({ error: "Choose a team" })
  .trim()
  .min(1, "Choose a team")
  .max(200, "Choose a team from the list");

export const requestReviewSchema = z.object({
  team: teamField,
  service: z
    .string()
    .trim()
    .min(2, "Name the service or feature")
    .max(200, "Keep the name under 200 characters"),
  requestedOn: optionalDay.refine(notFuture, "The request date cannot be in the future"),
});

/** Starting assigns a security engineer: the one chosen, or the caller when they are one. */
export const startReviewSchema = z.object({
  reviewId: id("review"),
  securityEngineerId: z.preprocess(
    (v) => (v === "" ? undefined : v),
    id("security engineer").optional(),
  ),
});

export const participantSchema = z.object({
  reviewId: id("review"),
  email: z.string().trim().toLowerCase().pipe(z.email("Enter the participant's email")),
  effortHours: z.preprocess(
    (v) => (v === "" ? undefined : v),
    formNumber(
      z
        .number("Enter hours as a number")
        .min(0, "Hours cannot be negative")
        .max(500, "That is a lot of hours")
        .refine((h) => isQuarterHourStep(h), "Use quarter-hour steps"),
    ).optional(),
  ),
});

export const findingSchema = z.object({
  reviewId: id("review"),
  title: z
    .string()
    .trim()
    .min(3, "Describe the finding in a few words")
    .max(300, "Keep the title under 300 characters"),
  severity: z.enum(SEVERITY.values, "Choose a severity"),
  openedOn: optionalDay.refine(notFuture, "The opening date cannot be in the future"),
});

const findingStatusFields = z.object({
  findingId: id("finding"),
  status: z.enum(FINDING_STATUS.values, "Choose a status"),
  closedOn: optionalDay,
});

/**
 * The form's post: a closed finding needs its closing date (not in the future); an open one has
 * none (lib/findings/closing.ts; the service also checks it against the opening date).
 */
export const findingStatusSchema = findingStatusFields
  .extend({ reviewId: id("review") })
  .superRefine((v, ctx) => {
    const problem = closingProblem(v.status, v.closedOn);
    if (problem)
      ctx.addIssue({ code: "custom", message: closingMessage(problem), path: ["closedOn"] });
  })
  .refine((v) => notFuture(v.closedOn), {
    message: "The closing date cannot be in the future",
    path: ["closedOn"],
  });

export const completeReviewSchema = z.object({
  reviewId: id("review"),
  outcome: z.enum(REVIEW_OUTCOME.values, "Choose the outcome"),
  completedOn: optionalDay,
});

export const checklistSchema = z.object({
  itemId: id("checklist item"),
  done: z.preprocess((v) => v === "true" || v === "on" || v === true, z.boolean()),
});

export const ratingSchema = z
  .object({
    reviewId: id("review").optional(),
    threatModelId: id("threat model").optional(),
    guardianId: id("guardian"),
    rating: formNumber(
      z
        .int("Choose a rating from 1 to 5")
        .min(1, "Choose a rating from 1 to 5")
        .max(5, "Choose a rating from 1 to 5"),
    ),
    comment: z
      .string()
      .trim()
      .max(1000, "Keep the comment under 1,000 characters")
      .optional()
      .transform((v) => v || null),
  })
  .refine((v) => (v.reviewId ? 1 : 0) + (v.threatModelId ? 1 : 0) === 1, {
    message: "Rate input to one review or one threat model",
    path: ["reviewId"],
  });

export type RequestReviewInput = z.infer<typeof requestReviewSchema>;
export type ParticipantInput = z.infer<typeof participantSchema>;
export type FindingInput = z.infer<typeof findingSchema>;
export type FindingStatusInput = z.infer<typeof findingStatusFields>;
export type StartReviewInput = z.infer<typeof startReviewSchema>;
export type CompleteReviewInput = z.infer<typeof completeReviewSchema>;
export type RatingInput = z.infer<typeof ratingSchema>;
