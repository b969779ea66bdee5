// People management: create, edit, deactivate and reactivate, through the server actions as
// the app calls them (session and cache stand-ins from the action harness).
import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { loadActor } from "@/lib/auth/actor";
import { authenticate, WRONG_CREDENTIALS } from "@/lib/auth/sign-in";
import {
  changePersonStatusAction,
  createPersonAction,
  updatePersonAction,
} from "@/lib/server/directory/actions";
import { listPeople } from "@/lib/server/directory/people-queries";
import { getRoleSources } from "@/lib/server/directory/role-sources";
import { PAGE_SIZE } from "@/lib/server/directory/queries";
import { logActivityAction } from "@/lib/server/activity/actions";
import { createOrg, createTeam, createUser } from "../factories";
import { resetDatabase } from "../setup/db";
import { actAs, changedTables, daysAgo, fingerprint, formData, invoke } from "./action-harness";

vi.mock("@/lib/auth/session", async () => (await import("./action-harness")).sessionModule());
vi.mock("next/cache", async () => (await import("./action-harness")).nextCacheModule());

const PASSWORD = "correct horse battery";
const NO_PERMISSION = {
  kind: "error",
  state: { status: "error", message: "You do not have permission to do that." },
};

beforeEach(async () => {
  await resetDatabase();
});

async function world() {
  const managerA = await createUser(["MANAGER"]);
  const orgA = await createOrg({ name: "Payments", leaderId: managerA.id });
  const subA = await createOrg({ name: "Payments / Cards", parentId: orgA.id });
  const orgB = await createOrg({ name: "Retail" });
  await db.user.update({ where: { id: managerA.id }, data: { orgId: orgA.id } });
  const teamA = await createTeam(subA.id, { name: "Cards" });
  const teamB = await createTeam(orgB.id, { name: "Checkout" });
  const builderA = await createUser(["BUILDER"], {
    orgId: subA.id,
    teamId: teamA.id,
    email: "builder-a@example.test",
    password: PASSWORD,
  });
  const managerB = await createUser(["MANAGER"], { orgId: orgB.id });
  const guardianA = await createUser(["GUARDIAN"], { orgId: subA.id, teamId: teamA.id });
  await db.guardianMembership.create({
    data: {
      userId: guardianA.id,
      teamId: teamA.id,
      status: "ACTIVE",
      nominatedOn: new Date("2025-01-01"),
      activeOn: new Date("2025-01-01"),
    },
  });
  const admin = await createUser(["ADMIN"], { email: "admin@example.test" });
  const lead = await createUser(["LEAD"]);
  return { orgA, subA, orgB, teamA, teamB, managerA, managerB, builderA, guardianA, admin, lead };
}

const newPerson = (over: Record<string, string> = {}) => ({
  email: "New.Person@Example.test",
  name: "New Person",
  "role-BUILDER": "on",
  "role-GUARDIAN": "on",
  orgId: "",
  teamId: "",
  ...over,
});

/** Calls an action and returns its outcome and the tables it changed. */
async function post(action: Parameters<typeof invoke>[0], fields: Record<string, string>) {
  const before = await fingerprint();
  const outcome = await invoke(action, formData(fields));
  return { outcome, changed: changedTables(before, await fingerprint()) };
}

