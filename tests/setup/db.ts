import pg from "pg";
import { inject } from "vitest";
import { dropDatabase, ensureDatabase } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";
import { databaseName, withDatabase } from "@/lib/db/url";

/** Empties every table of the app (the audit log's append-only trigger is lifted for it). */
export async function resetDatabase(url = inject("databaseUrl")) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      `SELECT quote_ident(tablename) AS name FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN ('_prisma_migrations', 'MetricsVersion')`,
    );
    await client.query("BEGIN");
    await client.query(`ALTER TABLE "AuditLog" DISABLE TRIGGER USER`);
    await client.query(`TRUNCATE ${rows.map((r) => r.name).join(", ")} RESTART IDENTITY CASCADE`);
    await client.query(`ALTER TABLE "AuditLog" ENABLE TRIGGER USER`);
    await client.query("COMMIT");
  } finally {
    await client.end();
  }
  // The truncated audit log restarts the data version, so figures cached before (dashboards,
  // review totals) would be taken for the new data: forget them (lib/server/metrics/cache.ts).
  (globalThis as { __guardiansMetricsCache?: { clear(): void } }).__guardiansMetricsCache?.clear();
}

/** Runs `run` on a connection of its own to `url`, closed afterwards. */
export async function withClient<T>(url: string, run: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await run(c);
  } finally {
    await c.end();
  }
}

/**
 * A second database beside the test's own (named after it, with `suffix`), to restore or import
 * into: `recreate()` leaves it empty and migrated, `drop()` removes it.
 */
export function sideDatabase(suffix: string) {
  const source = process.env.DATABASE_URL!;
  const name = `${databaseName(source)}_${suffix}`;
  const admin = withDatabase(source, "postgres");
  const url = withDatabase(source, name);
  return {
    url,
    async recreate() {
      await dropDatabase(admin, name);
      await ensureDatabase(admin, name);
      await migrate(url);
    },
    drop: () => dropDatabase(admin, name),
  };
}
