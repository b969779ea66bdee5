import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { loadActor } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { exportAll } from "@/lib/server/transfer/export";
import { SPECS } from "@/lib/transfer/spreadsheet/files";
import { parseImportFiles } from "@/lib/transfer/spreadsheet/parse";
import type { ImportReport, UploadedFile } from "@/lib/transfer/types";
import { PermissionError } from "@/lib/server/errors";
import { commitImport, openExport, previewImport } from "@/lib/server/transfer/service";
import { createOrg, createUser } from "../factories";
import { resetDatabase } from "../setup/db";

const GOOD = path.resolve("tests/fixtures/import");
const BAD = path.resolve("tests/fixtures/import-bad");
const temp: string[] = [];

async function load(dir: string): Promise<{ name: string; content: Uint8Array }[]> {
  const names = (await readdir(dir)).filter((n) => n.endsWith(".csv")).sort();
  return Promise.all(
    names.map(async (name) => ({
      name,
      content: new Uint8Array(await readFile(path.join(dir, name))),
    })),
  );
}

const replace = (files: UploadedFile[], name: string, text: string) => [
  ...files.filter((f) => f.name !== name),
  { name, content: text },
];
const counts = (r: ImportReport) => Object.fromEntries(r.files.map((f) => [f.file, f.counts]));
const where = (r: ImportReport) => r.errors.map((e) => [e.file, e.line, e.column]);

// The fixture set makes someone an admin, which only an admin may do (lib/transfer/role-grants.ts).
async function admin() {
  return (await loadActor((await createUser(["ADMIN"], { email: "importer@example.test" })).id))!;
}

async function tableCounts() {
  const [
    orgs,
    teams,
    users,
    memberships,
    reviews,
    participants,
    findings,
    releases,
    models,
    threats,
    activities,
    versions,
    completions,
    feedback,
    audit,
  ] = await Promise.all([
    db.org.count(),
    db.team.count(),
    db.user.count(),
    db.guardianMembership.count(),
    db.review.count(),
    db.reviewParticipant.count(),
    db.finding.count(),
    db.release.count(),
    db.threatModel.count(),
    db.threat.count(),
    db.activityEntry.count(),
    db.activityEntryVersion.count(),
    db.courseCompletion.count(),
    db.feedback.count(),
    db.auditLog.count(),
  ]);
  return {
    orgs,
    teams,
    users,
    memberships,
    reviews,
    participants,
    findings,
    releases,
    models,
    threats,
    activities,
    versions,
    completions,
    feedback,
    audit,
  };
}

/** Each file's rows in canonical text, sorted, so two parses compare regardless of order. */
function canonical(files: UploadedFile[], skipEmail?: string) {
  const parsed = parseImportFiles(files);
  expect(parsed.errors).toEqual([]);
  return Object.fromEntries(
    parsed.files.map((f) => [
      f.spec.name,
      f.rows
        .map((r) => f.spec.format(r.row))
        .filter((cells) => !skipEmail || cells.email !== skipEmail)
        .map((cells) => JSON.stringify(cells))
        .sort(),
    ]),
  );
}

async function exportToFolder() {
  const dir = await mkdtemp(path.join(tmpdir(), "guardians-export-"));
  temp.push(dir);
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await exportAll(client, dir);
  } finally {
    await client.end();
  }
  return dir;
}

beforeEach(async () => {
  await resetDatabase();
});

afterAll(async () => {
  await Promise.all(temp.map((d) => rm(d, { recursive: true, force: true })));
});