describe("creating a person", () => {
  it("a lead creates a person in an org and team: no password yet, so they cannot sign in; audited without secrets", async () => {
    const w = await world();
    actAs(w.lead.id);
    const { outcome, changed } = await post(
      createPersonAction,
      newPerson({ orgId: String(w.subA.id), teamId: String(w.teamA.id) }),
    );
    const person = await db.user.findUniqueOrThrow({ where: { email: "new.person@example.test" } });
    expect(outcome).toEqual({
      kind: "redirect",
      to: `/directory/people/${person.id}/edit?saved=created`,
    });
    expect(changed).toEqual(["AuditLog", "User"]);
    expect(person).toMatchObject({
      name: "New Person",
      roles: ["GUARDIAN", "BUILDER"],
      orgId: w.subA.id,
      teamId: w.teamA.id,
      passwordHash: null,
      deactivatedAt: null,
    });
    const entry = await db.auditLog.findFirstOrThrow({
      where: { entity: "User", entityId: String(person.id) },
    });
    expect(entry).toMatchObject({ action: "create", actorId: w.lead.id, orgId: w.subA.id });
    expect(Object.keys(entry.after as object).sort()).toEqual([
      "deactivatedAt",
      "email",
      "groupRoles",
      "handRoles",
      "id",
      "name",
      "orgId",
      "roles",
      "teamId",
    ]);
    await expect(
      authenticate({ email: "new.person@example.test", password: "anything at all" }, null),
    ).rejects.toThrow(WRONG_CREDENTIALS);
    const row = (await listPeople((await loadActor(w.lead.id))!, { q: "new person" }, 1)).people[0];
    expect(row).toMatchObject({ id: person.id, signIn: ["none"] });
  });

  it("refuses a duplicate email (whatever its case) beside the field, and changes nothing", async () => {
    const w = await world();
    actAs(w.admin.id);
    const { outcome, changed } = await post(
      createPersonAction,
      newPerson({ email: "BUILDER-A@example.test" }),
    );
    expect(outcome).toEqual({
      kind: "error",
      state: {
        status: "error",
        message: "Please correct the highlighted fields.",
        fieldErrors: { email: ["Someone already has that email address."] },
      },
    });
    expect(changed).toEqual([]);
  });

  it("refuses invalid input with a message per field, and changes nothing", async () => {
    const w = await world();
    actAs(w.lead.id);
    const bad = await post(createPersonAction, {
      email: "not-an-email",
      name: "X",
      "role-OWNER": "on",
      orgId: "",
      teamId: String(w.teamA.id),
    });
    expect(bad.outcome.kind).toBe("error");
    const errors = bad.outcome.kind === "error" ? bad.outcome.state.fieldErrors : {};
    expect(Object.keys(errors ?? {}).sort()).toEqual(["email", "name", "orgId", "roles"]);
    expect(errors?.roles).toEqual(["Give the person at least one role"]);
    const teamWithoutOrg = await post(
      createPersonAction,
      newPerson({ teamId: String(w.teamA.id) }),
    );
    expect(teamWithoutOrg.outcome).toMatchObject({
      kind: "error",
      state: { fieldErrors: { orgId: ["Choose the team's organisation too"] } },
    });
    // The team must belong to the organisation itself (not to its parent or another org).
    const wrongOrg = await post(
      createPersonAction,
      newPerson({ orgId: String(w.orgA.id), teamId: String(w.teamA.id) }),
    );
    expect(wrongOrg.outcome).toMatchObject({
      kind: "error",
      state: {
        fieldErrors: {
          teamId: [
            "That team belongs to another organisation: choose one of this organisation's teams.",
          ],
        },
      },
    });
    const missingOrg = await post(createPersonAction, newPerson({ orgId: "987654" }));
    expect(missingOrg.outcome).toMatchObject({
      kind: "error",
      state: { fieldErrors: { orgId: ["Choose an organisation from the list."] } },
    });
    expect([
      ...bad.changed,
      ...teamWithoutOrg.changed,
      ...wrongOrg.changed,
      ...missingOrg.changed,
    ]).toEqual([]);
  });

  it("is refused to managers, guardians and builders of either organisation", async () => {
    const w = await world();
    for (const who of [w.managerA, w.managerB, w.guardianA, w.builderA]) {
      actAs(who.id);
      const { outcome, changed } = await post(
        createPersonAction,
        newPerson({ orgId: String(w.subA.id) }),
      );
      expect(outcome).toEqual(NO_PERMISSION);
      expect(changed).toEqual([]);
    }
  });

  it("only an admin grants the Admin role", async () => {
    const w = await world();
    actAs(w.lead.id);
    const byLead = await post(createPersonAction, newPerson({ "role-ADMIN": "on" }));
    expect(byLead.outcome).toMatchObject({
      kind: "error",
      state: {
        fieldErrors: { roles: ["Only an administrator can grant or remove the Admin role."] },
      },
    });
    expect(byLead.changed).toEqual([]);
    actAs(w.admin.id);
    expect((await post(createPersonAction, newPerson({ "role-ADMIN": "on" }))).outcome.kind).toBe(
      "redirect",
    );
    expect(
      (await db.user.findUniqueOrThrow({ where: { email: "new.person@example.test" } })).roles,
    ).toContain("ADMIN");
  });
});

