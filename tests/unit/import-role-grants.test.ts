// The role-grant rule as an import applies it (lib/transfer/role-grants.ts), on hand-written rows.
import { describe, expect, it } from "vitest";
import type { Role } from "@/lib/generated/prisma/enums";
import {
  backupPeopleIssues,
  isRestricted,
  peopleRowIssues,
  type ImportActor,
} from "@/lib/transfer/role-grants";
import type { PersonRow } from "@/lib/transfer/spreadsheet/spec-people";

const LEAD = { id: 1, roles: ["LEAD"] as Role[] };
const ADMIN = { id: 2, roles: ["ADMIN"] as Role[] };
const row = (email: string, roles: Role[], name = "Someone"): PersonRow => ({
  email,
  name,
  roles,
  org: null,
  team: null,
});
const ALL = ["email", "name", "roles", "org", "team"];

describe("who the rule limits", () => {
  it.each<[string, ImportActor, boolean]>([
    ["the command line (the system)", null, false],
    ["an admin", ADMIN, false],
    ["an admin who is also a builder", { id: 3, roles: ["ADMIN", "BUILDER"] }, false],
    ["a lead", LEAD, true],
  ])("%s: restricted = %s", (_, actor, restricted) => {
    expect(isRestricted(actor)).toBe(restricted);
  });
});

describe("people.csv rows a lead may not write", () => {
  const accounts = new Map<string, Role[]>([
    ["admin@x.test", ["ADMIN"]],
    ["sso-admin@x.test", ["ADMIN", "BUILDER"]],
    ["lead@x.test", ["LEAD"]],
    ["bob@x.test", ["BUILDER"]],
  ]);
  const update = (line: number, email: string, before: Role[], after: Role[], name?: string) => ({
    id: String(line),
    line,
    row: row(email, after, name),
    before: row(email, before),
  });

  it("refuses a new admin, a grant or removal of Admin, and any change to an admin's account, by line", () => {
    const issues = peopleRowIssues(
      LEAD,
      {
        create: [
          { line: 2, row: row("new@x.test", ["ADMIN", "BUILDER"]) },
          { line: 3, row: row("fine@x.test", ["LEAD"]) },
        ],
        update: [
          update(4, "lead@x.test", ["LEAD"], ["ADMIN", "LEAD"]),
          update(5, "admin@x.test", ["ADMIN"], ["BUILDER"]),
          update(6, "admin@x.test", ["ADMIN"], ["ADMIN"], "Renamed"),
          // Admin through SSO groups: hand roles change from BUILDER to GUARDIAN.
          update(7, "sso-admin@x.test", ["BUILDER"], ["GUARDIAN"]),
          update(8, "bob@x.test", ["BUILDER"], ["BUILDER", "GUARDIAN"]),
        ],
      },
      ALL,
      accounts,
    );
    expect(issues.map((i) => [i.file, i.line, i.column])).toEqual([
      ["people.csv", 2, "roles"],
      ["people.csv", 4, "roles"],
      ["people.csv", 5, "roles"],
      ["people.csv", 6, "roles"],
      ["people.csv", 7, "roles"],
    ]);
    expect(issues[0].message).toBe(
      "Only an administrator can grant or remove the Admin role: this row would give new@x.test the Admin role",
    );
    expect(issues[2].message).toBe(
      "admin@x.test is an administrator: only an administrator can change their account",
    );
  });

  it("says which way a removal goes, and ignores roles when the file has no roles column", () => {
    const noAdmin = new Map<string, Role[]>([["ex@x.test", ["LEAD"]]]);
    const removal = peopleRowIssues(
      LEAD,
      { create: [], update: [update(2, "ex@x.test", ["ADMIN", "LEAD"], ["LEAD"])] },
      ALL,
      noAdmin,
    );
    expect(removal.map((i) => i.message)).toEqual([
      "Only an administrator can grant or remove the Admin role: this row would take the Admin role from ex@x.test",
    ]);
    const withoutRoles = peopleRowIssues(
      LEAD,
      { create: [], update: [update(2, "ex@x.test", ["ADMIN", "LEAD"], ["LEAD"])] },
      ["email", "name"],
      noAdmin,
    );
    expect(withoutRoles).toEqual([]);
  });

  it("lets an admin do all of it", () => {
    expect(
      peopleRowIssues(
        ADMIN,
        {
          create: [{ line: 2, row: row("new@x.test", ["ADMIN"]) }],
          update: [update(3, "admin@x.test", ["ADMIN"], ["BUILDER"])],
        },
        ALL,
        accounts,
      ),
    ).toEqual([]);
  });
});

describe("program.json people", () => {
  it("refuses a lead's change to an admin's deactivation, naming the record", () => {
    const accounts = new Map<string, Role[]>([
      ["admin@x.test", ["ADMIN"]],
      ["bob@x.test", ["BUILDER"]],
    ]);
    const changed = [
      { email: "bob@x.test", index: 0 },
      { email: "admin@x.test", index: 3 },
    ];
    expect(backupPeopleIssues(LEAD, changed, accounts)).toEqual([
      {
        file: "program.json",
        line: null,
        column: "people[3].deactivatedAt",
        message:
          "admin@x.test is an administrator: only an administrator can change their deactivation",
      },
    ]);
    expect(backupPeopleIssues(ADMIN, changed, accounts)).toEqual([]);
  });
});
