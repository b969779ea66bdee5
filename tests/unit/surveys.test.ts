import { describe, expect, it } from "vitest";
import { surveyCsvPoints, surveyResults } from "@/lib/metrics/surveys";
import { checkAnswers } from "@/lib/surveys/answers";
import { surveyPhase } from "@/lib/surveys/phase";
import { inSurveyScope, orgAndAncestors } from "@/lib/surveys/scope";
import { surveyQuestionSchema, surveySchema } from "@/lib/validations/survey";

const d = (s: string) => new Date(`${s}T00:00:00Z`);

describe("survey questions", () => {
  it("a single-choice question needs 2 to 10 distinct options; other kinds keep none", () => {
    const ok = surveyQuestionSchema.parse({
      kind: "CHOICE",
      text: "Which?",
      options: [" A ", "B"],
    });
    expect(ok.options).toEqual(["A", "B"]);
    expect(
      surveyQuestionSchema.parse({ kind: "RATING", text: "How?", options: ["x"] }).options,
    ).toEqual([]);
    const one = surveyQuestionSchema.safeParse({ kind: "CHOICE", text: "Which?", options: ["A"] });
    expect(one.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["options", "Give at least 2 options"],
    ]);
    const twice = surveyQuestionSchema.safeParse({
      kind: "CHOICE",
      text: "Which?",
      options: ["Yes", "yes"],
    });
    expect(twice.error?.issues[0].message).toBe("“yes” is listed twice");
    const many = Array.from({ length: 11 }, (_, i) => `Option ${i}`);
    expect(
      surveyQuestionSchema.safeParse({ kind: "CHOICE", text: "Which?", options: many }).success,
    ).toBe(false);
    expect(
      surveyQuestionSchema.safeParse({ kind: "CHOICE", text: "Which?", options: ["a\nb", "c"] })
        .success,
    ).toBe(false);
    expect(
      surveyQuestionSchema.safeParse({ kind: "TEXT", text: "" }).error?.issues[0].message,
    ).toBe("Write the question");
    expect(surveyQuestionSchema.safeParse({ kind: "SCALE", text: "How?" }).success).toBe(false);
  });

  it("a survey form carries its questions as JSON, each checked with its position in the path", () => {
    const form = (questions: unknown) => ({
      id: "",
      title: "Pulse",
      orgId: "",
      closesOn: "2026-12-31",
      questions: JSON.stringify(questions),
    });
    const ok = surveySchema.parse(form([{ kind: "RATING", text: "Mood?" }]));
    expect(ok).toMatchObject({
      id: null,
      orgId: null,
      questions: [{ kind: "RATING", text: "Mood?", options: [] }],
    });
    const bad = surveySchema.safeParse(
      form([
        { kind: "RATING", text: "Mood?" },
        { kind: "CHOICE", text: "Which?", options: [] },
      ]),
    );
    expect(bad.error?.issues.map((i) => i.path.join("."))).toEqual(["questions.1.options"]);
    expect(surveySchema.safeParse(form([])).error?.issues[0].message).toBe(
      "Add at least one question",
    );
    expect(surveySchema.safeParse({ ...form([]), questions: "{" }).error?.issues[0].message).toBe(
      "The questions could not be read",
    );
    expect(
      surveySchema.safeParse({ ...form([{ kind: "TEXT", text: "Why?" }]), closesOn: "2026-02-30" })
        .success,
    ).toBe(false);
  });
});

describe("answers", () => {
  const questions = [
    { id: 1, kind: "RATING" as const, text: "Mood?", options: [] },
    { id: 2, kind: "CHOICE" as const, text: "Team?", options: ["Red", "Blue"] },
    { id: 3, kind: "TEXT" as const, text: "Why?", options: [] },
  ];

  it("ratings and choices are required, written answers optional and trimmed", () => {
    expect(checkAnswers(questions, { q1: "4", q2: "Blue", q3: "  " })).toEqual({
      answers: [
        { questionId: 1, rating: 4, text: null },
        { questionId: 2, rating: null, text: "Blue" },
      ],
      issues: [],
    });
    expect(checkAnswers(questions, { q1: "4", q2: "Red", q3: " because " }).answers[2]).toEqual({
      questionId: 3,
      rating: null,
      text: "because",
    });
  });

  it("a rating outside 1–5 or an option not offered is refused on its field", () => {
    for (const rating of ["0", "6", "4.5", "", "1e0", "０"])
      expect(checkAnswers(questions, { q1: rating, q2: "Red" }).issues).toEqual([
        { path: "q1", message: "Choose a rating from 1 to 5" },
      ]);
    expect(checkAnswers(questions, { q1: "3", q2: "Green" }).issues).toEqual([
      { path: "q2", message: "Choose one of the options" },
    ]);
    expect(
      checkAnswers(questions, { q1: "3", q2: "Red", q3: "x".repeat(2001) }).issues[0].path,
    ).toBe("q3");
  });
});

