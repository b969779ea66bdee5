import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { loadActor } from "@/lib/auth/actor";
import { getOrgSummary, ORG_GUARDIANS_SHOWN } from "@/lib/server/home/org";
import { getEngineerQueue, getLeadAgenda, HOME_LIST_SIZE } from "@/lib/server/home/program";
import { listReviews } from "@/lib/server/reviews/queries";
import { createOrg, createTeam, createUser } from "../factories";
import { resetDatabase } from "../setup/db";

beforeEach(async () => {
  await resetDatabase();
});

const load = async (id: number) => (await loadActor(id))!;
const day = (d: string) => new Date(d);
let reviewNo = 0;

async function review(
  teamId: number,
  data: { engineerId?: number | null; started?: boolean; completed?: boolean; requested?: string },
) {
  const i = ++reviewNo;
  return db.review.create({
    data: {
      key: `REV-${String(i).padStart(6, "0")}`,
      teamId,
      service: `Service ${i}`,
      requestedAt: day(data.requested ?? `2026-01-${String((i % 28) + 1).padStart(2, "0")}`),
      startedAt: data.started || data.completed ? day("2026-02-01") : null,
      completedAt: data.completed ? day("2026-02-10") : null,
      securityEngineerId: data.engineerId ?? null,
    },
  });
}

async function guard(
  userId: number,
  teamId: number,
  status: "ACTIVE" | "NOMINATED" | "ALUMNI" = "ACTIVE",
) {
  return db.guardianMembership.create({
    data: {
      userId,
      teamId,
      status,
      nominatedOn: day("2025-01-01"),
      activeOn: status === "NOMINATED" ? null : day("2025-02-01"),
      leftOn: status === "ALUMNI" ? day("2025-12-01") : null,
    },
  });
}

describe("engineer home", () => {
  it("counts every open review of the engineer, lists the oldest few, and the review list's filter finds the same ones", async () => {
    const org = await createOrg();
    const team = await createTeam(org.id);
    const me = await load((await createUser(["SECURITY_ENGINEER"])).id);
    const other = await createUser(["SECURITY_ENGINEER"]);
    for (let i = 0; i < 11; i++) await review(team.id, { engineerId: me.id, started: i % 2 === 0 });
    await review(team.id, { engineerId: me.id, completed: true });
    await review(team.id, { engineerId: me.id, completed: true });
    for (let i = 0; i < 3; i++) await review(team.id, { engineerId: other.id, started: true });
    await review(team.id, {});
    await review(team.id, { completed: true });

    const q = await getEngineerQueue(me);
    expect(q.mine).toHaveLength(HOME_LIST_SIZE);
    expect(q.mineCount).toBe(11);
    expect(q.unassigned).toBe(1);
    expect(q.mine.map((r) => r.requestedAt.getTime())).toEqual(
      [...q.mine.map((r) => r.requestedAt.getTime())].sort((a, b) => a - b),
    );

    const mineList = await listReviews(me, { engineer: "me", status: "open" }, 1);
    expect(mineList.total).toBe(q.mineCount);
    expect(mineList.rows.every((r) => r.completedAt === null)).toBe(true);
    expect((await listReviews(me, { engineer: "none", status: "open" }, 1)).total).toBe(
      q.unassigned,
    );
    expect((await listReviews(me, { engineer: "me" }, 1)).total).toBe(13);
  });
});

describe("lead home", () => {
  it("shows the number of pending nominations and uncovered teams, not the length of the capped lists", async () => {
    const org = await createOrg();
    const teams = await Promise.all(Array.from({ length: 7 }, () => createTeam(org.id)));
    for (const t of teams)
      await guard((await createUser(["BUILDER"], { orgId: org.id })).id, t.id, "NOMINATED");
    await guard((await createUser(["GUARDIAN"], { orgId: org.id })).id, teams[0].id);
    const lead = await load((await createUser(["LEAD"])).id);
    const agenda = await getLeadAgenda(lead);
    expect(agenda.pendingNominations).toHaveLength(5);
    expect(agenda.nominationCount).toBe(7);
    expect(agenda.uncovered).toHaveLength(5);
    expect(agenda.uncoveredCount).toBe(6);
  });
});

