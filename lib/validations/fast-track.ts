import { z } from "zod";
import { BELT, TEAM_PROFILE } from "@/lib/vocabulary";
import { formNumber, recordId } from "./fields";
import { teamField } from "./review";

// The ownership fast track's inputs (docs/fast-track.md): the lead's policy, a guardian's
// checklist answers, a security engineer's spot check.

/** The checklist stays short: a guardian answers it on a phone. */
export const MAX_CHECKLIST_QUESTIONS = 8;

const yes = z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());
const blankToUndefined = (v: unknown) => (v === "" ? undefined : v);

/** One question a line; blank lines are dropped. */
const checklist = z
  .string({ error: "Write the checklist, one question a line" })
  .transform((text) =>
    text
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean),
  )
  .pipe(
    z
      .array(
        z
          .string()
          .min(5, "Each question needs at least 5 characters")
          .max(200, "Keep each question under 200 characters"),
      )
      .min(1, "Write at least one question")
      .max(MAX_CHECKLIST_QUESTIONS, `At most ${MAX_CHECKLIST_QUESTIONS} questions`)
      .refine((qs) => new Set(qs).size === qs.length, "Each question once"),
  );

export const fastTrackPolicySchema = z
  .object({
    appliesTo: z.enum(["profile", "team"], "Choose a team profile or a team"),
    teamProfile: z.preprocess(
      blankToUndefined,
      z.enum(TEAM_PROFILE.values, "Choose a team profile").optional(),
    ),
    team: z.preprocess(blankToUndefined, teamField.optional()),
    minBelt: z.enum(BELT.values, "Choose the lowest belt"),
    spotCheckPercent: formNumber(
      z
        .number("Enter the share as a whole number from 0 to 100")
        .int("Enter the share as a whole number from 0 to 100")
        .min(0, "The share is at least 0 %")
        .max(100, "The share is at most 100 %"),
    ),
    checklist,
    enabled: yes,
  })
  .superRefine((p, ctx) => {
    if (p.appliesTo === "profile" && !p.teamProfile)
      ctx.addIssue({ code: "custom", path: ["teamProfile"], message: "Choose a team profile" });
    if (p.appliesTo === "team" && !p.team)
      ctx.addIssue({ code: "custom", path: ["team"], message: "Choose a team" });
  });
export type FastTrackPolicyInput = z.infer<typeof fastTrackPolicySchema>;

const answer = z.preprocess(
  blankToUndefined,
  z.enum(["low-risk", "not-low-risk"], "Answer “low risk” or “not low risk”").optional(),
);

/** A guardian's fast track: one answer per checklist question, posted as q0, q1, … */
export const fastTrackReviewSchema = z
  .object({
    reviewId: recordId("Choose a review"),
    ...Object.fromEntries(
      Array.from({ length: MAX_CHECKLIST_QUESTIONS }, (_, i) => [`q${i}`, answer]),
    ),
  })
  .transform(({ reviewId, ...rest }) => ({
    reviewId,
    answers: Array.from(
      { length: MAX_CHECKLIST_QUESTIONS },
      (_, i) => (rest as Record<string, "low-risk" | "not-low-risk" | undefined>)[`q${i}`],
    ),
  }));
export type FastTrackReviewInput = z.infer<typeof fastTrackReviewSchema>;

export const spotCheckSchema = z
  .object({
    reviewId: recordId("Choose a review"),
    outcome: z.enum(["PASSED", "FAILED"], "Choose passed or failed"),
    note: z.preprocess(
      blankToUndefined,
      z.string().trim().max(1000, "Keep the note under 1,000 characters").optional(),
    ),
    suspend: yes,
  })
  .superRefine((s, ctx) => {
    if (s.outcome === "FAILED" && (!s.note || s.note.length < 5))
      ctx.addIssue({
        code: "custom",
        path: ["note"],
        message: "Say what the fast track missed (at least 5 characters)",
      });
  });
export type SpotCheckInput = z.infer<typeof spotCheckSchema>;

export const liftSuspensionSchema = z.object({ suspensionId: recordId("Choose a suspension") });
