import { beforeEach, describe, expect, it } from "vitest";
import { loadActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { listOpenAlerts } from "@/lib/server/coverage-alerts/queries";
import { createOrg, createTeam, createUser } from "../factories";
import { resetDatabase } from "../setup/db";

// The open alerts the lead's home and /alerts list: newest first, open only, in the reader's scope.
beforeEach(async () => {
  await resetDatabase();
});

const load = async (id: number) => (await loadActor(id))!;

async function alert(
  teamId: number,
  kind: "NO_GUARDIAN" | "OVER_RISK_BUDGET",
  day: string,
  closed = false,
) {
  return db.coverageAlert.create({
    data: {
      teamId,
      kind,
      detail: `${kind} since ${day}`,
      raisedAt: new Date(`${day}T06:30:00Z`),
      closedAt: closed ? new Date(`${day}T07:00:00Z`) : null,
    },
  });
}

describe("open coverage alerts", () => {
  it("lists a lead's open alerts newest first, with the team, a page at a time and by kind", async () => {
    const [a, b] = [await createOrg(), await createOrg()];
    const payments = await createTeam(a.id, { name: "Payments" });
    const search = await createTeam(b.id, { name: "Search" });
    await alert(payments.id, "NO_GUARDIAN", "2026-03-01");
    await alert(search.id, "OVER_RISK_BUDGET", "2026-03-03");
    await alert(payments.id, "OVER_RISK_BUDGET", "2026-03-02");
    await alert(search.id, "NO_GUARDIAN", "2026-03-04", true); // closed
    const lead = await load((await createUser(["LEAD"])).id);

    const all = await listOpenAlerts(lead);
    expect(all.total).toBe(3);
    expect(all.rows.map((r) => [r.team.name, r.kind, r.detail])).toEqual([
      ["Search", "OVER_RISK_BUDGET", "OVER_RISK_BUDGET since 2026-03-03"],
      ["Payments", "OVER_RISK_BUDGET", "OVER_RISK_BUDGET since 2026-03-02"],
      ["Payments", "NO_GUARDIAN", "NO_GUARDIAN since 2026-03-01"],
    ]);
    expect(all.rows[0].team).toMatchObject({ id: search.id, org: { name: b.name } });

    const second = await listOpenAlerts(lead, { page: 2, size: 2 });
    expect([second.total, second.pages, second.rows.map((r) => r.team.name)]).toEqual([
      3,
      2,
      ["Payments"],
    ]);
    const none = await listOpenAlerts(lead, { kind: "NO_GUARDIAN" });
    expect(none.rows.map((r) => r.team.name)).toEqual(["Payments"]);
  });

  it("shows nothing to people who do not run the program, even their own organisation's", async () => {
    const org = await createOrg();
    await alert((await createTeam(org.id)).id, "NO_GUARDIAN", "2026-03-01");
    const manager = await createUser(["MANAGER"], { orgId: org.id });
    await db.org.update({ where: { id: org.id }, data: { leaderId: manager.id } });
    expect(await listOpenAlerts(await load(manager.id))).toMatchObject({ total: 0, rows: [] });
    const guardian = await createUser(["GUARDIAN"], { orgId: org.id });
    expect((await listOpenAlerts(await load(guardian.id))).total).toBe(0);
  });
});
