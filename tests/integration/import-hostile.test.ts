// Hostile cells through the whole import (parse, plan, write): a NUL character, which
// PostgreSQL cannot store, is refused at its file, line and column like any bad value, and
// nothing is written; SQL and HTML fragments and formulas are stored as the text they are.
import { beforeEach, describe, expect, it } from "vitest";
import { loadActor } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { BACKUP_FILE, BACKUP_FORMAT, BACKUP_VERSION } from "@/lib/transfer/backup/schema";
import { commitImport, previewImport } from "@/lib/server/transfer/service";
import { createUser } from "../factories";
import { fingerprint } from "./action-harness";
import { resetDatabase } from "../setup/db";

beforeEach(async () => {
  await resetDatabase();
});

async function lead() {
  return (await loadActor((await createUser(["LEAD"], { email: "importer@example.test" })).id))!;
}

const csv = (name: string, text: string) => ({ name, content: new TextEncoder().encode(text) });

describe("hostile import files", () => {
  it("refuses a NUL in a cell at its file, line and column and writes nothing", async () => {
    const actor = await lead();
    const before = await fingerprint();
    const files = [
      csv("orgs.csv", "org\nplatform\n"),
      csv(
        "teams.csv",
        "team,org,joined_on\ncards,platform,2025-01-15\nvault\u0000x,platform,2025-01-15\n",
      ),
    ];
    for (const run of [previewImport, commitImport]) {
      const result = await run(actor, files);
      expect(result.committed).toBe(false);
      expect(result.errors).toEqual([
        expect.objectContaining({ file: "teams.csv", line: 3, column: "team" }),
      ]);
      expect(result.errors[0].message).toMatch(/NUL/);
    }
    expect(await fingerprint()).toEqual(before);
  });

  it("refuses a NUL in a backup record, naming the record, and writes nothing", async () => {
    const actor = await lead();
    const before = await fingerprint();
    const program = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      goals: [
        {
          title: "Train\u0000guardians",
          metric: "NEW_GUARDIANS",
          target: 3,
          period: "QUARTER",
          higherIsBetter: true,
        },
      ],
    };
    const result = await commitImport(actor, [
      { name: BACKUP_FILE, content: new TextEncoder().encode(JSON.stringify(program)) },
    ]);
    expect(result.committed).toBe(false);
    expect(result.errors).toEqual([
      expect.objectContaining({ file: BACKUP_FILE, column: "goals[0].title" }),
    ]);
    expect(await fingerprint()).toEqual(before);
  });

  it("refuses, in a backup, an org name on two lines, half a surrogate pair and a date of 1900", async () => {
    const actor = await lead();
    const before = await fingerprint();
    const program = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      orgs: [{ key: "platform", name: "Plat\r\nform", newsletterRecipients: [] }],
      goals: [
        {
          title: "Train \uD800 guardians",
          metric: "NEW_GUARDIANS",
          target: 3,
          period: "QUARTER",
          higherIsBetter: true,
        },
      ],
      people: [{ email: "importer@example.test", deactivatedAt: "1900-01-01T00:00:00Z" }],
    };
    const result = await commitImport(actor, [
      csv("orgs.csv", "org\nplatform\n"),
      // JSON.stringify writes the lone surrogate as the escape \ud800, as a crafted file would.
      { name: BACKUP_FILE, content: new TextEncoder().encode(JSON.stringify(program)) },
    ]);
    expect(result.committed).toBe(false);
    expect(result.errors.map((e) => e.column).sort()).toEqual([
      "goals[0].title",
      "orgs[0].name",
      "people[0].deactivatedAt",
    ]);
    expect(await fingerprint()).toEqual(before);
  });

  it("refuses org and team keys on more than one line in the CSV files (their names come from them)", async () => {
    const actor = await lead();
    const before = await fingerprint();
    const result = await commitImport(actor, [
      csv("orgs.csv", 'org\n"plat\r\nform"\n'),
      csv("teams.csv", 'team,org,joined_on\n"ca\trds",other,2025-01-15\n'),
    ]);
    expect(result.committed).toBe(false);
    expect(result.errors.map((e) => [e.file, e.line, e.column])).toEqual([
      ["orgs.csv", 2, "org"],
      ["teams.csv", 2, "team"],
    ]);
    expect(await fingerprint()).toEqual(before);
  });

  it("stores SQL, HTML and formula text as the text it is", async () => {
    const actor = await lead();
    const names = ['\'; DROP TABLE "User"; --', "<script>alert(1)</script>", "=cmd|' /C calc'!A0"];
    const teams = names.map((n, i) => `t${i},platform,2025-01-15`).join("\n");
    const people = names
      .map((n, i) => `p${i}@example.test,"${n.replace(/"/g, '""')}",builder,platform,t${i}`)
      .join("\n");
    const result = await commitImport(actor, [
      csv("orgs.csv", "org\nplatform\n"),
      csv("teams.csv", `team,org,joined_on\n${teams}\n`),
      csv("people.csv", `email,name,roles,org,team\n${people}\n`),
    ]);
    expect(result.errors).toEqual([]);
    expect(result.committed).toBe(true);
    const stored = await db.user.findMany({
      where: { email: { startsWith: "p" } },
      orderBy: { email: "asc" },
      select: { name: true },
    });
    expect(stored.map((u) => u.name)).toEqual(names);
  });
});
