import { describe, expect, it } from "vitest";
import { describeAudit, entityWords, type AuditEntryFacts } from "@/lib/audit/describe";
import { auditChanges } from "@/lib/audit/diff";
import { emptyNameBook, referencedIds } from "@/lib/audit/names";
import { fieldLabel, formatValue } from "@/lib/audit/values";

// Lena Lead (1) approves Marek Müller (2) as guardian of Ledger Core (10), in org Payments (5).
function book() {
  const names = emptyNameBook();
  names.users.set(1, "Lena Lead").set(2, "Marek Müller").set(3, "Chris Myers");
  names.teams.set(10, "Ledger Core");
  names.orgs.set(5, "Payments").set(6, "Finance");
  names.reviews.set(40, "Checkout API (REV-000040)");
  names.courses.set(7, "Secure coding basics");
  names.memberships.set(99, { userId: 2, teamId: 10 });
  return names;
}

const entry = (e: Partial<AuditEntryFacts>): AuditEntryFacts => ({
  action: "update",
  entity: "Team",
  entityId: "10",
  actorId: 1,
  actorName: "Lena Lead",
  before: null,
  after: null,
  ...e,
});

const membershipRow = { id: 99, userId: 2, teamId: 10, status: "ACTIVE" };

describe("audit sentences", () => {
  it("names the approver, the guardian and the team", () => {
    const e = entry({
      action: "approve",
      entity: "GuardianMembership",
      entityId: "99",
      after: membershipRow,
    });
    expect(describeAudit(e, book())).toBe(
      "Lena Lead approved Marek Müller as guardian of Ledger Core",
    );
  });

  it("finds the person and team through the membership when the entry carries only its id", () => {
    const e = entry({
      action: "decline",
      entity: "GuardianMembership",
      entityId: "99",
      after: { status: "DECLINED" },
    });
    expect(describeAudit(e, book())).toBe(
      "Lena Lead declined Marek Müller’s nomination as guardian of Ledger Core",
    );
  });

  it("tells a guardian stepping down from a lead recording it", () => {
    const own = entry({
      action: "step-down",
      entity: "GuardianMembership",
      entityId: "99",
      actorId: 2,
      actorName: "Marek Müller",
      after: membershipRow,
    });
    expect(describeAudit(own, book())).toBe("Marek Müller stepped down as guardian of Ledger Core");
    const lead = { ...own, actorId: 1, actorName: "Lena Lead" };
    expect(describeAudit(lead, book())).toBe(
      "Lena Lead recorded Marek Müller stepping down as guardian of Ledger Core",
    );
  });

  it("says the system when no one made the change", () => {
    const e = entry({
      action: "nominate",
      entity: "GuardianMembership",
      entityId: "99",
      actorId: null,
      actorName: null,
      after: membershipRow,
    });
    expect(describeAudit(e, book())).toBe(
      "The system nominated Marek Müller as guardian of Ledger Core",
    );
  });

  it("describes edits to teams, organisations and people by name", () => {
    expect(describeAudit(entry({}), book())).toBe("Lena Lead updated team Ledger Core");
    expect(describeAudit(entry({ action: "create", entity: "Org", entityId: "5" }), book())).toBe(
      "Lena Lead created organisation Payments",
    );
    expect(
      describeAudit(entry({ action: "deactivate", entity: "User", entityId: "3" }), book()),
    ).toBe("Lena Lead deactivated Chris Myers");
    expect(
      describeAudit(entry({ action: "end sessions", entity: "User", entityId: "1" }), book()),
    ).toBe("Lena Lead signed out everywhere");
  });

  it("describes reviews, belts, courses and hours with their names", () => {
    const names = book();
    expect(
      describeAudit(
        entry({
          action: "add-participant",
          entity: "Review",
          entityId: "40",
          after: { userId: 2 },
        }),
        names,
      ),
    ).toBe("Lena Lead added Marek Müller to review Checkout API (REV-000040)");
    expect(
      describeAudit(
        entry({
          action: "award",
          entity: "BeltAward",
          entityId: "3",
          after: { userId: 2, belt: "GREEN" },
        }),
        names,
      ),
    ).toBe("Lena Lead awarded Marek Müller the Green belt");
    expect(
      describeAudit(
        entry({
          action: "create",
          entity: "TimeAgreement",
          entityId: "4",
          after: {
            userId: 2,
            monthlyQuarterHours: 30,
            sharePercent: null,
            effectiveFrom: "2026-12-01T00:00:00.000Z",
          },
        }),
        names,
      ),
    ).toBe("Lena Lead agreed 7.5 h a month with Marek Müller from 2026-12");
    expect(
      describeAudit(
        entry({
          action: "create",
          entity: "TimeAgreement",
          entityId: "5",
          after: {
            userId: 2,
            monthlyQuarterHours: 64,
            sharePercent: 10,
            effectiveFrom: "2027-01-01",
          },
        }),
        names,
      ),
    ).toBe("Lena Lead agreed 10 % of working time with Marek Müller from 2027-01");
    expect(
      describeAudit(
        entry({
          action: "complete",
          entity: "CourseCompletion",
          entityId: "8",
          after: { userId: 2, courseId: 7 },
        }),
        names,
      ),
    ).toBe("Lena Lead recorded that Marek Müller completed Secure coding basics");
    expect(
      describeAudit(
        entry({
          action: "delete",
          entity: "ActivityEntry",
          entityId: "70",
          before: { userId: 2, date: "2026-12-01T00:00:00.000Z" },
        }),
        names,
      ),
    ).toBe("Lena Lead deleted Marek Müller’s hours entry of 1 Dec 2026");
  });

  it("falls back to the action, the entity in words and the record's own name or id", () => {
    const names = book();
    expect(
      describeAudit(
        entry({
          action: "publish",
          entity: "Newsletter",
          entityId: "4",
          after: { title: "Q3 news" },
        }),
        names,
      ),
    ).toBe("Lena Lead published newsletter Q3 news");
    expect(
      describeAudit(
        entry({ action: "frobnicate", entity: "ChannelWebhook", entityId: "12" }),
        names,
      ),
    ).toBe("Lena Lead did “frobnicate” on channel webhook #12");
    // An id whose record is gone: the sentence still reads.
    const gone = entry({
      action: "approve",
      entity: "GuardianMembership",
      entityId: "500",
      after: { userId: 77, teamId: 88 },
    });
    expect(describeAudit(gone, names)).toBe("Lena Lead approved someone as guardian of a team");
    expect(entityWords("ReviewChecklistItem")).toBe("review checklist item");
  });
});

