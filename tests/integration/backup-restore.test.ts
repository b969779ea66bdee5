// Backup and restore: a demo program (with the records the demo lacks) is exported, imported
// into a second, empty database on the same server, and every dashboard, belt, goal and
// newsletter figure comes out the same; exporting the copy gives the same files; importing
// the folder again changes nothing; a bad program.json changes nothing either. What the tool
// imports keep (tool ids, the Jira issue, its comments and deliveries) comes back too, so
// importing the same tool file after a restore skips what is there.
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDatabase } from "@/lib/demo/insert";
import { exportAll } from "@/lib/server/transfer/export";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { readCsv, writeCsv } from "@/lib/transfer/csv";
import type { UploadedFile } from "@/lib/transfer/types";
import { runImport } from "@/lib/server/transfer/run-import";
import { resetDatabase, sideDatabase, withClient } from "../setup/db";
import { addExtras, dashboardSnapshot, reimportPreview, type ToolImports } from "./backup-helpers";

const urlA = process.env.DATABASE_URL!;
const target = sideDatabase("restore");
const urlB = target.url;
const folders: string[] = [];

async function exportFrom(url: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "guardians-backup-"));
  folders.push(dir);
  await withClient(url, (c) => exportAll(c, dir, { passwords: true }));
  return dir;
}

async function load(dir: string): Promise<{ name: string; content: Uint8Array }[]> {
  return Promise.all(
    (await readdir(dir)).sort().map(async (name) => ({
      name,
      content: new Uint8Array(await readFile(path.join(dir, name))),
    })),
  );
}

/**
 * The files as text, without the export time and the audit log (compared on its own: a restore adds
 * its import's record).
 */
const texts = async (dir: string) =>
  Object.fromEntries(
    (await load(dir)).map((f) => [
      f.name,
      new TextDecoder()
        .decode(f.content)
        .replace(/"exportedAt": "[^"]*"/, "")
        .replace(/,\n {2}"auditLog": \[[\s\S]*?\n {2}\]/, ""),
    ]),
  );

const auditLog = async (
  dir: string,
): Promise<{ action: string; entity: string; actor: string | null }[]> =>
  JSON.parse(await readFile(path.join(dir, "program.json"), "utf8")).auditLog;

/**
 * Runs `compute` with the app's Prisma clients (lib/db/client.ts: requests' and reports') pointed
 * at database B.
 */
async function onB<T>(compute: () => Promise<T>): Promise<T> {
  const store = globalThis as unknown as { prisma?: PrismaClient; reports?: PrismaClient };
  const original = { prisma: store.prisma, reports: store.reports };
  const clientB = new PrismaClient({ adapter: new PrismaPg({ connectionString: urlB }) });
  store.prisma = clientB;
  store.reports = clientB;
  try {
    return await compute();
  } finally {
    Object.assign(store, original);
    await clientB.$disconnect();
  }
}

const counts = async (url: string) =>
  withClient(
    url,
    async (c) =>
      (
        await c.query(`SELECT (SELECT count(*) FROM "User")::int AS users, (SELECT count(*) FROM "GuardianMembership")::int AS memberships,
    (SELECT count(*) FROM "Newsletter")::int AS newsletters, (SELECT coalesce(max(id), 0)::int FROM "AuditLog") AS audit`)
      ).rows[0],
  );

let folder: string;
let before: unknown;
let imports: ToolImports;
let reimportedBefore: Awaited<ReturnType<typeof reimportPreview>>;

const programOf = (files: { name: string; content: Uint8Array }[]) =>
  JSON.parse(new TextDecoder().decode(files.find((f) => f.name === "program.json")!.content));
const withProgram = (
  files: { name: string; content: Uint8Array }[],
  program: unknown,
): UploadedFile[] => [
  ...files.filter((f) => f.name !== "program.json"),
  { name: "program.json", content: JSON.stringify(program) },
];

beforeAll(async () => {
  await resetDatabase();
  await seedDatabase(urlA, { seed: 7, scale: "small", today: new Date() });
  imports = await addExtras();
  reimportedBefore = await reimportPreview(imports);
  before = await dashboardSnapshot();
  folder = await exportFrom(urlA);
  await target.recreate();
}, 60_000);

