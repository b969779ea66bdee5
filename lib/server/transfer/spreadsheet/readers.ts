// Reads each file's records from the database in the same row shape the import parses, so
// export writes them with the same formatter and the import compares like with like.
import type pg from "pg";
import type { Role } from "@/lib/generated/prisma/enums";
import type { FileName } from "@/lib/transfer/spreadsheet/spec";
import { formatInstant } from "@/lib/transfer/spreadsheet/values";

/* eslint-disable @typescript-eslint/no-explicit-any -- rows straight from pg */
type Reader = {
  from: string;
  select: string;
  id: string;
  /** What the import filters on: the natural key, or the person for keyless files. */
  filter: string;
  where?: string;
  toRow: (r: any) => Record<string, unknown>;
};

/** Text as the CSV files write it: trimmed, null when blank. */
export const clean = (v: string | null) => (v == null || v.trim() === "" ? null : v.trim());
const instantOrNull = (v: Date | null) => (v ? formatInstant(v) : null);
const sorted = (v: string[] | null) => [...new Set(v ?? [])].sort();

const READERS: Record<FileName, Reader> = {
  "orgs.csv": {
    from: `"Org" o LEFT JOIN "Org" p ON p.id = o."parentId" LEFT JOIN "User" l ON l.id = o."leaderId"`,
    select: `o.key AS org, p.key AS parent_org, l.email AS leader_email`,
    id: "o.id",
    filter: "o.key",
    toRow: (r) => ({ org: r.org, parent_org: r.parent_org, leader_email: r.leader_email }),
  },
  "teams.csv": {
    from: `"Team" t JOIN "Org" o ON o.id = t."orgId"`,
    select: `t.key AS team, o.key AS org, t.profile::text AS profile, t.pilot, t."joinedOn"::text AS joined_on`,
    id: "t.id",
    filter: "t.key",
    toRow: (r) => ({
      team: r.team,
      org: r.org,
      profile: r.profile,
      pilot: r.pilot,
      joined_on: r.joined_on,
    }),
  },
  "people.csv": {
    from: `"User" u LEFT JOIN "Org" o ON o.id = u."orgId" LEFT JOIN "Team" t ON t.id = u."teamId"`,
    // The roles column is the roles granted by hand; those from SSO groups stay with the provider.
    select: `u.email, u.name, u."handRoles"::text[] AS roles, o.key AS org, t.key AS team`,
    id: "u.id",
    filter: "u.email",
    toRow: (r) => ({
      email: r.email,
      name: clean(r.name) ?? "",
      roles: sorted(r.roles),
      org: r.org,
      team: r.team,
    }),
  },
  "guardians.csv": {
    from: `"GuardianMembership" m JOIN "User" u ON u.id = m."userId" JOIN "Team" t ON t.id = m."teamId"`,
    select: `u.email, t.key AS team, m.status::text AS status, m."nominatedOn"::text AS nominated_on, m."activeOn"::text AS active_on,
      (CASE WHEN m.status = 'DECLINED' THEN m."declinedOn" ELSE m."leftOn" END)::text AS left_on`,
    id: "m.id",
    filter: "u.email",
    // Only a person's latest membership of a team: the file has one row per person and team.
    where: `NOT EXISTS (SELECT 1 FROM "GuardianMembership" n WHERE n."userId" = m."userId" AND n."teamId" = m."teamId" AND (n."nominatedOn", n.id) > (m."nominatedOn", m.id))`,
    toRow: (r) => ({
      email: r.email,
      team: r.team,
      status: r.status,
      nominated_on: r.nominated_on,
      active_on: r.active_on,
      left_on: r.left_on,
    }),
  },
  "reviews.csv": {
    from: `"Review" r JOIN "Team" t ON t.id = r."teamId" LEFT JOIN "User" e ON e.id = r."securityEngineerId"`,
    select: `r.key AS review_id, t.key AS team, r.service, r."requestedAt" AS requested_at, r."startedAt" AS started_at, r."completedAt" AS completed_at,
      e.email AS security_engineer_email, r."effortQuarterHours" AS effort_hours,
      ARRAY(SELECT u.email FROM "ReviewParticipant" p JOIN "User" u ON u.id = p."userId" WHERE p."reviewId" = r.id) AS guardian_emails`,
    id: "r.id",
    filter: "r.key",
    toRow: (r) => ({
      review_id: r.review_id,
      team: r.team,
      service: clean(r.service) ?? "",
      requested_at: formatInstant(r.requested_at),
      started_at: instantOrNull(r.started_at),
      completed_at: instantOrNull(r.completed_at),
      security_engineer_email: r.security_engineer_email,
      guardian_emails: sorted(r.guardian_emails),
      effort_hours: r.effort_hours,
    }),
  },
  "findings.csv": {
    from: `"Finding" x LEFT JOIN "Review" r ON r.id = x."reviewId"`,
    select: `x.key AS finding_id, r.key AS review_id, x.severity::text AS severity, x."openedOn"::text AS opened_on, x.status::text AS status, x."closedOn"::text AS closed_on`,
    id: "x.id",
    filter: "x.key",
    toRow: (r) => ({
      finding_id: r.finding_id,
      review_id: r.review_id ?? "",
      severity: r.severity,
      opened_on: r.opened_on,
      status: r.status,
      closed_on: r.closed_on,
    }),
  },
  "releases.csv": {
    from: `"Release" x JOIN "Team" t ON t.id = x."teamId" LEFT JOIN "Review" r ON r.id = x."reviewId"`,
    select: `x.key AS release_id, t.key AS team, x.name, x."startedOn"::text AS started_on, x."releasedOn"::text AS released_on, r.key AS review_id`,
    id: "x.id",
    filter: "x.key",
    toRow: (r) => ({
      release_id: r.release_id,
      team: r.team,
      name: clean(r.name) ?? "",
      started_on: r.started_on,
      released_on: r.released_on,
      review_id: r.review_id,
    }),
  },
  "threat_models.csv": {
    from: `"ThreatModel" x JOIN "Team" t ON t.id = x."teamId"`,
    select: `x.key AS threat_model_id, t.key AS team, x.system, x.status::text AS status, x."createdOn"::text AS created_on, x."approvedOn"::text AS approved_on,
      ARRAY(SELECT u.email FROM "ThreatModelAuthor" a JOIN "User" u ON u.id = a."userId" WHERE a."threatModelId" = x.id) AS author_emails`,
    id: "x.id",
    filter: "x.key",
    toRow: (r) => ({
      threat_model_id: r.threat_model_id,
      team: r.team,
      system: clean(r.system) ?? "",
      author_emails: sorted(r.author_emails),
      status: r.status,
      created_on: r.created_on,
      approved_on: r.approved_on,
    }),
  },
  "threats.csv": {
    from: `"Threat" x JOIN "ThreatModel" m ON m.id = x."threatModelId"`,
    select: `x.key AS threat_id, m.key AS threat_model_id, x.category::text AS category, x.severity::text AS severity, x.mitigation, x."mitigationStatus"::text AS mitigation_status`,
    id: "x.id",
    filter: "x.key",
    toRow: (r) => ({
      threat_id: r.threat_id,
      threat_model_id: r.threat_model_id,
      category: r.category,
      severity: r.severity,
      mitigation: clean(r.mitigation),
      mitigation_status: r.mitigation_status,
    }),
  },
  "activities.csv": {
    from: `"ActivityEntry" a JOIN "User" u ON u.id = a."userId" LEFT JOIN "Review" r ON r.id = a."reviewId"`,
    select: `u.email, a.date::text AS date, a."quarterHours" AS hours, a.type::text AS activity_type, r.key AS review_id, a.note, a."deletedAt" IS NOT NULL AS deleted`,
    id: "a.id",
    filter: "u.email",
    where: `a."deletedAt" IS NULL`,
    toRow: (r) => ({
      email: r.email,
      date: r.date,
      hours: r.hours,
      activity_type: r.activity_type,
      review_id: r.review_id,
      note: clean(r.note),
    }),
  },
  "courses.csv": {
    from: `"Course" c`,
    select: `c.key AS course, c.required, c."quarterHours" AS hours`,
    id: "c.id",
    filter: "c.key",
    toRow: (r) => ({ course: r.course, required: r.required, hours: r.hours }),
  },
  "completions.csv": {
    from: `"CourseCompletion" x JOIN "User" u ON u.id = x."userId" JOIN "Course" c ON c.id = x."courseId"`,
    select: `u.email, c.key AS course, x."completedOn"::text AS completed_on`,
    id: "x.id",
    filter: "u.email",
    toRow: (r) => ({ email: r.email, course: r.course, completed_on: r.completed_on }),
  },
  "feedback.csv": {
    from: `"Feedback" x LEFT JOIN "Review" r ON r.id = x."reviewId" LEFT JOIN "ThreatModel" m ON m.id = x."threatModelId"
      JOIN "User" g ON g.id = x."guardianId" JOIN "User" q ON q.id = x."raterId"`,
    select: `r.key AS review_id, m.key AS threat_model_id, g.email AS guardian_email, q.email AS rater_email, x.rating, x.comment`,
    id: "x.id",
    filter: "g.email",
    toRow: (r) => ({
      review_id: r.review_id,
      threat_model_id: r.threat_model_id,
      guardian_email: r.guardian_email,
      rater_email: r.rater_email,
      rating: r.rating,
      comment: clean(r.comment),
    }),
  },
};

