import pg from "pg";
import { inject } from "vitest";

// The real queue's rows (pg-boss on the test database), for tests to inspect and reset.
async function query<T extends pg.QueryResultRow>(sql: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: inject("databaseUrl") });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

/** Forgets every job (resetDatabase() clears the app's tables, not the queue's). */
export async function clearQueue() {
  await query(`DELETE FROM pgboss.job`);
  await query(`DELETE FROM pgboss.archive`).catch(() => {});
  await query(`DELETE FROM pgboss.schedule`);
}

export type JobRow = { id: string; name: string; data: unknown; state: string; output: unknown };

export async function jobsIn(queue: string): Promise<JobRow[]> {
  return query<JobRow>(
    `SELECT id, name, data, state::text, output FROM pgboss.job WHERE name = $1 ORDER BY created_on, id`,
    [queue],
  );
}

/** Polls `check` until it holds (up to `ms`), for work the queue does in the background. */
export async function waitFor(check: () => Promise<boolean> | boolean, ms = 15_000) {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error("timed out waiting for the queue");
    await new Promise((r) => setTimeout(r, 100));
  }
}
