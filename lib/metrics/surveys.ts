import { quarterKey, quarterOf } from "@/lib/period";
import type { CsvPoint } from "./series";
import { ratio, type Figure } from "./stats";
import type { SurveyQuestionKind } from "@/lib/vocabulary";

// Metric 9 (second half): survey results. Answers arrive counted in SQL; rates and means here.
export const RATING_SCALE = [1, 2, 3, 4, 5] as const;
export type Rating = (typeof RATING_SCALE)[number];

export type SurveyQuestionFact = {
  id: number;
  position: number;
  text: string;
  kind: SurveyQuestionKind;
  /** A single-choice question's options, in order. */
  options?: string[];
};
export type SurveyFact = {
  id: number;
  title: string;
  closesOn: Date;
  respondents: number;
  questions: SurveyQuestionFact[];
};
/**
 * How many in-scope answers a question got with this rating (`rating` null: written answers to a
 * text question) or, for a single-choice question, this `choice`.
 */
export type SurveyAnswerCount = {
  questionId: number;
  rating: number | null;
  choice?: string | null;
  count: number;
};

export type RatingQuestionResult = {
  id: number;
  position: number;
  text: string;
  kind: "RATING";
  responses: number;
  mean: Figure;
  distribution: Record<Rating, number>;
};
export type TextQuestionResult = {
  id: number;
  position: number;
  text: string;
  kind: "TEXT";
  responses: number;
};
export type ChoiceQuestionResult = {
  id: number;
  position: number;
  text: string;
  kind: "CHOICE";
  responses: number;
  /** Each option in order with how many chose it (an option since removed is left out). */
  distribution: { option: string; count: number }[];
};
export type SurveyResult = {
  id: number;
  title: string;
  closesOn: Date;
  quarter: string;
  respondents: number;
  questions: (RatingQuestionResult | TextQuestionResult | ChoiceQuestionResult)[];
};

/**
 * Per survey (newest first) and question (in order): responses, mean rating and distribution, or
 * the count of written answers.
 */
export function surveyResults(surveys: SurveyFact[], answers: SurveyAnswerCount[]): SurveyResult[] {
  const byQuestion = new Map<number, SurveyAnswerCount[]>();
  for (const a of answers)
    byQuestion.set(a.questionId, [...(byQuestion.get(a.questionId) ?? []), a]);
  return [...surveys]
    .sort((a, b) => b.closesOn.getTime() - a.closesOn.getTime() || b.id - a.id)
    .map((s) => ({
      id: s.id,
      title: s.title,
      closesOn: s.closesOn,
      quarter: quarterKey(quarterOf(s.closesOn)),
      respondents: s.respondents,
      questions: [...s.questions]
        .sort((a, b) => a.position - b.position)
        .map((q) => questionResult(q, byQuestion.get(q.id) ?? [])),
    }));
}

function questionResult(
  q: SurveyQuestionFact,
  counts: SurveyAnswerCount[],
): RatingQuestionResult | TextQuestionResult | ChoiceQuestionResult {
  const base = { id: q.id, position: q.position, text: q.text };
  if (q.kind === "CHOICE") {
    const distribution = (q.options ?? []).map((option) => ({
      option,
      count: counts.filter((c) => c.choice === option).reduce((s, c) => s + c.count, 0),
    }));
    const responses = distribution.reduce((s, d) => s + d.count, 0);
    return { ...base, kind: "CHOICE", responses, distribution };
  }
  if (q.kind === "TEXT")
    return {
      ...base,
      kind: "TEXT",
      responses: counts.filter((c) => c.rating === null).reduce((s, c) => s + c.count, 0),
    };
  const distribution = Object.fromEntries(RATING_SCALE.map((r) => [r, 0])) as Record<
    Rating,
    number
  >;
  let responses = 0;
  let sum = 0;
  for (const c of counts) {
    if (c.rating === null || !RATING_SCALE.includes(c.rating as Rating)) continue;
    distribution[c.rating as Rating] += c.count;
    responses += c.count;
    sum += c.rating * c.count;
  }
  return { ...base, kind: "RATING", responses, mean: ratio(sum, responses), distribution };
}

/**
 * Survey results as CSV points: respondents, then per question its responses, mean and each
 * rating's count.
 */
export function surveyCsvPoints(results: SurveyResult[]): CsvPoint[] {
  const points: CsvPoint[] = [];
  for (const s of results) {
    const name = `Survey "${s.title}"`;
    points.push({
      metric: `${name}: respondents`,
      quarter: s.quarter,
      value: s.respondents,
      digits: 0,
      unit: "",
    });
    for (const q of s.questions) {
      const question = `${name}, Q${q.position} "${q.text}"`;
      if (q.kind === "CHOICE") {
        for (const d of q.distribution)
          points.push({
            metric: `${question}: chose "${d.option}"`,
            quarter: s.quarter,
            value: d.count,
            digits: 0,
            unit: "",
          });
        continue;
      }
      if (q.kind === "TEXT") {
        points.push({
          metric: `${question}: written answers`,
          quarter: s.quarter,
          value: q.responses,
          digits: 0,
          unit: "",
        });
        continue;
      }
      points.push({
        metric: `${question}: responses`,
        quarter: s.quarter,
        value: q.responses,
        digits: 0,
        unit: "",
      });
      points.push({
        metric: `${question}: mean rating`,
        quarter: s.quarter,
        value: q.mean,
        digits: 2,
        unit: "/5",
      });
      for (const r of RATING_SCALE)
        points.push({
          metric: `${question}: rated ${r}`,
          quarter: s.quarter,
          value: q.distribution[r],
          digits: 0,
          unit: "",
        });
    }
  }
  return points;
}
