// Applies belt rules, belt awards (with their evidence and revocations), mentorships, agreed
// time and recognition from program.json.
import type pg from "pg";
import type { Change } from "@/lib/transfer/backup/diff";
import { keyOf } from "@/lib/transfer/backup/keys";
import { byIndex, each, idOf, idsByKey, unnest } from "./sql";

export async function writeBeltRules(c: pg.ClientBase, changes: Change<"beltRules">[]) {
  await each(
    c,
    `INSERT INTO "BeltRule" (belt, conditions, "validityMonths", renewal, "updatedById", "updatedAt")
    SELECT u.belt::"Belt", u.conditions::jsonb, u.months::int, u.renewal::jsonb, ${idOf.user("u.by")}, u.at::timestamptz FROM ${unnest(["belt", "conditions", "months", "renewal", "by", "at"])}
    ON CONFLICT (belt) DO UPDATE SET conditions = EXCLUDED.conditions, "validityMonths" = EXCLUDED."validityMonths", renewal = EXCLUDED.renewal, "updatedById" = EXCLUDED."updatedById", "updatedAt" = EXCLUDED."updatedAt"`,
    changes,
    [
      (x) => x.row.belt,
      (x) => JSON.stringify(x.row.conditions),
      (x) => x.row.validityMonths ?? null,
      (x) => JSON.stringify(x.row.renewal),
      (x) => x.row.updatedBy,
      (x) => x.row.updatedAt,
    ],
  );
}

export async function writeBeltAwards(c: pg.ClientBase, changes: Change<"beltAwards">[]) {
  if (changes.length === 0) return;
  const ids = await idsByKey(
    c,
    "beltAwards",
    `SELECT a.id, u.email, a.belt::text AS belt, a."awardedOn"::text AS "awardedOn"
    FROM "BeltAward" a JOIN "User" u ON u.id = a."userId" WHERE u.email = ANY($1::text[]) ORDER BY u.email, a.belt, a."awardedOn", a.id`,
    [[...new Set(changes.map((x) => x.row.email))]],
  );
  const cols = [
    "id",
    "email",
    "belt",
    "awarded",
    "expires",
    "renewal",
    "evidence",
    "created",
    "revoked",
    "revoker",
    "reason",
  ];
  const rows = changes.map((x) => [
    ids.get(keyOf("beltAwards", x.row, x.n)) ?? null,
    x.row.email,
    x.row.belt,
    x.row.awardedOn,
    x.row.expiresOn ?? null,
    x.row.renewal,
    JSON.stringify(x.row.evidence),
    x.row.createdAt,
    x.row.revokedAt,
    x.row.revokedBy,
    x.row.revokeReason,
  ]);
  const get = byIndex(cols.length);
  const set = `"expiresOn" = u.expires::date, renewal = u.renewal::boolean, evidence = u.evidence::jsonb, "createdAt" = u.created::timestamptz, "revokedAt" = u.revoked::timestamptz, "revokedById" = ${idOf.user("u.revoker")}, "revokeReason" = u.reason`;
  // Revoked awards first, so one live award per person and belt holds after every statement.
  for (const revoked of [true, false]) {
    const part = rows.filter((r) => (r[cols.indexOf("revoked")] !== null) === revoked);
    await each(
      c,
      `UPDATE "BeltAward" a SET ${set} FROM ${unnest(cols)} WHERE a.id = u.id::int`,
      part.filter((r) => r[0] !== null),
      get,
    );
    await each(
      c,
      `INSERT INTO "BeltAward" ("userId", belt, "awardedOn", "expiresOn", renewal, evidence, "createdAt", "revokedAt", "revokedById", "revokeReason")
      SELECT ${idOf.user("u.email")}, u.belt::"Belt", u.awarded::date, u.expires::date, u.renewal::boolean, u.evidence::jsonb, u.created::timestamptz, u.revoked::timestamptz, ${idOf.user("u.revoker")}, u.reason
      FROM ${unnest(cols)}`,
      part.filter((r) => r[0] === null),
      get,
    );
  }
}

