import { describe, expect, it } from "vitest";
import { seriesCsv } from "@/lib/metrics/series";
import { surveyCsvPoints, surveyResults, type SurveyFact } from "@/lib/metrics/surveys";

const d = (s: string) => new Date(`${s}T00:00:00Z`);

// Two surveys; answer counts as SQL hands them over (per question and rating).
const annual: SurveyFact = {
  id: 1,
  title: "Annual 2026",
  closesOn: d("2026-08-20"),
  respondents: 4,
  questions: [
    { id: 12, position: 2, text: "Enough time?", kind: "RATING" },
    { id: 11, position: 1, text: "Helps decisions?", kind: "RATING" },
    { id: 13, position: 3, text: "What to change?", kind: "TEXT" },
  ],
};
const pulse: SurveyFact = {
  id: 2,
  title: "Pulse",
  closesOn: d("2026-11-02"),
  respondents: 0,
  questions: [{ id: 21, position: 1, text: "Mood?", kind: "RATING" }],
};

describe("survey results", () => {
  const results = surveyResults(
    [annual, pulse],
    [
      // Q1: ratings 5, 4, 4, 2 → mean 15 / 4 = 3.75
      { questionId: 11, rating: 5, count: 1 },
      { questionId: 11, rating: 4, count: 2 },
      { questionId: 11, rating: 2, count: 1 },
      // Q2: ratings 3, 3, 1 → mean 7 / 3; a written answer to a rating question is not a rating
      { questionId: 12, rating: 3, count: 2 },
      { questionId: 12, rating: 1, count: 1 },
      { questionId: 12, rating: null, count: 1 },
      // Q3: three written answers
      { questionId: 13, rating: null, count: 3 },
    ],
  );

  it("lists surveys newest first and questions in their order", () => {
    expect(results.map((s) => [s.title, s.quarter, s.respondents])).toEqual([
      ["Pulse", "2026-Q4", 0],
      ["Annual 2026", "2026-Q3", 4],
    ]);
    expect(results[1].questions.map((q) => q.position)).toEqual([1, 2, 3]);
  });

  it("computes per rating question the responses, mean and distribution, and counts written answers", () => {
    const [q1, q2, q3] = results[1].questions;
    expect(q1).toEqual({
      id: 11,
      position: 1,
      text: "Helps decisions?",
      kind: "RATING",
      responses: 4,
      mean: 3.75,
      distribution: { 1: 0, 2: 1, 3: 0, 4: 2, 5: 1 },
    });
    expect(q2).toMatchObject({ responses: 3, distribution: { 1: 1, 2: 0, 3: 2, 4: 0, 5: 0 } });
    expect(q2.kind === "RATING" && q2.mean).toBeCloseTo(7 / 3, 10);
    expect(q3).toEqual({
      id: 13,
      position: 3,
      text: "What to change?",
      kind: "TEXT",
      responses: 3,
    });
  });

  it("says 'not enough data' for a question nobody in scope answered", () => {
    expect(results[0].questions[0]).toMatchObject({
      responses: 0,
      mean: null,
      distribution: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 },
    });
    expect(surveyResults([], [])).toEqual([]);
  });

  it("writes one CSV row per figure, dated by the survey's closing quarter", () => {
    const points = surveyCsvPoints(results);
    // Pulse: respondents + (responses, mean, 5 ratings); annual: respondents + 2 × 7 + 1 written.
    expect(points).toHaveLength(1 + 7 + 1 + 14 + 1);
    const csv = seriesCsv([], "org: Payments (with sub-orgs)", points).trim().split("\n");
    expect(csv[0]).toBe('"metric","filter","quarter","value","unit"');
    expect(csv).toContain(
      '"Survey ""Annual 2026"", Q1 ""Helps decisions?"": mean rating","org: Payments (with sub-orgs)","2026-Q3",3.7500,"/5"',
    );
    expect(csv).toContain(
      '"Survey ""Annual 2026"", Q1 ""Helps decisions?"": rated 4","org: Payments (with sub-orgs)","2026-Q3",2,',
    );
    expect(csv).toContain(
      '"Survey ""Annual 2026"", Q3 ""What to change?"": written answers","org: Payments (with sub-orgs)","2026-Q3",3,',
    );
    expect(csv).toContain(
      '"Survey ""Pulse"", Q1 ""Mood?"": mean rating","org: Payments (with sub-orgs)","2026-Q4",,"/5"',
    );
  });
});
