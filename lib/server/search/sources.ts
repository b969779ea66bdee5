import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { queryScope, type Permission } from "@/lib/auth/permissions";
import { tenantSql } from "@/lib/auth/tenant";
import type { SessionActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import {
  rankPatterns,
  type SearchHit,
  type SearchQuery,
  type SearchType,
} from "@/lib/search/query";
import { THREAT_MODEL_STATUS } from "@/lib/vocabulary";

// One SQL query per kind of record. Each matches names, emails and keys with ILIKE, which the
// trigram indexes of migration "search_indexes" answer at 50,000 people and 100,000 reviews;
// each is limited by the tenant filter of the permission that reads that kind of record.

export const SEARCH_PERMISSION: Record<SearchType, Permission> = {
  person: "directory.read",
  team: "directory.read",
  review: "review.read",
  "threat-model": "threatmodel.read",
  release: "review.read",
};

type Page = { limit: number; offset: number; activeOnly?: boolean };
type Row = {
  id: number;
  key: string;
  title: string;
  detail: string;
  total: number;
  teamKey?: string;
};

/** The rank of a column's value (0 best): whole text, start, start of a word, anywhere. */
function rank(column: string, q: SearchQuery): Prisma.Sql {
  const [whole, start, word] = rankPatterns(q.text);
  const c = Prisma.raw(column);
  return Prisma.sql`(CASE WHEN ${c} ILIKE ${whole} THEN 0 WHEN ${c} ILIKE ${start} THEN 1
    WHEN ${c} ILIKE ${word} THEN 2 ELSE 3 END)`;
}
const anywhere = (column: string, q: SearchQuery) =>
  Prisma.sql`${Prisma.raw(column)} ILIKE ${rankPatterns(q.text)[3]}`;
/** A key typed loosely ("rev 12") matches that record's key exactly, and first. */
const exactKey = (type: SearchType, q: SearchQuery) => (q.key?.type === type ? q.key.key : null);

function people(q: SearchQuery, scope: Prisma.Sql, page: Page) {
  const active = page.activeOnly ? Prisma.sql`AND u."deactivatedAt" IS NULL` : Prisma.empty;
  return db.$queryRaw<Row[]>`
    SELECT u.id, u.email AS key, u.name AS title,
      concat_ws(' · ', t.name, o.name, u.email,
        CASE WHEN u."deactivatedAt" IS NOT NULL THEN 'deactivated' END) AS detail,
      count(*) OVER ()::int AS total
    FROM "User" u LEFT JOIN "Team" t ON t.id = u."teamId" LEFT JOIN "Org" o ON o.id = u."orgId"
    WHERE (${anywhere("u.name", q)} OR ${anywhere("u.email", q)}) AND ${scope} ${active}
    ORDER BY LEAST(${rank("u.name", q)}, ${rank("u.email", q)}), u.name, u.id
    LIMIT ${page.limit} OFFSET ${page.offset}`;
}

function teams(q: SearchQuery, scope: Prisma.Sql, page: Page) {
  return db.$queryRaw<Row[]>`
    SELECT t.id, t.key, t.name AS title, concat_ws(' · ', o.name, t.key) AS detail,
      count(*) OVER ()::int AS total
    FROM "Team" t JOIN "Org" o ON o.id = t."orgId"
    WHERE (${anywhere("t.name", q)} OR ${anywhere("t.key", q)}) AND ${scope}
    ORDER BY LEAST(${rank("t.name", q)}, ${rank("t.key", q)}), t.name, t.id
    LIMIT ${page.limit} OFFSET ${page.offset}`;
}

/** Reviews, threat models and releases: a key, a name, a team. */
function work(
  type: Exclude<SearchType, "person" | "team">,
  q: SearchQuery,
  scope: Prisma.Sql,
  page: Page,
) {
  const { table, name, state } = WORK[type];
  const key = exactKey(type, q);
  const byKey = key ? Prisma.sql`x.key = ${key}` : Prisma.sql`FALSE`;
  return db.$queryRaw<Row[]>`
    SELECT x.id, x.key, concat(x.key, ' · ', ${Prisma.raw(`x."${name}"`)}) AS title,
      concat_ws(' · ', t.name, ${state}) AS detail, t.key AS "teamKey", count(*) OVER ()::int AS total
    FROM ${Prisma.raw(`"${table}"`)} x JOIN "Team" t ON t.id = x."teamId"
    WHERE (${byKey} OR ${anywhere(`x."${name}"`, q)} OR ${anywhere("x.key", q)}) AND ${scope}
    ORDER BY (CASE WHEN ${byKey} THEN -1 ELSE LEAST(${rank(`x."${name}"`, q)}, ${rank("x.key", q)}) END),
      ${Prisma.raw(`x."${name}"`)}, x.id DESC
    LIMIT ${page.limit} OFFSET ${page.offset}`;
}

const tmStatus = Prisma.raw(
  `CASE x.status ${THREAT_MODEL_STATUS.values.map((v) => `WHEN '${v}' THEN '${THREAT_MODEL_STATUS.label(v)}'`).join(" ")} END`,
);
const WORK = {
  review: {
    table: "Review",
    name: "service",
    state: Prisma.sql`CASE WHEN x."completedAt" IS NOT NULL THEN 'completed'
      WHEN x."startedAt" IS NOT NULL THEN 'in progress' ELSE 'requested' END`,
  },
  "threat-model": { table: "ThreatModel", name: "system", state: Prisma.sql`${tmStatus}` },
  release: {
    table: "Release",
    name: "name",
    state: Prisma.sql`CASE WHEN x."releasedOn" IS NOT NULL THEN 'released' ELSE 'in progress' END`,
  },
} as const;

const HREF: Record<SearchType, (r: Row) => string> = {
  person: (r) => `/people/${r.id}`,
  team: (r) => `/directory/teams/${r.id}`,
  review: (r) => `/reviews/${r.id}`,
  "threat-model": (r) => `/threat-models/${r.id}`,
  // Releases have no page of their own: the list of the release's team.
  release: (r) => `/releases?team=${encodeURIComponent(r.teamKey ?? "")}`,
};

/** One kind of record matching the query, within what the actor may read of that kind. */
export async function searchType(
  actor: SessionActor,
  type: SearchType,
  q: SearchQuery,
  page: Page,
): Promise<{ hits: SearchHit[]; total: number }> {
  const scope = queryScope(actor, SEARCH_PERMISSION[type]);
  const rows =
    type === "person"
      ? await people(q, tenantSql(scope, 'u."orgId"'), page)
      : type === "team"
        ? await teams(q, tenantSql(scope, 't."orgId"'), page)
        : await work(type, q, tenantSql(scope, 't."orgId"'), page);
  return {
    hits: rows.map((r) => ({
      type,
      id: r.id,
      key: r.key,
      title: r.title,
      detail: r.detail,
      href: HREF[type](r),
    })),
    total: rows[0]?.total ?? 0,
  };
}
