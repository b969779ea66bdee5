// Statement helpers for applying program.json: rows go to PostgreSQL as one text array per
// column through unnest(), in chunks, and natural keys are resolved to ids in SQL.
// No "server-only" here: the import CLI runs this under plain Node.
import type pg from "pg";
import { recordKeys } from "@/lib/transfer/backup/keys";
import type { SectionName, SectionRow } from "@/lib/transfer/backup/schema";
import { formatInstant } from "@/lib/transfer/spreadsheet/values";

const CHUNK = 10_000;

const toText = (v: unknown): string | null =>
  v === null || v === undefined ? null : typeof v === "object" ? JSON.stringify(v) : String(v);

/** `unnest($1::text[], …) AS u(a, b, …)` for the named columns. */
export const unnest = (names: string[], alias = "u") =>
  `unnest(${names.map((_, i) => `$${i + 1}::text[]`).join(", ")}) AS ${alias}(${names.join(", ")})`;

/**
 * Runs `sql` (built with `unnest`) for `rows`, one text array per entry of `cols`; objects and
 * arrays are sent as JSON text. Returns the rows the statements return.
 */
export async function each<T>(
  c: pg.ClientBase,
  sql: string,
  rows: T[],
  cols: ((r: T) => unknown)[],
): Promise<pg.QueryResultRow[]> {
  const out: pg.QueryResultRow[] = [];
  for (let i = 0; i < rows.length; i += CHUNK) {
    const slice = rows.slice(i, i + CHUNK);
    const result = await c.query(
      sql,
      cols.map((get) => slice.map((r) => toText(get(r)))),
    );
    out.push(...result.rows);
  }
  return out;
}

/** Column getters for rows given as arrays. */
export const byIndex = (n: number) => Array.from({ length: n }, (_, i) => (r: unknown[]) => r[i]);

/** The id of a person, org, team… named by a text column of `u` (NULL when the name is). */
export const idOf = {
  user: (v: string) => `(SELECT id FROM "User" WHERE email = ${v})`,
  org: (v: string) => `(SELECT id FROM "Org" WHERE key = ${v})`,
  team: (v: string) => `(SELECT id FROM "Team" WHERE key = ${v})`,
  review: (v: string) => `(SELECT id FROM "Review" WHERE key = ${v})`,
  threatModel: (v: string) => `(SELECT id FROM "ThreatModel" WHERE key = ${v})`,
};

/**
 * Ids of stored records by their program.json key. `sql` returns `id` and the section's key
 * fields in the file's form, ordered by key fields then id (the order occurrences count in).
 */
export async function idsByKey<S extends SectionName>(
  c: pg.ClientBase,
  section: S,
  sql: string,
  params: unknown[],
): Promise<Map<string, number>> {
  const { rows } = await c.query(sql, params);
  for (const r of rows)
    for (const [k, v] of Object.entries(r)) if (v instanceof Date) r[k] = formatInstant(v);
  const { keys } = recordKeys(section, rows as SectionRow<S>[]);
  return new Map(keys.map((k, i) => [k, rows[i].id as number]));
}