describe("editing a person", () => {
  const edit = (id: number, over: Record<string, string> = {}) => ({
    id: String(id),
    name: "Renamed Builder",
    "role-BUILDER": "on",
    "role-MANAGER": "on",
    orgId: "",
    teamId: "",
    ...over,
  });

  it("a lead changes name, roles, org and team (not the email), audited with before and after; the new roles apply at once", async () => {
    const w = await world();
    actAs(w.lead.id);
    const { outcome, changed } = await post(updatePersonAction, {
      ...edit(w.builderA.id, { orgId: String(w.orgB.id), teamId: String(w.teamB.id) }),
      email: "hijack@example.test",
    });
    expect(outcome).toEqual({
      kind: "ok",
      state: { status: "ok", message: "Renamed Builder saved." },
    });
    expect(changed).toEqual(["AuditLog", "User"]);
    const after = await db.user.findUniqueOrThrow({ where: { id: w.builderA.id } });
    expect(after).toMatchObject({
      email: "builder-a@example.test",
      name: "Renamed Builder",
      roles: ["MANAGER", "BUILDER"],
      orgId: w.orgB.id,
      teamId: w.teamB.id,
    });
    expect(after.passwordHash).not.toBeNull();
    const entry = await db.auditLog.findFirstOrThrow({
      where: { entity: "User", entityId: String(w.builderA.id), action: "update" },
    });
    expect(entry.before).toMatchObject({
      name: w.builderA.name,
      roles: ["BUILDER"],
      orgId: w.subA.id,
      teamId: w.teamA.id,
    });
    expect(entry.after).toMatchObject({ name: "Renamed Builder", orgId: w.orgB.id });
    expect(JSON.stringify([entry.before, entry.after])).not.toMatch(/argon2|passwordHash/);
    expect((await loadActor(w.builderA.id))?.orgScope).toEqual([w.orgB.id]);
  });

  it("invalid input, a foreign team and an unknown person change nothing", async () => {
    const w = await world();
    actAs(w.lead.id);
    const results = [
      await post(
        updatePersonAction,
        edit(w.builderA.id, { name: "", "role-BUILDER": "", "role-MANAGER": "" }),
      ),
      await post(
        updatePersonAction,
        edit(w.builderA.id, { orgId: String(w.subA.id), teamId: String(w.teamB.id) }),
      ),
      await post(updatePersonAction, edit(987_654)),
      // No role by hand and none from SSO groups.
      await post(
        updatePersonAction,
        edit(w.builderA.id, { "role-BUILDER": "", "role-MANAGER": "" }),
      ),
    ];
    expect(results[0].outcome).toMatchObject({
      kind: "error",
      state: { fieldErrors: { name: ["Enter the person's name"] } },
    });
    expect(results[3].outcome).toMatchObject({
      kind: "error",
      state: { fieldErrors: { roles: ["Give the person at least one role"] } },
    });
    expect(results[1].outcome).toMatchObject({
      kind: "error",
      state: { fieldErrors: { teamId: [expect.stringMatching(/another organisation/)] } },
    });
    expect(results[2].outcome).toEqual({
      kind: "error",
      state: { status: "error", message: "That person does not exist or is not visible to you." },
    });
    expect(results.flatMap((r) => r.changed)).toEqual([]);
  });

  it("a manager, even of the person's own organisation, and another organisation's manager are refused", async () => {
    const w = await world();
    for (const who of [w.managerA, w.managerB]) {
      actAs(who.id);
      const { outcome, changed } = await post(updatePersonAction, edit(w.builderA.id));
      expect(outcome).toEqual(NO_PERMISSION);
      expect(changed).toEqual([]);
    }
  });

  it("a lead cannot edit an admin, give themself the Admin role, or take away their own people management", async () => {
    const w = await world();
    actAs(w.lead.id);
    const onAdmin = await post(updatePersonAction, {
      id: String(w.admin.id),
      name: "Demoted",
      "role-BUILDER": "on",
      orgId: "",
      teamId: "",
    });
    expect(onAdmin.outcome).toEqual({
      kind: "error",
      state: {
        status: "error",
        message: "Only an administrator can change an administrator's account.",
      },
    });
    const selfAdmin = await post(updatePersonAction, {
      id: String(w.lead.id),
      name: "Lead",
      "role-LEAD": "on",
      "role-ADMIN": "on",
      orgId: "",
      teamId: "",
    });
    expect(selfAdmin.outcome).toMatchObject({
      kind: "error",
      state: {
        fieldErrors: { roles: ["Only an administrator can grant or remove the Admin role."] },
      },
    });
    const selfDemote = await post(updatePersonAction, {
      id: String(w.lead.id),
      name: "Lead",
      "role-BUILDER": "on",
      orgId: "",
      teamId: "",
    });
    expect(selfDemote.outcome).toMatchObject({
      kind: "error",
      state: {
        fieldErrors: { roles: ["You cannot take away your own permission to manage people."] },
      },
    });
    expect([...onAdmin.changed, ...selfAdmin.changed, ...selfDemote.changed]).toEqual([]);
  });

  it("an active guardian keeps the Guardian role until they step down; alumni keep it unless a lead removes it", async () => {
    const w = await world();
    actAs(w.lead.id);
    const form = {
      id: String(w.guardianA.id),
      name: "Gail",
      "role-BUILDER": "on",
      orgId: String(w.subA.id),
      teamId: String(w.teamA.id),
    };
    const refused = await post(updatePersonAction, form);
    expect(refused.outcome).toMatchObject({
      kind: "error",
      state: {
        fieldErrors: {
          roles: [expect.stringMatching(/is an active guardian of Cards: record the step-down/)],
        },
      },
    });
    expect(refused.changed).toEqual([]);
    await db.guardianMembership.updateMany({
      where: { userId: w.guardianA.id },
      data: { status: "ALUMNI", leftOn: new Date() },
    });
    expect((await post(updatePersonAction, form)).outcome.kind).toBe("ok");
    expect((await db.user.findUniqueOrThrow({ where: { id: w.guardianA.id } })).roles).toEqual([
      "BUILDER",
    ]);
  });
});

