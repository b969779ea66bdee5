// The demo's surveys. The open one: a quarterly pulse everyone may answer, opened ten days ago, with
// answers from every third active guardian (the demo accounts left out, so they can answer it
// themselves). Deterministic without the seeded generator: answers follow each respondent's place.
import type pg from "pg";
import { addQuarters, addUtcDays, isoDay, quarterKey, quarterOf, quarterRange } from "@/lib/period";
import { bulkInsert, col } from "./bulk";
import { DEMO_ACCOUNTS } from "./demo-accounts";
import type { Dataset } from "./types";

const OPTIONS = [
  "Hands-on workshops",
  "Office hours with AppSec",
  "Pairing on threat models",
  "Written guides",
];
const WRITTEN = [
  "More time agreed with my manager for security work.",
  "Shorter review checklists for small changes.",
  "A channel to ask AppSec quick questions.",
  "Examples of good threat models from other teams.",
];

type Answer = {
  responseId: number;
  questionId: number;
  rating: number | null;
  text: string | null;
};

/** The demo's surveys: this quarter's open pulse and next quarter's draft. */
export async function writeSurveys(c: pg.ClientBase, d: Dataset, today: Date) {
  // A database migrated only up to before surveys had a status (tests of older migrations seed
  // one) gets no survey.
  const { rowCount } = await c.query(
    `SELECT 1 FROM information_schema.columns WHERE table_name = 'Survey' AND column_name = 'status'`,
  );
  if (!rowCount) return;
  await writeOpenSurvey(c, d, today);
  await writeDraftSurvey(c, today);
}

async function writeOpenSurvey(c: pg.ClientBase, d: Dataset, today: Date) {
  const { rows } = await c.query<{ id: number }>(
    `INSERT INTO "Survey" (title, "opensOn", "closesOn", status) VALUES ($1, $2, $3, 'OPEN') RETURNING id`,
    [
      `Guardian pulse ${quarterKey(quarterOf(today))}`,
      isoDay(addUtcDays(today, -10)),
      isoDay(addUtcDays(today, 20)),
    ],
  );
  const surveyId = rows[0].id;
  const q = await c.query<{ id: number }>(
    `INSERT INTO "SurveyQuestion" ("surveyId", position, text, kind, options) VALUES
      ($1, 1, 'How well does the program support your security work?', 'RATING', '{}'),
      ($1, 2, 'Which support would help you most next quarter?', 'CHOICE', $2::text[]),
      ($1, 3, 'What one thing should the program change?', 'TEXT', '{}')
    RETURNING id`,
    [surveyId, OPTIONS],
  );
  const [rating, choice, text] = q.rows.map((r) => r.id);
  const demo = new Set<string>(Object.values(DEMO_ACCOUNTS).map((a) => a.email));
  const people = new Set(d.users.filter((u) => !demo.has(u.email)).map((u) => u.id));
  const respondents = [
    ...new Set(d.memberships.filter((m) => m.status === "ACTIVE").map((m) => m.userId)),
  ]
    .filter((id) => people.has(id))
    .filter((_, i) => i % 3 === 0);
  if (respondents.length === 0) return;
  const responses = await c.query<{ id: number }>(
    `INSERT INTO "SurveyResponse" ("surveyId", "userId", "submittedAt")
    SELECT $1, u, $2::timestamptz + (n % 10) * interval '1 day'
    FROM unnest($3::int[]) WITH ORDINALITY AS x(u, n) ORDER BY n RETURNING id`,
    [surveyId, addUtcDays(today, -10), respondents],
  );
  const answers: Answer[] = responses.rows.flatMap(({ id }, i) => [
    { responseId: id, questionId: rating, rating: [4, 3, 5, 4, 2][i % 5], text: null },
    { responseId: id, questionId: choice, rating: null, text: OPTIONS[(i * 7) % OPTIONS.length] },
    ...(i % 2 === 0
      ? [
          {
            responseId: id,
            questionId: text,
            rating: null,
            text: WRITTEN[(i / 2) % WRITTEN.length],
          },
        ]
      : []),
  ]);
  await bulkInsert(
    c,
    "SurveyAnswer",
    [
      col<Answer>("responseId", "int", (a) => a.responseId),
      col<Answer>("questionId", "int", (a) => a.questionId),
      col<Answer>("rating", "int", (a) => a.rating),
      col<Answer>("text", "text", (a) => a.text),
    ],
    answers,
  );
}

/**
 * Next quarter's pulse, still a draft: the lead prepares it before it opens (questions may still
 * change), so the demo shows a survey in every phase.
 */
async function writeDraftSurvey(c: pg.ClientBase, today: Date) {
  const next = addQuarters(quarterOf(today), 1);
  const opens = quarterRange(next).start;
  const { rows } = await c.query<{ id: number }>(
    `INSERT INTO "Survey" (title, "opensOn", "closesOn", status) VALUES ($1, $2, $3, 'DRAFT') RETURNING id`,
    [`Guardian pulse ${quarterKey(next)}`, isoDay(opens), isoDay(addUtcDays(opens, 30))],
  );
  await c.query(
    `INSERT INTO "SurveyQuestion" ("surveyId", position, text, kind, options) VALUES
      ($1, 1, 'How well does the program support your security work?', 'RATING', '{}'),
      ($1, 2, 'What should the program start doing next quarter?', 'TEXT', '{}')`,
    [rows[0].id],
  );
}
