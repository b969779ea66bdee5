// The second migration's checks and default runbook: each check refuses exactly the rows it
// should; the migration applies on top of demo data; the runbook is seeded once and only
// into an empty runbook; the demo seeder then adds no duplicates.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { withClient } from "../setup/db";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { dropDatabase, ensureDatabase } from "@/lib/db/embedded";
import { migrate, readMigrations } from "@/lib/db/migrate";
import { withDatabase } from "@/lib/db/url";
import { seedDatabase } from "@/lib/demo/insert";
import { RUNBOOK } from "@/lib/demo/work";

const admin = withDatabase(inject("databaseUrl"), "postgres");
const created: string[] = [];
const MIGRATION = "20261201211951_integrity_checks_and_default_runbook";
const today = new Date("2026-11-22T00:00:00Z");

async function freshDatabase(label: string) {
  const name = `guardians_chk_${label}_${process.pid}_${Date.now()}`;
  await ensureDatabase(admin, name);
  created.push(name);
  return withDatabase(inject("databaseUrl"), name);
}

/** A folder holding only the migrations before this one, to build a database as it was. */
function migrationsBefore(name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "guardians-migrations-"));
  for (const m of readMigrations().filter((m) => m.name < name)) {
    fs.mkdirSync(path.join(dir, m.name));
    fs.writeFileSync(path.join(dir, m.name, "migration.sql"), m.sql);
  }
  return dir;
}

const runbook = (url: string) =>
  withClient(
    url,
    async (c) =>
      (
        await c.query<{ label: string; position: number }>(
          `SELECT label, position FROM "RunbookItem" ORDER BY position, id`,
        )
      ).rows,
  );

afterAll(async () => {
  for (const name of created) await dropDatabase(admin, name);
}, 180_000); // dropping a few databases is slow on a loaded machine

describe("integrity checks", () => {
  let url: string;

  beforeAll(async () => {
    url = await freshDatabase("cases");
    await migrate(url);
    await withClient(url, async (c) => {
      await c.query(`INSERT INTO "Org" (key, name) VALUES ('o', 'O')`);
      await c.query(
        `INSERT INTO "Team" (key, name, "orgId", "joinedOn") VALUES ('t', 'T', 1, '2025-01-01')`,
      );
      await c.query(
        `INSERT INTO "User" (email, name, roles) VALUES ('g@example.test', 'G', '{GUARDIAN}')`,
      );
    });
  });

  /** Runs one statement (its own transaction); returns "ok" or the name of the constraint that refused it. */
  const attempt = (sql: string) =>
    withClient(url, (c) =>
      c.query(sql).then(
        () => "ok",
        (error: { constraint?: string; message: string }) => error.constraint ?? error.message,
      ),
    );

  // [statement, "ok" or the constraint that refuses it]
  const CASES: [string, string][] = [
    [
      `INSERT INTO "Review" (key, "teamId", service, "requestedAt") VALUES ('R1', 1, 's', '2026-03-01T10:00Z')`,
      "ok",
    ],
    [
      `INSERT INTO "Review" (key, "teamId", service, "requestedAt", "startedAt") VALUES ('R2', 1, 's', '2026-03-01T10:00Z', '2026-03-01T10:00Z')`,
      "ok",
    ],
    [
      `INSERT INTO "Review" (key, "teamId", service, "requestedAt", "startedAt") VALUES ('R3', 1, 's', '2026-03-01T10:00Z', '2026-03-01T09:59Z')`,
      "Review_started_after_requested",
    ],
    [
      `INSERT INTO "Review" (key, "teamId", service, "requestedAt", "startedAt", "completedAt") VALUES ('R4', 1, 's', '2026-03-01T10:00Z', '2026-03-02T10:00Z', '2026-03-05T10:00Z')`,
      "ok",
    ],
    [
      `INSERT INTO "Review" (key, "teamId", service, "requestedAt", "startedAt", "completedAt") VALUES ('R5', 1, 's', '2026-03-01T10:00Z', '2026-03-04T10:00Z', '2026-03-03T10:00Z')`,
      "Review_completed_after_started",
    ],
    [
      `INSERT INTO "Review" (key, "teamId", service, "requestedAt", "completedAt") VALUES ('R6', 1, 's', '2026-03-01T10:00Z', '2026-03-03T10:00Z')`,
      "ok",
    ],
    [
      `INSERT INTO "GuardianMembership" ("userId", "teamId", status, "nominatedOn", "declinedOn") VALUES (1, 1, 'DECLINED', '2026-03-01', '2026-03-02')`,
      "ok",
    ],
    [
      `INSERT INTO "GuardianMembership" ("userId", "teamId", status, "nominatedOn", "activeOn") VALUES (1, 1, 'ACTIVE', '2026-03-01', '2026-03-01')`,
      "ok",
    ],
    [
      `INSERT INTO "GuardianMembership" ("userId", "teamId", status, "nominatedOn", "activeOn") VALUES (1, 1, 'ALUMNI', '2026-03-02', '2026-03-01')`,
      "GuardianMembership_active_after_nominated",
    ],
    [
      `INSERT INTO "ThreatModel" (key, "teamId", system, status, "createdOn", "approvedOn") VALUES ('T1', 1, 's', 'APPROVED', '2026-03-01', '2026-03-01')`,
      "ok",
    ],
    [
      `INSERT INTO "ThreatModel" (key, "teamId", system, status, "createdOn") VALUES ('T2', 1, 's', 'DRAFT', '2026-03-01')`,
      "ok",
    ],
    [
      `INSERT INTO "ThreatModel" (key, "teamId", system, status, "createdOn", "approvedOn") VALUES ('T3', 1, 's', 'APPROVED', '2026-03-02', '2026-03-01')`,
      "ThreatModel_approved_after_created",
    ],
    [
      `INSERT INTO "Finding" (key, "teamId", severity, status, "openedOn") VALUES ('F1', 1, 'HIGH', 'OPEN', '2026-03-01')`,
      "ok",
    ],
    [
      `INSERT INTO "Finding" (key, "teamId", severity, status, "openedOn", "closedOn") VALUES ('F2', 1, 'HIGH', 'OPEN', '2026-03-01', '2026-03-02')`,
      "Finding_closed_has_date",
    ],
    ...(["MITIGATED", "ACCEPTED", "FALSE_POSITIVE"] as const).flatMap(
      (status, i): [string, string][] => [
        [
          `INSERT INTO "Finding" (key, "teamId", severity, status, "openedOn", "closedOn") VALUES ('F3${i}', 1, 'LOW', '${status}', '2026-03-01', '2026-03-02')`,
          "ok",
        ],
        [
          `INSERT INTO "Finding" (key, "teamId", severity, status, "openedOn") VALUES ('F4${i}', 1, 'LOW', '${status}', '2026-03-01')`,
          "Finding_closed_has_date",
        ],
      ],
    ),
    // Updates are checked too.
    [`UPDATE "Finding" SET status = 'MITIGATED' WHERE key = 'F1'`, "Finding_closed_has_date"],
    [`UPDATE "Finding" SET status = 'OPEN' WHERE key = 'F30'`, "Finding_closed_has_date"],
    [`UPDATE "Finding" SET status = 'OPEN', "closedOn" = NULL WHERE key = 'F30'`, "ok"],
    [
      `UPDATE "Review" SET "startedAt" = '2026-02-01T00:00Z' WHERE key = 'R1'`,
      "Review_started_after_requested",
    ],
  ];

  // In order: the updates work on rows inserted above.
  it.each(CASES)("%s → %s", async (sql, expected) => {
    expect(await attempt(sql)).toBe(expected);
  });
});

