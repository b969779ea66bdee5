// Single sign-on linking and groups to roles, on a real database (README, "Single sign-on").
// The provider's side is its ID token claims, as Auth.js hands them to the signIn callback;
// the whole flow against a real provider is in tests/e2e/sso.spec.ts.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { signInWithSso } from "@/lib/server/identity/sso";
import * as ssoActions from "@/lib/server/identity/sso-actions";
import { actAs, formData, invoke, messagesOf } from "./action-harness";
import { createOrg, createUser } from "../factories";
import { resetDatabase } from "../setup/db";

vi.mock("@/lib/auth/session", async () => (await import("./action-harness")).sessionModule());
vi.mock("next/cache", async () => (await import("./action-harness")).nextCacheModule());

const ISSUER = "https://id.example.test";
const settings = { issuer: ISSUER, groupsClaim: "groups", autoProvisionOrgKey: null };
const claims = (extra: Record<string, unknown> = {}) => ({
  sub: "sub-gina",
  email: "gina@example.test",
  email_verified: true,
  name: "Gina Guardian",
  ...extra,
});
const person = (id: number) =>
  db.user.findUniqueOrThrow({
    where: { id },
    select: { email: true, name: true, roles: true, handRoles: true, groupRoles: true },
  });
const auditOf = (action: string) =>
  db.auditLog.findMany({ where: { action }, orderBy: { id: "asc" } });

beforeEach(async () => {
  await resetDatabase();
  actAs(null);
});

describe("linking a person", () => {
  it("links the first sign-in by verified email (any case), later ones by subject", async () => {
    const org = await createOrg();
    const gina = await createUser(["GUARDIAN"], { orgId: org.id, email: "gina@example.test" });
    expect(await signInWithSso(claims({ email: "Gina@Example.TEST" }), settings)).toEqual({
      ok: true,
      personId: gina.id,
    });
    const identity = await db.ssoIdentity.findUniqueOrThrow({
      where: { issuer_subject: { issuer: ISSUER, subject: "sub-gina" } },
    });
    expect(identity).toMatchObject({ userId: gina.id, email: "gina@example.test" });
    const [link] = await auditOf("sso-link");
    expect(link).toMatchObject({ actorId: gina.id, entityId: String(gina.id), orgId: org.id });
    expect(link!.after).toMatchObject({ issuer: ISSUER, subject: "sub-gina" });

    // Later: the subject decides, whatever the email says (here a new one).
    expect(await signInWithSso(claims({ email: "gina.g@example.test" }), settings)).toEqual({
      ok: true,
      personId: gina.id,
    });
    expect(await db.ssoIdentity.count()).toBe(1);
    expect(await db.user.count()).toBe(1);
  });

  it("follows an email and name change at the provider, audited", async () => {
    const gina = await createUser(["GUARDIAN"], { email: "gina@example.test" });
    await signInWithSso(claims(), settings);
    const outcome = await signInWithSso(
      claims({ email: "gina.new@example.test", name: "Gina New" }),
      settings,
    );
    expect(outcome).toEqual({ ok: true, personId: gina.id });
    expect(await person(gina.id)).toMatchObject({
      email: "gina.new@example.test",
      name: "Gina New",
    });
    const changes = await auditOf("sso-profile");
    expect(changes.at(-1)).toMatchObject({
      before: { email: "gina@example.test", name: "Gina Guardian" },
      after: { email: "gina.new@example.test", name: "Gina New" },
    });
    expect((await db.ssoIdentity.findFirstOrThrow({ where: { userId: gina.id } })).email).toBe(
      "gina.new@example.test",
    );
  });

  it("refuses an email change onto another person's email, changing nothing", async () => {
    const gina = await createUser(["GUARDIAN"], { email: "gina@example.test" });
    const other = await createUser(["BUILDER"], { email: "bea@example.test" });
    await signInWithSso(claims(), settings);
    const audits = await db.auditLog.count();
    expect(await signInWithSso(claims({ email: "bea@example.test" }), settings)).toEqual({
      ok: false,
      reason: "email-taken",
    });
    expect((await person(gina.id)).email).toBe("gina@example.test");
    expect((await person(other.id)).email).toBe("bea@example.test");
    expect(await db.auditLog.count()).toBe(audits);
  });

  it.each([
    ["unverified", { email_verified: false }, "unverified"],
    ["verification as a string", { email_verified: "true" }, "unverified"],
    ["no email", { email: undefined }, "no-email"],
    ["malformed email", { email: "gina at example" }, "no-email"],
  ])("refuses %s and records nothing", async (_n, extra, reason) => {
    await createUser(["GUARDIAN"], { email: "gina@example.test" });
    expect(await signInWithSso(claims(extra), settings)).toEqual({ ok: false, reason });
    expect(await db.ssoIdentity.count()).toBe(0);
    expect(await db.auditLog.count()).toBe(0);
  });

  it("refuses a deactivated person, before and after linking", async () => {
    const gina = await createUser(["GUARDIAN"], { email: "gina@example.test" });
    await db.user.update({ where: { id: gina.id }, data: { deactivatedAt: new Date() } });
    expect(await signInWithSso(claims(), settings)).toEqual({ ok: false, reason: "deactivated" });
    expect(await db.ssoIdentity.count()).toBe(0);
    await db.user.update({ where: { id: gina.id }, data: { deactivatedAt: null } });
    await signInWithSso(claims(), settings);
    await db.user.update({ where: { id: gina.id }, data: { deactivatedAt: new Date() } });
    expect(await signInWithSso(claims(), settings)).toEqual({ ok: false, reason: "deactivated" });
  });

  it("refuses an unknown person unless auto-provisioning names an organisation", async () => {
    const a = await createOrg();
    const b = await createOrg();
    expect(await signInWithSso(claims(), settings)).toEqual({ ok: false, reason: "unknown" });
    expect(
      await signInWithSso(claims(), { ...settings, autoProvisionOrgKey: "no-such-org" }),
    ).toEqual({ ok: false, reason: "unknown" });
    expect(await db.user.count()).toBe(0);

    const outcome = await signInWithSso(claims(), { ...settings, autoProvisionOrgKey: b.key });
    expect(outcome.ok).toBe(true);
    const created = await db.user.findUniqueOrThrow({ where: { email: "gina@example.test" } });
    expect(created).toMatchObject({
      name: "Gina Guardian",
      orgId: b.id,
      handRoles: ["BUILDER"],
      groupRoles: [],
      roles: ["BUILDER"],
      passwordHash: null,
    });
    expect(created.orgId).not.toBe(a.id);
    expect(await auditOf("sso-provision")).toHaveLength(1);
    // The second sign-in finds the same person by subject.
    await signInWithSso(claims(), { ...settings, autoProvisionOrgKey: b.key });
    expect(await db.user.count()).toBe(1);
  });

  it("refuses an email already linked to another subject of the same issuer", async () => {
    await createUser(["GUARDIAN"], { email: "gina@example.test" });
    await signInWithSso(claims(), settings);
    expect(await signInWithSso(claims({ sub: "someone-else" }), settings)).toEqual({
      ok: false,
      reason: "linked-elsewhere",
    });
    expect(await db.ssoIdentity.count()).toBe(1);
  });

  it("keeps issuers apart: the same subject at another issuer is another identity", async () => {
    const gina = await createUser(["GUARDIAN"], { email: "gina@example.test" });
    await signInWithSso(claims(), settings);
    await signInWithSso(claims(), { ...settings, issuer: "https://other.example.test" });
    expect(await db.ssoIdentity.count({ where: { userId: gina.id } })).toBe(2);
  });
});

