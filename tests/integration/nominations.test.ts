import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { loadActor } from "@/lib/auth/session";
import { decideNomination, nominateGuardian, stepDown } from "@/lib/server/nominations/service";
import { reevaluateBelts } from "@/lib/server/belts/service";
import { getTeamDetail } from "@/lib/server/directory/queries";
import { DomainError, NotFoundError, PermissionError } from "@/lib/server/errors";
import { nominationSchema } from "@/lib/validations/nomination";
import { createOrg, createTeam, createUser } from "../factories";
import { resetDatabase } from "../setup/db";

async function world() {
  const managerA = await createUser(["MANAGER"]);
  const orgA = await createOrg({ leaderId: managerA.id });
  const orgB = await createOrg();
  await db.user.update({ where: { id: managerA.id }, data: { orgId: orgA.id } });
  const teamA = await createTeam(orgA.id);
  const teamB = await createTeam(orgB.id);
  const builder = await createUser(["BUILDER"], {
    orgId: orgA.id,
    teamId: teamA.id,
    email: "builder-a@example.test",
  });
  const builderB = await createUser(["BUILDER"], {
    orgId: orgB.id,
    teamId: teamB.id,
    email: "builder-b@example.test",
  });
  const load = async (id: number) => (await loadActor(id))!;
  return {
    orgA,
    teamA,
    teamB,
    builder,
    builderB,
    manager: await load(managerA.id),
    lead: await load((await createUser(["LEAD"])).id),
    managerB: await load((await createUser(["MANAGER"], { orgId: orgB.id })).id),
  };
}

const nominate = (teamId: number, email: string) =>
  nominationSchema.parse({
    teamId,
    email,
    reason: "Cares about secure defaults and helps the team.",
  });

beforeEach(async () => {
  await resetDatabase();
});