describe("the migration on existing data", () => {
  it("applies on top of the demo data (both sizes the tests and the demo use), which keeps every check", async () => {
    const dir = migrationsBefore(MIGRATION);
    for (const [scale, seed] of [
      ["small", 42],
      ["small", 7],
      ["medium", 42],
    ] as const) {
      const url = await freshDatabase(`${scale}${seed}`);
      await migrate(url, { dir });
      await seedDatabase(url, { seed, scale, today });
      const result = await migrate(url);
      // This migration, then any that came after it.
      expect(result.applied).toEqual(
        readMigrations()
          .map((m) => m.name)
          .filter((n) => n >= MIGRATION),
      );
      expect(result.applied[0]).toBe(MIGRATION);
      // Demo data already has the runbook, so the migration adds none.
      expect((await runbook(url)).map((r) => r.label)).toEqual(RUNBOOK);
    }
  }, 240_000);

  it("does not bring back default items into a runbook a lead has set up", async () => {
    const url = await freshDatabase("curated");
    await migrate(url, { dir: migrationsBefore(MIGRATION) });
    await withClient(url, (c) =>
      c.query(
        `INSERT INTO "RunbookItem" (label, position, active) VALUES ('Dependency review', 0, true), ('Dependencies', 1, false)`,
      ),
    );
    await migrate(url);
    expect(await runbook(url)).toEqual([
      { label: "Dependency review", position: 0 },
      { label: "Dependencies", position: 1 },
    ]);
  });
});

describe("default runbook", () => {
  it("is in a new database, in order, and the demo seeder adds no duplicate", async () => {
    const url = await freshDatabase("runbook");
    await migrate(url);
    expect(await runbook(url)).toEqual(RUNBOOK.map((label, position) => ({ label, position })));
    await seedDatabase(url, { seed: 42, scale: "small", today });
    expect(await runbook(url)).toEqual(RUNBOOK.map((label, position) => ({ label, position })));
    // Reviews requested from now on get the checklist (the demo's own reviews carry theirs).
    const items = await withClient(
      url,
      async (c) =>
        (await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM "RunbookItem" WHERE active`))
          .rows[0].n,
    );
    expect(items).toBe(RUNBOOK.length);
  }, 60_000);
});
