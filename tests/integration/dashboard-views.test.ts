import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { buildSeries, familyById, seriesCsv, withExtraSeries } from "@/lib/metrics/series";
import { clearMetricsCache } from "@/lib/server/metrics/cache";
import { loadDashboard } from "@/lib/server/metrics/dashboard";
import { familyExtras } from "@/lib/server/metrics/family-goal-and-surveys";
import { familyOutliers } from "@/lib/server/metrics/family-outliers";
import { filterOptions } from "@/lib/server/metrics/filter-options";
import { surveyResultsFor } from "@/lib/server/metrics/surveys";
import { buildDashboardProgram } from "./dashboard-fixture";
import { resetDatabase } from "../setup/db";

const Q2 = { year: 2026, q: 2 as const };
const Q3 = { year: 2026, q: 3 as const };
const Q4 = { year: 2026, q: 4 as const };
let w: Awaited<ReturnType<typeof buildDashboardProgram>>;

beforeAll(async () => {
  await resetDatabase();
  w = await buildDashboardProgram();
  clearMetricsCache();
});

describe("survey results in the feedback view", () => {
  const orgA = () => ({ orgIds: [w.orgA.id, w.orgA2.id], teamId: null });
  it("count respondents of the org (by team or by their own org) and their answers", async () => {
    const [annual, ...rest] = await surveyResultsFor(orgA(), Q3, Q3);
    expect(rest).toEqual([]);
    // g1, the builder and the manager
    expect(annual).toMatchObject({ title: "Annual 2026", quarter: "2026-Q3", respondents: 3 });
    const [rating, text] = annual.questions;
    expect(rating).toMatchObject({
      kind: "RATING",
      responses: 3,
      distribution: { 1: 0, 2: 1, 3: 0, 4: 1, 5: 1 },
    });
    expect(rating.kind === "RATING" && rating.mean).toBeCloseTo(11 / 3, 10); // (4 + 2 + 5) / 3
    expect(text).toMatchObject({ kind: "TEXT", responses: 1 }); // the builder's blank answer is none
  });

  it("narrow to a team's members, and another org's respondents stay out", async () => {
    const [team] = await surveyResultsFor(
      { orgIds: [w.orgA.id, w.orgA2.id], teamId: w.teamA1.id },
      Q3,
      Q3,
    );
    expect(team.respondents).toBe(2);
    expect(team.questions[0]).toMatchObject({ responses: 2, mean: 3 });
    const [empty] = await surveyResultsFor(
      { orgIds: [w.orgA.id, w.orgA2.id], teamId: w.teamA2.id },
      Q3,
      Q3,
    );
    expect(empty.respondents).toBe(0);
    expect(empty.questions[0]).toMatchObject({ responses: 0, mean: null });
    const [b] = await surveyResultsFor({ orgIds: [w.orgB.id], teamId: null }, Q3, Q3);
    expect(b.questions.map((q) => q.responses)).toEqual([1, 1]);
    expect(b.questions[0]).toMatchObject({ mean: 1 });
  });

  it("take every survey closing in the range, newest first, and none outside it", async () => {
    const all = await surveyResultsFor({ orgIds: null, teamId: null }, Q2, Q3);
    expect(all.map((s) => [s.title, s.respondents])).toEqual([
      ["Annual 2026", 4],
      ["Pulse Q2", 1],
    ]);
    expect(all[0].questions[0]).toMatchObject({ mean: 3 }); // (4 + 2 + 5 + 1) / 4
    expect(await surveyResultsFor(orgA(), Q4, Q4)).toEqual([]);
  });

  it("appear in the feedback view's CSV, one row per figure", async () => {
    const data = await loadDashboard(w.lead, { org: w.orgA.id, from: "2026-Q3", to: "2026-Q3" });
    const extras = await familyExtras("feedback", data);
    expect(extras.surveys).toHaveLength(1);
    const csv = seriesCsv(
      buildSeries(familyById("feedback")!, data.metrics),
      data.label,
      extras.csv,
    )
      .trim()
      .split("\n");
    expect(csv).toContain(
      '"Survey ""Annual 2026"", Q1 ""The program helps me"": mean rating","org: Payments (with sub-orgs)","2026-Q3",3.6667,"/5"',
    );
    expect(csv).toContain(
      '"Survey ""Annual 2026"": respondents","org: Payments (with sub-orgs)","2026-Q3",3,',
    );
    expect(csv).toContain('"Mean rating","org: Payments (with sub-orgs)","2026-Q3",4.5000,"/5"');
  });
});

