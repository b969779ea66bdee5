import { describe, expect, it } from "vitest";
import {
  can,
  orgSubtree,
  PERMISSIONS,
  primaryRole,
  queryScope,
  rolesGranting,
  scopeOf,
  type Actor,
  type Permission,
  type Scope,
} from "@/lib/auth/permissions";
import { ROLE } from "@/lib/vocabulary";

// The expected scope of every role for every permission, written out by hand.
// Columns: ADMIN, LEAD, SECURITY_ENGINEER, GUARDIAN, MANAGER, BUILDER ("-" = denied).
const EXPECTED: Record<Permission, [string, string, string, string, string, string]> = {
  "program.read": ["all", "all", "all", "all", "all", "all"],
  "program.manage": ["all", "all", "-", "-", "-", "-"],
  "dashboard.read": ["all", "all", "all", "-", "org", "-"],
  "directory.read": ["all", "all", "all", "org", "org", "org"],
  "directory.manage": ["all", "all", "-", "-", "-", "-"],
  "guardian.nominate": ["all", "all", "-", "org", "org", "org"],
  "guardian.approve": ["all", "all", "-", "-", "-", "-"],
  "activity.log": ["-", "-", "own", "own", "-", "own"],
  "activity.read": ["all", "all", "own", "own", "org", "own"],
  "review.read": ["all", "all", "all", "org", "org", "org"],
  "review.request": ["all", "all", "-", "org", "org", "org"],
  "review.conduct": ["all", "all", "all", "-", "-", "-"],
  "threatmodel.read": ["all", "all", "all", "org", "org", "org"],
  "threatmodel.write": ["all", "all", "all", "org", "-", "-"],
  "threatmodel.approve": ["all", "all", "all", "-", "-", "-"],
  "feedback.give": ["-", "-", "all", "-", "-", "-"],
  "feedback.read": ["all", "all", "all", "own", "org", "-"],
  "training.manage": ["all", "all", "-", "-", "-", "-"],
  "training.complete": ["all", "all", "-", "own", "-", "own"],
  "belt.manage": ["all", "all", "-", "-", "-", "-"],
  "recognition.give": ["all", "all", "-", "-", "org", "-"],
  "newsletter.read": ["all", "all", "-", "-", "org", "-"],
  "newsletter.manage": ["all", "all", "-", "-", "-", "-"],
  "import.run": ["all", "all", "-", "-", "-", "-"],
  "audit.read": ["all", "-", "-", "-", "-", "-"],
  "user.manage": ["all", "all", "-", "-", "-", "-"],
  "identity.manage": ["all", "-", "-", "-", "-", "-"],
  "jobs.manage": ["all", "-", "-", "-", "-", "-"],
  "impact.read": ["all", "all", "own", "own", "org", "own"],
  "survey.manage": ["all", "all", "-", "-", "-", "-"],
  "survey.answer": ["own", "own", "own", "own", "own", "own"],
  "mentoring.record": ["all", "all", "-", "-", "-", "-"],
  "time.agree": ["all", "all", "-", "-", "org", "-"],
  "fasttrack.manage": ["all", "all", "-", "-", "-", "-"],
  "fasttrack.spotcheck": ["-", "-", "all", "-", "-", "-"],
  "review.fasttrack": ["-", "-", "-", "org", "-", "-"],
  "event.manage": ["all", "all", "-", "-", "-", "-"],
  "event.attend": ["own", "own", "own", "own", "own", "own"],
};

const actor = (roles: Actor["roles"], orgScope: number[] = [10, 11]): Actor => ({
  id: 7,
  roles,
  orgScope,
});

describe("permission table", () => {
  it("covers every permission", () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...PERMISSIONS].sort());
  });

  const cases = PERMISSIONS.flatMap((permission) =>
    ROLE.values.map((role, i) => ({ permission, role, expected: EXPECTED[permission][i] })),
  );
  it.each(cases)("$role → $permission = $expected", ({ permission, role, expected }) => {
    const scope = scopeOf({ roles: [role] }, permission);
    expect(scope ?? "-").toBe(expected);
    const a = actor([role]);
    // Scope semantics: "all" reaches any org, "org" only the actor's orgs, "own" only own rows.
    expect(can(a, permission, { orgId: 99, userId: 1 })).toBe(expected === "all");
    expect(can(a, permission, { orgId: 10, userId: 1 })).toBe(
      expected === "all" || expected === "org",
    );
    expect(can(a, permission, { orgId: 99, userId: 7 })).toBe(
      expected === "all" || expected === "own",
    );
    expect(can(a, permission)).toBe(expected !== "-");
  });
});

describe("several roles", () => {
  it("takes the widest scope of any role", () => {
    expect(scopeOf({ roles: ["GUARDIAN", "LEAD"] }, "review.read")).toBe<Scope>("all");
    expect(scopeOf({ roles: ["BUILDER", "MANAGER"] }, "activity.read")).toBe<Scope>("org");
  });
  it("combines scopes for list queries", () => {
    expect(queryScope(actor(["GUARDIAN", "MANAGER"]), "activity.read")).toEqual({
      all: false,
      orgIds: [10, 11],
      userId: 7,
    });
    expect(queryScope(actor(["BUILDER"]), "audit.read")).toEqual({
      all: false,
      orgIds: [],
      userId: null,
    });
    expect(queryScope(actor(["LEAD"]), "review.read").all).toBe(true);
  });
  it("lands on the most senior role's home", () => {
    expect(primaryRole(["BUILDER", "GUARDIAN"])).toBe("GUARDIAN");
    expect(primaryRole(["GUARDIAN", "MANAGER"])).toBe("MANAGER");
    expect(primaryRole(["ADMIN", "LEAD"])).toBe("ADMIN");
    expect(primaryRole([])).toBeNull();
  });
  it("refuses an org target with no org id", () => {
    expect(can(actor(["MANAGER"]), "review.read", { orgId: null })).toBe(false);
  });
});

describe("orgSubtree", () => {
  const orgs = [
    { id: 1, parentId: null },
    { id: 2, parentId: 1 },
    { id: 3, parentId: 2 },
    { id: 4, parentId: null },
    { id: 5, parentId: 4 },
  ];
  it("includes every descendant", () => {
    expect(orgSubtree(orgs, [1])).toEqual([1, 2, 3]);
    expect(orgSubtree(orgs, [2, 5])).toEqual([2, 3, 5]);
    expect(orgSubtree(orgs, [])).toEqual([]);
  });
  it("survives a cycle in bad data", () => {
    expect(
      orgSubtree(
        [
          { id: 1, parentId: 2 },
          { id: 2, parentId: 1 },
        ],
        [1],
      ),
    ).toEqual([1, 2]);
  });
});

describe("rolesGranting", () => {
  it("lists the roles holding a permission in a scope, as the table says", () => {
    expect(rolesGranting("program.manage")).toEqual(["ADMIN", "LEAD"]);
    expect(rolesGranting("dashboard.read", "org")).toEqual(["MANAGER"]);
    expect(rolesGranting("activity.log", "own").sort()).toEqual(
      ["BUILDER", "GUARDIAN", "SECURITY_ENGINEER"].sort(),
    );
    expect(rolesGranting("identity.manage", "org")).toEqual([]);
  });
});