describe("importing the fixture set", () => {
  it("previews without writing, commits everything, and exports the same rows", async () => {
    const actor = await admin();
    const files = await load(GOOD);
    const preview = await previewImport(actor, files);
    expect(preview.errors).toEqual([]);
    expect(preview.committed).toBe(false);
    expect(preview.warnings).toEqual([
      {
        file: "reviews.csv",
        line: 1,
        column: "tracker_url",
        message: "The column tracker_url is not part of reviews.csv and is ignored",
      },
    ]);
    const created = (rows: number) => ({ rows, create: rows, update: 0, unchanged: 0 });
    expect(counts(preview)).toEqual({
      "orgs.csv": created(3),
      "teams.csv": created(3),
      "people.csv": created(7),
      "guardians.csv": created(3),
      "reviews.csv": created(3),
      "findings.csv": created(3),
      "releases.csv": created(2),
      "threat_models.csv": created(2),
      "threats.csv": created(3),
      "activities.csv": created(6),
      "courses.csv": created(3),
      "completions.csv": created(3),
      "feedback.csv": created(3),
    });
    expect(await db.org.count()).toBe(0);

    const result = await commitImport(actor, files);
    expect(result.committed).toBe(true);
    expect(counts(result)).toEqual(counts(preview));

    const rev3 = await db.review.findUniqueOrThrow({
      where: { key: "REV-3" },
      include: { participants: { include: { user: true } }, team: true },
    });
    expect(rev3.requestedAt.toISOString()).toBe("2025-06-01T06:00:00.000Z");
    expect(rev3.effortQuarterHours).toBe(16);
    expect(rev3.participants.map((p) => p.user.email).sort()).toEqual([
      "gina@acme.test",
      "gus@acme.test",
    ]);
    expect((await db.finding.findUniqueOrThrow({ where: { key: "FND-3" } })).teamId).toBe(
      rev3.teamId,
    );
    const payments = await db.org.findUniqueOrThrow({
      where: { key: "acme-payments" },
      include: { parent: true, leader: true },
    });
    expect([payments.name, payments.parent?.key, payments.leader?.email]).toEqual([
      "Acme payments",
      "acme",
      "pay.lead@acme.test",
    ]);
    expect(
      await db.activityEntry.count({ where: { idempotencyKey: { startsWith: "import:" } } }),
    ).toBe(6);
    expect(
      await db.activityEntryVersion.count({ where: { version: 1, changedById: actor.id } }),
    ).toBe(6);
    expect(
      await db.guardianStatusChange.count({ where: { fromStatus: null, changedById: actor.id } }),
    ).toBe(3);
    const audit = await db.auditLog.findMany({ where: { entity: "Import" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorId: actor.id,
      action: "import",
      after: { files: { "reviews.csv": { rows: 3, create: 3, update: 0, unchanged: 0 } } },
    });

    const exported = await load(await exportToFolder());
    expect(exported.map((f) => f.name)).toEqual(Object.keys(SPECS).sort());
    for (const f of exported) {
      const header = new TextDecoder().decode(f.content).split("\r\n")[0];
      expect(header).toBe(
        SPECS[f.name as keyof typeof SPECS].columns.map((c) => `"${c}"`).join(","),
      );
    }
    expect(canonical(exported, actor.email)).toEqual(canonical(files));
  });

  it("changes nothing when the same files are imported again: no writes, no audit entry", async () => {
    const actor = await admin();
    const files = await load(GOOD);
    await commitImport(actor, files);
    const before = await tableCounts();
    const again = await commitImport(actor, files);
    expect(again.errors).toEqual([]);
    expect(again.committed).toBe(false);
    for (const f of again.files)
      expect(f.counts).toEqual({
        rows: f.counts.rows,
        create: 0,
        update: 0,
        unchanged: f.counts.rows,
      });
    expect(await tableCounts()).toEqual(before);
    // Its own export imports as unchanged too.
    const roundTrip = await previewImport(actor, await load(await exportToFolder()));
    expect(roundTrip.files.every((f) => f.counts.create === 0 && f.counts.update === 0)).toBe(true);
  });

  it("updates changed rows only, syncing lists and recording status changes", async () => {
    const actor = await admin();
    let files: UploadedFile[] = await load(GOOD);
    await commitImport(actor, files);
    files = replace(
      files,
      "reviews.csv",
      'review_id,team,service,requested_at,guardian_emails\nREV-3,login,Single sign-on,2025-06-01T06:00:00Z,gus@acme.test\nREV-2,checkout,"Checkout, mobile",2025-05-01,\n',
    );
    files = replace(
      files,
      "guardians.csv",
      "email,team,status,nominated_on,active_on,left_on\ngina@acme.test,payments-api,alumni,2025-01-20,2025-02-01,2025-12-01\n",
    );
    const result = await commitImport(actor, files);
    expect(counts(result)["reviews.csv"]).toEqual({ rows: 2, create: 0, update: 1, unchanged: 1 });
    expect(counts(result)["guardians.csv"]).toEqual({
      rows: 1,
      create: 0,
      update: 1,
      unchanged: 0,
    });
    const rev3 = await db.review.findUniqueOrThrow({
      where: { key: "REV-3" },
      include: { participants: { include: { user: true } } },
    });
    expect(rev3.service).toBe("Single sign-on");
    expect(rev3.participants.map((p) => p.user.email)).toEqual(["gus@acme.test"]);
    expect(rev3.securityEngineerId).not.toBeNull(); // not in the file: left as it was
    expect(
      await db.guardianStatusChange.count({ where: { fromStatus: "ACTIVE", toStatus: "ALUMNI" } }),
    ).toBe(1);
    expect(await db.auditLog.count({ where: { entity: "Import" } })).toBe(2);
  });

  it("checks references against the database and matches activities logged in the app", async () => {
    const actor = await admin();
    const files = await load(GOOD);
    await commitImport(
      actor,
      files.filter((f) => ["orgs.csv", "teams.csv", "people.csv"].includes(f.name)),
    );
    const gina = await db.user.findUniqueOrThrow({ where: { email: "gina@acme.test" } });
    await db.activityEntry.create({
      data: {
        userId: gina.id,
        date: new Date("2025-07-01"),
        quarterHours: 4,
        type: "SUPPORT",
        note: "Paired on a fix",
        idempotencyKey: "app-1",
      },
    });
    const more = [
      {
        name: "reviews.csv",
        content: "review_id,team,service,requested_at\nNEW-1,checkout,Cart,2025-07-01\n",
      },
      {
        name: "findings.csv",
        content:
          "finding_id,review_id,severity,opened_on,status\nF-9,NEW-1,low,2025-07-02,open\nF-10,REV-404,low,2025-07-02,open\n",
      },
      {
        name: "activities.csv",
        content:
          "email,date,hours,activity_type,note\ngina@acme.test,2025-07-01,1,support,Paired on a fix\ngina@acme.test,2025-07-01,23.25,other,\n",
      },
      { name: "orgs.csv", content: "org,parent_org\nacme,acme-payments\n" },
    ];
    const result = await commitImport(actor, more);
    expect(result.committed).toBe(false);
    expect(where(result)).toEqual([
      ["orgs.csv", 2, "parent_org"],
      ["findings.csv", 3, "review_id"],
      ["activities.csv", 3, "hours"],
    ]);
    expect(result.errors[0].message).toBe(
      "These parents form a cycle: acme → acme-payments → acme",
    );
    expect(counts(result)["activities.csv"]).toEqual({
      rows: 2,
      create: 0,
      update: 0,
      unchanged: 1,
    });
    expect(await db.review.count()).toBe(0);
  });
});

describe("bad files", () => {
  it("rolls back files already written when a later one breaks a database rule", async () => {
    const actor = await admin();
    await commitImport(
      actor,
      (await load(GOOD)).filter((f) =>
        ["orgs.csv", "teams.csv", "people.csv", "guardians.csv"].includes(f.name),
      ),
    );
    // gina's membership is active; a later declined nomination becomes the latest one.
    const gina = await db.user.findUniqueOrThrow({ where: { email: "gina@acme.test" } });
    const team = await db.team.findUniqueOrThrow({ where: { key: "payments-api" } });
    await db.guardianMembership.create({
      data: {
        userId: gina.id,
        teamId: team.id,
        status: "DECLINED",
        nominatedOn: new Date("2025-08-01"),
        declinedOn: new Date("2025-08-05"),
      },
    });
    const before = await tableCounts();
    const files = [
      { name: "orgs.csv", content: "org\nnew-org\n" },
      {
        name: "guardians.csv",
        content:
          "email,team,status,nominated_on\ngina@acme.test,payments-api,nominated,2025-08-01\n",
      },
    ];
    expect((await previewImport(actor, files)).errors).toEqual([]);
    await expect(commitImport(actor, files)).rejects.toThrow(
      /Nothing was imported: a row breaks a rule of the database \(GuardianMembership_one_current\)/,
    );
    expect(await tableCounts()).toEqual(before);
  });

  it("keeps the app's closing-date rule: a closing status needs closed_on, an open finding none", async () => {
    const actor = await admin();
    const files = replace(
      await load(GOOD),
      "findings.csv",
      "finding_id,review_id,severity,opened_on,status,closed_on\n" +
        "FND-1,REV-1,critical,2025-04-05,mitigated,\n" +
        "FND-2,REV-1,low,2025-04-06,open,2025-04-07\n" +
        "FND-3,REV-3,medium,2025-06-10,accepted,2025-06-09\n",
    );
    const before = await tableCounts();
    const result = await commitImport(actor, files);
    expect(result.committed).toBe(false);
    expect(result.errors.map((e) => [e.file, e.line, e.column, e.message])).toEqual([
      ["findings.csv", 2, "closed_on", "A mitigated finding needs closed_on"],
      ["findings.csv", 3, "closed_on", "An open finding has no closed_on"],
      ["findings.csv", 4, "closed_on", "closed_on is before opened_on"],
    ]);
    expect(await tableCounts()).toEqual(before);
  });

  it("imports nothing and reports every bad row with its line and column", async () => {
    const actor = await admin();
    const before = await tableCounts();
    const files = await load(BAD);
    const expected = [
      ["people.csv", 3, "email"],
      ["people.csv", 4, "roles"],
      ["people.csv", 5, "email"],
      ["guardians.csv", 1, "nominated_on"],
      ["reviews.csv", 3, "requested_at"],
      ["reviews.csv", 4, "team"],
      ["reviews.csv", 5, "completed_at"],
      ["reviews.csv", 7, "guardian_emails"],
      ["reviews.csv", 8, "effort_hours"],
      ["findings.csv", 2, "severity"],
      ["findings.csv", 3, "review_id"],
      ["findings.csv", 4, "closed_on"],
      ["activities.csv", 2, "hours"],
      ["activities.csv", 3, "hours"],
      ["activities.csv", 4, "email"],
      ["activities.csv", 5, "date"],
      ["activities.csv", 7, "hours"],
    ];
    const preview = await previewImport(actor, files);
    expect(where(preview)).toEqual(expected);
    expect(preview.warnings.map((w) => [w.file, w.line, w.column])).toEqual([
      ["findings.csv", 1, "owner"],
    ]);
    // rows with errors are not counted
    expect(counts(preview)["reviews.csv"]).toEqual({ rows: 6, create: 1, update: 0, unchanged: 0 });
    expect(preview.errors.find((e) => e.file === "people.csv" && e.line === 5)?.message).toBe(
      "Duplicate email “ann@beta.test”: also on line 2",
    );
    const commit = await commitImport(actor, files);
    expect(commit.committed).toBe(false);
    expect(where(commit)).toEqual(expected);
    expect(await tableCounts()).toEqual(before);
  });
});

describe("access", () => {
  it("refuses people without import.run and writes nothing", async () => {
    const org = await createOrg();
    const files = await load(GOOD);
    for (const roles of [["GUARDIAN"], ["MANAGER"], ["SECURITY_ENGINEER"]] as const) {
      const actor = (await loadActor((await createUser([...roles], { orgId: org.id })).id))!;
      await expect(previewImport(actor, files)).rejects.toThrow(PermissionError);
      await expect(commitImport(actor, files)).rejects.toThrow(PermissionError);
      await expect(openExport(actor, "people.csv")).rejects.toThrow(PermissionError);
    }
    expect(await db.review.count()).toBe(0);
  });

  it("streams an export file to a lead", async () => {
    await commitImport(await admin(), await load(GOOD));
    const actor = (await loadActor((await createUser(["LEAD"])).id))!;
    const bytes = await new Response(await openExport(actor, "courses.csv")).arrayBuffer();
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
    expect(text).toBe(
      '\uFEFF"course","required","hours"\r\n"guardian-onboarding","yes",2\r\n"secure-coding","yes",4.5\r\n"threat-modeling","no",3\r\n',
    );
  });
});
