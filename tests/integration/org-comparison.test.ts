// The organisation comparison, the risk budget over time and the overview's CSV, on the
// dashboard fixture: figures equal to each organisation's dashboard, scoped like the dashboards.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET as compareRoute } from "@/app/api/metrics/compare/route";
import { GET as overviewRoute } from "@/app/api/metrics/overview/route";
import { GET as riskRoute } from "@/app/api/metrics/risk/route";
import { db } from "@/lib/db/client";
import { headlines } from "@/lib/metrics/headlines";
import { overBudgetPct, sortComparison } from "@/lib/metrics/org-comparison";
import { NotFoundError } from "@/lib/server/errors";
import { loadDashboardFigures, resolveScope } from "@/lib/server/metrics/dashboard";
import { comparisonLevel, loadOrgComparison } from "@/lib/server/metrics/org-comparison";
import { riskBudgets } from "@/lib/server/metrics/quarter";
import { riskHistory } from "@/lib/server/metrics/risk-history";
import { resetDatabase } from "../setup/db";
import { actAs } from "./action-harness";
import { buildDashboardProgram } from "./dashboard-fixture";

vi.mock("@/lib/auth/session", async () => (await import("./action-harness")).sessionModule());

const Q3 = { year: 2026, q: 3 as const };
let w: Awaited<ReturnType<typeof buildDashboardProgram>>;

beforeAll(async () => {
  await resetDatabase();
  w = await buildDashboardProgram();
  // Retail's one team gets a budget of 0: its open low finding puts it over.
  await db.team.update({ where: { id: w.teamB.id }, data: { riskBudget: 0 } });
});

const get = async (route: typeof compareRoute, path: string, as: number) => {
  actAs(as);
  const response = await route(
    new Request(`http://localhost:3000${path}`, { headers: { host: "localhost:3000" } }),
  );
  return { status: response.status, text: await response.text() };
};

