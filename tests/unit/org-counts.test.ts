import { describe, expect, it } from "vitest";
import { mayDecideNomination, mayStepDown } from "@/lib/auth/guardian-rules";
import { orgTeamCounts, teamCountLabel } from "@/lib/directory/org-counts";

describe("organisation team counts", () => {
  it("gives a parent its own teams and the total with every sub-organisation", () => {
    const counts = orgTeamCounts([
      { id: 1, parentId: null, teams: 0 },
      { id: 2, parentId: 1, teams: 3 },
      { id: 3, parentId: 2, teams: 7 },
      { id: 4, parentId: null, teams: 2 },
    ]);
    expect(counts.get(1)).toEqual({ own: 0, total: 10 });
    expect(counts.get(2)).toEqual({ own: 3, total: 10 });
    expect(counts.get(3)).toEqual({ own: 7, total: 7 });
    expect(counts.get(4)).toEqual({ own: 2, total: 2 });
  });

  it("counts a cycle once instead of looping", () => {
    const counts = orgTeamCounts([
      { id: 1, parentId: 2, teams: 1 },
      { id: 2, parentId: 1, teams: 2 },
    ]);
    expect(counts.get(1)).toEqual({ own: 1, total: 3 });
  });

  it("reads as one count when nothing sits below, as both otherwise", () => {
    expect(teamCountLabel({ own: 1, total: 1 })).toBe("1 team");
    expect(teamCountLabel({ own: 0, total: 10 })).toBe("0 teams here, 10 with sub-organisations");
  });
});

describe("who may change a guardian's status", () => {
  const guardian = { id: 7, roles: ["GUARDIAN" as const], orgScope: [1] };
  const manager = { id: 8, roles: ["MANAGER" as const], orgScope: [1] };
  const lead = { id: 9, roles: ["LEAD" as const], orgScope: [] };
  it("lets the guardian themselves and approvers step a guardian down, no one else", () => {
    expect(mayStepDown(guardian, { userId: 7, orgId: 1 })).toBe(true);
    expect(mayStepDown(guardian, { userId: 6, orgId: 1 })).toBe(false);
    expect(mayStepDown(manager, { userId: 7, orgId: 1 })).toBe(false);
    expect(mayStepDown(lead, { userId: 7, orgId: 5 })).toBe(true);
  });
  it("leaves nominations to approvers", () => {
    expect(mayDecideNomination(lead, { orgId: 5 })).toBe(true);
    expect(mayDecideNomination(manager, { orgId: 1 })).toBe(false);
  });
});