describe("audit before/after", () => {
  it("lists only the changed fields, labelled, with ids as names and values formatted", () => {
    const before = {
      id: 10,
      name: "Ledger",
      orgId: 5,
      riskBudget: 20,
      pilot: false,
      profile: "NONE",
      joinedOn: "2026-01-05T00:00:00.000Z",
    };
    const after = { ...before, name: "Ledger Core", orgId: 6, pilot: true, profile: "HIGH_RISK" };
    expect(auditChanges("Team", before, after, book())).toEqual([
      { field: "name", label: "Name", before: "Ledger", after: "Ledger Core" },
      { field: "orgId", label: "Organisation", before: "Payments", after: "Finance" },
      { field: "pilot", label: "Pilot", before: "No", after: "Yes" },
      { field: "profile", label: "Profile", before: "None", after: "High risk" },
    ]);
  });

  it("reads a partial before beside a whole after as a change of the named fields only", () => {
    const changes = auditChanges(
      "GuardianMembership",
      { status: "NOMINATED" },
      { ...membershipRow, approvedById: 1 },
      book(),
    );
    expect(changes).toEqual([
      { field: "status", label: "Status", before: "Nominated", after: "Active" },
    ]);
  });

  it("lists a new record's values and leaves out bookkeeping and empty fields", () => {
    const changes = auditChanges(
      "User",
      null,
      {
        id: 3,
        createdAt: "2026-12-01T10:00:00.000Z",
        name: "Chris Myers",
        roles: ["GUARDIAN", "BUILDER"],
        teamId: 10,
        deactivatedAt: null,
      },
      book(),
    );
    expect(changes).toEqual([
      { field: "name", label: "Name", before: null, after: "Chris Myers" },
      { field: "roles", label: "Roles", before: null, after: "Guardian, Builder" },
      { field: "teamId", label: "Team", before: null, after: "Ledger Core" },
    ]);
  });

  it("shows a missing name as its id, hours as hours and moments to the minute", () => {
    const names = book();
    expect(formatValue("Team", "orgId", 404, names)).toBe("#404");
    expect(formatValue("ActivityEntry", "quarterHours", 6, names)).toMatch(/1\.5/);
    expect(formatValue("User", "deactivatedAt", "2026-12-07T14:05:09.000Z", names)).toBe(
      "7 Dec 2026, 14:05 UTC",
    );
    expect(formatValue("Org", "parentId", 5, names)).toBe("Payments");
    expect(formatValue("Team", "status", "ACTIVE", names)).toBe("ACTIVE");
    expect(formatValue("X", "note", "", names)).toBeNull();
    expect(fieldLabel("mitigationStatus")).toBe("Mitigation");
    expect(fieldLabel("someNewField")).toBe("Some new field");
  });

  it("has nothing to show for values that are not records", () => {
    expect(auditChanges("Job", 3, "x", book())).toEqual([]);
  });
});

describe("ids an audit page needs named", () => {
  it("collects each entry's own record and its id fields, per kind", () => {
    const ids = referencedIds([
      {
        entity: "GuardianMembership",
        entityId: "99",
        before: null,
        after: { userId: 2, teamId: 10, approvedById: "1" },
      },
      { entity: "Org", entityId: "6", before: { parentId: 5 }, after: null },
      { entity: "Job", entityId: "abc-def", before: { userId: "x" }, after: null },
    ]);
    expect([...ids.memberships]).toEqual([99]);
    expect([...ids.users].sort()).toEqual([1, 2]);
    expect([...ids.teams]).toEqual([10]);
    expect([...ids.orgs].sort()).toEqual([5, 6]);
  });
});
