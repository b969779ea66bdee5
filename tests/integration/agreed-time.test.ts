// Agreed time on real PostgreSQL: who may record an agreement (a manager for their organisation,
// leads for all), its history, and the dashboards' share of guardians within their agreement per
// organisation and quarter, pinned on figures worked out by hand (docs/decisions/0018).
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { GET as agreedTimeRoute } from "@/app/api/metrics/agreed-time/route";
import { GET as familyRoute } from "@/app/api/metrics/[family]/route";
import { loadActor } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { agreedTimeByOrg, agreedTimeShares } from "@/lib/server/agreed-time/dashboard";
import { orgAgreedTime } from "@/lib/server/agreed-time/org";
import { personAgreedTime } from "@/lib/server/agreed-time/queries";
import { recordTimeAgreement } from "@/lib/server/agreed-time/service";
import { DomainError, NotFoundError, PermissionError } from "@/lib/server/errors";
import { resolveScope } from "@/lib/server/metrics/dashboard";
import { timeAgreementSchema } from "@/lib/validations/time-agreement";
import { createOrg, createTeam, createUser } from "../factories";
import { resetDatabase } from "../setup/db";
import { actAs } from "./action-harness";

vi.mock("@/lib/auth/session", async () => (await import("./action-harness")).sessionModule());

const day = (d: string) => new Date(`${d}T00:00:00Z`);
const TODAY = new Date("2026-11-15T12:00:00Z"); // Q4 2026 to date: October and 15/30 of November

async function guardian(orgId: number, teamId: number, activeOn = "2026-01-01", leftOn?: string) {
  const u = await createUser(["GUARDIAN"], { orgId, teamId });
  await db.guardianMembership.create({
    data: {
      userId: u.id,
      teamId,
      status: leftOn ? "ALUMNI" : "ACTIVE",
      nominatedOn: day("2025-12-01"),
      activeOn: day(activeOn),
      leftOn: leftOn ? day(leftOn) : null,
    },
  });
  return u;
}

/** `hours` logged from `date` on, at most 8 h a day (an entry holds at most 24 h). */
async function log(userId: number, date: string, hours: number) {
  for (let i = 0, left = hours; left > 0; i++, left -= 8)
    await db.activityEntry.create({
      data: {
        userId,
        date: new Date(day(date).getTime() + i * 86_400_000),
        quarterHours: Math.min(8, left) * 4,
        type: "DEEP_DIVE",
      },
    });
}

const form = (userId: number, fields: Record<string, string>) =>
  timeAgreementSchema.parse({ userId: String(userId), note: "", ...fields });
const hours = (userId: number, effectiveFrom: string, h: number) =>
  form(userId, { basis: "hours", hours: String(h), effectiveFrom });

async function world() {
  const lead = await createUser(["LEAD"]);
  const managerA = await createUser(["MANAGER"]);
  const managerB = await createUser(["MANAGER"]);
  const orgA = await createOrg({ name: "Payments", leaderId: managerA.id });
  const subA = await createOrg({ name: "Payments Cards", parentId: orgA.id });
  const orgB = await createOrg({ name: "Retail", leaderId: managerB.id });
  const teamA = await createTeam(subA.id, { name: "Cards" });
  const teamB = await createTeam(orgB.id, { name: "Shop" });
  const gA1 = await guardian(subA.id, teamA.id);
  const gA2 = await guardian(subA.id, teamA.id);
  const gA3 = await guardian(subA.id, teamA.id); // no agreement: not counted
  const gB = await guardian(orgB.id, teamB.id);
  const alumnus = await guardian(subA.id, teamA.id, "2026-01-01", "2026-05-10");
  const builder = await createUser(["BUILDER"], { orgId: subA.id, teamId: teamA.id });
  const actor = async (id: number) => (await loadActor(id))!;
  return {
    orgA,
    subA,
    orgB,
    teamA,
    gA1,
    gA2,
    gA3,
    gB,
    alumnus,
    builder,
    lead: await actor(lead.id),
    managerA: await actor(managerA.id),
    managerB: await actor(managerB.id),
    guardianA: await actor(gA1.id),
  };
}

