// A team's page (lib/server/teams/hub.ts), stepping down from it, and an organisation's page with
// its team counts (lib/server/directory/org-page.ts), on the real database.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { loadActor } from "@/lib/auth/actor";
import { listAuditEntries } from "@/lib/server/audit-log/queries";
import { getOrgPage } from "@/lib/server/directory/org-page";
import { DomainError, NotFoundError } from "@/lib/server/errors";
import { stepDown } from "@/lib/server/nominations/service";
import { HUB_LIMIT, teamHub } from "@/lib/server/teams/hub";
import { auditFilterSchema } from "@/lib/url-state/lists";
import { createOrg, createTeam, createUser } from "../factories";
import { resetDatabase } from "../setup/db";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const TODAY = new Date("2026-11-15T12:00:00Z"); // Q4 2026, to date

async function world() {
  const orgA = await createOrg({ name: "Payments" });
  const orgB = await createOrg({ name: "Elsewhere" });
  const team = await createTeam(orgA.id, { name: "Ledger Core" });
  const teamB = await createTeam(orgB.id, { name: "Other team" });
  const guardian = await createUser(["GUARDIAN"], { orgId: orgA.id, teamId: team.id });
  const colleague = await createUser(["GUARDIAN"], { orgId: orgA.id, teamId: team.id });
  const builder = await createUser(["BUILDER"], { orgId: orgA.id, teamId: team.id });
  const manager = await createUser(["MANAGER"], { orgId: orgA.id });
  const managerB = await createUser(["MANAGER"], { orgId: orgB.id });
  const lead = await createUser(["LEAD"]);
  const admin = await createUser(["ADMIN"]);
  const membership = await db.guardianMembership.create({
    data: {
      userId: guardian.id,
      teamId: team.id,
      status: "ACTIVE",
      nominatedOn: day("2026-10-01"),
      activeOn: day("2026-10-10"),
    },
  });
  const actor = async (id: number) => (await loadActor(id))!;
  return {
    orgA,
    orgB,
    team,
    teamB,
    guardianRow: guardian,
    membership,
    guardian: await actor(guardian.id),
    colleague: await actor(colleague.id),
    builder: await actor(builder.id),
    manager: await actor(manager.id),
    managerB: await actor(managerB.id),
    lead: await actor(lead.id),
    admin: await actor(admin.id),
  };
}

beforeEach(async () => {
  await resetDatabase();
});

describe("a team's page", () => {
  it("gathers members, guardians, risk, open findings, reviews, threat models, releases and hours", async () => {
    const w = await world();
    const teamId = w.team.id;
    for (let i = 0; i < HUB_LIMIT + 2; i++)
      await db.review.create({
        data: {
          key: `REV-${i}`,
          teamId,
          service: `Service ${i}`,
          requestedAt: day(`2026-10-0${i + 1}`),
        },
      });
    const review = await db.review.findFirstOrThrow({ where: { key: "REV-0" } });
    const finding = (key: string, severity: "CRITICAL" | "LOW" | "HIGH", closed = false) =>
      db.finding.create({
        data: {
          key,
          teamId,
          reviewId: review.id,
          severity,
          openedOn: day("2026-10-02"),
          status: closed ? "MITIGATED" : "OPEN",
          closedOn: closed ? day("2026-10-20") : null,
        },
      });
    await finding("F-LOW", "LOW");
    await finding("F-CRIT", "CRITICAL");
    await finding("F-DONE", "HIGH", true);
    const model = await db.threatModel.create({
      data: { key: "TM-1", teamId, system: "Ledger API", createdOn: day("2026-10-03") },
    });
    await db.threat.create({
      data: { key: "TH-1", threatModelId: model.id, category: "SPOOFING", severity: "HIGH" },
    });
    await db.release.create({
      data: { key: "REL-1", teamId, name: "Instant payouts", startedOn: day("2026-10-04") },
    });
    // Hours: only the guardian's entries on days they guarded the team count (active from 10 Oct).
    const entry = (userId: number, date: string, quarterHours: number) =>
      db.activityEntry.create({
        data: { userId, date: day(date), quarterHours, type: "DEEP_DIVE" },
      });
    await entry(w.guardianRow.id, "2026-10-05", 8); // before active: not a guardian's hour
    await entry(w.guardianRow.id, "2026-10-20", 12);
    await entry(w.builder.id, "2026-10-20", 4); // a builder's, not a guardian's

    const hub = (await teamHub(w.lead, teamId, TODAY))!;
    expect(hub.members.total).toBe(3);
    expect(hub.team.guardians.map((g) => g.status)).toEqual(["ACTIVE"]);
    expect(hub.work!.findings.total).toBe(2);
    expect(hub.work!.findings.rows.map((f) => f.key)).toEqual(["F-CRIT", "F-LOW"]);
    expect(hub.work!.reviews.total).toBe(HUB_LIMIT + 2);
    expect(hub.work!.reviews.rows).toHaveLength(HUB_LIMIT);
    expect(hub.work!.reviews.rows[0].key).toBe(`REV-${HUB_LIMIT + 1}`); // newest request first
    expect(hub.threatModels!.rows.map((m) => m.key)).toEqual(["TM-1"]);
    expect(hub.work!.releases.rows.map((r) => r.name)).toEqual(["Instant payouts"]);
    // Critical 10 + low 1 open, the high threat without mitigation 5; the default budget is 20.
    expect(hub.risk).toMatchObject({
      findingsPoints: 11,
      threatPoints: 5,
      total: 16,
      budget: 20,
      over: false,
    });
    expect(hub.hours!.time.guardianHours).toBe(3);
    expect(hub.hours!.people).toEqual([
      { userId: w.guardianRow.id, name: w.guardianRow.name, quarterHours: 12 },
    ]);
    expect(hub.hours!.period.toDate).toBe(true);
  });

  it("shows each reader only the sections their role may read", async () => {
    const w = await world();
    const asGuardian = (await teamHub(w.guardian, w.team.id, TODAY))!;
    expect(asGuardian.work).not.toBeNull();
    expect(asGuardian.threatModels).not.toBeNull();
    expect(asGuardian.hours).toBeNull(); // the dashboards' figures are not a guardian's to read
    const asManager = (await teamHub(w.manager, w.team.id, TODAY))!;
    expect(asManager.hours).not.toBeNull();
  });

  it("answers another organisation's team as not found", async () => {
    const w = await world();
    expect(await teamHub(w.managerB, w.team.id, TODAY)).toBeNull();
    expect(await teamHub(w.guardian, w.teamB.id, TODAY)).toBeNull();
    expect(await teamHub(w.lead, 999_999, TODAY)).toBeNull();
  });
});

