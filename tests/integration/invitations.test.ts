import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { loadActor } from "@/lib/auth/session";
import { openSessionCount, startSession } from "@/lib/auth/sessions";
import { authenticate } from "@/lib/auth/sign-in";
import { db } from "@/lib/db/client";
import { hashLinkToken } from "@/lib/identity/link-token";
import { DomainError, NotFoundError, PermissionError } from "@/lib/server/errors";
import {
  INVITE_BATCH_SIZE,
  NO_MAIL,
  NO_PASSWORDS,
  RecentlyInvitedError,
  inviteBatch,
  invitePerson,
} from "@/lib/server/identity/links";
import { linkStatus, setPasswordWithLink } from "@/lib/server/identity/set-password";
import { mailerFromEnv } from "@/lib/server/mail";
import { createOrg, createUser } from "../factories";
import { resetDatabase } from "../setup/db";
import { linkIn, startMailSink, type MailSink } from "../support/mail-sink";

// Invitations through a real SMTP server (the mail sink), real PostgreSQL and real argon2.
let sink: MailSink;
beforeAll(async () => {
  sink = await startMailSink();
});
afterAll(() => sink.close());
beforeEach(async () => {
  await resetDatabase();
  sink.clear();
});
afterEach(() => vi.unstubAllEnvs());

const mailer = () =>
  mailerFromEnv({
    SMTP_HOST: "127.0.0.1",
    SMTP_PORT: String(sink.smtpPort),
    SMTP_TLS: "false",
    SMTP_FROM: "Guardians <guardians@example.test>",
  });
const PASSWORD = "violet harbour lantern";
const tokenOf = (url: string) => url.split("/set-password/")[1]!;

async function world() {
  const orgA = await createOrg({ name: "Payments" });
  const orgB = await createOrg({ name: "Logistics" });
  const lead = (await loadActor(
    (await createUser(["LEAD"], { orgId: orgA.id, password: PASSWORD })).id,
  ))!;
  const admin = (await loadActor((await createUser(["ADMIN"])).id))!;
  const person = await createUser(["BUILDER"], { orgId: orgA.id, email: "ada@example.test" });
  return { orgA, orgB, lead, admin, person };
}

async function inviteAndRead(actor: Parameters<typeof invitePerson>[0], id: number, again = false) {
  const before = sink.messages.length;
  await invitePerson(actor, { id, again }, mailer());
  const message = sink.messages[before];
  if (!message) throw new Error("no email arrived");
  return { message, url: linkIn(message) };
}

