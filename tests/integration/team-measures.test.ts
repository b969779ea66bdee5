import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { quarterPeriod } from "@/lib/metrics/periods";
import { clearMetricsCache } from "@/lib/server/metrics/cache";
import { findingFamily } from "@/lib/server/metrics/families/findings";
import { trainingFamily } from "@/lib/server/metrics/families/people";
import { releaseFamily, reviewFamily } from "@/lib/server/metrics/families/reviews";
import { feedbackFamily, threatModelFamily } from "@/lib/server/metrics/families/threat-models";
import { timeFamily } from "@/lib/server/metrics/families/time";
import { familyOutliers } from "@/lib/server/metrics/family-outliers";
import { teamOutliers } from "@/lib/server/metrics/overview-outliers";
import { TEAM_MEASURES } from "@/lib/server/metrics/team-measures";
import { createUser } from "../factories";
import { buildTeamMeasuresProgram } from "./team-measures-fixture";
import { resetDatabase } from "../setup/db";

// The "where to act" figures per team come from each family's grouped query grouped by team
// too; here they are checked against values worked out by hand from the rows below.
const d = (s: string) => new Date(s.length === 10 ? `${s}T00:00:00Z` : s);
const Q2 = { year: 2026, q: 2 as const };
const Q3 = { year: 2026, q: 3 as const };
const BY_TEAM = { byTeam: true } as const;
let w: Awaited<ReturnType<typeof buildTeamMeasuresProgram>>;

beforeAll(async () => {
  await resetDatabase();
  w = await buildTeamMeasuresProgram();
  clearMetricsCache();
});

const scope = () => ({ orgIds: [w.org.id], teamId: null });
const q3 = () => quarterPeriod(Q3);

/** Each team's figure of a family's per-team measure `id` in Q3, by team name ("—" for none). */
async function teamFigures(family: string, id: string) {
  const measure = (await TEAM_MEASURES[family](scope(), q3())).find((m) => m.id === id)!;
  return Object.fromEntries(
    Object.entries(w.teams).map(([name, t]) => [name, measure.figure(t.id)]),
  );
}

