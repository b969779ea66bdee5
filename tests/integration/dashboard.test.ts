import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { loadActor } from "@/lib/auth/session";
import { quarterMetrics, riskBudgets } from "@/lib/server/metrics/quarter";
import { loadDashboard, resolveScope } from "@/lib/server/metrics/dashboard";
import { NotFoundError, PermissionError } from "@/lib/server/errors";
import { buildSeries, familyById, seriesCsv } from "@/lib/metrics/series";
import { createOrg, createTeam, createUser } from "../factories";
import { resetDatabase } from "../setup/db";

const d = (s: string) => new Date(s.length === 10 ? `${s}T00:00:00Z` : s);
const Q3 = { year: 2026, q: 3 as const };
let w: Awaited<ReturnType<typeof build>>;

// A small program whose every figure is computed by hand in the assertions below.
async function build() {
  const orgA = await createOrg({ name: "Payments" });
  const orgB = await createOrg({ name: "Retail" });
  const teamA1 = await createTeam(orgA.id, { joinedOn: d("2025-01-01") });
  const teamA2 = await createTeam(orgA.id, { joinedOn: d("2026-09-30") });
  await createTeam(orgA.id, { joinedOn: d("2026-10-05") }); // joins after Q3: not counted
  const teamB = await createTeam(orgB.id, { joinedOn: d("2025-01-01") });
  const g1 = await createUser(["GUARDIAN"], { orgId: orgA.id, teamId: teamA1.id });
  const g2 = await createUser(["GUARDIAN"], { orgId: orgA.id, teamId: teamA2.id });
  const builder = await createUser(["BUILDER"], { orgId: orgA.id, teamId: teamA1.id });
  const gB = await createUser(["GUARDIAN"], { orgId: orgB.id, teamId: teamB.id });
  const eng = await createUser(["SECURITY_ENGINEER"]);
  await db.guardianMembership.createMany({ data: [
    { userId: g1.id, teamId: teamA1.id, status: "ACTIVE", nominatedOn: d("2025-06-01"), activeOn: d("2025-06-01") },
    { userId: g2.id, teamId: teamA2.id, status: "ACTIVE", nominatedOn: d("2026-08-01"), activeOn: d("2026-08-15") },
    { userId: gB.id, teamId: teamB.id, status: "ACTIVE", nominatedOn: d("2025-01-01"), activeOn: d("2025-01-01") },
  ] });
  const review = async (key: string, teamId: number, req: string, done: string, effortQh: number, participants: number[]) =>
    db.review.create({ data: { key, teamId, service: key, requestedAt: d(req), startedAt: d(req), completedAt: d(done), securityEngineerId: eng.id, effortQuarterHours: effortQh,
      participants: { create: participants.map((userId) => ({ userId })) } } });
  // Org A, Q3: with guardian 2 and 4 days; without 6 days (builder only, and g1 on another team's review is not "with").
  const r1 = await review("R1", teamA1.id, "2026-07-01T00:00:00Z", "2026-07-03T00:00:00Z", 16, [g1.id]);
  await review("R2", teamA1.id, "2026-08-01T00:00:00Z", "2026-08-05T00:00:00Z", 12, [g1.id, builder.id]);
  await review("R3", teamA1.id, "2026-09-01T00:00:00Z", "2026-09-07T00:00:00Z", 20, [builder.id]);
  await review("R4", teamA2.id, "2026-07-01T00:00:00Z", "2026-07-11T00:00:00Z", 8, [g1.id]); // g1 guards A1, not A2; g2 not yet active on 07-11? (active 08-15) → without
  await review("RB", teamB.id, "2026-07-01T00:00:00Z", "2026-07-02T00:00:00Z", 4, [gB.id]); // org B
  await review("R-Q2", teamA1.id, "2026-06-01T00:00:00Z", "2026-06-30T00:00:00Z", 4, [g1.id]); // previous quarter
  await db.finding.createMany({ data: [
    { key: "F1", reviewId: r1.id, teamId: teamA1.id, severity: "HIGH", status: "MITIGATED", openedOn: d("2026-07-03"), closedOn: d("2026-07-13") },
    { key: "F2", reviewId: r1.id, teamId: teamA1.id, severity: "CRITICAL", status: "OPEN", openedOn: d("2026-07-03") },
    { key: "F3", teamId: teamA2.id, severity: "LOW", status: "OPEN", openedOn: d("2026-09-30") },
    { key: "FB", teamId: teamB.id, severity: "LOW", status: "OPEN", openedOn: d("2026-07-10") },
  ] });
  await db.activityEntry.createMany({ data: [
    { userId: g1.id, date: d("2026-07-10"), quarterHours: 8, type: "REVIEW" },
    { userId: g1.id, date: d("2026-08-10"), quarterHours: 6, type: "QUESTION" },
    { userId: g2.id, date: d("2026-08-01"), quarterHours: 4, type: "DEEP_DIVE" }, // before g2 became active: builder hours
    { userId: g2.id, date: d("2026-09-01"), quarterHours: 10, type: "REVIEW" },
    { userId: builder.id, date: d("2026-09-02"), quarterHours: 2, type: "OTHER" },
    { userId: gB.id, date: d("2026-07-10"), quarterHours: 40, type: "REVIEW" },
  ] });
  const tm = await db.threatModel.create({ data: { key: "TM1", teamId: teamA1.id, system: "Cards", status: "APPROVED", createdOn: d("2026-07-01"), approvedOn: d("2026-07-20"),
    authors: { create: [{ userId: g1.id }] }, threats: { create: [
      { key: "T1", category: "SPOOFING", severity: "HIGH", mitigation: "mTLS", mitigationStatus: "IMPLEMENTED" },
      { key: "T2", category: "TAMPERING", severity: "MEDIUM", mitigationStatus: "NONE" },
    ] } } });
  await db.feedback.createMany({ data: [
    { reviewId: r1.id, guardianId: g1.id, raterId: eng.id, rating: 4 },
    { threatModelId: tm.id, guardianId: g1.id, raterId: eng.id, rating: 5 },
  ] });
  const required = await db.course.create({ data: { key: "onboarding", title: "Onboarding", required: true } });
  await db.course.create({ data: { key: "advanced", title: "Advanced", required: false } });
  await db.courseCompletion.create({ data: { userId: g1.id, courseId: required.id, completedOn: d("2026-01-10") } });
  const manager = await createUser(["MANAGER"], { orgId: orgA.id });
  const lead = await createUser(["LEAD"]);
  return { orgA, orgB, teamA1, teamA2, teamB, manager: (await loadActor(manager.id))!, lead: (await loadActor(lead.id))!, guardian: (await loadActor(g1.id))! };
}

