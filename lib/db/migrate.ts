import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { installQueue } from "@/lib/jobs/install";
import { jobClient } from "./connections";

// Prisma's own lock key, so `prisma migrate deploy` and this runner exclude each other too.
const ADVISORY_LOCK_KEY = 72707369;

export type MigrationResult = { applied: string[]; alreadyApplied: string[] };

type MigrationFile = { name: string; sql: string; checksum: string };

export function readMigrations(dir = path.resolve("prisma/migrations")): MigrationFile[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && fs.existsSync(path.join(dir, e.name, "migration.sql")))
    .map((e) => e.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: crypto.createHash("sha256").update(sql).digest("hex") };
    });
}

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

/**
 * Applies every migration folder not yet recorded in `_prisma_migrations`, each in its own
 * transaction, under a PostgreSQL advisory lock so concurrent starts apply each one once; then
 * installs or upgrades the job queue (lib/jobs/install.ts).
 */
export async function migrate(
  databaseUrl: string,
  opts: { dir?: string; log?: (line: string) => void } = {},
): Promise<MigrationResult> {
  const files = readMigrations(opts.dir);
  const client = jobClient(databaseUrl);
  await client.connect();
  const result: MigrationResult = { applied: [], alreadyApplied: [] };
  try {
    await client.query("SELECT pg_advisory_lock($1)", [ADVISORY_LOCK_KEY]);
    await client.query(CREATE_TABLE);
    const done = await client.query<{ migration_name: string; checksum: string }>(
      `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const applied = new Map(done.rows.map((r) => [r.migration_name, r.checksum]));
    for (const file of files) {
      const previous = applied.get(file.name);
      if (previous) {
        if (previous !== file.checksum) {
          throw new Error(
            `Migration ${file.name} was edited after it was applied (checksum differs). Add a new migration instead.`,
          );
        }
        result.alreadyApplied.push(file.name);
        continue;
      }
      const id = crypto.randomUUID();
      await client.query("BEGIN");
      try {
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES ($1, $2, $3, now(), 0)`,
          [id, file.checksum, file.name],
        );
        await client.query(file.sql);
        await client.query(
          `UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`,
          [id],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(`Migration ${file.name} failed: ${(error as Error).message}`);
      }
      result.applied.push(file.name);
      opts.log?.(`applied migration ${file.name}`);
    }
    // The job queue's own tables (pg-boss, schema "pgboss", versioned by pg-boss itself), under
    // the same lock: two starts creating the queues at once could deadlock.
    await installQueue(databaseUrl);
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [ADVISORY_LOCK_KEY]).catch(() => {});
    await client.end();
  }
  return result;
}
