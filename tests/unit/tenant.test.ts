import { describe, expect, it } from "vitest";
import { inTenant, tenantSql, tenantWhere } from "@/lib/auth/tenant";
import type { QueryScope } from "@/lib/auth/permissions";

const all: QueryScope = { all: true, orgIds: [], userId: null };
const orgs: QueryScope = { all: false, orgIds: [3, 4], userId: null };
const own: QueryScope = { all: false, orgIds: [], userId: 7 };
const orgsAndOwn: QueryScope = { all: false, orgIds: [3], userId: 7 };

describe("tenantWhere", () => {
  it("adds nothing for an unlimited scope", () => {
    expect(tenantWhere(all, "team.orgId")).toEqual({});
    expect(tenantWhere(all, "guardian.orgId", "guardianId")).toEqual({});
  });

  it("limits the organisation at the given path to the scope's organisations", () => {
    expect(tenantWhere(orgs, "orgId")).toEqual({ orgId: { in: [3, 4] } });
    expect(tenantWhere(orgs, "team.orgId")).toEqual({ team: { orgId: { in: [3, 4] } } });
    expect(tenantWhere(orgs, "id")).toEqual({ id: { in: [3, 4] } });
  });

  it("matches nothing for an own-only scope without an owner path (no organisation is in it)", () => {
    expect(tenantWhere(own, "team.orgId")).toEqual({ team: { orgId: { in: [] } } });
  });

  it("with an owner path, shows the actor's own rows and their organisations' rows", () => {
    expect(tenantWhere(own, "guardian.orgId", "guardianId")).toEqual({
      OR: [{ guardianId: 7 }],
    });
    expect(tenantWhere(orgs, "guardian.orgId", "guardianId")).toEqual({
      OR: [{ guardian: { orgId: { in: [3, 4] } } }],
    });
    expect(tenantWhere(orgsAndOwn, "guardian.orgId", "guardianId")).toEqual({
      OR: [{ guardianId: 7 }, { guardian: { orgId: { in: [3] } } }],
    });
    // Neither own rows nor organisations: an empty OR, which matches no row.
    expect(tenantWhere({ all: false, orgIds: [], userId: null }, "orgId", "userId")).toEqual({
      OR: [],
    });
  });
});

describe("tenantSql", () => {
  it("is TRUE for an unlimited scope, and an ANY() over the organisations otherwise", () => {
    expect(tenantSql(all, 't."orgId"').sql).toBe("TRUE");
    const limited = tenantSql(orgs, 't."orgId"');
    expect(limited.sql).toBe('t."orgId" = ANY(?)');
    expect(limited.values).toEqual([[3, 4]]);
  });
});

describe("inTenant", () => {
  it("says whether one organisation is in the scope", () => {
    expect(inTenant(all, 99)).toBe(true);
    expect(inTenant(orgs, 4)).toBe(true);
    expect(inTenant(orgs, 5)).toBe(false);
    expect(inTenant(own, 3)).toBe(false);
  });
});