describe("stepping down", () => {
  it("the guardian steps down: alumni, a history row and an audit entry that reads as a sentence", async () => {
    const w = await world();
    const after = await stepDown(w.guardian, { membershipId: w.membership.id, note: "New role" });
    expect(after).toMatchObject({ status: "ALUMNI" });
    expect(after.leftOn).not.toBeNull();
    const history = await db.guardianStatusChange.findMany({
      where: { membershipId: w.membership.id },
    });
    expect(history).toMatchObject([
      { fromStatus: "ACTIVE", toStatus: "ALUMNI", changedById: w.guardian.id, note: "New role" },
    ]);
    const { entries } = await listAuditEntries(
      w.admin,
      auditFilterSchema.parse({ action: "step-down" }),
      1,
    );
    expect(entries).toHaveLength(1);
    expect(entries[0].sentence).toBe(`${w.guardian.name} stepped down as guardian of Ledger Core`);
    // jsonb keeps keys in its own order (shorter first): compare as a set.
    expect(entries[0].changes.map((c) => [c.label, c.before, c.after]).sort()).toEqual([
      ["Left on", null, expect.stringMatching(/\d{4}$/)],
      ["Status", "Active", "Alumni"],
    ]);
    // Only an active guardian steps down, once.
    await expect(
      stepDown(w.lead, { membershipId: w.membership.id, note: null }),
    ).rejects.toBeInstanceOf(DomainError);
  });

  it("a lead records it for the guardian; the sentence says who did", async () => {
    const w = await world();
    await stepDown(w.lead, { membershipId: w.membership.id, note: null });
    const { entries } = await listAuditEntries(w.admin, auditFilterSchema.parse({}), 1);
    expect(entries[0].sentence).toBe(
      `${w.lead.name} recorded ${w.guardian.name} stepping down as guardian of Ledger Core`,
    );
  });

  it("no one else may: a colleague, the org's manager, another org's manager; nothing changes", async () => {
    const w = await world();
    for (const stranger of [w.colleague, w.manager, w.managerB, w.builder]) {
      await expect(
        stepDown(stranger, { membershipId: w.membership.id, note: null }),
      ).rejects.toBeInstanceOf(NotFoundError);
    }
    expect(
      await db.guardianMembership.findUnique({ where: { id: w.membership.id } }),
    ).toMatchObject({
      status: "ACTIVE",
      leftOn: null,
    });
    expect(await db.guardianStatusChange.count()).toBe(0);
    expect(await db.auditLog.count({ where: { action: "step-down" } })).toBe(0);
  });
});

describe("an organisation's page", () => {
  it("counts a parent's own teams and those of all its sub-organisations", async () => {
    const parent = await createOrg({ name: "Group" });
    const child = await createOrg({ name: "Division", parentId: parent.id });
    const grandchild = await createOrg({ name: "Unit", parentId: child.id });
    for (let i = 0; i < 3; i++) await createTeam(child.id);
    for (let i = 0; i < 7; i++) await createTeam(grandchild.id);
    const lead = (await loadActor((await createUser(["LEAD"])).id))!;

    const own = (await getOrgPage(lead, parent.id, 1, false))!;
    expect(own.counts).toEqual({ own: 0, total: 10 });
    expect(own.teams.total).toBe(0);
    expect(own.children).toMatchObject([{ name: "Division", counts: { own: 3, total: 10 } }]);
    const all = (await getOrgPage(lead, parent.id, 1, true))!;
    expect(all.teams.total).toBe(10);
    expect(all.teams.rows).toHaveLength(10);
  });

  it("answers another organisation as not found, and shows a manager only their part", async () => {
    const parent = await createOrg({ name: "Group" });
    const child = await createOrg({ name: "Division", parentId: parent.id });
    const other = await createOrg({ name: "Elsewhere" });
    await createTeam(child.id);
    const manager = (await loadActor((await createUser(["MANAGER"], { orgId: child.id })).id))!;
    expect(await getOrgPage(manager, other.id, 1, false)).toBeNull();
    expect(await getOrgPage(manager, parent.id, 1, false)).toBeNull();
    const mine = (await getOrgPage(manager, child.id, 1, false))!;
    expect(mine.parent).toBeNull(); // the parent is outside the manager's scope: not named
    expect(mine.counts).toEqual({ own: 1, total: 1 });
  });
});