describe("per-team figures from the families' grouped queries", () => {
  it("review cycle time and effort: each team's own reviews, none is not enough data", async () => {
    // Alpha: R1 2 d, R2 0.5 d → 1.25; effort only R1's 2 h. Beta: R3 10 d, 4 h.
    expect(await teamFigures("reviews", "cycle")).toEqual({
      alpha: 1.25,
      beta: 10,
      gamma: null,
      delta: null,
      omega: null, // another org: out of scope
    });
    expect(await teamFigures("reviews", "effort")).toEqual({
      alpha: 2,
      beta: 4,
      gamma: null,
      delta: null,
      omega: null,
    });
  });

  it("one query answers every period, each team in each", async () => {
    const both = await reviewFamily(scope(), [quarterPeriod(Q2), q3()], BY_TEAM);
    expect(both.get("2026-Q2")!.get(w.teams.alpha.id)!.cycle.all).toEqual({
      n: 1,
      mean: 29,
      median: 29,
    });
    expect([...both.get("2026-Q2")!.keys()]).toEqual([w.teams.alpha.id]);
    expect([...both.get("2026-Q3")!.keys()].sort()).toEqual(
      [w.teams.alpha.id, w.teams.beta.id].sort(),
    );
    // With / without a guardian per team too: R1 with gA, R2 without.
    expect(both.get("2026-Q3")!.get(w.teams.alpha.id)!.cycle).toMatchObject({
      withGuardian: { n: 1, mean: 2 },
      withoutGuardian: { n: 1, mean: 0.5 },
    });
  });

  it("time to release", async () => {
    // Alpha: 10 and 4 days; Beta: 20; Gamma's release is not released.
    expect(await teamFigures("releases", "release")).toMatchObject({
      alpha: 7,
      beta: 20,
      gamma: null,
      delta: null,
    });
  });

  it("findings opened count 0 for a team with none; time to mitigate of those mitigated in the quarter", async () => {
    expect(await teamFigures("findings", "opened")).toEqual({
      alpha: 2, // F1, F2 (F3 was opened in Q2)
      beta: 1, // F4
      gamma: 0,
      delta: 0,
      omega: 0, // its finding is another org's
    });
    // Alpha: F1 10 d and F3 30 d; Beta's F4 was accepted, not mitigated.
    expect(await teamFigures("findings", "mitigate")).toMatchObject({
      alpha: 20,
      beta: null,
      gamma: null,
    });
    const byTeam = await findingFamily(scope(), [q3()], BY_TEAM);
    expect(byTeam.get("2026-Q3")!.get(w.teams.alpha.id)).toMatchObject({
      teams: 1,
      opened: 2,
      perTeam: 2,
      mitigated: 2,
      openAtEnd: 1,
    });
  });

  it("hours per guardian-month: an entry of a guardian of two teams counts for both", async () => {
    // Alpha: gA 2 h + 1 h, gAB 1 h + 3 h = 7 h over gA's and gAB's Jul, Aug, Sep = 6 months.
    // Beta: gAB's 3 h on 08-15 over Aug, Sep = 2 months. Gamma: gC's 1.5 h over Jul, Aug (the
    // entry after leaving is not a guardian's). The builder's and Omega's hours count nowhere.
    const hours = await teamFigures("time", "hours");
    expect(hours).toEqual({ alpha: 7 / 6, beta: 1.5, gamma: 0.75, delta: null, omega: null });
    const byTeam = await timeFamily(scope(), [q3()], BY_TEAM);
    expect(byTeam.get("2026-Q3")!.get(w.teams.alpha.id)).toMatchObject({
      guardianHours: 7,
      guardianMonths: 6,
      builderHours: 0,
    });
  });

  it("a team whose guardians logged nothing has 0 hours, not 'not enough data'", async () => {
    const gDelta = await createUser(["GUARDIAN"], { orgId: w.org.id });
    await db.guardianMembership.create({
      data: {
        userId: gDelta.id,
        teamId: w.teams.delta.id,
        status: "ACTIVE",
        nominatedOn: d("2026-09-01"),
        activeOn: d("2026-09-01"),
      },
    });
    try {
      expect((await teamFigures("time", "hours")).delta).toBe(0);
    } finally {
      await db.guardianMembership.deleteMany({ where: { userId: gDelta.id } });
    }
  });

  it("required training of each team's guardians active on the quarter's last day", async () => {
    // Alpha: gA done, gAB only after Q3 (the retired course does not count) → 50 %. Beta: gAB
    // → 0 %. Gamma: gC left in August → no active guardian.
    expect(await teamFigures("training", "required")).toEqual({
      alpha: 50,
      beta: 0,
      gamma: null,
      delta: null,
      omega: null,
    });
    const byTeam = await trainingFamily(scope(), [q3()], BY_TEAM);
    expect(byTeam.get("2026-Q3")!.get(w.teams.alpha.id)).toEqual({
      guardians: 2,
      allRequiredPct: 50,
      anyOptionalPct: 0,
    });
  });

  it("guardian-authored share: a guardian of another team does not count", async () => {
    // Alpha: TM1 by gA yes, TM2 by the builder no → 50 %. Beta: TM3 by gAB (guarding Alpha, not
    // yet Beta) no, TM4 by gC (guarding Gamma) no, TM5 by gAB (guarding Beta by then) yes → 1 of 3.
    const share = await teamFigures("threat-models", "guardian-share");
    expect(share).toMatchObject({ alpha: 50, gamma: null, delta: null, omega: null });
    expect(share.beta).toBeCloseTo(100 / 3, 10);
    const byTeam = await threatModelFamily(scope(), [q3()], BY_TEAM);
    expect(byTeam.get("2026-Q3")!.get(w.teams.beta.id)).toMatchObject({ approved: 3 });
  });

  it("mean feedback rating, dated by the rated work", async () => {
    // Alpha: R1 4 and TM1 5; Beta: R3 2; R-Q2's 1 is Q2's.
    expect(await teamFigures("feedback", "rating")).toEqual({
      alpha: 4.5,
      beta: 2,
      gamma: null,
      delta: null,
      omega: null,
    });
    const q2 = await feedbackFamily(scope(), [quarterPeriod(Q2)], BY_TEAM);
    expect(q2.get("2026-Q2")!.get(w.teams.alpha.id)).toEqual({ n: 1, mean: 1, median: 1 });
  });

  it("a team filter keeps only that team", async () => {
    const beta = await releaseFamily(
      { orgIds: [w.org.id], teamId: w.teams.beta.id },
      [q3()],
      BY_TEAM,
    );
    expect([...beta.get("2026-Q3")!.keys()]).toEqual([w.teams.beta.id]);
  });
});

describe("where to act, from the per-team figures", () => {
  it("the overview lists the slower and the more findings", async () => {
    const { cycleTime, findings } = await teamOutliers(scope(), Q3);
    // Cycle: Alpha 1.25, Beta 10 → median 5.625. Opened: 2, 1, 0, 0 → median 0.5.
    expect(cycleTime.rows.map((r) => [r.item.name, r.value, r.median])).toEqual([
      ["Beta", 10, 5.625],
    ]);
    expect(findings.rows.map((r) => [r.item.name, r.value, r.median])).toEqual([
      ["Alpha", 2, 0.5],
      ["Beta", 1, 0.5],
    ]);
  });

  it("a detail view lists the teams below the median hours", async () => {
    // 7/6, 1.5 and 0.75: median 7/6; Gamma below it.
    const [hours] = await familyOutliers("time", scope(), Q3);
    expect(hours.rows.map((r) => [r.item.name, r.value])).toEqual([["Gamma", 0.75]]);
    expect(hours.median).toBe(7 / 6);
  });
});