export async function writeMentorships(c: pg.ClientBase, changes: Change<"mentorships">[]) {
  await each(
    c,
    `INSERT INTO "Mentorship" ("mentorId", "menteeId", "startedOn", "endedOn")
    SELECT ${idOf.user("u.mentor")}, ${idOf.user("u.mentee")}, u.started::date, u.ended::date FROM ${unnest(["mentor", "mentee", "started", "ended"])}
    ON CONFLICT ("mentorId", "menteeId") DO UPDATE SET "startedOn" = EXCLUDED."startedOn", "endedOn" = EXCLUDED."endedOn"`,
    changes,
    [(x) => x.row.mentor, (x) => x.row.mentee, (x) => x.row.startedOn, (x) => x.row.endedOn],
  );
}

export async function writeRecognitions(c: pg.ClientBase, changes: Change<"recognitions">[]) {
  if (changes.length === 0) return;
  const ids = await idsByKey(
    c,
    "recognitions",
    `SELECT r.id, a.email AS recipient, b.email AS giver, r.kind::text AS kind, r.title, r."createdAt" AS at
    FROM "Recognition" r JOIN "User" a ON a.id = r."recipientId" JOIN "User" b ON b.id = r."giverId" WHERE a.email = ANY($1::text[])
    ORDER BY a.email, b.email, r.kind, r.title, r."createdAt", r.id`,
    [[...new Set(changes.map((x) => x.row.recipient))]],
  );
  const cols = ["id", "recipient", "giver", "kind", "title", "reason", "at"];
  const rows = changes.map((x) => [
    ids.get(keyOf("recognitions", x.row, x.n)) ?? null,
    x.row.recipient,
    x.row.giver,
    x.row.kind,
    x.row.title,
    x.row.reason,
    x.row.at,
  ]);
  const get = byIndex(cols.length);
  await each(
    c,
    `UPDATE "Recognition" r SET reason = u.reason FROM ${unnest(cols)} WHERE r.id = u.id::int`,
    rows.filter((r) => r[0] !== null),
    get,
  );
  await each(
    c,
    `INSERT INTO "Recognition" ("recipientId", "giverId", kind, title, reason, "createdAt")
    SELECT ${idOf.user("u.recipient")}, ${idOf.user("u.giver")}, u.kind::"RecognitionKind", u.title, u.reason, u.at::timestamptz FROM ${unnest(cols)}`,
    rows.filter((r) => r[0] === null),
    get,
  );
}

/** Agreements are never changed in the app: a restore adds those missing, matched on their key. */
export async function writeTimeAgreements(c: pg.ClientBase, changes: Change<"timeAgreements">[]) {
  if (changes.length === 0) return;
  const ids = await idsByKey(
    c,
    "timeAgreements",
    `SELECT t.id, u.email, t."effectiveFrom"::text AS "from", t."createdAt" AS at
    FROM "TimeAgreement" t JOIN "User" u ON u.id = t."userId" WHERE u.email = ANY($1::text[])
    ORDER BY u.email, t."effectiveFrom", t."createdAt", t.id`,
    [[...new Set(changes.map((x) => x.row.email))]],
  );
  const cols = ["id", "email", "month", "qh", "share", "note", "by", "at"];
  const rows = changes.map((x) => [
    ids.get(keyOf("timeAgreements", x.row, x.n)) ?? null,
    x.row.email,
    x.row.from,
    Math.round(x.row.monthlyHours * 4),
    x.row.sharePercent,
    x.row.note,
    x.row.recordedBy,
    x.row.at,
  ]);
  const get = byIndex(cols.length);
  await each(
    c,
    `UPDATE "TimeAgreement" t SET "monthlyQuarterHours" = u.qh::int, "sharePercent" = u.share::int, note = u.note, "recordedById" = ${idOf.user("u.by")}
    FROM ${unnest(cols)} WHERE t.id = u.id::int`,
    rows.filter((r) => r[0] !== null),
    get,
  );
  await each(
    c,
    `INSERT INTO "TimeAgreement" ("userId", "effectiveFrom", "monthlyQuarterHours", "sharePercent", note, "recordedById", "createdAt")
    SELECT ${idOf.user("u.email")}, u.month::date, u.qh::int, u.share::int, u.note, ${idOf.user("u.by")}, u.at::timestamptz FROM ${unnest(cols)}`,
    rows.filter((r) => r[0] === null),
    get,
  );
}
