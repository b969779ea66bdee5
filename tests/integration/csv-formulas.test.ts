// Spreadsheet formula injection on every CSV the app serves or writes: text people typed in the
// app (a guardian's hour note, a builder's review service name) comes out of the export route,
// `npm run export` (exportAll) and the dashboard CSV neutralised and quoted; importing the
// export into an empty database gives back exactly the same text.
import { randomUUID } from "node:crypto";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as exportRoute } from "@/app/api/transfer/export/[file]/route";
import { GET as metricsRoute } from "@/app/api/metrics/[family]/route";
import { db } from "@/lib/db/client";
import * as activity from "@/lib/server/activity/actions";
import * as reviews from "@/lib/server/reviews/actions";
import * as directory from "@/lib/server/directory/actions";
import { exportAll } from "@/lib/server/transfer/export";
import { runImport } from "@/lib/server/transfer/run-import";
import { readCsv } from "@/lib/transfer/csv";
import { FORMULA_TRIGGERS } from "@/lib/transfer/csv-formulas";
import { resetDatabase, sideDatabase, withClient } from "../setup/db";
import { actAs, buildWorld, daysAgo, formData, invoke, type World } from "./action-harness";

vi.mock("@/lib/auth/session", async () => (await import("./action-harness")).sessionModule());
vi.mock("next/cache", async () => (await import("./action-harness")).nextCacheModule());

const HYPERLINK = '=HYPERLINK("http://x","y")';
const NOTES = [HYPERLINK, "'already quoted", "'=1+1", "+cmd|' /C calc'!A0", "-2+3"];
const SERVICE = "@SUM(1)";

const urlA = process.env.DATABASE_URL!;
const target = sideDatabase("formulas");
const urlB = target.url;
let world: World;
let folder: string;

const ORIGIN = "http://localhost:3000";
const get = (route: typeof exportRoute, url: string, params: Record<string, string>) =>
  route(new Request(`${ORIGIN}${url}`, { headers: { host: "localhost:3000" } }), {
    params: Promise.resolve(params),
  } as never);

/** Every cell as a spreadsheet program sees it: none may start like a formula. */
function expectNoFormula(csv: string, where: string) {
  const { records, error } = readCsv(csv);
  expect(error).toBeNull();
  for (const r of records)
    for (const cell of r.cells)
      expect(FORMULA_TRIGGERS, `${where} line ${r.line}: ${JSON.stringify(cell)}`).not.toContain(
        cell.charAt(0),
      );
}

beforeAll(async () => {
  await resetDatabase();
  world = await buildWorld();
  actAs(world.users.guardianA.id);
  for (const [i, note] of NOTES.entries()) {
    const logged = await invoke(
      activity.logActivityAction,
      formData({
        date: daysAgo(2 + i),
        hours: "1",
        type: "QUESTION",
        note,
        idempotencyKey: randomUUID(),
      }),
    );
    expect(logged.kind, JSON.stringify(logged)).toBe("ok");
  }
  actAs(world.users.builderA.id);
  const requested = await invoke(
    reviews.requestReviewAction,
    formData({ team: world.A.team.key, service: SERVICE, requestedOn: daysAgo(3) }),
  );
  expect(["ok", "redirect"]).toContain(requested.kind);
  actAs(world.users.lead.id);
  const renamed = await invoke(
    directory.updatePersonAction,
    formData({
      id: String(world.A.builder.id),
      name: "=cmd|' /C calc'!A0",
      "role-BUILDER": "on",
      orgId: String(world.A.sub.id),
      teamId: String(world.A.team.id),
    }),
  );
  expect(["ok", "redirect"]).toContain(renamed.kind);
  folder = await mkdtemp(path.join(tmpdir(), "guardians-formulas-"));
  await withClient(urlA, (c) => exportAll(c, folder, { passwords: false }));
  await target.recreate();
}, 60_000);

afterAll(async () => {
  await target.drop();
  await rm(folder, { recursive: true, force: true });
});

