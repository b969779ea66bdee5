import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { loadActor } from "@/lib/auth/session";
import { getTeamOrThrow } from "@/lib/server/directory/teams";
import { NotFoundError, PermissionError } from "@/lib/server/errors";
import { updateProgram } from "@/lib/server/program/service";
import { createOrg, createTeam, createUser } from "../factories";
import { resetDatabase } from "../setup/db";

async function twoOrgs() {
  const managerA = await createUser(["MANAGER"]);
  const orgA = await createOrg({ name: "Payments", leaderId: managerA.id });
  const subA = await createOrg({ name: "Payments / Cards", parentId: orgA.id });
  const orgB = await createOrg({ name: "Retail" });
  const teamA = await createTeam(subA.id);
  const teamB = await createTeam(orgB.id);
  await db.user.update({ where: { id: managerA.id }, data: { orgId: orgA.id } });
  return { managerA, orgA, subA, orgB, teamA, teamB };
}

beforeEach(async () => {
  await resetDatabase();
});

describe("organisation scope", () => {
  it("a leader's scope covers the orgs they lead with their sub-orgs, and nothing else", async () => {
    const { managerA, orgA, subA } = await twoOrgs();
    const actor = (await loadActor(managerA.id))!;
    expect(actor.orgScope).toEqual([orgA.id, subA.id].sort((a, b) => a - b));
  });

  it("another organisation's team answers as missing", async () => {
    const { managerA, teamA, teamB } = await twoOrgs();
    const actor = (await loadActor(managerA.id))!;
    await expect(getTeamOrThrow(actor, teamA.id)).resolves.toMatchObject({ id: teamA.id });
    await expect(getTeamOrThrow(actor, teamB.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getTeamOrThrow(actor, 999_999)).rejects.toThrow(
      "That team does not exist or is not visible to you.",
    );
  });

  it("a guardian sees only their own org's teams; a lead sees every org", async () => {
    const { subA, teamA, teamB } = await twoOrgs();
    const guardian = (await loadActor(
      (await createUser(["GUARDIAN"], { orgId: subA.id, teamId: teamA.id })).id,
    ))!;
    await expect(getTeamOrThrow(guardian, teamB.id)).rejects.toBeInstanceOf(NotFoundError);
    const lead = (await loadActor((await createUser(["LEAD"])).id))!;
    await expect(getTeamOrThrow(lead, teamB.id)).resolves.toMatchObject({ id: teamB.id });
  });

  it("a deactivated person has no session actor", async () => {
    const user = await createUser(["LEAD"]);
    await db.user.update({ where: { id: user.id }, data: { deactivatedAt: new Date() } });
    expect(await loadActor(user.id)).toBeNull();
  });
});

describe("program edits", () => {
  const input = {
    name: "Security Guardians",
    vision: "Security ownership everywhere.",
    mission: "Train, empower and recognise guardians.",
  };

  it("a guardian is refused and nothing changes", async () => {
    const guardian = (await loadActor((await createUser(["GUARDIAN"])).id))!;
    await expect(updateProgram(guardian, input)).rejects.toBeInstanceOf(PermissionError);
    expect(await db.program.count()).toBe(0);
    expect(await db.auditLog.count()).toBe(0);
  });

  it("a lead's edit is saved and audited with before and after", async () => {
    const lead = (await loadActor((await createUser(["LEAD"])).id))!;
    await updateProgram(lead, input);
    await updateProgram(lead, { ...input, name: "Guardians" });
    const entries = await db.auditLog.findMany({ orderBy: { id: "asc" } });
    expect(entries.map((e) => e.action)).toEqual(["create", "update"]);
    expect(entries[1]).toMatchObject({
      actorId: lead.id,
      entity: "Program",
      before: { name: "Security Guardians" },
      after: { name: "Guardians" },
    });
  });

  it("the audit log refuses updates and deletes", async () => {
    const lead = (await loadActor((await createUser(["LEAD"])).id))!;
    await updateProgram(lead, input);
    await expect(db.auditLog.updateMany({ data: { action: "forged" } })).rejects.toThrow(
      /append-only/,
    );
    await expect(db.auditLog.deleteMany({})).rejects.toThrow(/append-only/);
  });
});
