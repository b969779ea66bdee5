// The role-grant rule on the import and restore paths (lib/transfer/role-grants.ts): a lead may
// not grant or remove Admin nor change an admin's account through people.csv or program.json;
// an admin may, and every role change the import makes is audited per person.
import { beforeEach, describe, expect, it } from "vitest";
import { loadActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { commitImport, previewImport } from "@/lib/server/transfer/service";
import type { UploadedFile } from "@/lib/transfer/types";
import { createOrg, createUser } from "../factories";
import { resetDatabase } from "../setup/db";
import { changedTables, fingerprint } from "./action-harness";

beforeEach(async () => {
  await resetDatabase();
});

const HEADER = "email,name,roles,org,team\r\n";

async function world() {
  const acme = await createOrg({ name: "Acme" });
  const globex = await createOrg({ name: "Globex" });
  const admin = await createUser(["ADMIN"], { email: "admin@acme.test", orgId: acme.id });
  const lead = await createUser(["LEAD"], { email: "lead@acme.test", orgId: acme.id });
  const bob = await createUser(["BUILDER"], { email: "bob@globex.test", orgId: globex.id });
  // Admin through SSO groups only: hand roles say builder.
  const sso = await createUser(["BUILDER"], { email: "sso@globex.test", orgId: globex.id });
  await db.user.update({ where: { id: sso.id }, data: { groupRoles: ["ADMIN"] } });
  const people = await db.user.findMany({ select: { email: true, name: true } });
  const name = Object.fromEntries(people.map((p) => [p.email, p.name]));
  // A person's row as the export writes it (roles: the hand roles).
  const row = (email: string, roles: string, org: string, over: { name?: string } = {}) =>
    `${email},${over.name ?? name[email]},${roles},${org},\r\n`;
  return {
    acme,
    globex,
    admin,
    lead,
    bob,
    sso,
    row,
    asLead: async () => (await loadActor(lead.id))!,
    asAdmin: async () => (await loadActor(admin.id))!,
  };
}

type World = Awaited<ReturnType<typeof world>>;
const peopleCsv = (...rows: string[]): UploadedFile[] => [
  { name: "people.csv", content: HEADER + rows.join("") },
];

/** Preview and commit give the same errors, and the commit writes nothing. */
async function refused(actor: Awaited<ReturnType<World["asLead"]>>, files: UploadedFile[]) {
  const before = await fingerprint();
  const preview = await previewImport(actor, files);
  const commit = await commitImport(actor, files);
  expect(commit.errors).toEqual(preview.errors);
  expect(commit.committed).toBe(false);
  expect(changedTables(before, await fingerprint())).toEqual([]);
  return commit.errors;
}

const rolesOf = (email: string) =>
  db.user.findUniqueOrThrow({
    where: { email },
    select: { handRoles: true, groupRoles: true, roles: true, name: true, deactivatedAt: true },
  });

describe("people.csv by a lead", () => {
  it("refuses a lead granting themself Admin, at the row, and writes nothing", async () => {
    const w = await world();
    const errors = await refused(
      await w.asLead(),
      peopleCsv(
        w.row("bob@globex.test", "builder; guardian", w.globex.key),
        w.row("lead@acme.test", "lead; admin", w.acme.key),
      ),
    );
    expect(errors).toEqual([
      {
        file: "people.csv",
        line: 3,
        column: "roles",
        message:
          "Only an administrator can grant or remove the Admin role: this row would give lead@acme.test the Admin role",
      },
    ]);
    expect((await rolesOf("lead@acme.test")).roles).toEqual(["LEAD"]);
    expect((await rolesOf("bob@globex.test")).roles).toEqual(["BUILDER"]);
  });

  it("refuses demoting the admin, renaming them, touching someone admin through SSO groups, or a new admin", async () => {
    const w = await world();
    const lead = await w.asLead();
    const message = (email: string) =>
      `${email} is an administrator: only an administrator can change their account`;
    expect(await refused(lead, peopleCsv(w.row("admin@acme.test", "lead", w.acme.key)))).toEqual([
      { file: "people.csv", line: 2, column: "roles", message: message("admin@acme.test") },
    ]);
    expect(
      await refused(
        lead,
        peopleCsv(w.row("admin@acme.test", "admin", w.acme.key, { name: "Not The Admin" })),
      ),
    ).toEqual([
      { file: "people.csv", line: 2, column: "roles", message: message("admin@acme.test") },
    ]);
    expect(
      await refused(lead, peopleCsv(w.row("sso@globex.test", "builder; guardian", w.globex.key))),
    ).toEqual([
      { file: "people.csv", line: 2, column: "roles", message: message("sso@globex.test") },
    ]);
    const newAdmin = await refused(
      lead,
      peopleCsv(`new@globex.test,New Admin,admin,${w.globex.key},\r\n`),
    );
    expect(newAdmin.map((e) => [e.line, e.column])).toEqual([[2, "roles"]]);
    expect(await rolesOf("admin@acme.test")).toMatchObject({ roles: ["ADMIN"] });
    expect(await db.user.count({ where: { email: "new@globex.test" } })).toBe(0);
  });

  it("imports a lead's file that leaves the admins' rows as they are, auditing each role change", async () => {
    const w = await world();
    const lead = await w.asLead();
    const result = await commitImport(
      lead,
      peopleCsv(
        w.row("admin@acme.test", "admin", w.acme.key),
        w.row("sso@globex.test", "builder", w.globex.key),
        w.row("bob@globex.test", "builder; guardian", w.globex.key),
        `carol@acme.test,Carol New,manager,${w.acme.key},\r\n`,
      ),
    );
    expect(result.errors).toEqual([]);
    expect(result.committed).toBe(true);
    expect(result.files[0].counts).toEqual({ rows: 4, create: 1, update: 1, unchanged: 2 });
    expect((await rolesOf("bob@globex.test")).roles).toEqual(["GUARDIAN", "BUILDER"]);
    const entries = await db.auditLog.findMany({
      where: { entity: "User" },
      orderBy: { id: "asc" },
    });
    const carol = await db.user.findUniqueOrThrow({ where: { email: "carol@acme.test" } });
    expect(entries.map((e) => [e.action, e.entityId, e.actorId, e.orgId])).toEqual([
      ["create", String(carol.id), w.lead.id, w.acme.id],
      ["update", String(w.bob.id), w.lead.id, w.globex.id],
    ]);
    const summary = await db.auditLog.findFirstOrThrow({ where: { entity: "Import" } });
    expect(entries[1].before).toEqual({
      email: "bob@globex.test",
      name: w.bob.name,
      handRoles: ["BUILDER"],
      groupRoles: [],
      roles: ["BUILDER"],
    });
    expect(entries[1].after).toEqual({
      email: "bob@globex.test",
      name: w.bob.name,
      handRoles: ["GUARDIAN", "BUILDER"],
      groupRoles: [],
      roles: ["GUARDIAN", "BUILDER"],
      import: summary.entityId,
    });
    expect(entries[0].before).toBeNull();
    expect(entries[0].after).toMatchObject({ handRoles: ["MANAGER"], roles: ["MANAGER"] });
  });
});

describe("people.csv by an admin", () => {
  it("grants, demotes and renames across two organisations, each role change audited with before and after", async () => {
    const w = await world();
    // Bob's roles in the order an older import stored them (alphabetical, not the schema's).
    await db.user.update({ where: { id: w.bob.id }, data: { handRoles: ["BUILDER", "GUARDIAN"] } });
    const files = peopleCsv(
      w.row("lead@acme.test", "lead; admin", w.acme.key),
      w.row("admin@acme.test", "lead", w.acme.key, { name: "Former Admin" }),
      w.row("sso@globex.test", "guardian", w.globex.key),
      w.row("bob@globex.test", "guardian; builder", w.globex.key, { name: "Bob Renamed" }),
    );
    const preview = await previewImport(await w.asAdmin(), files);
    expect(preview.errors).toEqual([]);
    const result = await commitImport(await w.asAdmin(), files);
    expect(result.committed).toBe(true);
    expect(await rolesOf("lead@acme.test")).toMatchObject({ roles: ["ADMIN", "LEAD"] });
    expect(await rolesOf("admin@acme.test")).toMatchObject({
      name: "Former Admin",
      roles: ["LEAD"],
    });
    // A group role is the provider's: the import changes only the hand roles.
    expect(await rolesOf("bob@globex.test")).toMatchObject({
      name: "Bob Renamed",
      handRoles: ["GUARDIAN", "BUILDER"],
    });
    expect(await rolesOf("sso@globex.test")).toMatchObject({
      handRoles: ["GUARDIAN"],
      groupRoles: ["ADMIN"],
      roles: ["ADMIN", "GUARDIAN"],
    });
    const entries = await db.auditLog.findMany({
      where: { entity: "User", action: "update" },
      orderBy: { entityId: "asc" },
    });
    // Bob's rename (and his roles rewritten in the schema's order) is no role change: the
    // import's summary covers it.
    expect(entries.map((e) => [e.entityId, e.actorId])).toEqual(
      [w.admin.id, w.lead.id, w.sso.id]
        .sort((a, b) => String(a).localeCompare(String(b)))
        .map((id) => [String(id), w.admin.id]),
    );
    const bySubject = new Map(entries.map((e) => [Number(e.entityId), e]));
    expect(bySubject.get(w.admin.id)?.before).toMatchObject({
      handRoles: ["ADMIN"],
      roles: ["ADMIN"],
    });
    expect(bySubject.get(w.admin.id)?.after).toMatchObject({
      name: "Former Admin",
      handRoles: ["LEAD"],
      roles: ["LEAD"],
    });
    expect(bySubject.get(w.sso.id)?.before).toMatchObject({
      handRoles: ["BUILDER"],
      groupRoles: ["ADMIN"],
      roles: ["ADMIN", "BUILDER"],
    });
    expect(bySubject.get(w.sso.id)?.after).toMatchObject({
      handRoles: ["GUARDIAN"],
      groupRoles: ["ADMIN"],
      roles: ["ADMIN", "GUARDIAN"],
    });
    // The same file again changes nothing and records nothing.
    const again = await commitImport(await w.asAdmin(), files);
    expect(again.committed).toBe(false);
    expect(await db.auditLog.count({ where: { entity: "User" } })).toBe(3);
  });
});

describe("a restore's program.json", () => {
  const program = (people: { email: string; deactivatedAt: string | null }[]) => ({
    name: "program.json",
    content: JSON.stringify({ format: "guardians-backup", version: 1, people }),
  });

  it("a lead may not deactivate the admin; an admin may", async () => {
    const w = await world();
    const files = [
      program([
        { email: "bob@globex.test", deactivatedAt: "2026-01-02T03:04:05Z" },
        { email: "admin@acme.test", deactivatedAt: "2026-01-02T03:04:05Z" },
      ]),
    ];
    expect(await refused(await w.asLead(), files)).toEqual([
      {
        file: "program.json",
        line: null,
        column: "people[1].deactivatedAt",
        message:
          "admin@acme.test is an administrator: only an administrator can change their deactivation",
      },
    ]);
    // Changing only the builder is fine for a lead.
    const lead = await commitImport(await w.asLead(), [
      program([
        { email: "bob@globex.test", deactivatedAt: "2026-01-02T03:04:05Z" },
        { email: "admin@acme.test", deactivatedAt: null },
      ]),
    ]);
    expect(lead.errors).toEqual([]);
    expect((await rolesOf("bob@globex.test")).deactivatedAt).not.toBeNull();

    const admin = await commitImport(await w.asAdmin(), [
      program([{ email: "lead@acme.test", deactivatedAt: "2026-01-02T03:04:05Z" }]),
    ]);
    expect(admin.errors).toEqual([]);
    expect(admin.committed).toBe(true);
    expect((await rolesOf("lead@acme.test")).deactivatedAt?.toISOString()).toBe(
      "2026-01-02T03:04:05.000Z",
    );
    // An admin deactivating the (other) admin.
    const second = await createUser(["ADMIN"], { email: "second@acme.test" });
    const byAdmin = await commitImport(await w.asAdmin(), [
      program([{ email: "second@acme.test", deactivatedAt: "2026-01-02T03:04:05Z" }]),
    ]);
    expect(byAdmin.errors).toEqual([]);
    expect((await rolesOf(second.email)).deactivatedAt).not.toBeNull();
  });
});