describe("the export route (GET /api/transfer/export/<file>)", () => {
  it("writes a guardian's hour note and a builder's service name as text, quoted, with a leading '", async () => {
    actAs(world.users.lead.id);
    const activities = await (
      await get(exportRoute, "/api/transfer/export/activities.csv", { file: "activities.csv" })
    ).text();
    expect(activities).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(activities).toContain(`"''already quoted"`);
    expect(activities).toContain(`"''=1+1"`);
    // Hours are numbers: written bare.
    expect(activities).toMatch(/,1,"QUESTION"|,1,"question"/);
    expectNoFormula(activities, "activities.csv");
    const reviewsCsv = await (
      await get(exportRoute, "/api/transfer/export/reviews.csv", { file: "reviews.csv" })
    ).text();
    expect(reviewsCsv).toContain(`"'@SUM(1)"`);
    expectNoFormula(reviewsCsv, "reviews.csv");
    const people = await (
      await get(exportRoute, "/api/transfer/export/people.csv", { file: "people.csv" })
    ).text();
    expect(people).toContain(`"'=cmd|' /C calc'!A0"`);
    expectNoFormula(people, "people.csv");
  });
});

describe("npm run export (exportAll) and an import of its files", () => {
  it("writes every file without a formula a spreadsheet would run", async () => {
    for (const name of (await readdir(folder)).filter((n) => n.endsWith(".csv")))
      expectNoFormula(await readFile(path.join(folder, name), "utf8"), name);
  });

  it("restores the original text exactly in an empty database", async () => {
    const files = await Promise.all(
      (await readdir(folder)).map(async (name) => ({
        name,
        content: new Uint8Array(await readFile(path.join(folder, name))),
      })),
    );
    const result = await withClient(urlB, (c) =>
      runImport(c, files, { commit: true, actor: null, passwords: false }),
    );
    expect(result.errors).toEqual([]);
    expect(result.committed).toBe(true);
    const restored = await withClient(urlB, async (c) => ({
      notes: (
        await c.query<{ note: string }>(
          `SELECT note FROM "ActivityEntry" WHERE note IS NOT NULL ORDER BY note`,
        )
      ).rows.map((r) => r.note),
      services: (await c.query<{ service: string }>(`SELECT service FROM "Review"`)).rows.map(
        (r) => r.service,
      ),
      names: (await c.query<{ name: string }>(`SELECT name FROM "User"`)).rows.map((r) => r.name),
    }));
    const original = await db.activityEntry.findMany({
      where: { note: { not: null } },
      select: { note: true },
    });
    expect(restored.notes).toEqual(original.map((e) => e.note!).sort());
    expect(restored.notes).toEqual(expect.arrayContaining(NOTES));
    expect(restored.services).toContain(SERVICE);
    expect(restored.names).toContain("=cmd|' /C calc'!A0");
    // And importing the same files again changes nothing.
    const again = await withClient(urlB, (c) =>
      runImport(c, files, { commit: true, actor: null, passwords: false }),
    );
    expect(again.errors).toEqual([]);
    expect(again.files.filter((f) => f.counts.create + f.counts.update > 0)).toEqual([]);
  });
});

describe("the dashboard CSV (GET /api/metrics/<view>)", () => {
  it("quotes every text cell and leaves numbers bare", async () => {
    actAs(world.users.lead.id);
    await db.org.update({ where: { id: world.A.org.id }, data: { name: "=cmd|' /C calc'!A0" } });
    const response = await get(
      metricsRoute as unknown as typeof exportRoute,
      `/api/metrics/time?org=${world.A.org.id}`,
      { family: "time" },
    );
    expect(response.status).toBe(200);
    const csv = await response.text();
    const [header, ...lines] = csv.trim().split("\n");
    expect(header).toBe('"metric","filter","quarter","value","unit"');
    const rows = readCsv(csv).records.slice(1);
    expect(rows.length).toBeGreaterThan(0);
    for (const [i, { cells }] of rows.entries()) {
      const [, filter, quarter, value] = cells;
      expect(filter).toBe("org: =cmd|' /C calc'!A0 (with sub-orgs)");
      // The value column holds numbers: bare, never quoted nor prefixed.
      expect(value).toMatch(/^(-?\d+(\.\d+)?)?$/);
      expect(lines[i]).toContain(`"${quarter}",${value},`);
    }
    expectNoFormula(csv, "time.csv");
  });
});