describe("manager home", () => {
  async function twoOrgs() {
    const leaderA = await createUser(["MANAGER"]);
    const leaderB = await createUser(["MANAGER"]);
    const orgA = await createOrg({ name: "Payments", leaderId: leaderA.id });
    const subA = await createOrg({ name: "Cards", parentId: orgA.id });
    const orgB = await createOrg({ name: "Logistics", leaderId: leaderB.id });
    const [a1, a2, a3, b1] = await Promise.all([
      createTeam(orgA.id, { name: "Ledger" }),
      createTeam(orgA.id, { name: "Billing" }),
      createTeam(subA.id, { name: "Issuing" }),
      createTeam(orgB.id, { name: "Routing" }),
    ]);
    return {
      leaderA: await load(leaderA.id),
      leaderB: await load(leaderB.id),
      orgA,
      subA,
      orgB,
      a1,
      a2,
      a3,
      b1,
    };
  }

  it("counts each guardian once, lists them with their teams and belt, and only in the manager's own organisation", async () => {
    const w = await twoOrgs();
    const twoTeams = await createUser(["GUARDIAN"], { orgId: w.orgA.id });
    await guard(twoTeams.id, w.a1.id);
    await guard(twoTeams.id, w.a2.id);
    await db.beltAward.createMany({
      data: [
        { userId: twoTeams.id, belt: "WHITE", awardedOn: day("2025-03-01"), evidence: {} },
        { userId: twoTeams.id, belt: "GREEN", awardedOn: day("2025-09-01"), evidence: {} },
        {
          userId: twoTeams.id,
          belt: "BLACK",
          awardedOn: day("2025-11-01"),
          evidence: {},
          revokedAt: day("2025-12-01"),
        },
      ],
    });
    const subOrgGuardian = await createUser(["GUARDIAN"], { orgId: w.subA.id });
    await guard(subOrgGuardian.id, w.a3.id);
    await guard((await createUser(["BUILDER"], { orgId: w.orgA.id })).id, w.a1.id, "NOMINATED");
    await guard((await createUser(["GUARDIAN"], { orgId: w.orgA.id })).id, w.a2.id, "ALUMNI");
    const guardianB = await createUser(["GUARDIAN"], { orgId: w.orgB.id });
    await guard(guardianB.id, w.b1.id);
    // A person guarding a team in each organisation appears in both, with only that org's team.
    const acrossOrgs = await createUser(["GUARDIAN"], { orgId: w.orgB.id });
    await guard(acrossOrgs.id, w.b1.id);
    await guard(acrossOrgs.id, w.a3.id);

    const a = await getOrgSummary(w.leaderA);
    expect(a.guardianCount).toBe(3);
    expect(a.guardians.map((g) => g.id).sort()).toEqual(
      [twoTeams.id, subOrgGuardian.id, acrossOrgs.id].sort(),
    );
    const both = a.guardians.find((g) => g.id === twoTeams.id)!;
    expect(both.teams.map((t) => t.name)).toEqual(["Billing", "Ledger"]);
    expect(both.belt).toBe("GREEN");
    expect(a.guardians.find((g) => g.id === acrossOrgs.id)!.teams.map((t) => t.name)).toEqual([
      "Issuing",
    ]);
    expect(a.guardians.find((g) => g.id === subOrgGuardian.id)!.belt).toBeNull();
    expect(a.teamCount).toBe(3);
    expect(a.coveredTeams).toBe(3);

    const b = await getOrgSummary(w.leaderB);
    expect(b.guardianCount).toBe(2);
    expect(b.guardians.map((g) => g.id).sort()).toEqual([guardianB.id, acrossOrgs.id].sort());
    expect(b.guardians.flatMap((g) => g.teams.map((t) => t.name))).toEqual(["Routing", "Routing"]);
    expect(b.directoryHref).toBe(`/directory?coverage=covered&org=${w.orgB.id}`);
  });

  it("caps the list and keeps the full count", async () => {
    const w = await twoOrgs();
    for (let i = 0; i < ORG_GUARDIANS_SHOWN + 2; i++) {
      const g = await createUser(["GUARDIAN"], { orgId: w.orgA.id });
      await guard(g.id, w.a1.id);
      await guard(g.id, w.a2.id);
    }
    const a = await getOrgSummary(w.leaderA);
    expect(a.guardians).toHaveLength(ORG_GUARDIANS_SHOWN);
    expect(a.guardianCount).toBe(ORG_GUARDIANS_SHOWN + 2);
    expect((await getOrgSummary(w.leaderB)).guardianCount).toBe(0);
  });
});
