import { z } from "zod";
import { isoDate, quarter } from "@/lib/url-state/params";

/** The statement page's period: a quarter, or a first and last day (malformed values are ignored). */
export const statementPeriodQuery = z.object({
  quarter: quarter(),
  from: isoDate(),
  to: isoDate(),
});

/** Whether the comments on a person's ratings appear in their impact statement. */
export const ratingCommentConsentSchema = z.object({
  share: z.enum(["yes", "no"], "Choose whether to share the comments."),
});
export type RatingCommentConsentInput = z.output<typeof ratingCommentConsentSchema>;