beforeAll(async () => {
  await resetDatabase();
  w = await build();
});

describe("dashboard figures equal the hand-computed values", () => {
  it("for org A in Q3 2026", async () => {
    const m = await quarterMetrics({ orgIds: [w.orgA.id], teamId: null }, Q3);
    expect(m.cycle.withGuardian).toEqual({ n: 2, mean: 3, median: 3 }); // R1 2 d, R2 4 d
    expect(m.cycle.withoutGuardian).toEqual({ n: 2, mean: 8, median: 8 }); // R3 6 d, R4 10 d
    expect(m.cycle.reductionPct).toBeCloseTo(62.5, 10); // (8 − 3) / 8
    expect(m.effort).toEqual({ withGuardian: 3.5, withoutGuardian: 3.5, all: 3.5 }); // (4+3)/2, (5+2)/2
    expect(m.findings).toMatchObject({ teams: 2, opened: 3, perTeam: 1.5, mitigated: 1, meanDaysToMitigate: 10, openAtEnd: 2 });
    expect(m.time).toMatchObject({ guardianHours: 6, builderHours: 1.5, guardianMonths: 5, hoursPerGuardianMonth: 1.2 }); // g1: 3 months, g2: Aug + Sep
    expect(m.training).toEqual({ guardians: 2, allRequiredPct: 50, anyOptionalPct: 0 });
    expect(m.threatModels).toEqual({ approved: 1, guardianAuthoredPct: 100, threats: 2, documentedPct: 50 });
    // g1 was active a year before the end (2025-09-30) and still is: retention 1 of 1.
    expect(m.people).toMatchObject({ activeAtEnd: 2, newInPeriod: 1, retentionPct: 100, retentionBase: 1, coveragePct: 100, teamsAtEnd: 2 });
    expect(m.feedback).toEqual({ n: 2, mean: 4.5, median: 4.5 });
  });

  it("the org filter excludes other orgs' data and the whole program includes them", async () => {
    const b = await quarterMetrics({ orgIds: [w.orgB.id], teamId: null }, Q3);
    expect(b.cycle.withGuardian).toEqual({ n: 1, mean: 1, median: 1 });
    expect(b.cycle.withoutGuardian.n).toBe(0);
    expect(b.cycle.reductionPct).toBeNull();
    const all = await quarterMetrics({ orgIds: null, teamId: null }, Q3);
    expect(all.cycle.all.n).toBe(5);
    expect(all.time.guardianHours).toBe(16);
  });

  it("a team filter narrows to one team", async () => {
    const m = await quarterMetrics({ orgIds: [w.orgA.id], teamId: w.teamA2.id }, Q3);
    expect(m.cycle.all.n).toBe(1);
    expect(m.findings.opened).toBe(1);
  });

  it("risk budgets weight open findings and unmitigated threats", async () => {
    const risks = await riskBudgets({ orgIds: [w.orgA.id], teamId: null }, Q3);
    const a1 = risks.find((r) => r.teamId === w.teamA1.id)!;
    expect(a1).toMatchObject({ findingsPoints: 10, threatPoints: 2, total: 12, budget: 20, over: false });
  });

  it("the CSV has one row per point with metric, filter and value", async () => {
    const data = await loadDashboard(w.lead, { org: w.orgA.id, from: "2026-Q2", to: "2026-Q3" });
    const csv = seriesCsv(buildSeries(familyById("reviews")!, data.metrics), data.label);
    const lines = csv.trim().split("\n");
    expect(lines[0]).toBe("metric,filter,quarter,value,unit");
    expect(lines).toContain("\"Mean cycle time, with guardian\",org: Payments (with sub-orgs),2026-Q3,3.0,days");
    expect(lines).toContain("\"Mean cycle time, without guardian\",org: Payments (with sub-orgs),2026-Q2,,days");
    expect(lines.length).toBe(1 + 8 * 2);
  });
});

describe("dashboard access", () => {
  it("a manager reads their org but another org's figures answer as not found", async () => {
    const own = await resolveScope(w.manager, {});
    expect(own.scope.orgIds).toEqual([w.orgA.id]);
    await expect(resolveScope(w.manager, { org: w.orgB.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(resolveScope(w.manager, { team: w.teamB.id })).rejects.toBeInstanceOf(NotFoundError);
  });
  it("a guardian cannot read dashboards", async () => {
    await expect(resolveScope(w.guardian, {})).rejects.toBeInstanceOf(PermissionError);
  });
});