describe("survey phase", () => {
  const s = (status: "DRAFT" | "OPEN" | "CLOSED", opens: string, closes: string) => ({
    status,
    opensOn: d(opens),
    closesOn: d(closes),
  });
  const today = d("2026-06-10");

  it("a lead's status first, then the dates: open through the closing day", () => {
    expect(surveyPhase(s("DRAFT", "2026-06-01", "2026-06-30"), today)).toBe("draft");
    expect(surveyPhase(s("OPEN", "2026-06-01", "2026-06-10"), today)).toBe("open");
    expect(surveyPhase(s("OPEN", "2026-06-01", "2026-06-09"), today)).toBe("closed");
    expect(surveyPhase(s("OPEN", "2026-06-11", "2026-06-30"), today)).toBe("upcoming");
    expect(surveyPhase(s("CLOSED", "2026-06-01", "2026-06-30"), today)).toBe("closed");
  });
});

describe("survey scope", () => {
  // 1 → 2 → 3, and 4 beside them.
  const tree = [
    { id: 1, parentId: null },
    { id: 2, parentId: 1 },
    { id: 3, parentId: 2 },
    { id: 4, parentId: null },
  ];

  it("a survey for an organisation reaches its sub-orgs, not its parents or siblings", () => {
    expect(orgAndAncestors(tree, 3)).toEqual([3, 2, 1]);
    expect(inSurveyScope(tree, 2, 3)).toBe(true);
    expect(inSurveyScope(tree, 2, 2)).toBe(true);
    expect(inSurveyScope(tree, 2, 1)).toBe(false);
    expect(inSurveyScope(tree, 2, 4)).toBe(false);
    expect(inSurveyScope(tree, 2, null)).toBe(false);
    expect(inSurveyScope(tree, null, null)).toBe(true);
  });

  it("a cycle in the tree ends the walk", () => {
    expect(
      orgAndAncestors(
        [
          { id: 1, parentId: 2 },
          { id: 2, parentId: 1 },
        ],
        1,
      ),
    ).toEqual([1, 2]);
  });
});

describe("choice results", () => {
  const survey = {
    id: 1,
    title: "Pulse",
    closesOn: d("2026-06-30"),
    respondents: 3,
    questions: [
      {
        id: 5,
        position: 1,
        text: "Team?",
        kind: "CHOICE" as const,
        options: ["Red", "Blue", "Green"],
      },
    ],
  };

  it("counts each option in order, zero for an option no one chose, ignoring removed options", () => {
    const [r] = surveyResults(
      [survey],
      [
        { questionId: 5, rating: null, choice: "Blue", count: 2 },
        { questionId: 5, rating: null, choice: "Red", count: 1 },
        { questionId: 5, rating: null, choice: "Purple", count: 4 },
      ],
    );
    expect(r.questions[0]).toEqual({
      id: 5,
      position: 1,
      text: "Team?",
      kind: "CHOICE",
      responses: 3,
      distribution: [
        { option: "Red", count: 1 },
        { option: "Blue", count: 2 },
        { option: "Green", count: 0 },
      ],
    });
    expect(surveyCsvPoints([r]).map((p) => [p.metric, p.value])).toEqual([
      ['Survey "Pulse": respondents', 3],
      ['Survey "Pulse", Q1 "Team?": chose "Red"', 1],
      ['Survey "Pulse", Q1 "Team?": chose "Blue"', 2],
      ['Survey "Pulse", Q1 "Team?": chose "Green"', 0],
    ]);
  });
});
