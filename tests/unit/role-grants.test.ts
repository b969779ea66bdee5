import { describe, expect, it } from "vitest";
import { ROLE } from "@/lib/vocabulary";
import {
  forbiddenRoleChanges,
  mayGrantRole,
  mayManageHolderOf,
  roleSources,
} from "@/lib/auth/role-grants";

// Who may grant each role (written out by hand). Columns follow ROLE.values:
// ADMIN, LEAD, SECURITY_ENGINEER, GUARDIAN, MANAGER, BUILDER.
const GRANTS: Record<string, boolean[]> = {
  ADMIN: [true, true, true, true, true, true],
  LEAD: [false, true, true, true, true, true],
};

describe("granting roles", () => {
  it.each(Object.entries(GRANTS))(
    "%s may grant exactly the expected roles",
    (granter, expected) => {
      expect(
        ROLE.values.map((r) =>
          mayGrantRole({ roles: [granter as (typeof ROLE.values)[number]] }, r),
        ),
      ).toEqual(expected);
    },
  );

  it("a lead may not change an admin's account, an admin may; roles add up", () => {
    expect(mayManageHolderOf({ roles: ["LEAD"] }, ["ADMIN"])).toBe(false);
    expect(mayManageHolderOf({ roles: ["LEAD"] }, ["LEAD", "GUARDIAN"])).toBe(true);
    expect(mayManageHolderOf({ roles: ["ADMIN"] }, ["ADMIN"])).toBe(true);
    expect(mayManageHolderOf({ roles: ["GUARDIAN", "ADMIN"] }, ["ADMIN"])).toBe(true);
  });

  it("names only the added or removed roles the actor may not grant", () => {
    expect(forbiddenRoleChanges({ roles: ["LEAD"] }, ["BUILDER"], ["BUILDER", "GUARDIAN"])).toEqual(
      [],
    );
    expect(forbiddenRoleChanges({ roles: ["LEAD"] }, ["ADMIN", "BUILDER"], ["BUILDER"])).toEqual([
      "ADMIN",
    ]);
    expect(forbiddenRoleChanges({ roles: ["LEAD"] }, ["ADMIN"], ["ADMIN", "GUARDIAN"])).toEqual([]);
    expect(forbiddenRoleChanges({ roles: ["ADMIN"] }, [], ["ADMIN", "LEAD"])).toEqual([]);
  });
});

describe("role sources", () => {
  it("gives each held role once, in the given order, with where it comes from", () => {
    expect(roleSources(["BUILDER", "LEAD"], ["ADMIN", "BUILDER"], ROLE.values)).toEqual([
      { role: "ADMIN", source: "group" },
      { role: "LEAD", source: "hand" },
      { role: "BUILDER", source: "both" },
    ]);
    expect(roleSources([], [], ROLE.values)).toEqual([]);
  });
});