describe("roles by source", () => {
  // Roles from SSO groups, as an SSO sign-in writes them (the trigger derives `roles`).
  const fromGroups = (id: number, groupRoles: ("ADMIN" | "MANAGER" | "GUARDIAN")[]) =>
    db.user.update({ where: { id }, data: { groupRoles } });
  const form = (id: number, roles: string[], over: Record<string, string> = {}) => ({
    id: String(id),
    name: "Bea Builder",
    orgId: "",
    teamId: "",
    ...Object.fromEntries(roles.map((r) => [`role-${r}`, "on"])),
    ...over,
  });

  it("the form edits hand roles only: a group role stays whatever the form says, audited by source", async () => {
    const w = await world();
    await fromGroups(w.builderA.id, ["MANAGER"]);
    actAs(w.lead.id);
    const { outcome, changed } = await post(
      updatePersonAction,
      form(w.builderA.id, ["GUARDIAN", "BUILDER"]),
    );
    expect(outcome.kind).toBe("ok");
    expect(changed).toEqual(["AuditLog", "User"]);
    expect(
      await db.user.findUniqueOrThrow({
        where: { id: w.builderA.id },
        select: { handRoles: true, groupRoles: true, roles: true },
      }),
    ).toEqual({
      handRoles: ["GUARDIAN", "BUILDER"],
      groupRoles: ["MANAGER"],
      roles: ["GUARDIAN", "MANAGER", "BUILDER"],
    });
    const entry = await db.auditLog.findFirstOrThrow({
      where: { entity: "User", entityId: String(w.builderA.id), action: "update" },
    });
    expect(entry.before).toMatchObject({
      handRoles: ["BUILDER"],
      groupRoles: ["MANAGER"],
      roles: ["MANAGER", "BUILDER"],
    });
    expect(entry.after).toMatchObject({
      handRoles: ["GUARDIAN", "BUILDER"],
      groupRoles: ["MANAGER"],
      roles: ["GUARDIAN", "MANAGER", "BUILDER"],
    });
    // Someone who holds all their roles through groups may keep no hand role.
    await fromGroups(w.managerB.id, ["MANAGER"]);
    await db.user.update({ where: { id: w.managerB.id }, data: { handRoles: [] } });
    const groupsOnly = await post(
      updatePersonAction,
      form(w.managerB.id, [], { orgId: String(w.orgB.id) }),
    );
    expect(groupsOnly.outcome.kind).toBe("ok");
    expect((await db.user.findUniqueOrThrow({ where: { id: w.managerB.id } })).roles).toEqual([
      "MANAGER",
    ]);
  });

  it("a lead cannot manage someone who is an admin through SSO groups; an admin can, by hand roles only", async () => {
    const w = await world();
    await fromGroups(w.builderA.id, ["ADMIN"]);
    actAs(w.lead.id);
    const edit = await post(updatePersonAction, form(w.builderA.id, ["BUILDER"]));
    expect(edit.outcome).toEqual({
      kind: "error",
      state: {
        status: "error",
        message: "Only an administrator can change an administrator's account.",
      },
    });
    const deactivate = await post(changePersonStatusAction, {
      id: String(w.builderA.id),
      change: "deactivate",
    });
    expect(deactivate.outcome.kind).toBe("error");
    expect([...edit.changed, ...deactivate.changed]).toEqual([]);

    actAs(w.admin.id);
    // Clearing the Admin box takes away only a hand grant: the group's Admin stays.
    const byAdmin = await post(updatePersonAction, form(w.builderA.id, ["GUARDIAN"]));
    expect(byAdmin.outcome.kind).toBe("ok");
    expect(
      await db.user.findUniqueOrThrow({
        where: { id: w.builderA.id },
        select: { handRoles: true, roles: true },
      }),
    ).toEqual({ handRoles: ["GUARDIAN"], roles: ["ADMIN", "GUARDIAN"] });
  });

  it("the profile's role sources: by hand, from groups or both, for those who may see the person", async () => {
    const w = await world();
    await fromGroups(w.builderA.id, ["ADMIN", "GUARDIAN"]);
    await db.user.update({
      where: { id: w.builderA.id },
      data: { handRoles: ["GUARDIAN", "BUILDER"] },
    });
    expect(await getRoleSources((await loadActor(w.managerA.id))!, w.builderA.id)).toEqual([
      { role: "ADMIN", source: "group" },
      { role: "GUARDIAN", source: "both" },
      { role: "BUILDER", source: "hand" },
    ]);
    // Another organisation's manager sees nothing, as for a missing person.
    expect(await getRoleSources((await loadActor(w.managerB.id))!, w.builderA.id)).toBeNull();
    expect(await getRoleSources((await loadActor(w.managerB.id))!, 987_654)).toBeNull();
  });
});