describe("recording agreed time", () => {
  let w: Awaited<ReturnType<typeof world>>;
  beforeEach(async () => {
    await resetDatabase();
    w = await world();
  });

  it("lets a manager record it for a guardian of their organisation, audited, never overwritten", async () => {
    const first = await recordTimeAgreement(w.managerA, hours(w.gA1.id, "2026-04", 10));
    expect(first).toMatchObject({ created: true });
    // A change from the same month: a new row; the first stays in the history.
    const second = await recordTimeAgreement(
      w.managerA,
      form(w.gA1.id, { basis: "share", sharePercent: "5", effectiveFrom: "2026-04" }),
    );
    const rows = await db.timeAgreement.findMany({
      where: { userId: w.gA1.id },
      orderBy: { id: "asc" },
    });
    expect(rows.map((r) => [r.monthlyQuarterHours, r.sharePercent, r.recordedById])).toEqual([
      [40, null, w.managerA.id],
      [32, 5, w.managerA.id], // 5 % of 160 h = 8 h
    ]);
    const audits = await db.auditLog.findMany({
      where: { entity: "TimeAgreement" },
      orderBy: { id: "asc" },
    });
    expect(audits.map((a) => [a.entityId, a.actorId, a.action])).toEqual([
      [String(first.id), w.managerA.id, "create"],
      [String(second.id), w.managerA.id, "create"],
    ]);
    const time = await personAgreedTime(w.gA1.id, TODAY);
    expect(time.history.map((h) => [h.id, h.replaced, h.current])).toEqual([
      [second.id, false, true],
      [first.id, true, false],
    ]);
  });

  it("records the same agreement sent twice once", async () => {
    await recordTimeAgreement(w.lead, hours(w.gA1.id, "2026-11", 6));
    const again = await recordTimeAgreement(w.lead, hours(w.gA1.id, "2026-11", 6));
    expect(again.created).toBe(false);
    expect(await db.timeAgreement.count()).toBe(1);
    expect(await db.auditLog.count({ where: { entity: "TimeAgreement" } })).toBe(1);
  });

  it("lets leads record it in any organisation", async () => {
    await recordTimeAgreement(w.lead, hours(w.gB.id, "2026-11", 4));
    expect(await db.timeAgreement.count({ where: { userId: w.gB.id } })).toBe(1);
  });

  it("answers another organisation's guardian as not found, and changes nothing", async () => {
    await expect(recordTimeAgreement(w.managerB, hours(w.gA1.id, "2026-11", 4))).rejects.toThrow(
      NotFoundError,
    );
    await expect(recordTimeAgreement(w.managerA, hours(999_999, "2026-11", 4))).rejects.toThrow(
      NotFoundError,
    );
    expect(await db.timeAgreement.count()).toBe(0);
    expect(await db.auditLog.count()).toBe(0);
  });

  it("refuses guardians and builders (no permission), and nothing is written", async () => {
    await expect(recordTimeAgreement(w.guardianA, hours(w.gA2.id, "2026-11", 4))).rejects.toThrow(
      PermissionError,
    );
    expect(await db.timeAgreement.count()).toBe(0);
  });

  it("agrees time only with active guardians, and never one's own", async () => {
    await expect(
      recordTimeAgreement(w.managerA, hours(w.builder.id, "2026-11", 4)),
    ).rejects.toThrow(/is not an active guardian/);
    await expect(
      recordTimeAgreement(w.managerA, hours(w.alumnus.id, "2026-11", 4)),
    ).rejects.toThrow(DomainError);
    await expect(recordTimeAgreement(w.lead, hours(w.lead.id, "2026-11", 4))).rejects.toThrow(
      /your own time/,
    );
    expect(await db.timeAgreement.count()).toBe(0);
  });

  it("is refused by the database outside its limits on any path", async () => {
    const base = { userId: w.gA1.id, recordedById: w.lead.id };
    await expect(
      db.timeAgreement.create({
        data: { ...base, effectiveFrom: day("2026-11-01"), monthlyQuarterHours: 641 },
      }),
    ).rejects.toThrow(/TimeAgreement_hours_range/);
    await expect(
      db.timeAgreement.create({
        data: { ...base, effectiveFrom: day("2026-11-02"), monthlyQuarterHours: 8 },
      }),
    ).rejects.toThrow(/TimeAgreement_month_start/);
    await expect(
      db.timeAgreement.create({
        data: {
          ...base,
          effectiveFrom: day("2026-11-01"),
          monthlyQuarterHours: 8,
          sharePercent: 0,
        },
      }),
    ).rejects.toThrow(/TimeAgreement_share_range/);
  });

  it("shows a guardian this month and this quarter to date against agreed", async () => {
    await recordTimeAgreement(w.managerA, hours(w.gA1.id, "2026-01", 10));
    await recordTimeAgreement(w.managerA, hours(w.gA1.id, "2026-11", 4));
    await log(w.gA1.id, "2026-10-05", 8);
    await log(w.gA1.id, "2026-11-03", 3);
    const time = await personAgreedTime(w.gA1.id, TODAY);
    expect(time.month).toEqual({ logged: 12, agreed: 16 }); // 3 h of 4 h
    // October 10 h, November 4 h × 15/30 days: 12 h agreed so far; 11 h logged (91.7 %).
    expect(time.quarter).toEqual({ key: "2026-Q4", logged: 44, agreed: 48, status: "within" });
  });
});

