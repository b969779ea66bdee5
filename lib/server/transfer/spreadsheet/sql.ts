// Bulk statements through unnest(): one statement per chunk of rows, values sent as text
// arrays and cast in SQL, so 100,000 rows cost a few round trips instead of 100,000.
// No "server-only" here: the import CLI runs this under plain Node.
import type pg from "pg";

export type Col<T> = {
  /** The CSV column it comes from; update statements set only columns the file has. */
  csv?: string;
  name: string;
  cast: string;
  get: (row: T) => unknown;
  /** An SQL expression around the cast value, e.g. a lookup. */
  sql?: (value: string) => string;
};

export const col = <T>(
  csv: string | undefined,
  name: string,
  cast: string,
  get: (row: T) => unknown,
  sql?: (value: string) => string,
): Col<T> => ({ csv, name, cast, get, sql });

const CHUNK = 20_000;

function toText(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (Array.isArray(v)) return `{${v.join(",")}}`;
  return String(v);
}

const expr = <T>(c: Col<T>, ref: string) =>
  c.sql ? c.sql(`${ref}::${c.cast}`) : `${ref}::${c.cast}`;
const params = (n: number, from = 1) =>
  Array.from({ length: n }, (_, i) => `$${i + from}::text[]`).join(", ");
const aliases = (n: number) => Array.from({ length: n }, (_, i) => `c${i}`).join(", ");

/** The INSERT … SELECT FROM unnest statement for `cols` (parameters $1…$n). */
export function insertSql<T>(table: string, cols: Col<T>[], returning?: string): string {
  const names = cols.map((c) => `"${c.name}"`).join(", ");
  const values = cols.map((c, i) => expr(c, `u.c${i}`)).join(", ");
  return `INSERT INTO "${table}" (${names}) SELECT ${values} FROM unnest(${params(cols.length)}) AS u(${aliases(cols.length)})${returning ? ` RETURNING ${returning}` : ""}`;
}

/** Inserts rows; `wrap` may turn the INSERT into a CTE feeding a second statement. */
export async function insertRows<T>(
  c: pg.ClientBase,
  table: string,
  cols: Col<T>[],
  rows: T[],
  opts: { returning?: string; wrap?: (insert: string) => string } = {},
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- RETURNING rows
): Promise<any[]> {
  const out = [];
  const insert = insertSql(table, cols, opts.returning);
  const sql = opts.wrap ? opts.wrap(insert) : insert;
  for (let i = 0; i < rows.length; i += CHUNK) {
    const slice = rows.slice(i, i + CHUNK);
    const result = await c.query(
      sql,
      cols.map((col) => slice.map((r) => toText(col.get(r)))),
    );
    out.push(...result.rows);
  }
  return out;
}

/**
 * Updates rows by id, setting `cols` only where a value differs. `wrap` may turn the UPDATE
 * (table alias `t`, ids in $1 as text) into a CTE feeding a second statement.
 */
export async function updateRows<T>(
  c: pg.ClientBase,
  table: string,
  idCast: string,
  cols: Col<T>[],
  rows: { id: string; row: T }[],
  wrap?: (update: string) => string,
): Promise<void> {
  if (rows.length === 0 || cols.length === 0) return;
  const set = cols.map((col, i) => `"${col.name}" = ${expr(col, `u.c${i}`)}`).join(", ");
  const differs = `(${cols.map((col) => `t."${col.name}"`).join(", ")}) IS DISTINCT FROM (${cols.map((col, i) => expr(col, `u.c${i}`)).join(", ")})`;
  const update = `UPDATE "${table}" AS t SET ${set} FROM unnest($1::text[], ${params(cols.length, 2)}) AS u(id, ${aliases(cols.length)}) WHERE t.id = u.id::${idCast} AND ${differs}`;
  const sql = wrap ? wrap(update) : update;
  for (let i = 0; i < rows.length; i += CHUNK) {
    const slice = rows.slice(i, i + CHUNK);
    await c.query(sql, [
      slice.map((r) => r.id),
      ...cols.map((col) => slice.map((r) => toText(col.get(r.row)))),
    ]);
  }
}

/** Deletes rows of a link table (review participants, threat model authors) given (record id, person's email). */
export async function deleteLinks(
  c: pg.ClientBase,
  table: string,
  parentColumn: string,
  pairs: [number, string][],
): Promise<void> {
  for (let i = 0; i < pairs.length; i += CHUNK) {
    const slice = pairs.slice(i, i + CHUNK);
    await c.query(
      `DELETE FROM "${table}" AS t USING unnest($1::int[], $2::text[]) AS d(id, email), "User" AS u WHERE u.email = d.email AND t."${parentColumn}" = d.id AND t."userId" = u.id`,
      [slice.map((p) => p[0]), slice.map((p) => p[1])],
    );
  }
}
