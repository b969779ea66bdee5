// Applies program.json's program settings and the fields of orgs, teams, people, courses and
// completions that the CSV files do not carry (those rows exist by now: the CSV files or the
// database hold them, which the plan checked).
import type pg from "pg";
import type { Change } from "@/lib/transfer/backup/diff";
import { keyOf } from "@/lib/transfer/backup/keys";
import type { SectionName } from "@/lib/transfer/backup/schema";
import { byIndex, each, idOf, idsByKey, unnest } from "./sql";

type Rows<S extends SectionName> = Change<S>[];

export async function writeProgram(c: pg.ClientBase, changes: Rows<"program">) {
  for (const { row: p } of changes) {
    await c.query(
      `INSERT INTO "Program" (id, name, vision, mission, "updatedAt") VALUES (1, $1, $2, $3, $4)
       ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, vision = EXCLUDED.vision, mission = EXCLUDED.mission, "updatedAt" = EXCLUDED."updatedAt"`,
      [p.name, p.vision, p.mission, p.updatedAt],
    );
  }
}

export async function writeGoals(c: pg.ClientBase, changes: Rows<"goals">) {
  if (changes.length === 0) return;
  await c.query(
    `INSERT INTO "Program" (id, name, vision, mission, "updatedAt") VALUES (1, 'Security Guardians', '', '', now()) ON CONFLICT (id) DO NOTHING`,
  );
  const ids = await idsByKey(c, "goals", `SELECT id, title FROM "Goal" ORDER BY title, id`, []);
  const cols = ["id", "title", "metric", "target", "period", "higher"];
  const values = (ch: Change<"goals">) => [
    ids.get(keyOf("goals", ch.row, ch.n)) ?? null,
    ch.row.title,
    ch.row.metric,
    ch.row.target,
    ch.row.period,
    ch.row.higherIsBetter,
  ];
  const rows = changes.map(values);
  const get = byIndex(cols.length);
  await each(
    c,
    `UPDATE "Goal" g SET title = u.title, metric = u.metric::"GoalMetric", target = u.target::numeric, period = u.period, "higherIsBetter" = u.higher::boolean
    FROM ${unnest(cols)} WHERE g.id = u.id::int`,
    rows.filter((r) => r[0] !== null),
    get,
  );
  await each(
    c,
    `INSERT INTO "Goal" (title, metric, target, period, "higherIsBetter")
    SELECT u.title, u.metric::"GoalMetric", u.target::numeric, u.period, u.higher::boolean FROM ${unnest(cols)}`,
    rows.filter((r) => r[0] === null),
    get,
  );
}

export async function writeRunbook(c: pg.ClientBase, changes: Rows<"runbook">) {
  await each(
    c,
    `INSERT INTO "RunbookItem" (label, position, active) SELECT u.label, u.position::int, u.active::boolean FROM ${unnest(["label", "position", "active"])}
    ON CONFLICT (label) DO UPDATE SET position = EXCLUDED.position, active = EXCLUDED.active`,
    changes,
    [(x) => x.row.label, (x) => x.row.position, (x) => x.row.active],
  );
}

const textArray = (v: string) => `ARRAY(SELECT jsonb_array_elements_text(${v}::jsonb))`;

export async function writeOrgs(c: pg.ClientBase, changes: Rows<"orgs">) {
  await each(
    c,
    `UPDATE "Org" o SET name = u.name, "newsletterRecipients" = ${textArray("u.recipients")} FROM ${unnest(["key", "name", "recipients"])} WHERE o.key = u.key`,
    changes,
    [(x) => x.row.key, (x) => x.row.name, (x) => x.row.newsletterRecipients],
  );
}

export async function writeTeams(c: pg.ClientBase, changes: Rows<"teams">) {
  await each(
    c,
    `UPDATE "Team" t SET name = u.name, "riskBudget" = u.budget::int FROM ${unnest(["key", "name", "budget"])} WHERE t.key = u.key`,
    changes,
    [(x) => x.row.key, (x) => x.row.name, (x) => x.row.riskBudget],
  );
}

export async function writePeople(c: pg.ClientBase, changes: Rows<"people">) {
  await each(
    c,
    `UPDATE "User" p SET "deactivatedAt" = u.at::timestamptz, "hideFromRecognition" = u.hide::boolean
    FROM ${unnest(["email", "at", "hide"])} WHERE p.email = u.email`,
    changes,
    [(x) => x.row.email, (x) => x.row.deactivatedAt, (x) => x.row.hideFromRecognition],
  );
}

export async function writeCourses(c: pg.ClientBase, changes: Rows<"courses">) {
  await each(
    c,
    `UPDATE "Course" k SET title = u.title, onboarding = u.onboarding::boolean, description = u.description, link = u.link, "beltLevel" = u.belt::"Belt", active = u.active::boolean
    FROM ${unnest(["key", "title", "onboarding", "description", "link", "belt", "active"])} WHERE k.key = u.key`,
    changes,
    [
      (x) => x.row.key,
      (x) => x.row.title,
      (x) => x.row.onboarding,
      (x) => x.row.description,
      (x) => x.row.link,
      (x) => x.row.beltLevel,
      (x) => x.row.active,
    ],
  );
}

/** Evidence links and who recorded each completion (completions.csv creates them). */
export async function writeCompletions(c: pg.ClientBase, changes: Rows<"completions">) {
  await each(
    c,
    `UPDATE "CourseCompletion" x SET "evidenceUrl" = u.evidence, "recordedById" = ${idOf.user("u.recorder")}
    FROM ${unnest(["email", "course", "evidence", "recorder"])} JOIN "User" p ON p.email = u.email JOIN "Course" k ON k.key = u.course
    WHERE x."userId" = p.id AND x."courseId" = k.id`,
    changes,
    [(x) => x.row.email, (x) => x.row.course, (x) => x.row.evidenceUrl, (x) => x.row.recordedBy],
  );
}

/** Password hashes only for people who have none: an import never replaces a password. */
export async function writePasswords(c: pg.ClientBase, changes: Rows<"passwords">) {
  await each(
    c,
    `UPDATE "User" p SET "passwordHash" = u.hash FROM ${unnest(["email", "hash"])} WHERE p.email = u.email AND p."passwordHash" IS NULL`,
    changes,
    [(x) => x.row.email, (x) => x.row.passwordHash],
  );
}
