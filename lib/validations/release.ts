import { z } from "zod";
import { day, optionalDay, recordId } from "./fields";
import { notFuture, teamField } from "./review";

const startedOn = day("Enter the start date like 2026-11-22").refine(
  notFuture,
  "The start date cannot be in the future",
);
const releasedOn = optionalDay().refine(notFuture, "The release date cannot be in the future");
const fields = {
  name: z.string().trim().min(2, "Name the feature").max(200, "Keep the name under 200 characters"),
  startedOn,
  releasedOn,
  // Empty: no linked review (on an edit, the link is removed).
  reviewKey: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z.string().trim().max(40, "Enter a review key like REV-000123").optional(),
  ),
};
const releasedAfterStart = (r: { startedOn: string; releasedOn?: string }) =>
  !r.releasedOn || r.releasedOn >= r.startedOn;
const releasedAfterStartError = {
  message: "A feature cannot be released before it started",
  path: ["releasedOn"],
};

export const releaseSchema = z
  .object({ team: teamField, ...fields })
  .refine(releasedAfterStart, releasedAfterStartError);

/** Fixing a release: its dates (marking it released), name and linked review; the team stays. */
export const releaseUpdateSchema = z
  .object({
    id: recordId("Choose a release"),
    ...fields,
  })
  .refine(releasedAfterStart, releasedAfterStartError);

export type ReleaseInput = z.infer<typeof releaseSchema>;
export type ReleaseUpdateInput = z.infer<typeof releaseUpdateSchema>;
