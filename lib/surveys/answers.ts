import type { SurveyQuestionKind } from "@/lib/vocabulary";
import { RATING_SCALE } from "@/lib/metrics/surveys";
import { MAX_WRITTEN_ANSWER } from "@/lib/validations/survey";

// An answer form's fields checked against the survey's questions. Pure: no database.
export type AnswerableQuestion = {
  id: number;
  kind: SurveyQuestionKind;
  text: string;
  options: string[];
};
export type CheckedAnswer = { questionId: number; rating: number | null; text: string | null };
export type AnswerIssue = { path: string; message: string };

/** The form field of a question. */
export const answerField = (questionId: number) => `q${questionId}`;

/**
 * Ratings (1–5) and single choices must be answered; a written answer may be left empty (it is
 * then not stored). Fields of other questions are ignored.
 */
export function checkAnswers(
  questions: AnswerableQuestion[],
  fields: Record<string, unknown>,
): { answers: CheckedAnswer[]; issues: AnswerIssue[] } {
  const answers: CheckedAnswer[] = [];
  const issues: AnswerIssue[] = [];
  for (const q of questions) {
    const path = answerField(q.id);
    const raw = fields[path];
    const value = typeof raw === "string" ? raw.trim() : "";
    if (q.kind === "RATING") {
      const rating = RATING_SCALE.find((r) => String(r) === value);
      if (rating === undefined) issues.push({ path, message: "Choose a rating from 1 to 5" });
      else answers.push({ questionId: q.id, rating, text: null });
    } else if (q.kind === "CHOICE") {
      if (!q.options.includes(value)) issues.push({ path, message: "Choose one of the options" });
      else answers.push({ questionId: q.id, rating: null, text: value });
    } else if (value.length > MAX_WRITTEN_ANSWER) {
      issues.push({ path, message: `Keep the answer under ${MAX_WRITTEN_ANSWER} characters` });
    } else if (value) {
      answers.push({ questionId: q.id, rating: null, text: value });
    }
  }
  return { answers, issues };
}