describe("deactivating and reactivating", () => {
  it("a deactivated person cannot sign in and their session ends; reactivating restores both; each change is audited once", async () => {
    const w = await world();
    actAs(w.lead.id);
    const off = await post(changePersonStatusAction, {
      id: String(w.builderA.id),
      change: "deactivate",
    });
    expect(off.outcome).toEqual({
      kind: "ok",
      state: {
        status: "ok",
        message: `${w.builderA.name} is deactivated and can no longer sign in.`,
      },
    });
    expect(off.changed).toEqual(["AuditLog", "User"]);
    const again = await post(changePersonStatusAction, {
      id: String(w.builderA.id),
      change: "deactivate",
    });
    expect(again.outcome).toEqual({
      kind: "error",
      state: { status: "error", message: `${w.builderA.name} is already deactivated.` },
    });
    expect(again.changed).toEqual([]);
    await expect(
      authenticate({ email: "builder-a@example.test", password: PASSWORD }, null),
    ).rejects.toThrow(WRONG_CREDENTIALS);
    expect(await loadActor(w.builderA.id)).toBeNull();
    actAs(w.builderA.id);
    expect(
      await invoke(
        logActivityAction,
        formData({
          date: daysAgo(1),
          hours: "1",
          type: "QUESTION",
          idempotencyKey: crypto.randomUUID(),
        }),
      ),
    ).toEqual({
      kind: "error",
      state: { status: "error", message: "Your session has ended. Sign in again." },
    });
    // Deactivated people are listed only when a people manager asks for them.
    const lead = (await loadActor(w.lead.id))!;
    expect((await listPeople(lead, { q: "builder-a" }, 1)).total).toBe(0);
    expect(
      (await listPeople(lead, { q: "builder-a", status: "deactivated" }, 1)).people.map(
        (p) => p.id,
      ),
    ).toEqual([w.builderA.id]);
    expect(
      (
        await listPeople(
          (await loadActor(w.managerA.id))!,
          { q: "builder-a", status: "deactivated" },
          1,
        )
      ).total,
    ).toBe(0);

    actAs(w.lead.id);
    expect(
      (await post(changePersonStatusAction, { id: String(w.builderA.id), change: "reactivate" }))
        .outcome.kind,
    ).toBe("ok");
    await expect(
      authenticate({ email: "builder-a@example.test", password: PASSWORD }, null),
    ).resolves.toMatchObject({ id: w.builderA.id });
    expect(
      (
        await db.auditLog.findMany({
          where: { entity: "User", entityId: String(w.builderA.id) },
          orderBy: { id: "asc" },
        })
      ).map((e) => e.action),
    ).toEqual(["deactivate", "reactivate"]);
  });

  it("refuses bad input, one's own account, an admin's account for a lead, and callers without the permission", async () => {
    const w = await world();
    actAs(w.lead.id);
    const outcomes = [
      await post(changePersonStatusAction, { id: String(w.builderA.id), change: "delete" }),
      await post(changePersonStatusAction, { id: String(w.lead.id), change: "deactivate" }),
      await post(changePersonStatusAction, { id: String(w.admin.id), change: "deactivate" }),
      await post(changePersonStatusAction, { id: "987654", change: "deactivate" }),
    ];
    expect(outcomes[0].outcome).toMatchObject({
      kind: "error",
      state: { fieldErrors: { change: ["Choose deactivate or reactivate"] } },
    });
    expect(outcomes[1].outcome).toMatchObject({
      kind: "error",
      state: { message: "You cannot deactivate your own account." },
    });
    expect(outcomes[2].outcome).toMatchObject({
      kind: "error",
      state: { message: "Only an administrator can change an administrator's account." },
    });
    expect(outcomes[3].outcome).toMatchObject({
      kind: "error",
      state: { message: "That person does not exist or is not visible to you." },
    });
    for (const who of [w.managerA, w.managerB, w.guardianA]) {
      actAs(who.id);
      outcomes.push(
        await post(changePersonStatusAction, { id: String(w.builderA.id), change: "deactivate" }),
      );
      expect(outcomes.at(-1)?.outcome).toEqual(NO_PERMISSION);
    }
    expect(outcomes.flatMap((o) => o.changed)).toEqual([]);
  });
});