describe("the dashboards' share of guardians within their agreement", () => {
  let w: Awaited<ReturnType<typeof world>>;
  beforeAll(async () => {
    await resetDatabase();
    w = await world();
    const at = async (userId: number, from: string, h: number) =>
      db.timeAgreement.create({
        data: {
          userId,
          effectiveFrom: day(`${from}-01`),
          monthlyQuarterHours: h * 4,
          recordedById: w.lead.id,
        },
      });
    // gA1: 10 h a month from April, 5 h from August (changed mid-Q3).
    await at(w.gA1.id, "2026-04", 10);
    await at(w.gA1.id, "2026-08", 5);
    await log(w.gA1.id, "2026-05-10", 27); // Q2: 27 of 30 h = 90 % → within
    await log(w.gA1.id, "2026-09-10", 30); // Q3: 30 of 10 + 5 + 5 = 20 h = 150 % → over
    await log(w.gA1.id, "2026-10-10", 6); // Q4 to date: 6 of 5 + 5 × 15/30 = 7.5 h = 80 % → within
    // gA2: 8 h a month from April.
    await at(w.gA2.id, "2026-04", 8);
    await log(w.gA2.id, "2026-06-01", 10); // Q2: 10 of 24 h → under
    await log(w.gA2.id, "2026-07-01", 24); // Q3: 24 of 24 h → within; Q4: 0 of 12 h → under
    // gB (Retail): 4 h a month from January.
    await at(w.gB.id, "2026-01", 4);
    await log(w.gB.id, "2026-04-20", 12); // Q2: 12 of 12 h → within; Q3 and Q4: nothing → under
    // The alumnus left in May: not active at Q2's end, so not counted however much was logged.
    await at(w.alumnus.id, "2026-01", 4);
    await log(w.alumnus.id, "2026-04-02", 1);
    // gA3 logs but has no agreement: not counted.
    await log(w.gA3.id, "2026-05-01", 5);
  });

  const QUARTERS = ["2026-Q2", "2026-Q3", "2026-Q4"];

  it("per quarter for the whole program", async () => {
    const shares = await agreedTimeShares({ orgIds: null, teamId: null }, QUARTERS, TODAY);
    expect(shares.map((s) => [s.quarter, !!s.toDate, s.share])).toEqual([
      [
        "2026-Q2",
        false,
        { withAgreement: 3, within: 2, under: 1, over: 0, withinPct: (2 / 3) * 100 },
      ],
      [
        "2026-Q3",
        false,
        { withAgreement: 3, within: 1, under: 1, over: 1, withinPct: (1 / 3) * 100 },
      ],
      [
        "2026-Q4",
        true,
        { withAgreement: 3, within: 1, under: 2, over: 0, withinPct: (1 / 3) * 100 },
      ],
    ]);
  });

  it("per organisation (with its sub-orgs) and quarter, for a lead", async () => {
    const resolved = await resolveScope(w.lead, {});
    const orgs = await agreedTimeByOrg(w.lead, resolved, {}, QUARTERS, TODAY);
    expect(orgs.map((o) => [o.name, o.quarters.map((q) => q.share.withinPct)])).toEqual([
      ["Payments", [50, 50, 50]],
      ["Retail", [100, 0, 0]],
    ]);
    // Drilling into Payments lists it and its sub-org.
    const payments = await resolveScope(w.lead, { org: w.orgA.id });
    const drilled = await agreedTimeByOrg(w.lead, payments, { org: w.orgA.id }, QUARTERS, TODAY);
    expect(drilled.map((o) => [o.name, o.quarters[1].share])).toEqual([
      ["Payments", { withAgreement: 2, within: 1, under: 0, over: 1, withinPct: 50 }],
      ["Payments Cards", { withAgreement: 2, within: 1, under: 0, over: 1, withinPct: 50 }],
    ]);
  });

  it("shows a manager their own organisation only", async () => {
    const resolved = await resolveScope(w.managerA, {});
    const orgs = await agreedTimeByOrg(w.managerA, resolved, {}, QUARTERS, TODAY);
    expect(orgs.map((o) => o.name)).toEqual(["Payments"]);
    await expect(resolveScope(w.managerA, { org: w.orgB.id })).rejects.toThrow(NotFoundError);
    const home = await orgAgreedTime(w.managerA, TODAY);
    expect(home.share).toEqual({ withAgreement: 2, within: 1, under: 1, over: 0, withinPct: 50 });
    expect(home.activeGuardians).toBe(3);
    // Furthest from the agreement first: gA2 (under) before gA1 (within).
    expect(home.guardians.map((g) => [g.userId, g.logged, g.agreed, g.status])).toEqual([
      [w.gA2.id, 0, 48, "under"],
      [w.gA1.id, 24, 30, "within"],
    ]);
  });

  const get = async (route: "agreed-time" | "time", path: string, as: number) => {
    actAs(as);
    const request = new Request(`http://localhost:3000${path}`);
    const response =
      route === "time"
        ? await familyRoute(request, { params: Promise.resolve({ family: "time" }) })
        : await agreedTimeRoute(request);
    return { status: response.status, text: await response.text() };
  };

  it("downloads per organisation and quarter as CSV, and another organisation's answers 404", async () => {
    const csv = await get(
      "agreed-time",
      "/api/metrics/agreed-time?from=2026-Q2&to=2026-Q3",
      w.lead.id,
    );
    expect(csv.status).toBe(200);
    expect(csv.text.split("\n")).toEqual([
      '"organisation","organisation id","filter","quarter","guardians with agreed time","within","under","over","within %"',
      `"Payments",${w.orgA.id},"whole program","2026-Q2",2,1,1,0,50.0000`,
      `"Payments",${w.orgA.id},"whole program","2026-Q3",2,1,0,1,50.0000`,
      `"Retail",${w.orgB.id},"whole program","2026-Q2",1,1,0,0,100.0000`,
      `"Retail",${w.orgB.id},"whole program","2026-Q3",1,0,1,0,0.0000`,
      "",
    ]);
    const foreign = await get(
      "agreed-time",
      `/api/metrics/agreed-time?org=${w.orgB.id}&from=2026-Q2&to=2026-Q3`,
      w.managerA.id,
    );
    expect(foreign.status).toBe(404);
    expect((await get("agreed-time", "/api/metrics/agreed-time", w.gA1.id)).status).toBe(403);
  });

  it("adds the share to the time view's CSV", async () => {
    const csv = await get("time", "/api/metrics/time?from=2026-Q2&to=2026-Q3", w.lead.id);
    expect(csv.status).toBe(200);
    const rows = csv.text
      .split("\n")
      .filter((l) => l.startsWith('"Guardians within their agreed time"'));
    expect(rows).toEqual([
      '"Guardians within their agreed time","whole program","2026-Q2",66.6667,"%"',
      '"Guardians within their agreed time","whole program","2026-Q3",33.3333,"%"',
    ]);
  });
});