describe("the organisation comparison", () => {
  it("has each top-level organisation's figures as its dashboard shows them", async () => {
    const filter = { to: "2026-Q3" };
    const level = await comparisonLevel(w.lead, filter);
    expect(level.orgs.map((o) => [o.name, o.subOrgs])).toEqual([
      ["Payments", 1],
      ["Retail", 0],
    ]);
    const { rows } = await loadOrgComparison(level, filter);
    for (const row of rows) {
      const resolved = await resolveScope(w.lead, { org: row.orgId });
      const data = await loadDashboardFigures(resolved, { org: row.orgId, ...filter });
      const shown = Object.fromEntries(headlines(data.metrics).map((h) => [h.id, h.value]));
      expect(row.figures, row.name).toEqual({
        coverage: shown.coverage,
        reduction: shown["cycle-reduction"],
        hours: shown.hours,
        training: shown.training,
        risk: overBudgetPct(await riskBudgets(resolved.scope, Q3)),
      });
    }
    // By hand (dashboard.test.ts): Payments 100% coverage, 62.5% saved, 1.2 h, 50% trained, no
    // team over; Retail 10 h over 3 guardian-months, no review without a guardian, 1 team over.
    expect(rows.map((r) => [r.name, r.figures])).toEqual([
      ["Payments", { coverage: 100, reduction: 62.5, hours: 1.2, training: 50, risk: 0 }],
      ["Retail", { coverage: 100, reduction: null, hours: 10 / 3, training: 0, risk: 100 }],
    ]);
    expect(sortComparison(rows, { key: "reduction", desc: true }).map((r) => r.name)).toEqual([
      "Payments",
      "Retail", // not enough data last
    ]);
  });

  it("drills into an organisation's sub-orgs", async () => {
    const level = await comparisonLevel(w.lead, { org: w.orgA.id });
    expect(level.parent?.name).toBe("Payments");
    expect(level.orgs.map((o) => o.name)).toEqual(["Payments Cards"]);
    expect(level.label).toBe("sub-orgs of Payments");
  });

  it("shows a manager their own organisations only; another's answers as not found", async () => {
    const level = await comparisonLevel(w.manager, {});
    expect(level.orgs.map((o) => o.name)).toEqual(["Payments"]);
    expect(level.label).toBe("your organisations");
    await expect(comparisonLevel(w.manager, { org: w.orgB.id })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect(
      (await get(compareRoute, `/api/metrics/compare?org=${w.orgB.id}`, w.managerUser.id)).status,
    ).toBe(404);
    const own = await get(compareRoute, "/api/metrics/compare?to=2026-Q3", w.managerUser.id);
    expect(own.status).toBe(200);
    expect(own.text).not.toContain("Retail");
    expect(own.text.trim().split("\n")).toHaveLength(2);
  });

  it("writes its CSV in the page's order with four decimals", async () => {
    const csv = await get(compareRoute, "/api/metrics/compare?to=2026-Q3&sort=-risk", w.lead.id);
    expect(csv.status).toBe(200);
    expect(csv.text.trim().split("\n").slice(1)).toEqual([
      `"Retail",${w.orgB.id},"top-level organisations","2026-Q3",100.0000,,3.3333,0.0000,100.0000,1,1`,
      `"Payments",${w.orgA.id},"top-level organisations","2026-Q3",100.0000,62.5000,1.2000,50.0000,0.0000,2,0`,
    ]);
    // A malformed order is ignored, as on the page: by name.
    const byName = await get(
      compareRoute,
      "/api/metrics/compare?to=2026-Q3&sort=-bogus",
      w.lead.id,
    );
    expect(byName.text.split("\n")[1]).toMatch(/^"Payments"/);
  });
});

describe("the risk budget over time", () => {
  it("has every team in scope at each quarter's end, in its CSV too", async () => {
    const scope = (await resolveScope(w.lead, { org: w.orgA.id })).scope;
    const history = await riskHistory(scope, [{ year: 2026, q: 2 }, Q3, { year: 2026, q: 4 }]);
    expect(history.map((h) => [h.quarter, h.teams.length])).toEqual([
      ["2026-Q2", 1], // Accounts joins on 30 September
      ["2026-Q3", 2],
      ["2026-Q4", 4], // and the sub-org's team and the third team of October
    ]);
    const csv = await get(
      riskRoute,
      `/api/metrics/risk?org=${w.orgA.id}&from=2026-Q2&to=2026-Q3`,
      w.lead.id,
    );
    expect(csv.status).toBe(200);
    const lines = csv.text.trim().split("\n");
    expect(lines).toHaveLength(1 + 1 + 2);
    expect(lines).toContain(
      `"Cards",${w.teamA1.id},"org: Payments (with sub-orgs)","2026-Q3",10,2,12,20,60.0000,"no"`,
    );
  });

  it("answers another organisation's risk CSV as not found for a manager", async () => {
    const risk = await get(riskRoute, `/api/metrics/risk?org=${w.orgB.id}`, w.managerUser.id);
    expect(risk.status).toBe(404);
    const own = await get(riskRoute, "/api/metrics/risk?from=2026-Q3&to=2026-Q3", w.managerUser.id);
    expect(own.text).not.toContain(`,${w.teamB.id},`);
  });
});

describe("the overview's CSV", () => {
  it("gives every headline per quarter with the filter, and the teams over budget", async () => {
    const csv = await get(
      overviewRoute,
      `/api/metrics/overview?org=${w.orgA.id}&from=2026-Q2&to=2026-Q3`,
      w.lead.id,
    );
    expect(csv.status).toBe(200);
    const lines = csv.text.trim().split("\n");
    expect(lines[0]).toBe('"metric","filter","quarter","value","unit"');
    expect(lines).toContain(
      '"Review time saved with a guardian","org: Payments (with sub-orgs)","2026-Q3",62.5000,"%"',
    );
    expect(lines).toContain(
      '"Mean cycle time, without guardian","org: Payments (with sub-orgs)","2026-Q3",8.0000,"days"',
    );
    expect(lines).toContain(
      '"Teams over their risk budget","org: Payments (with sub-orgs)","2026-Q3",0,"teams"',
    );
    expect(lines).toHaveLength(1 + 12 * 2);
  });

  it("answers another organisation's as not found for a manager", async () => {
    const csv = await get(
      overviewRoute,
      `/api/metrics/overview?org=${w.orgB.id}`,
      w.managerUser.id,
    );
    expect(csv.status).toBe(404);
  });
});