afterAll(async () => {
  await target.drop();
  await Promise.all(folders.map((d) => rm(d, { recursive: true, force: true })));
  await resetDatabase();
});

describe("backup and restore", () => {
  it("refuses a bad program.json and writes nothing, not even the valid CSV files", async () => {
    const files = await load(folder);
    const program = JSON.parse(
      new TextDecoder().decode(files.find((f) => f.name === "program.json")!.content),
    );
    program.memberships[0].nominatedOn = "last spring";
    program.mentorships.push({
      mentor: "nobody@example.test",
      mentee: program.mentorships[0].mentee,
      startedOn: "2026-01-01",
      endedOn: null,
    });
    const bad: UploadedFile[] = [
      ...files.filter((f) => f.name !== "program.json"),
      { name: "program.json", content: JSON.stringify(program) },
    ];
    const result = await withClient(urlB, (c) =>
      runImport(c, bad, { commit: true, actor: null, passwords: true }),
    );
    expect(result.committed).toBe(false);
    expect(result.errors).toEqual([
      {
        file: "program.json",
        line: null,
        column: "memberships[0].nominatedOn",
        message: expect.stringContaining("“last spring” is not an ISO 8601 date"),
      },
    ]);
    const broken = await withClient(urlB, (c) =>
      runImport(c, [{ name: "program.json", content: "{ not json" }], {
        commit: true,
        actor: null,
      }),
    );
    expect(broken.errors).toEqual([
      {
        file: "program.json",
        line: null,
        column: null,
        message: expect.stringMatching(/^program\.json is not valid JSON: /),
      },
    ]);
    program.memberships[0].nominatedOn = "2024-01-01";
    const unknown: UploadedFile[] = [
      ...files.filter((f) => f.name !== "program.json"),
      { name: "program.json", content: JSON.stringify(program) },
    ];
    const refs = await withClient(urlB, (c) =>
      runImport(c, unknown, { commit: true, actor: null }),
    );
    expect(refs.errors).toEqual([
      {
        file: "passwords.json",
        line: null,
        column: null,
        message: "passwords.json holds password hashes: it is only imported with npm run import",
      },
    ]);
    const noPasswords = unknown.filter((f) => f.name !== "passwords.json");
    const missing = await withClient(urlB, (c) =>
      runImport(c, noPasswords, { commit: true, actor: null }),
    );
    expect(missing.errors).toEqual([
      {
        file: "program.json",
        line: null,
        column: `mentorships[${program.mentorships.length - 1}].mentor`,
        message: "No person “nobody@example.test” in the CSV files or the database",
      },
    ]);
    expect(await counts(urlB)).toEqual({ users: 0, memberships: 0, newsletters: 0, audit: 0 });
  });

  it("refuses a backup whose findings break the closing-date rule, and writes nothing", async () => {
    const files = await load(folder);
    const csv = readCsv(
      new TextDecoder().decode(files.find((f) => f.name === "findings.csv")!.content),
    );
    const [header, ...rows] = csv.records.map((r) => r.cells);
    const [status, closedOn] = [header.indexOf("status"), header.indexOf("closed_on")];
    const open = rows.findIndex((r) => r[status] === "open");
    const closed = rows.findIndex((r) => r[status] !== "open");
    rows[open][closedOn] = rows[open][header.indexOf("opened_on")];
    rows[closed][closedOn] = "";
    const bad: UploadedFile[] = [
      ...files.filter((f) => f.name !== "findings.csv"),
      { name: "findings.csv", content: writeCsv([header, ...rows]) },
    ];
    const result = await withClient(urlB, (c) =>
      runImport(c, bad, { commit: true, actor: null, passwords: true }),
    );
    expect(result.committed).toBe(false);
    expect(
      result.errors
        .filter((e) => e.file === "findings.csv") // program.json's titles then name unknown findings
        .map((e) => [e.file, e.line, e.column, e.message])
        .sort((a, b) => Number(a[1]) - Number(b[1])),
    ).toEqual(
      [
        ["findings.csv", open + 2, "closed_on", "An open finding has no closed_on"],
        [
          "findings.csv",
          closed + 2,
          "closed_on",
          `A ${rows[closed][status]} finding needs closed_on`,
        ],
      ].sort((a, b) => Number(a[1]) - Number(b[1])),
    );
    expect(await counts(urlB)).toEqual({ users: 0, memberships: 0, newsletters: 0, audit: 0 });
  });

  it("refuses bad tool ids and Jira records with their position, and writes nothing", async () => {
    const files = await load(folder);
    const program = programOf(files);
    const sarif = program.findings.findIndex(
      (f: { externalSource: string | null }) => f.externalSource === "sarif",
    );
    program.findings[sarif].externalSource = null;
    program.jiraLinks[0].comments[1].status = "LOST";
    program.jiraDeliveries[0].receivedAt = "yesterday";
    const model = program.threatModels.findIndex(
      (t: { externalSource: string | null }) => t.externalSource === "threat-dragon",
    );
    program.threatModels[model].externalId = "";
    const result = await withClient(urlB, (c) =>
      runImport(c, withProgram(files, program), { commit: true, actor: null, passwords: true }),
    );
    expect(result.committed).toBe(false);
    expect(result.errors.map((e) => [e.file, e.column, e.message])).toEqual([
      [
        "program.json",
        `findings[${sarif}].externalSource`,
        "An externalId needs its externalSource",
      ],
      ["program.json", `threatModels[${model}].externalId`, "Give the external ID"],
      ["program.json", "jiraLinks[0].comments[1].status", expect.stringContaining("PENDING")],
      ["program.json", "jiraDeliveries[0].receivedAt", expect.stringContaining("“yesterday”")],
    ]);
    // Two findings of one review with the same tool id: the database's rule refuses it, by name.
    const twice = programOf(files);
    const fromSarif = twice.findings.filter(
      (f: { externalSource: string | null }) => f.externalSource === "sarif",
    );
    fromSarif[1].externalId = fromSarif[0].externalId;
    await expect(
      withClient(urlB, (c) =>
        runImport(c, withProgram(files, twice), { commit: true, actor: null, passwords: true }),
      ),
    ).rejects.toThrow(/Nothing was imported: .*Finding_reviewId_externalSource_externalId_key/);
    // A Jira issue of a review neither the CSV files nor the database have.
    const unknown = programOf(files);
    unknown.jiraLinks[0].review = "REV-NOWHERE";
    const refs = await withClient(urlB, (c) =>
      runImport(c, withProgram(files, unknown), { commit: true, actor: null, passwords: true }),
    );
    expect(refs.errors.map((e) => [e.file, e.column, e.message])).toEqual([
      [
        "program.json",
        "jiraLinks[0].review",
        "No review “REV-NOWHERE” in the CSV files or the database",
      ],
    ]);
    expect(await counts(urlB)).toEqual({ users: 0, memberships: 0, newsletters: 0, audit: 0 });
  });

  it("still reads a backup made before the tool imports (no tool fields, no Jira sections)", async () => {
    const files = await load(folder);
    const program = programOf(files);
    delete program.threatModels;
    delete program.jiraLinks;
    delete program.jiraDeliveries;
    for (const f of program.findings) {
      delete f.externalSource;
      delete f.externalId;
    }
    for (const t of program.threats) {
      delete t.description;
      delete t.externalId;
    }
    const preview = await withClient(urlB, (c) =>
      runImport(c, withProgram(files, program), { commit: false, actor: null, passwords: true }),
    );
    expect(preview.errors).toEqual([]);
    expect(preview.files.map((f) => f.file)).toEqual(
      expect.arrayContaining(["program.json: findings", "program.json: threats"]),
    );
    expect(preview.files.map((f) => f.file)).not.toContain("program.json: jiraLinks");
    expect(await counts(urlB)).toEqual({ users: 0, memberships: 0, newsletters: 0, audit: 0 });
  });

  it("restores into an empty database with identical dashboards, and a second import changes nothing", async () => {
    const files = await load(folder);
    const result = await withClient(urlB, (c) =>
      runImport(c, files, { commit: true, actor: null, passwords: true }),
    );
    expect(result.errors).toEqual([]);
    expect(result.committed).toBe(true);
    const after = await onB(dashboardSnapshot);
    expect(after).toEqual(before);
    // Whoever hid themself from the recognition wall stays hidden (docs/decisions/0019).
    const hiddenOnB = await withClient(urlB, async (c) => {
      const { rows } = await c.query(`SELECT email FROM "User" WHERE "hideFromRecognition"`);
      return rows.map((r) => r.email as string);
    });
    expect(hiddenOnB).toHaveLength(1);
    expect(hiddenOnB).toEqual(
      programOf(files)
        .people.filter((p: { hideFromRecognition: boolean }) => p.hideFromRecognition)
        .map((p: { email: string }) => p.email),
    );
    // The tool imports' records are in the backup and come back: the same files again skip
    // every finding and leave the threat model's threats unchanged, as before the backup.
    const program = programOf(files);
    expect(
      program.findings.filter(
        (f: { externalSource: string | null }) => f.externalSource === "sarif",
      ).length,
    ).toBe(reimportedBefore.findings.length);
    expect(
      program.threatModels.filter((t: { externalSource: string | null }) => t.externalSource),
    ).toEqual([expect.objectContaining({ externalSource: "threat-dragon" })]);
    expect(program.jiraLinks).toEqual([
      expect.objectContaining({
        review: imports.review,
        issueKey: "SEC-42",
        comments: [
          expect.objectContaining({ eventKey: "requested", status: "SENT", attempts: 1 }),
          expect.objectContaining({
            eventKey: "started",
            status: "FAILED",
            lastError: "Jira answered 503",
          }),
        ],
      }),
    ]);
    expect(program.jiraDeliveries).toEqual([
      { deliveryId: "1700000000001", receivedAt: "2026-03-02T09:00:00Z", review: imports.review },
      { deliveryId: "1700000000002", receivedAt: "2026-03-02T09:01:00.500Z", review: null },
    ]);
    expect(reimportedBefore.findings.length).toBeGreaterThan(0);
    expect(reimportedBefore.findings.every((a) => a === "skip")).toBe(true);
    expect(reimportedBefore.model).toBe("update");
    expect(reimportedBefore.threats.every((a) => a === "unchanged")).toBe(true);
    expect(await onB(() => reimportPreview(imports))).toEqual(reimportedBefore);
    const findingsB = await withClient(urlB, async (c) => {
      const { rows } = await c.query(
        `SELECT count(*)::int AS n FROM "Finding" WHERE "externalSource" = 'sarif'`,
      );
      return rows[0].n as number;
    });
    expect(findingsB).toBe(reimportedBefore.findings.length);
    // Agreed time comes back with its history (hours, shares, notes, who recorded it, when).
    expect(program.timeAgreements.length).toBeGreaterThan(0);
    expect(
      program.timeAgreements.some((t: { sharePercent: number | null }) => t.sharePercent),
    ).toBe(true);
    const agreementsB = await withClient(urlB, async (c) => {
      const { rows } = await c.query(`SELECT count(*)::int AS n FROM "TimeAgreement"`);
      return rows[0].n as number;
    });
    expect(agreementsB).toBe(program.timeAgreements.length);
    const copy = await exportFrom(urlB);
    expect(await texts(copy)).toEqual(await texts(folder));
    // The history comes back whole and in order, followed by the restore's own records: one
    // per person it gave roles to, and the import's.
    const history = await auditLog(folder);
    expect(history.map((r) => r.action)).toEqual(expect.arrayContaining(["publish", "update"]));
    const withRoles = await withClient(urlB, async (c) => {
      const { rows } = await c.query(
        `SELECT count(*)::int AS n FROM "User" WHERE "handRoles" <> '{}'`,
      );
      return rows[0].n as number;
    });
    expect(withRoles).toBeGreaterThan(0);
    expect(await auditLog(copy)).toEqual([
      ...history,
      ...Array.from({ length: withRoles }, () =>
        expect.objectContaining({ action: "create", entity: "User", actor: null }),
      ),
      expect.objectContaining({ action: "import", entity: "Import", actor: null }),
    ]);

    const stored = await counts(urlB);
    const again = await withClient(urlB, (c) =>
      runImport(c, files, { commit: true, actor: null, passwords: true }),
    );
    expect(again.errors).toEqual([]);
    expect(again.committed).toBe(false);
    expect(again.files.filter((f) => f.counts.create + f.counts.update > 0)).toEqual([]);
    expect(await counts(urlB)).toEqual(stored);
    expect(await texts(await exportFrom(urlB))).toEqual(await texts(folder));
  });
});