describe("nominations", () => {
  it("a manager nominates, the lead approves, the person becomes an active guardian and the team is covered", async () => {
    const w = await world();
    const m = await nominateGuardian(w.manager, nominate(w.teamA.id, "builder-a@example.test"));
    expect(m).toMatchObject({ status: "NOMINATED", nominatedById: w.manager.id });
    const approved = await decideNomination(w.lead, {
      membershipId: m.id,
      decision: "approve",
      note: null,
    });
    expect(approved).toMatchObject({ status: "ACTIVE", approvedById: w.lead.id });
    expect(approved.activeOn).not.toBeNull();
    expect((await db.user.findUniqueOrThrow({ where: { id: w.builder.id } })).roles).toContain(
      "GUARDIAN",
    );
    expect(
      await db.team.count({ where: { id: w.teamA.id, guardians: { some: { status: "ACTIVE" } } } }),
    ).toBe(1);
    const history = await db.guardianStatusChange.findMany({
      where: { membershipId: m.id },
      orderBy: { id: "asc" },
    });
    expect(history.map((h) => [h.fromStatus, h.toStatus])).toEqual([
      [null, "NOMINATED"],
      ["NOMINATED", "ACTIVE"],
    ]);
    expect(await db.auditLog.count({ where: { entity: "GuardianMembership" } })).toBe(2);
  });

  it("refuses a second open nomination for the same person and team", async () => {
    const w = await world();
    await nominateGuardian(w.manager, nominate(w.teamA.id, "builder-a@example.test"));
    await expect(
      nominateGuardian(w.manager, nominate(w.teamA.id, "builder-a@example.test")),
    ).rejects.toThrow(/already nominated/);
    expect(await db.guardianMembership.count()).toBe(1);
  });

  it("another organisation's team answers as missing and nothing is written", async () => {
    const w = await world();
    await expect(
      nominateGuardian(w.manager, nominate(w.teamB.id, "builder-a@example.test")),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      nominateGuardian(w.manager, nominate(w.teamA.id, "builder-b@example.test")),
    ).rejects.toThrow("No one with that email works in an organisation you can see.");
    expect(await db.guardianMembership.count()).toBe(0);
  });

  it("rejects an invalid nomination with field messages", () => {
    const r = nominationSchema.safeParse({ teamId: "x", email: "nope", reason: "short" });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path[0])).toEqual(["teamId", "email", "reason"]);
  });

  it("only a lead decides, and only once", async () => {
    const w = await world();
    const m = await nominateGuardian(w.manager, nominate(w.teamA.id, "builder-a@example.test"));
    await expect(
      decideNomination(w.manager, { membershipId: m.id, decision: "approve", note: null }),
    ).rejects.toBeInstanceOf(PermissionError);
    const results = await Promise.allSettled([
      decideNomination(w.lead, { membershipId: m.id, decision: "approve", note: null }),
      decideNomination(w.lead, { membershipId: m.id, decision: "decline", note: null }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(DomainError);
    expect(await db.guardianStatusChange.count({ where: { membershipId: m.id } })).toBe(2);
  });

  it("a guardian steps down to alumni, history kept; a stranger cannot make them", async () => {
    const w = await world();
    const m = await nominateGuardian(w.manager, nominate(w.teamA.id, "builder-a@example.test"));
    await decideNomination(w.lead, { membershipId: m.id, decision: "approve", note: null });
    const guardian = (await loadActor(w.builder.id))!;
    await expect(stepDown(w.managerB, { membershipId: m.id, note: null })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    const after = await stepDown(guardian, { membershipId: m.id, note: "Moving teams" });
    expect(after).toMatchObject({ status: "ALUMNI" });
    expect(after.leftOn).not.toBeNull();
    await expect(stepDown(guardian, { membershipId: m.id, note: null })).rejects.toThrow(
      "Only an active guardian can step down.",
    );
    // Nominating again after stepping down is allowed: the old membership stays as history.
    await nominateGuardian(w.manager, nominate(w.teamA.id, "builder-a@example.test"));
    expect(await db.guardianMembership.count({ where: { userId: w.builder.id } })).toBe(2);
  });
});

describe("belts on approval", () => {
  it("an approved nominee gets the White belt at once, exactly once; a declined one gets nothing", async () => {
    const w = await world();
    const m = await nominateGuardian(w.manager, nominate(w.teamA.id, "builder-a@example.test"));
    const approved = await decideNomination(w.lead, {
      membershipId: m.id,
      decision: "approve",
      note: null,
    });
    expect(approved.awarded).toEqual([{ userId: w.builder.id, belt: "WHITE" }]);
    expect(
      await Promise.all([reevaluateBelts([w.builder.id]), reevaluateBelts([w.builder.id])]),
    ).toEqual([[], []]);
    const awards = await db.beltAward.findMany({ where: { userId: w.builder.id } });
    expect(awards.map((a) => a.belt)).toEqual(["WHITE"]);
    expect(
      await db.auditLog.count({
        where: { entity: "BeltAward", action: "award", actorId: w.lead.id },
      }),
    ).toBe(1);
    // Stepping down and being approved again later awards no second White.
    await stepDown(w.lead, { membershipId: m.id, note: null });
    const again = await nominateGuardian(w.manager, nominate(w.teamA.id, "builder-a@example.test"));
    expect(
      (await decideNomination(w.lead, { membershipId: again.id, decision: "approve", note: null }))
        .awarded,
    ).toEqual([]);
    expect(await db.beltAward.count({ where: { userId: w.builder.id } })).toBe(1);

    const other = await createUser(["BUILDER"], {
      orgId: w.orgA.id,
      email: "other-a@example.test",
    });
    const declined = await decideNomination(w.lead, {
      membershipId: (
        await nominateGuardian(w.manager, nominate(w.teamA.id, "other-a@example.test"))
      ).id,
      decision: "decline",
      note: null,
    });
    expect(declined.awarded).toEqual([]);
    expect(await db.beltAward.count({ where: { userId: other.id } })).toBe(0);
  });
});

describe("notes and the team's history", () => {
  it("decline and step-down notes are kept with who and when, and shown in the team's guardians over time", async () => {
    const w = await world();
    const other = await createUser(["BUILDER"], {
      orgId: w.orgA.id,
      email: "other-a@example.test",
    });
    const m = await nominateGuardian(w.manager, nominate(w.teamA.id, "builder-a@example.test"));
    await decideNomination(w.lead, {
      membershipId: m.id,
      decision: "approve",
      note: "Welcome aboard",
    });
    await stepDown((await loadActor(w.builder.id))!, {
      membershipId: m.id,
      note: "Moving to the platform team",
    });
    const n = await nominateGuardian(w.manager, nominate(w.teamA.id, "other-a@example.test"));
    await decideNomination(w.lead, {
      membershipId: n.id,
      decision: "decline",
      note: "Too new to the team; nominate again in spring",
    });
    const team = (await getTeamDetail(w.lead, w.teamA.id))!;
    const history = (userId: number) =>
      team.guardians
        .find((g) => g.userId === userId)!
        .history.map((h) => [h.toStatus, h.changedBy?.name, h.note]);
    expect(history(w.builder.id)).toEqual([
      ["NOMINATED", w.manager.name, "Cares about secure defaults and helps the team."],
      ["ACTIVE", w.lead.name, "Welcome aboard"],
      ["ALUMNI", w.builder.name, "Moving to the platform team"],
    ]);
    expect(history(other.id)).toEqual([
      ["NOMINATED", w.manager.name, "Cares about secure defaults and helps the team."],
      ["DECLINED", w.lead.name, "Too new to the team; nominate again in spring"],
    ]);
    expect(team.guardians.every((g) => g.history.every((h) => h.at instanceof Date))).toBe(true);
    // Another organisation's manager sees none of it.
    expect(await getTeamDetail(w.managerB, w.teamA.id)).toBeNull();
  });
});

describe("who can be nominated", () => {
  it("only people of the team's organisation (any of its sub-orgs), even for a lead; nothing is written otherwise", async () => {
    const w = await world();
    const growth = await createOrg({ name: "Payments / Growth", parentId: w.orgA.id });
    await createUser(["BUILDER"], { orgId: growth.id, email: "growth@example.test" });
    const engineer = await createUser(["SECURITY_ENGINEER"], { email: "appsec@example.test" });
    await expect(
      nominateGuardian(w.lead, nominate(w.teamA.id, "builder-b@example.test")),
    ).rejects.toThrow(
      `${w.builderB.name} does not work in ${w.orgA.name}: a team's guardian comes from the team's organisation (any of its sub-orgs).`,
    );
    await expect(nominateGuardian(w.lead, nominate(w.teamA.id, engineer.email))).rejects.toThrow(
      /does not work in/,
    );
    expect(await db.guardianMembership.count()).toBe(0);
    // A sub-org's team takes a guardian from a sibling sub-org of the same organisation.
    const cards = await createOrg({ name: "Payments / Cards", parentId: w.orgA.id });
    const cardsTeam = await createTeam(cards.id);
    const manager = (await loadActor(w.manager.id))!; // the leader's scope now includes the new sub-orgs
    await expect(
      nominateGuardian(manager, nominate(cardsTeam.id, "growth@example.test")),
    ).resolves.toMatchObject({ status: "NOMINATED" });
    await expect(
      nominateGuardian(manager, nominate(cardsTeam.id, "builder-a@example.test")),
    ).resolves.toMatchObject({ status: "NOMINATED" });
  });
});
