import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { dropDatabase, ensureDatabase } from "@/lib/db/embedded";
import { migrate, readMigrations } from "@/lib/db/migrate";
import { withDatabase } from "@/lib/db/url";

const admin = withDatabase(inject("databaseUrl"), "postgres");
const created: string[] = [];

async function freshDatabase(label: string) {
  const name = `guardians_mig_${label}_${process.pid}_${Date.now()}`;
  await ensureDatabase(admin, name);
  created.push(name);
  return withDatabase(inject("databaseUrl"), name);
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

afterAll(async () => {
  for (const name of created) await dropDatabase(admin, name);
}, 180_000); // dropping a few databases is slow on a loaded machine

describe("migration runner", () => {
  const all = readMigrations().map((m) => m.name);

  it("applies every migration to an empty database, then does nothing the second time", async () => {
    const url = await freshDatabase("seq");
    const first = await migrate(url);
    expect(first.applied).toEqual(all);
    expect(all.length).toBeGreaterThan(0);
    const second = await migrate(url);
    expect(second.applied).toEqual([]);
    expect(second.alreadyApplied).toEqual(all);
    const rows = await query<{
      migration_name: string;
      finished_at: Date | null;
      checksum: string;
    }>(
      url,
      `SELECT migration_name, finished_at, checksum FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows.map((r) => r.migration_name)).toEqual(all);
    expect(rows.every((r) => r.finished_at !== null && /^[0-9a-f]{64}$/.test(r.checksum))).toBe(
      true,
    );
    const tables = await query<{ n: string }>(
      url,
      `SELECT count(*)::text AS n FROM pg_tables WHERE schemaname = 'public' AND tablename IN ('User', 'Review', 'ActivityEntry', 'AuditLog', 'BeltAward')`,
    );
    expect(tables[0].n).toBe("5");
  });

  it("leaves one history when two servers start at once", async () => {
    const url = await freshDatabase("race");
    const [a, b] = await Promise.all([migrate(url), migrate(url)]);
    expect([...a.applied, ...b.applied].sort()).toEqual(all);
    const rows = await query<{ n: string }>(
      url,
      `SELECT count(*)::text AS n FROM "_prisma_migrations"`,
    );
    expect(rows[0].n).toBe(String(all.length));
  });

  it("refuses a migration edited after it was applied", async () => {
    const url = await freshDatabase("edit");
    await migrate(url);
    await query(
      url,
      `UPDATE "_prisma_migrations" SET checksum = repeat('0', 64) WHERE migration_name = '${all[0]}'`,
    );
    await expect(migrate(url)).rejects.toThrow(/was edited after it was applied/);
  });
});