describe("invitePerson", () => {
  it("emails a link whose token is stored only as its hash, and records who invited", async () => {
    const { lead, person } = await world();
    const { message, url } = await inviteAndRead(lead, person.id);
    expect(message.to).toEqual(["ada@example.test"]);
    expect(message.subject).toBe("You are invited to Security Guardians");
    expect(message.text).toContain(`${lead.name} has invited you`);
    expect(url).toMatch(/^http:\/\/localhost:3000\/set-password\/[A-Za-z0-9_-]{43}$/);
    const token = tokenOf(url);
    const links = await db.signInLink.findMany();
    expect(links).toHaveLength(1);
    expect(links[0]).toMatchObject({
      userId: person.id,
      kind: "INVITATION",
      tokenHash: hashLinkToken(token),
      createdById: lead.id,
      usedAt: null,
    });
    const hours = (links[0]!.expiresAt.getTime() - links[0]!.createdAt.getTime()) / 3_600_000;
    expect(hours).toBe(72);
    const entries = await db.auditLog.findMany({ where: { entity: "User", action: "invite" } });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorId: lead.id, entityId: String(person.id) });
    const text = (v: unknown) => JSON.stringify(v, (_k, x) => (typeof x === "bigint" ? `${x}` : x));
    const everything = text(await db.auditLog.findMany()) + text(links);
    expect(everything).not.toContain(token);
  });

  it("opens a form for the person, sets an argon2id password once, and sign-in works", async () => {
    const { lead, person } = await world();
    const { url } = await inviteAndRead(lead, person.id);
    const token = tokenOf(url);
    expect(await linkStatus(token)).toEqual({
      state: "valid",
      kind: "INVITATION",
      name: person.name,
      email: "ada@example.test",
    });
    await setPasswordWithLink({ token, password: PASSWORD, confirm: PASSWORD });
    const after = await db.user.findUniqueOrThrow({ where: { id: person.id } });
    expect(after.passwordHash).toMatch(/^\$argon2id\$/);
    expect(after.passwordChangedAt).not.toBeNull();
    await expect(
      authenticate({ email: "ada@example.test", password: PASSWORD }, null),
    ).resolves.toMatchObject({ id: person.id });
    expect((await linkStatus(token)).state).toBe("used");
    await expect(
      setPasswordWithLink({
        token,
        password: "another good phrase",
        confirm: "another good phrase",
      }),
    ).rejects.toThrow("already been used");
    expect(await db.auditLog.count({ where: { action: "set-password", actorId: person.id } })).toBe(
      1,
    );
  });

  it("lets exactly one of two parallel uses of a link win", async () => {
    const { lead, person } = await world();
    const token = tokenOf((await inviteAndRead(lead, person.id)).url);
    const results = await Promise.allSettled([
      setPasswordWithLink({ token, password: PASSWORD, confirm: PASSWORD }),
      setPasswordWithLink({
        token,
        password: "second racer phrase",
        confirm: "second racer phrase",
      }),
      setPasswordWithLink({ token, password: "third racer phrase", confirm: "third racer phrase" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refusals = results.filter((r) => r.status === "rejected");
    expect(refusals).toHaveLength(2);
    for (const r of refusals) expect(String(r.reason)).toMatch(/already been used/);
    expect(await db.auditLog.count({ where: { action: "set-password" } })).toBe(1);
  });

  it("refuses an expired link and changes nothing", async () => {
    const { lead, person } = await world();
    const token = tokenOf((await inviteAndRead(lead, person.id)).url);
    await db.signInLink.updateMany({ data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await linkStatus(token)).toMatchObject({ state: "expired" });
    await expect(
      setPasswordWithLink({ token, password: PASSWORD, confirm: PASSWORD }),
    ).rejects.toThrow("This link has expired.");
    expect((await db.user.findUniqueOrThrow({ where: { id: person.id } })).passwordHash).toBeNull();
    expect((await db.signInLink.findFirstOrThrow()).usedAt).toBeNull();
  });

  it("retires the earlier invitation when a new one is sent", async () => {
    const { lead, person } = await world();
    const first = tokenOf((await inviteAndRead(lead, person.id)).url);
    const second = tokenOf((await inviteAndRead(lead, person.id, true)).url);
    expect(await linkStatus(first)).toMatchObject({ state: "superseded" });
    await expect(
      setPasswordWithLink({ token: first, password: PASSWORD, confirm: PASSWORD }),
    ).rejects.toThrow("A newer link has been sent");
    await setPasswordWithLink({ token: second, password: PASSWORD, confirm: PASSWORD });
  });

  it("refuses unknown and malformed tokens, and a deactivated person's link", async () => {
    const { lead, person } = await world();
    expect((await linkStatus("x")).state).toBe("unknown");
    expect((await linkStatus("A".repeat(43))).state).toBe("unknown");
    await expect(
      setPasswordWithLink({ token: "A".repeat(43), password: PASSWORD, confirm: PASSWORD }),
    ).rejects.toThrow("This link is not valid");
    const token = tokenOf((await inviteAndRead(lead, person.id)).url);
    await db.user.update({ where: { id: person.id }, data: { deactivatedAt: new Date() } });
    expect((await linkStatus(token)).state).toBe("deactivated");
    await expect(
      setPasswordWithLink({ token, password: PASSWORD, confirm: PASSWORD }),
    ).rejects.toThrow("This account is deactivated");
    expect((await db.user.findUniqueOrThrow({ where: { id: person.id } })).passwordHash).toBeNull();
  });

  it("applies the password rule and leaves the link unused when it refuses", async () => {
    const { lead, person } = await world();
    const token = tokenOf((await inviteAndRead(lead, person.id)).url);
    const attempt = (password: string, confirm = password) =>
      setPasswordWithLink({ token, password, confirm }).then(
        () => "accepted",
        (e: { issues?: { path: string[]; message: string }[] }) =>
          e.issues && `${e.issues[0]!.path.join(".")}: ${e.issues[0]!.message}`,
      );
    expect(await attempt("short")).toBe("password: Use at least 12 characters");
    expect(await attempt("password1234")).toMatch(/^password: That password is on a list/);
    expect(await attempt(PASSWORD, "something else")).toBe("confirm: The two passwords differ");
    expect(await attempt("ADA@example.test")).toMatch(/Do not use your email address/);
    expect((await db.signInLink.findFirstOrThrow()).usedAt).toBeNull();
    expect(await attempt(PASSWORD)).toBe("accepted");
  });

  it("ends every session of the person when the password is set", async () => {
    const { lead, person } = await world();
    await db.user.update({ where: { id: person.id }, data: { passwordHash: null } });
    const sessions = await Promise.all([
      startSession(person.id, "sso"),
      startSession(person.id, "password"),
    ]);
    const other = await startSession(lead.id, "password");
    expect(await openSessionCount(person.id)).toBe(2);
    const token = tokenOf((await inviteAndRead(lead, person.id)).url);
    await setPasswordWithLink({ token, password: PASSWORD, confirm: PASSWORD });
    expect(await openSessionCount(person.id)).toBe(0);
    const ended = await db.session.findMany({ where: { id: { in: sessions } } });
    expect(ended.map((s) => s.endReason)).toEqual(["password set by link", "password set by link"]);
    expect(await loadActor(person.id, sessions[0])).toBeNull();
    expect(await loadActor(lead.id, other)).not.toBeNull();
  });

  it("does not invite twice within 24 hours unless asked", async () => {
    const { lead, person } = await world();
    await inviteAndRead(lead, person.id);
    const second = invitePerson(lead, { id: person.id, again: false }, mailer());
    await expect(second).rejects.toBeInstanceOf(RecentlyInvitedError);
    await expect(second).rejects.toThrow("less than 24 hours ago");
    expect(sink.messages).toHaveLength(1);
    // A day later the rule no longer applies.
    await db.signInLink.updateMany({
      data: { createdAt: new Date(Date.now() - 25 * 3_600_000) },
    });
    await inviteAndRead(lead, person.id);
    await inviteAndRead(lead, person.id, true);
    expect(sink.messages).toHaveLength(3);
  });

  it("sends one invitation for a double click", async () => {
    const { lead, person } = await world();
    const results = await Promise.allSettled([
      invitePerson(lead, { id: person.id, again: false }, mailer()),
      invitePerson(lead, { id: person.id, again: false }, mailer()),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(sink.messages).toHaveLength(1);
  });

  it("refuses people who can already sign in, deactivated people and admins (for a lead)", async () => {
    const { lead, admin, orgA } = await world();
    const withPassword = await createUser(["GUARDIAN"], { orgId: orgA.id, password: PASSWORD });
    const withSso = await createUser(["GUARDIAN"], { orgId: orgA.id });
    await db.ssoIdentity.create({
      data: { userId: withSso.id, issuer: "https://idp.test", subject: "s1", email: withSso.email },
    });
    const gone = await createUser(["GUARDIAN"], { orgId: orgA.id });
    await db.user.update({ where: { id: gone.id }, data: { deactivatedAt: new Date() } });
    const otherAdmin = await createUser(["ADMIN"], { orgId: orgA.id });
    const invite = (actor: typeof lead, id: number) =>
      invitePerson(actor, { id, again: true }, mailer());
    await expect(invite(lead, withPassword.id)).rejects.toThrow("already has a password");
    await expect(invite(lead, withSso.id)).rejects.toThrow("signs in with single sign-on");
    await expect(invite(lead, gone.id)).rejects.toThrow("is deactivated");
    await expect(invite(lead, otherAdmin.id)).rejects.toThrow(
      "Only an administrator can invite an administrator.",
    );
    await expect(invite(lead, 999_999)).rejects.toBeInstanceOf(NotFoundError);
    await invite(admin, otherAdmin.id);
    expect(sink.messages.map((m) => m.to[0])).toEqual([otherAdmin.email]);
    expect(await db.signInLink.count()).toBe(1);
  });

  it("refuses callers who do not manage people, in either organisation", async () => {
    const { orgA, orgB, person } = await world();
    // No role has user.manage limited to an organisation (leads and admins hold it everywhere):
    // managers and guardians of either org are refused outright.
    for (const [roles, orgId] of [
      [["MANAGER"], orgA.id],
      [["MANAGER"], orgB.id],
      [["GUARDIAN"], orgA.id],
    ] as const) {
      const actor = (await loadActor((await createUser([...roles], { orgId })).id))!;
      await expect(
        invitePerson(actor, { id: person.id, again: false }, mailer()),
      ).rejects.toBeInstanceOf(PermissionError);
      await expect(inviteBatch(actor, { again: false }, mailer())).rejects.toBeInstanceOf(
        PermissionError,
      );
    }
    expect(await db.signInLink.count()).toBe(0);
    expect(sink.messages).toHaveLength(0);
  });

  it("says clearly when email is not configured or passwords are not used", async () => {
    const { lead, person } = await world();
    await expect(invitePerson(lead, { id: person.id, again: false }, null)).rejects.toThrow(
      NO_MAIL,
    );
    vi.stubEnv("OIDC_ISSUER", "https://idp.example.test");
    vi.stubEnv("PASSWORD_SIGN_IN", "false");
    await expect(invitePerson(lead, { id: person.id, again: false }, mailer())).rejects.toThrow(
      NO_PASSWORDS,
    );
    expect(await db.signInLink.count()).toBe(0);
  });

  it("keeps the earlier link working and stores nothing when the email cannot be sent", async () => {
    const { lead, person } = await world();
    const first = tokenOf((await inviteAndRead(lead, person.id)).url);
    // A port nothing listens on: the mail server is down.
    const closed = await startMailSink();
    const deadPort = closed.smtpPort;
    await closed.close();
    const down = mailerFromEnv({
      SMTP_HOST: "127.0.0.1",
      SMTP_PORT: String(deadPort),
      SMTP_TLS: "false",
    });
    const refused = invitePerson(lead, { id: person.id, again: true }, down);
    await expect(refused).rejects.toBeInstanceOf(DomainError);
    await expect(refused).rejects.toThrow("could not be sent");
    expect(await db.signInLink.count()).toBe(1);
    expect(await db.auditLog.count({ where: { action: "invite" } })).toBe(1);
    expect((await linkStatus(first)).state).toBe("valid");
  });
});

describe("inviteBatch", () => {
  it("invites the filtered list batch by batch, skipping and reporting, with a cursor", async () => {
    const { lead, orgA, orgB } = await world();
    // world() made one person in org A without a way in; 29 more, plus people to leave alone.
    for (let i = 0; i < 29; i++) await createUser(["BUILDER"], { orgId: orgA.id });
    await createUser(["BUILDER"], { orgId: orgA.id, password: PASSWORD });
    const sso = await createUser(["BUILDER"], { orgId: orgA.id });
    await db.ssoIdentity.create({
      data: { userId: sso.id, issuer: "https://idp.test", subject: "s2", email: sso.email },
    });
    const gone = await createUser(["BUILDER"], { orgId: orgA.id });
    await db.user.update({ where: { id: gone.id }, data: { deactivatedAt: new Date() } });
    await createUser(["ADMIN"], { orgId: orgA.id });
    await createUser(["BUILDER"], { orgId: orgB.id, email: "elsewhere@example.test" });
    const recent = await createUser(["GUARDIAN"], { orgId: orgA.id });
    await invitePerson(lead, { id: recent.id, again: false }, mailer());
    sink.clear();

    const first = await inviteBatch(lead, { org: orgA.id, again: false }, mailer());
    expect(first.processed).toBe(INVITE_BATCH_SIZE);
    expect(first.next).not.toBeNull();
    const second = await inviteBatch(
      lead,
      { org: orgA.id, after: first.next!, again: false },
      mailer(),
    );
    expect(second.next).toBeNull();
    // 30 builders + the admin + the recently invited guardian.
    expect(first.processed + second.processed).toBe(32);
    expect(first.invited + second.invited).toBe(30);
    expect(second.skipped).toEqual({ recentlyInvited: 1, notAllowed: 1 });
    expect(second.failed).toEqual([]);
    expect(sink.messages).toHaveLength(30);
    expect(sink.to("elsewhere@example.test")).toHaveLength(0);
    // Run again at once: everyone was invited today.
    const rerun = await inviteBatch(lead, { org: orgA.id, again: false }, mailer());
    expect(rerun.invited).toBe(0);
    expect(rerun.skipped.recentlyInvited).toBe(INVITE_BATCH_SIZE);
    // Asked to, it invites again; the admin stays the admin's to invite.
    let next: number | null | undefined = undefined;
    let total = 0;
    do {
      const r = await inviteBatch(lead, { org: orgA.id, after: next, again: true }, mailer());
      total += r.invited;
      next = r.next;
    } while (next);
    expect(total).toBe(31);
  });

  it("reports people whose email failed by name and carries on", async () => {
    const { lead, orgA } = await world();
    await createUser(["BUILDER"], { orgId: orgA.id, email: "second@example.test" });
    const closed = await startMailSink();
    const deadPort = closed.smtpPort;
    await closed.close();
    const down = mailerFromEnv({
      SMTP_HOST: "127.0.0.1",
      SMTP_PORT: String(deadPort),
      SMTP_TLS: "false",
    });
    const report = await inviteBatch(lead, { org: orgA.id, again: false }, down);
    expect(report.invited).toBe(0);
    expect(report.failed.map((f) => f.name).sort()).toHaveLength(2);
    expect(report.failed[0]!.reason).toMatch(/could not be sent/);
    expect(await db.signInLink.count()).toBe(0);
  });

  it("validates its input and changes nothing when it is bad", async () => {
    const { lead } = await world();
    await expect(
      inviteBatch(lead, { after: -3 as number, again: false }, mailer()),
    ).rejects.toThrow();
    expect(await db.signInLink.count()).toBe(0);
  });
});
