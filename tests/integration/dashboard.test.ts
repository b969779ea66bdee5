import { beforeAll, describe, expect, it } from "vitest";
import { quarterMetrics, riskBudgets } from "@/lib/server/metrics/quarter";
import { loadDashboard, resolveScope } from "@/lib/server/metrics/dashboard";
import { NotFoundError, PermissionError } from "@/lib/server/errors";
import { buildSeries, familyById, seriesCsv } from "@/lib/metrics/series";
import { buildDashboardProgram } from "./dashboard-fixture";
import { resetDatabase } from "../setup/db";

const Q3 = { year: 2026, q: 3 as const };
let w: Awaited<ReturnType<typeof buildDashboardProgram>>;

beforeAll(async () => {
  await resetDatabase();
  w = await buildDashboardProgram();
});

describe("dashboard figures equal the hand-computed values", () => {
  it("for org A in Q3 2026", async () => {
    const m = await quarterMetrics({ orgIds: [w.orgA.id], teamId: null }, Q3);
    expect(m.cycle.withGuardian).toEqual({ n: 2, mean: 3, median: 3 }); // R1 2 d, R2 4 d
    expect(m.cycle.withoutGuardian).toEqual({ n: 2, mean: 8, median: 8 }); // R3 6 d, R4 10 d
    expect(m.cycle.reductionPct).toBeCloseTo(62.5, 10); // (8 − 3) / 8
    expect(m.effort).toEqual({ withGuardian: 3.5, withoutGuardian: 3.5, all: 3.5 }); // (4+3)/2, (5+2)/2
    expect(m.findings).toMatchObject({
      teams: 2,
      opened: 3,
      perTeam: 1.5,
      mitigated: 1,
      meanDaysToMitigate: 10,
      openAtEnd: 2,
    });
    expect(m.time).toMatchObject({
      guardianHours: 6,
      builderHours: 1.5,
      guardianMonths: 5,
      hoursPerGuardianMonth: 1.2,
    }); // g1: 3 months, g2: Aug + Sep
    expect(m.training).toEqual({ guardians: 2, allRequiredPct: 50, anyOptionalPct: 0 });
    expect(m.threatModels.approved).toBe(3);
    // Only TM1 of 3: TM2's author guarded another team on its approval day, and the author must
    // guard the model's own team (docs/metrics.md, the rule the threat-model page uses).
    expect(m.threatModels.guardianAuthoredPct).toBeCloseTo(100 / 3, 10);
    expect(m.threatModels).toMatchObject({ threats: 2, documentedPct: 50 });
    expect(m.releases).toEqual({
      "with-guardian": { n: 1, mean: 10, median: 10 },
      "without-guardian": { n: 1, mean: 20, median: 20 },
      "review-not-completed": { n: 0, mean: null, median: null },
      "no-review": { n: 2, mean: 18, median: 18 },
      all: { n: 4, mean: 16.5, median: 15 }, // (10 + 20 + 30 + 6) / 4; median of 6, 10, 20, 30
    });
    // g1 was active a year before the end (2025-09-30) and still is: retention 1 of 1.
    expect(m.people).toMatchObject({
      activeAtEnd: 2,
      newInPeriod: 1,
      retentionPct: 100,
      retentionBase: 1,
      coveragePct: 100,
      teamsAtEnd: 2,
    });
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

  it("the org filter includes its sub-orgs", async () => {
    const resolved = await resolveScope(w.lead, { org: w.orgA.id });
    expect(resolved.scope.orgIds).toEqual([w.orgA.id, w.orgA2.id]);
    const q4 = { year: 2026, q: 4 as const };
    expect((await quarterMetrics(resolved.scope, q4)).cycle.all).toEqual({
      n: 1,
      mean: 3,
      median: 3,
    }); // RS, in the sub-org
    expect(
      (await quarterMetrics((await resolveScope(w.lead, { org: w.orgB.id })).scope, q4)).cycle.all
        .n,
    ).toBe(0);
    expect((await resolveScope(w.lead, { org: w.orgA.id, team: w.teamSub.id })).teamName).toBe(
      "Card issuing",
    );
    await expect(
      resolveScope(w.lead, { org: w.orgB.id, team: w.teamSub.id }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it("a team filter narrows to one team", async () => {
    const m = await quarterMetrics({ orgIds: [w.orgA.id], teamId: w.teamA2.id }, Q3);
    expect(m.cycle.all.n).toBe(1);
    expect(m.findings.opened).toBe(1);
  });

  it("risk budgets weight open findings and unmitigated threats", async () => {
    const risks = await riskBudgets({ orgIds: [w.orgA.id], teamId: null }, Q3);
    const a1 = risks.find((r) => r.teamId === w.teamA1.id)!;
    expect(a1).toMatchObject({
      findingsPoints: 10,
      threatPoints: 2,
      total: 12,
      budget: 20,
      over: false,
    });
  });

  it("the CSV has one row per point with metric, filter and value", async () => {
    const data = await loadDashboard(w.lead, { org: w.orgA.id, from: "2026-Q2", to: "2026-Q3" });
    const csv = seriesCsv(buildSeries(familyById("reviews")!, data.metrics), data.label);
    const lines = csv.trim().split("\n");
    expect(lines[0]).toBe('"metric","filter","quarter","value","unit"');
    expect(lines).toContain(
      '"Mean cycle time, with guardian","org: Payments (with sub-orgs)","2026-Q3",3.0000,"days"',
    );
    expect(lines).toContain(
      '"Mean cycle time, without guardian","org: Payments (with sub-orgs)","2026-Q2",,"days"',
    );
    // Eight series of the guardian split, five of the fast-tracked group (docs/metrics.md).
    expect(lines.length).toBe(1 + 13 * 2);
    expect(lines).toContain('"Fast-tracked reviews","org: Payments (with sub-orgs)","2026-Q3",0,');
    expect(lines).toContain(
      '"Spot-check pass rate","org: Payments (with sub-orgs)","2026-Q3",,"%"',
    );
  });
});

describe("dashboard access", () => {
  it("a manager reads their org but another org's figures answer as not found", async () => {
    const own = await resolveScope(w.manager, {});
    expect(own.scope.orgIds).toEqual([w.orgA.id, w.orgA2.id]);
    await expect(resolveScope(w.manager, { org: w.orgB.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(resolveScope(w.manager, { team: w.teamB.id })).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });
  it("a guardian cannot read dashboards", async () => {
    await expect(resolveScope(w.guardian, {})).rejects.toBeInstanceOf(PermissionError);
  });
});