describe("groups to roles", () => {
  async function world() {
    const orgA = await createOrg();
    const orgB = await createOrg();
    const admin = await createUser(["ADMIN"], { email: "admin@example.test" });
    const lead = await createUser(["LEAD"], { orgId: orgA.id, email: "lead@example.test" });
    const gina = await createUser(["BUILDER"], { orgId: orgB.id, email: "gina@example.test" });
    return { orgA, orgB, admin, lead, gina };
  }

  it("adds and removes group roles at each sign-in, hand roles untouched, audited", async () => {
    const { admin, gina, orgB } = await world();
    await db.groupRoleMapping.createMany({
      data: [
        { group: "guardians", role: "GUARDIAN", createdById: admin.id },
        { group: "appsec", role: "SECURITY_ENGINEER", createdById: admin.id },
        { group: "builders", role: "BUILDER", createdById: admin.id },
      ],
    });
    await signInWithSso(claims({ groups: ["guardians", "appsec", "builders", "other"] }), settings);
    expect(await person(gina.id)).toMatchObject({
      handRoles: ["BUILDER"],
      groupRoles: ["SECURITY_ENGINEER", "GUARDIAN", "BUILDER"],
      roles: ["SECURITY_ENGINEER", "GUARDIAN", "BUILDER"],
    });
    const [added] = await auditOf("sso-group-roles");
    expect(added).toMatchObject({
      orgId: orgB.id,
      before: { groupRoles: [], roles: ["BUILDER"] },
      after: { groupRoles: ["SECURITY_ENGINEER", "GUARDIAN", "BUILDER"] },
    });

    // The provider drops two groups: their roles go, the hand-granted Builder stays.
    await signInWithSso(claims({ groups: ["guardians"] }), settings);
    expect(await person(gina.id)).toMatchObject({
      handRoles: ["BUILDER"],
      groupRoles: ["GUARDIAN"],
      roles: ["GUARDIAN", "BUILDER"],
    });
    // No groups claim at all: no group roles.
    await signInWithSso(claims(), settings);
    expect(await person(gina.id)).toMatchObject({ groupRoles: [], roles: ["BUILDER"] });
    expect(await auditOf("sso-group-roles")).toHaveLength(3);

    // Unchanged groups write nothing.
    await signInWithSso(claims(), settings);
    expect(await auditOf("sso-group-roles")).toHaveLength(3);
  });

  it("never grants Admin from a mapping a non-admin created, nor from a deactivated admin's", async () => {
    const { admin, lead, gina } = await world();
    // Inserted directly: the admin page would refuse the lead.
    await db.groupRoleMapping.create({
      data: { group: "admins", role: "ADMIN", createdById: lead.id },
    });
    await db.groupRoleMapping.create({
      data: { group: "leads", role: "LEAD", createdById: lead.id },
    });
    await signInWithSso(claims({ groups: ["admins", "leads"] }), settings);
    expect(await person(gina.id)).toMatchObject({ groupRoles: ["LEAD"] });

    const byAdmin = await db.groupRoleMapping.create({
      data: { group: "real-admins", role: "ADMIN", createdById: admin.id },
    });
    await signInWithSso(claims({ groups: ["real-admins"] }), settings);
    expect(await person(gina.id)).toMatchObject({ groupRoles: ["ADMIN"] });

    // The creator is checked when the mapping is applied, not when it was made.
    await db.user.update({ where: { id: admin.id }, data: { deactivatedAt: new Date() } });
    await signInWithSso(claims({ groups: ["real-admins"] }), settings);
    expect(await person(gina.id)).toMatchObject({ groupRoles: [], roles: ["BUILDER"] });
    expect(byAdmin.id).toBeGreaterThan(0);
  });
});

