import { z } from "zod";
import { SURVEY_QUESTION_KIND } from "@/lib/vocabulary";
import { hasControlCharacter, optionalRecordId, recordId } from "./fields";

export const MAX_QUESTIONS = 30;
const MAX_OPTIONS = 10;
export const MAX_WRITTEN_ANSWER = 2000;

const option = z
  .string()
  .trim()
  .min(1, "An option cannot be empty")
  .max(100, "Keep each option under 100 characters")
  .refine((v) => !hasControlCharacter(v), "Keep each option on one line");

/**
 * One question: its wording, kind and, for a single-choice question, 2 to 10 distinct options.
 * Other kinds carry no options (any sent are dropped).
 */
export const surveyQuestionSchema = z
  .object({
    kind: z.enum(SURVEY_QUESTION_KIND.values, "Choose the kind of question"),
    text: z
      .string("Write the question")
      .trim()
      .min(3, "Write the question")
      .max(300, "Keep the question under 300 characters"),
    options: z.array(option).max(MAX_OPTIONS, `At most ${MAX_OPTIONS} options`).default([]),
  })
  .superRefine((q, ctx) => {
    if (q.kind !== "CHOICE") return;
    if (q.options.length < 2)
      ctx.addIssue({ code: "custom", path: ["options"], message: "Give at least 2 options" });
    const seen = new Set<string>();
    for (const o of q.options) {
      const key = o.toLocaleLowerCase();
      if (seen.has(key))
        ctx.addIssue({ code: "custom", path: ["options"], message: `“${o}” is listed twice` });
      seen.add(key);
    }
  })
  .transform((q) => ({ ...q, options: q.kind === "CHOICE" ? q.options : [] }));

/** A planned day ("YYYY-MM-DD"), which may lie ahead (a survey's closing day), up to 2 years. */
const plannedDay = z.iso
  .date("Enter a date like 2026-12-31")
  .refine((d) => d >= "2000-01-01" && d <= "2099-12-31", "Enter a date this century");

// The editor sends the questions as JSON; each question is validated like any other input.
const questionsField = z
  .string()
  .max(100_000, "Too many questions")
  .transform((raw, ctx) => {
    try {
      return JSON.parse(raw) as unknown;
    } catch {
      ctx.addIssue({ code: "custom", message: "The questions could not be read" });
      return z.NEVER;
    }
  })
  .pipe(
    z
      .array(surveyQuestionSchema)
      .min(1, "Add at least one question")
      .max(MAX_QUESTIONS, `At most ${MAX_QUESTIONS} questions`),
  );

/** A survey as its editor saves it (a draft: new or edited). */
export const surveySchema = z.object({
  id: optionalRecordId("No such survey"),
  title: z
    .string("Give the survey a title")
    .trim()
    .min(3, "Give the survey a title")
    .max(150, "Keep the title under 150 characters")
    .refine((v) => !hasControlCharacter(v), "Keep the title on one line"),
  orgId: optionalRecordId("Choose an organisation"),
  closesOn: plannedDay,
  questions: questionsField,
});
export type SurveyInput = z.infer<typeof surveySchema>;

export const surveyIdSchema = z.object({ surveyId: recordId("Choose a survey") });

/**
 * An answer form: the survey, and one field per question named `q<id>` (a rating, a chosen
 * option or written text), checked against the survey's questions by `checkAnswers`.
 */
export const surveyAnswerSchema = z
  .object({ surveyId: recordId("Choose a survey") })
  .catchall(z.string().max(MAX_WRITTEN_ANSWER * 2, "Keep the answer shorter"));