describe("new guardians against the program goal", () => {
  it("is charted for the whole program only", async () => {
    await db.program.upsert({
      where: { id: 1 },
      create: { id: 1, name: "Security Guardians", vision: "", mission: "" },
      update: {},
    });
    await db.goal.create({
      data: {
        title: "Two new guardians a quarter",
        metric: "NEW_GUARDIANS",
        target: 2,
        period: "QUARTER",
      },
    });
    const data = await loadDashboard(w.lead, { from: "2026-Q3", to: "2026-Q3" });
    const series = withExtraSeries(
      buildSeries(familyById("people")!, data.metrics),
      (await familyExtras("people", data)).series,
    );
    const at = series.findIndex((s) => s.id === "new-goal");
    expect(series[at - 1].id).toBe("new");
    expect(series[at].points).toEqual([{ quarter: "2026-Q3", value: 2 }]);
    expect(
      (await familyExtras("people", await loadDashboard(w.lead, { org: w.orgA.id }))).series,
    ).toEqual([]);
  });
});

describe("teams worse than the median, per detail view", () => {
  const scope = () => ({ orgIds: [w.orgA.id, w.orgA2.id], teamId: null });
  const rows = async (family: string) =>
    (await familyOutliers(family, scope(), Q3)).map((b) => [
      b.id,
      b.rows.map((r) => [r.item.name, r.value, r.median]),
    ]);

  it("reviews: slower cycle time and more effort only", async () => {
    // Cards: 2, 4, 6 days (mean 4), effort 4, 3, 5 h; Accounts: 10 days, 2 h.
    expect(await rows("reviews")).toEqual([
      ["cycle", [["Accounts", 10, 7]]],
      ["effort", [["Cards", 4, 3]]],
    ]);
    const [cycle] = await familyOutliers("reviews", scope(), Q3);
    expect([cycle.worse, cycle.worseText]).toEqual(["higher", "slower than the median"]);
  });

  it("releases, findings, threat models and feedback", async () => {
    expect(await rows("releases")).toEqual([["release", [["Accounts", 18, 16.5]]]]);
    // A single team's time to mitigate is the median: nothing to act on.
    expect(await rows("findings")).toEqual([
      ["opened", [["Cards", 2, 1.5]]],
      ["mitigate", []],
    ]);
    expect((await familyOutliers("findings", scope(), Q3))[1].median).toBe(10);
    // Accounts' two models (TM2 by a guardian of Cards only, TM3 before its author became active)
    // have no author guarding Accounts itself: 0 %, against Cards' 100 % (median 50).
    expect(await rows("threat-models")).toEqual([["guardian-share", [["Accounts", 0, 50]]]]);
    expect(await rows("feedback")).toEqual([["rating", []]]);
  });

  it("time on security work and training: the teams below the median", async () => {
    // Cards: g1 3.5 h over 3 guardian-months; Accounts: g2 2.5 h over 2 (Aug, Sep).
    const [hours] = await familyOutliers("time", scope(), Q3);
    expect(hours.rows.map((r) => [r.item.name, r.value])).toEqual([["Cards", 3.5 / 3]]);
    expect(hours.rows[0].median).toBeCloseTo((3.5 / 3 + 1.25) / 2, 10);
    expect(await rows("training")).toEqual([["required", [["Accounts", 0, 50]]]]);
    expect(await familyOutliers("people", scope(), Q3)).toEqual([]);
  });

  it("stay inside the scope", async () => {
    // Retail's one team (RB: 1 day) is its own median, so nothing is listed; org A's median is 7.
    const b = await familyOutliers("reviews", { orgIds: [w.orgB.id], teamId: null }, Q3);
    expect([b[0].median, b[0].rows]).toEqual([1, []]);
  });
});

describe("the team filter", () => {
  const ids = (o: { teams: { value: string }[] }) =>
    o.teams.map((t) => Number(t.value)).sort((a, b) => a - b);
  it("lists every team of the chosen organisation and its sub-orgs", async () => {
    const options = await filterOptions(w.lead, w.orgA.id);
    expect(options.teams.map((t) => t.label)).toEqual(
      expect.arrayContaining(["Accounts", "Card issuing", "Cards"]),
    );
    expect(ids(options)).not.toContain(w.teamB.id);
    expect(ids(await filterOptions(w.lead, undefined))).toContain(w.teamB.id);
  });
  it("never offers a manager another organisation's teams", async () => {
    const own = await filterOptions(w.manager, undefined);
    expect(ids(own)).toContain(w.teamSub.id);
    expect(ids(own)).not.toContain(w.teamB.id);
    expect(ids(await filterOptions(w.manager, w.orgB.id))).not.toContain(w.teamB.id);
    expect((await filterOptions(w.manager, w.orgB.id)).orgs.map((o) => o.label)).not.toContain(
      "Retail",
    );
  });
});
