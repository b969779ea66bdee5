// Applies every guardian membership with its status history, and surveys with their
// questions, responses and answers. A changed record's lists are replaced by the file's.
import type pg from "pg";
import type { Change } from "@/lib/transfer/backup/diff";
import { keyOf } from "@/lib/transfer/backup/keys";
import { byIndex, each, idOf, idsByKey, unnest } from "./sql";

const CURRENT = new Set(["NOMINATED", "ACTIVE"]);

const membershipIds = (c: pg.ClientBase, emails: string[]) =>
  idsByKey(
    c,
    "memberships",
    `SELECT m.id, u.email, t.key AS team, m."nominatedOn"::text AS "nominatedOn"
    FROM "GuardianMembership" m JOIN "User" u ON u.id = m."userId" JOIN "Team" t ON t.id = m."teamId"
    WHERE u.email = ANY($1::text[]) ORDER BY u.email, t.key, m."nominatedOn", m.id`,
    [emails],
  );

export async function writeMemberships(c: pg.ClientBase, changes: Change<"memberships">[]) {
  if (changes.length === 0) return;
  const emails = [...new Set(changes.map((x) => x.row.email))];
  let ids = await membershipIds(c, emails);
  const cols = [
    "id",
    "email",
    "team",
    "nominated",
    "status",
    "active",
    "ended",
    "declined",
    "reason",
    "nominator",
    "approver",
  ];
  const rows = changes.map(({ row: m, n }) => [
    ids.get(keyOf("memberships", m, n)) ?? null,
    m.email,
    m.team,
    m.nominatedOn,
    m.status,
    m.activeOn,
    m.leftOn,
    m.declinedOn,
    m.reason,
    m.nominatedBy,
    m.approvedBy,
  ]);
  // Memberships that are no longer current first, so one current membership per person and
  // team holds after every statement.
  for (const current of [false, true]) {
    const part = rows.filter((r) => CURRENT.has(r[4] as string) === current);
    await each(
      c,
      `UPDATE "GuardianMembership" m SET status = u.status::"GuardianStatus", "activeOn" = u.active::date, "leftOn" = u.ended::date, "declinedOn" = u.declined::date,
      reason = u.reason, "nominatedById" = ${idOf.user("u.nominator")}, "approvedById" = ${idOf.user("u.approver")} FROM ${unnest(cols)} WHERE m.id = u.id::int`,
      part.filter((r) => r[0] !== null),
      byIndex(cols.length),
    );
    await each(
      c,
      `INSERT INTO "GuardianMembership" ("userId", "teamId", "nominatedOn", status, "activeOn", "leftOn", "declinedOn", reason, "nominatedById", "approvedById")
      SELECT ${idOf.user("u.email")}, ${idOf.team("u.team")}, u.nominated::date, u.status::"GuardianStatus", u.active::date, u.ended::date, u.declined::date, u.reason,
        ${idOf.user("u.nominator")}, ${idOf.user("u.approver")} FROM ${unnest(cols)}`,
      part.filter((r) => r[0] === null),
      byIndex(cols.length),
    );
  }
  ids = await membershipIds(c, emails);
  const touched = changes.map(({ row, n }) => ids.get(keyOf("memberships", row, n))!);
  await c.query(`DELETE FROM "GuardianStatusChange" WHERE "membershipId" = ANY($1::int[])`, [
    touched,
  ]);
  const history = changes.flatMap(({ row }, i) =>
    row.history.map((h) => [touched[i], h.from, h.to, h.by, h.note, h.at]),
  );
  await each(
    c,
    `INSERT INTO "GuardianStatusChange" ("membershipId", "fromStatus", "toStatus", "changedById", note, at)
    SELECT u.id::int, u.f::"GuardianStatus", u.t::"GuardianStatus", ${idOf.user("u.by")}, u.note, u.at::timestamptz FROM ${unnest(["id", "f", "t", "by", "note", "at"])}`,
    history,
    byIndex(6),
  );
}

const surveyIds = (c: pg.ClientBase) =>
  idsByKey(
    c,
    "surveys",
    `SELECT id, title, "opensOn"::text AS "opensOn" FROM "Survey" ORDER BY title, "opensOn", id`,
    [],
  );

export async function writeSurveys(c: pg.ClientBase, changes: Change<"surveys">[]) {
  if (changes.length === 0) return;
  let ids = await surveyIds(c);
  const rows = changes.map(({ row: s, n }) => [
    ids.get(keyOf("surveys", s, n)) ?? null,
    s.title,
    s.opensOn,
    s.closesOn,
    s.status,
    s.org,
  ]);
  const cols = ["id", "title", "opens", "closes", "status", "org"];
  await each(
    c,
    `UPDATE "Survey" s SET "closesOn" = u.closes::date, status = u.status::"SurveyStatus", "orgId" = ${idOf.org("u.org")}
    FROM ${unnest(cols)} WHERE s.id = u.id::int`,
    rows.filter((r) => r[0] !== null),
    byIndex(6),
  );
  await each(
    c,
    `INSERT INTO "Survey" (title, "opensOn", "closesOn", status, "orgId")
    SELECT u.title, u.opens::date, u.closes::date, u.status::"SurveyStatus", ${idOf.org("u.org")} FROM ${unnest(cols)}`,
    rows.filter((r) => r[0] === null),
    byIndex(6),
  );
  ids = await surveyIds(c);
  const sid = changes.map(({ row, n }) => ids.get(keyOf("surveys", row, n))!);
  // Deleting questions and responses deletes their answers too (ON DELETE CASCADE).
  await c.query(`DELETE FROM "SurveyResponse" WHERE "surveyId" = ANY($1::int[])`, [sid]);
  await c.query(`DELETE FROM "SurveyQuestion" WHERE "surveyId" = ANY($1::int[])`, [sid]);
  await each(
    c,
    `INSERT INTO "SurveyQuestion" ("surveyId", position, text, kind, options)
    SELECT u.sid::int, u.pos::int, u.text, u.kind::"SurveyQuestionKind", ARRAY(SELECT jsonb_array_elements_text(u.options::jsonb))
    FROM ${unnest(["sid", "pos", "text", "kind", "options"])}`,
    changes.flatMap(({ row }, i) =>
      row.questions.map((q) => [sid[i], q.position, q.text, q.kind, JSON.stringify(q.options)]),
    ),
    byIndex(5),
  );
  await each(
    c,
    `INSERT INTO "SurveyResponse" ("surveyId", "userId", "submittedAt") SELECT u.sid::int, ${idOf.user("u.email")}, u.at::timestamptz FROM ${unnest(["sid", "email", "at"])}`,
    changes.flatMap(({ row }, i) => row.responses.map((r) => [sid[i], r.email, r.submittedAt])),
    byIndex(3),
  );
  await each(
    c,
    `INSERT INTO "SurveyAnswer" ("responseId", "questionId", rating, text)
    SELECT x.id, q.id, u.rating::int, u.text FROM ${unnest(["sid", "email", "pos", "rating", "text"])}
    JOIN "User" p ON p.email = u.email JOIN "SurveyResponse" x ON x."surveyId" = u.sid::int AND x."userId" = p.id
    JOIN "SurveyQuestion" q ON q."surveyId" = u.sid::int AND q.position = u.pos::int`,
    changes.flatMap(({ row }, i) =>
      row.responses.flatMap((r) =>
        r.answers.map((a) => [sid[i], r.email, a.position, a.rating, a.text]),
      ),
    ),
    byIndex(5),
  );
}