describe("the people list", () => {
  it("filters by organisation (with sub-orgs), role and name inside the caller's scope, and paginates", async () => {
    const w = await world();
    for (let i = 0; i < PAGE_SIZE + 3; i++) await createUser(["BUILDER"], { orgId: w.orgB.id });
    const lead = (await loadActor(w.lead.id))!;
    const ids = (r: Awaited<ReturnType<typeof listPeople>>) =>
      r.people.map((p) => p.id).sort((a, b) => a - b);
    expect(ids(await listPeople(lead, { org: w.orgA.id }, 1))).toEqual(
      [w.managerA.id, w.builderA.id, w.guardianA.id].sort((a, b) => a - b),
    );
    expect(ids(await listPeople(lead, { org: w.subA.id }, 1))).toEqual(
      [w.builderA.id, w.guardianA.id].sort((a, b) => a - b),
    );
    expect(ids(await listPeople(lead, { org: w.orgA.id, role: "GUARDIAN" }, 1))).toEqual([
      w.guardianA.id,
    ]);
    expect(ids(await listPeople(lead, { role: "ADMIN" }, 1))).toEqual([w.admin.id]);
    const orgB = await listPeople(lead, { org: w.orgB.id, role: "BUILDER" }, 1);
    expect([orgB.total, orgB.pages, orgB.people.length]).toEqual([PAGE_SIZE + 3, 2, PAGE_SIZE]);
    const page2 = await listPeople(lead, { org: w.orgB.id, role: "BUILDER" }, 2);
    expect(page2.people).toHaveLength(3);
    expect(page2.people.filter((p) => orgB.people.some((q) => q.id === p.id))).toEqual([]);
    // A manager of org B filtering for org A sees no one; their own list hides who can sign in.
    const managerB = (await loadActor(w.managerB.id))!;
    expect((await listPeople(managerB, { org: w.orgA.id }, 1)).total).toBe(0);
    expect(
      (await listPeople(managerB, { role: "MANAGER" }, 1)).people.map((p) => [p.id, p.signIn]),
    ).toEqual([[w.managerB.id, null]]);
  });
});