describe("editing the mappings (/admin/sso)", () => {
  it("lets an admin add and remove mappings, each audited with before and after", async () => {
    const admin = await createUser(["ADMIN"]);
    actAs(admin.id);
    const added = await invoke(
      ssoActions.addGroupMappingAction,
      formData({ group: "  security-guardians ", role: "GUARDIAN" }),
    );
    expect(added.kind).toBe("ok");
    const mapping = await db.groupRoleMapping.findFirstOrThrow();
    expect(mapping).toMatchObject({
      group: "security-guardians",
      role: "GUARDIAN",
      createdById: admin.id,
    });
    const [create] = await db.auditLog.findMany({ where: { entity: "GroupRoleMapping" } });
    expect(create).toMatchObject({ action: "create", actorId: admin.id, before: null });
    expect(create!.after).toMatchObject({ group: "security-guardians", role: "GUARDIAN" });

    const duplicate = await invoke(
      ssoActions.addGroupMappingAction,
      formData({ group: "security-guardians", role: "GUARDIAN" }),
    );
    expect(duplicate.kind).toBe("error");
    expect(await db.groupRoleMapping.count()).toBe(1);

    const removed = await invoke(
      ssoActions.removeGroupMappingAction,
      formData({ id: String(mapping.id) }),
    );
    expect(removed.kind).toBe("ok");
    expect(await db.groupRoleMapping.count()).toBe(0);
    const del = await db.auditLog.findFirstOrThrow({ where: { action: "delete" } });
    expect(del.before).toMatchObject({ group: "security-guardians", role: "GUARDIAN" });
    expect(del.after).toBeNull();

    const again = await invoke(
      ssoActions.removeGroupMappingAction,
      formData({ id: String(mapping.id) }),
    );
    expect(again.kind).toBe("error");
  });

  it("refuses a lead (of either organisation) and changes nothing", async () => {
    const admin = await createUser(["ADMIN"]);
    const orgA = await createOrg();
    const orgB = await createOrg();
    const leadA = await createUser(["LEAD"], { orgId: orgA.id });
    const managerB = await createUser(["MANAGER"], { orgId: orgB.id });
    const m = await db.groupRoleMapping.create({
      data: { group: "g", role: "BUILDER", createdById: admin.id },
    });
    for (const who of [leadA, managerB]) {
      actAs(who.id);
      for (const [action, form] of [
        [ssoActions.addGroupMappingAction, { group: "admins", role: "ADMIN" }],
        [ssoActions.removeGroupMappingAction, { id: String(m.id) }],
      ] as const) {
        const out = await invoke(action, formData(form));
        expect(out.kind).toBe("error");
        if (out.kind === "error") expect(out.state.message).toMatch(/permission/);
      }
    }
    expect(await db.groupRoleMapping.count()).toBe(1);
    expect(await db.auditLog.count()).toBe(0);
  });

  it.each([
    [{ group: "   ", role: "GUARDIAN" }, "group", /Enter the group/],
    [{ group: "x".repeat(201), role: "GUARDIAN" }, "group", /under 200/],
    [{ group: "g", role: "OWNER" }, "role", /Choose a role/],
    [{ group: "g" }, "role", /Choose a role/],
  ])("refuses bad input %j with a message and changes nothing", async (form, field, message) => {
    actAs((await createUser(["ADMIN"])).id);
    const out = await invoke(ssoActions.addGroupMappingAction, formData(form));
    expect(out.kind).toBe("error");
    if (out.kind === "error") {
      expect(out.state.fieldErrors?.[field]?.[0]).toMatch(message);
      expect(messagesOf(out.state).join(" ")).toMatch(message);
    }
    expect(await db.groupRoleMapping.count()).toBe(0);
    expect(await db.auditLog.count()).toBe(0);
  });
});