export type StoredRow = { id: string; row: any; deleted?: boolean };

/** One page of a file's records in id order, starting after `afterId`. */
export async function readPage(
  c: pg.ClientBase,
  file: FileName,
  afterId: string,
  limit: number,
): Promise<StoredRow[]> {
  const r = READERS[file];
  const { rows } = await c.query(
    `SELECT ${r.id}::text AS "_id", ${r.select} FROM ${r.from} WHERE ${r.id} > $1::bigint ${r.where ? `AND ${r.where}` : ""} ORDER BY ${r.id} LIMIT $2`,
    [afterId, limit],
  );
  return rows.map((x) => ({ id: x._id, row: r.toRow(x) }));
}

/**
 * The records whose key (or person, for keyless files) is one of `values`. For activities,
 * deleted entries come too, flagged, because they still hold their idempotency keys.
 */
export async function readMatching(
  c: pg.ClientBase,
  file: FileName,
  values: string[],
): Promise<StoredRow[]> {
  if (values.length === 0) return [];
  const r = READERS[file];
  const where = file === "activities.csv" ? undefined : r.where;
  const { rows } = await c.query(
    `SELECT ${r.id}::text AS "_id", ${r.select} FROM ${r.from} JOIN (SELECT DISTINCT unnest($1::text[]) AS k) AS f ON f.k = ${r.filter} ${where ? `WHERE ${where}` : ""}`,
    [values],
  );
  return rows.map((x) => ({ id: x._id, row: r.toRow(x), deleted: x.deleted === true }));
}

/** Effective roles (hand and group) of the people with these emails, by email. */
export async function readAccountRoles(
  c: pg.ClientBase,
  emails: string[],
): Promise<Map<string, Role[]>> {
  if (emails.length === 0) return new Map();
  const { rows } = await c.query(
    `SELECT email, roles::text[] AS roles FROM "User" WHERE email = ANY($1::text[])`,
    [emails],
  );
  return new Map(rows.map((r) => [r.email as string, r.roles as Role[]]));
}

/** Org key → parent org key, for the cycle check. */
export async function readOrgParents(c: pg.ClientBase): Promise<Map<string, string | null>> {
  const { rows } = await c.query(
    `SELECT o.key, p.key AS parent FROM "Org" o LEFT JOIN "Org" p ON p.id = o."parentId"`,
  );
  return new Map(rows.map((r) => [r.key as string, (r.parent as string | null) ?? null]));
}
