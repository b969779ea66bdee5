import type pg from "pg";

// Bulk inserts through unnest(): one statement per chunk of rows, values sent as text arrays
// and cast in SQL, so a million rows take seconds rather than minutes.
export type Column<T> = { name: string; cast: string; get: (row: T) => unknown };

const toText = (v: unknown): string | null => {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.toISOString();
  if (typeof v === "object") return JSON.stringify(v);
  return String(v);
};

export async function bulkInsert<T>(
  client: pg.ClientBase,
  table: string,
  columns: Column<T>[],
  rows: T[],
  chunk = 20_000,
): Promise<void> {
  const names = columns.map((c) => `"${c.name}"`).join(", ");
  const aliases = columns.map((_, i) => `c${i}`);
  const select = columns.map((c, i) => `u.c${i}::${c.cast}`).join(", ");
  const params = columns.map((_, i) => `$${i + 1}::text[]`).join(", ");
  const sql = `INSERT INTO "${table}" (${names}) SELECT ${select} FROM unnest(${params}) AS u(${aliases.join(", ")})`;
  for (let i = 0; i < rows.length; i += chunk) {
    const slice = rows.slice(i, i + chunk);
    await client.query(
      sql,
      columns.map((c) => slice.map((r) => toText(c.get(r)))),
    );
  }
}

/** Moves a table's id sequence past the explicit ids just inserted. */
export async function syncSequence(client: pg.ClientBase, table: string): Promise<void> {
  await client.query(
    `SELECT setval(pg_get_serial_sequence('"${table}"', 'id'), GREATEST((SELECT max(id) FROM "${table}"), 1))`,
  );
}

export const col = <T>(name: string, cast: string, get: (row: T) => unknown): Column<T> => ({
  name,
  cast,
  get,
});
