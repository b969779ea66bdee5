import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { loadActor } from "@/lib/auth/session";
import { decideNomination, nominateGuardian, stepDown } from "@/lib/server/nominations/service";
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
  const builder = await createUser(["BUILDER"], { orgId: orgA.id, teamId: teamA.id, email: "builder-a@example.test" });
  const builderB = await createUser(["BUILDER"], { orgId: orgB.id, teamId: teamB.id, email: "builder-b@example.test" });
  const load = async (id: number) => (await loadActor(id))!;
  return {
    orgA, teamA, teamB, builder, builderB,
    manager: await load(managerA.id),
    lead: await load((await createUser(["LEAD"])).id),
    managerB: await load((await createUser(["MANAGER"], { orgId: orgB.id })).id),
  };
}

const nominate = (teamId: number, email: string) => nominationSchema.parse({ teamId, email, reason: "Cares about secure defaults and helps the team." });

beforeEach(async () => {
  await resetDatabase();
});

describe("nominations", () => {
  it("a manager nominates, the lead approves, the person becomes an active guardian and the team is covered", async () => {
    const w = await world();
    const m = await nominateGuardian(w.manager, nominate(w.teamA.id, "builder-a@example.test"));
    expect(m).toMatchObject({ status: "NOMINATED", nominatedById: w.manager.id });
    const approved = await decideNomination(w.lead, { membershipId: m.id, decision: "approve", note: null });
    expect(approved).toMatchObject({ status: "ACTIVE", approvedById: w.lead.id });
    expect(approved.activeOn).not.toBeNull();
    expect((await db.user.findUniqueOrThrow({ where: { id: w.builder.id } })).roles).toContain("GUARDIAN");
    expect(await db.team.count({ where: { id: w.teamA.id, guardians: { some: { status: "ACTIVE" } } } })).toBe(1);
    const history = await db.guardianStatusChange.findMany({ where: { membershipId: m.id }, orderBy: { id: "asc" } });
    expect(history.map((h) => [h.fromStatus, h.toStatus])).toEqual([[null, "NOMINATED"], ["NOMINATED", "ACTIVE"]]);
    expect(await db.auditLog.count({ where: { entity: "GuardianMembership" } })).toBe(2);
  });

  it("refuses a second open nomination for the same person and team", async () => {
    const w = await world();
    await nominateGuardian(w.manager, nominate(w.teamA.id, "builder-a@example.test"));
    await expect(nominateGuardian(w.manager, nominate(w.teamA.id, "builder-a@example.test"))).rejects.toThrow(/already nominated/);
    expect(await db.guardianMembership.count()).toBe(1);
  });

  it("another organisation's team answers as missing and nothing is written", async () => {
    const w = await world();
    await expect(nominateGuardian(w.manager, nominate(w.teamB.id, "builder-a@example.test"))).rejects.toBeInstanceOf(NotFoundError);
    await expect(nominateGuardian(w.manager, nominate(w.teamA.id, "builder-b@example.test"))).rejects.toThrow("No one with that email works in an organisation you can see.");
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
    await expect(decideNomination(w.manager, { membershipId: m.id, decision: "approve", note: null })).rejects.toBeInstanceOf(PermissionError);
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
    await expect(stepDown(w.managerB, { membershipId: m.id, note: null })).rejects.toBeInstanceOf(NotFoundError);
    const after = await stepDown(guardian, { membershipId: m.id, note: "Moving teams" });
    expect(after).toMatchObject({ status: "ALUMNI" });
    expect(after.leftOn).not.toBeNull();
    await expect(stepDown(guardian, { membershipId: m.id, note: null })).rejects.toThrow("Only an active guardian can step down.");
    // Nominating again after stepping down is allowed: the old membership stays as history.
    await nominateGuardian(w.manager, nominate(w.teamA.id, "builder-a@example.test"));
    expect(await db.guardianMembership.count({ where: { userId: w.builder.id } })).toBe(2);
  });
});
