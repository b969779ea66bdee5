import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { loadActor } from "@/lib/auth/session";
import { listPeople } from "@/lib/server/directory/people-queries";
import { listTeams } from "@/lib/server/directory/queries";
import { saveOrg, saveTeam } from "@/lib/server/directory/service";
import { DomainError, NotFoundError, PermissionError } from "@/lib/server/errors";
import { teamSchema } from "@/lib/validations/directory";
import { createOrg, createTeam, createUser } from "../factories";
import { resetDatabase } from "../setup/db";

beforeEach(async () => {
  await resetDatabase();
});

async function world() {
  const orgA = await createOrg({ name: "Payments" });
  const orgB = await createOrg({ name: "Retail" });
  const teamA = await createTeam(orgA.id, { name: "Cards" });
  const teamB = await createTeam(orgB.id, { name: "Checkout" });
  const lead = (await loadActor((await createUser(["LEAD"])).id))!;
  const manager = (await loadActor((await createUser(["MANAGER"], { orgId: orgA.id })).id))!;
  return { orgA, orgB, teamA, teamB, lead, manager };
}

const team = (orgId: number, over: Record<string, unknown> = {}) =>
  teamSchema.parse({
    name: "Fraud",
    orgId,
    profile: "HIGH_RISK",
    pilot: "on",
    joinedOn: "2026-01-15",
    riskBudget: "30",
    ...over,
  });

describe("directory lists", () => {
  it("a manager sees only their organisation's teams and people, even when filtering for another org", async () => {
    const w = await world();
    expect((await listTeams(w.manager, {}, 1)).teams.map((t) => t.name)).toEqual(["Cards"]);
    expect((await listTeams(w.manager, { org: w.orgB.id }, 1)).teams).toEqual([]);
    expect((await listTeams(w.lead, {}, 1)).teams.map((t) => t.name)).toEqual([
      "Cards",
      "Checkout",
    ]);
    expect(
      (await listTeams(w.lead, { coverage: "uncovered", q: "chec" }, 1)).teams.map((t) => t.name),
    ).toEqual(["Checkout"]);
    const people = await listPeople(w.manager, {}, 1);
    expect(people.people.every((p) => p.org?.name === "Payments")).toBe(true);
  });
});

describe("team and org edits", () => {
  it("a lead creates and edits a team, audited", async () => {
    const w = await world();
    const created = await saveTeam(w.lead, null, team(w.orgA.id));
    expect(created).toMatchObject({
      name: "Fraud",
      profile: "HIGH_RISK",
      pilot: true,
      riskBudget: 30,
      key: "fraud",
    });
    await saveTeam(w.lead, created.id, team(w.orgA.id, { name: "Fraud detection", pilot: "" }));
    expect(await db.team.findUnique({ where: { id: created.id } })).toMatchObject({
      name: "Fraud detection",
      pilot: false,
    });
    expect(
      await db.auditLog.count({ where: { entity: "Team", entityId: String(created.id) } }),
    ).toBe(2);
  });

  it("a manager may not edit teams; bad input changes nothing", async () => {
    const w = await world();
    await expect(saveTeam(w.manager, w.teamA.id, team(w.orgA.id))).rejects.toBeInstanceOf(
      PermissionError,
    );
    expect(
      teamSchema.safeParse({
        name: "",
        orgId: w.orgA.id,
        profile: "X",
        joinedOn: "soon",
        riskBudget: "-1",
      }).success,
    ).toBe(false);
    await expect(saveTeam(w.lead, 999_999, team(w.orgA.id))).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.team.count()).toBe(2);
  });

  it("an organisation cannot be placed under its own sub-organisation", async () => {
    const w = await world();
    const sub = await saveOrg(w.lead, null, {
      name: "Payments / Cards",
      parentId: w.orgA.id,
      leaderEmail: null,
      recipients: [],
    });
    await expect(
      saveOrg(w.lead, w.orgA.id, {
        name: "Payments",
        parentId: sub.id,
        leaderEmail: null,
        recipients: [],
      }),
    ).rejects.toBeInstanceOf(DomainError);
    await expect(
      saveOrg(w.lead, w.orgA.id, {
        name: "Payments",
        parentId: null,
        leaderEmail: "nobody@example.test",
        recipients: [],
      }),
    ).rejects.toThrow("No one has that email address.");
    expect((await db.org.findUniqueOrThrow({ where: { id: w.orgA.id } })).parentId).toBeNull();
  });
});

describe("newsletter recipients", () => {
  it("are parsed from a list, de-duplicated and validated", async () => {
    const { orgSchema } = await import("@/lib/validations/directory");
    expect(
      orgSchema.parse({
        name: "Payments",
        parentId: "",
        leaderEmail: "",
        recipients: "CTO@example.test, cto@example.test;\nvp@example.test",
      }).recipients,
    ).toEqual(["cto@example.test", "cto@example.test", "vp@example.test"]);
    expect(
      orgSchema.safeParse({
        name: "Payments",
        parentId: "",
        leaderEmail: "",
        recipients: "not-an-email",
      }).success,
    ).toBe(false);
    const w = await world();
    await saveOrg(
      w.lead,
      w.orgA.id,
      orgSchema.parse({
        name: "Payments",
        parentId: "",
        leaderEmail: "",
        recipients: "cto@example.test, CTO@example.test",
      }),
    );
    expect(
      (await db.org.findUniqueOrThrow({ where: { id: w.orgA.id } })).newsletterRecipients,
    ).toEqual(["cto@example.test"]);
  });
});
