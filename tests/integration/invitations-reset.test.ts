import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { loadActor } from "@/lib/auth/session";
import { openSessionCount, startSession } from "@/lib/auth/sessions";
import { WRONG_CREDENTIALS, authenticate } from "@/lib/auth/sign-in";
import { db } from "@/lib/db/client";
import { NO_PASSWORDS, invitePerson } from "@/lib/server/identity/links";
import {
  RESET_ANSWER,
  RESET_THROTTLE,
  requestPasswordReset,
} from "@/lib/server/identity/password-reset";
import { listPeople } from "@/lib/server/directory/people-queries";
import { personSignIn } from "@/lib/server/identity/sign-in-methods";
import { linkStatus, setPasswordWithLink } from "@/lib/server/identity/set-password";
import { mailerFromEnv } from "@/lib/server/mail";
import { createOrg, createUser } from "../factories";
import { resetDatabase } from "../setup/db";
import { linkIn, startMailSink, type MailSink } from "../support/mail-sink";

// "Forgot your password?" and how each person can sign in, through a real SMTP server.
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
  mailerFromEnv({ SMTP_HOST: "127.0.0.1", SMTP_PORT: String(sink.smtpPort), SMTP_TLS: "false" });
const OLD = "old lighthouse keeper";
const NEW = "new orchard morning";
const reset = (email: string, ip: string | null = null) =>
  requestPasswordReset({ email }, ip, mailer());

describe("requestPasswordReset", () => {
  it("answers the same for a known, an unknown and a deactivated address; mails only the known", async () => {
    await createUser(["GUARDIAN"], { email: "known@example.test", password: OLD });
    const gone = await createUser(["GUARDIAN"], { email: "gone@example.test", password: OLD });
    await db.user.update({ where: { id: gone.id }, data: { deactivatedAt: new Date() } });
    const answers = [
      await reset("Known@Example.test"),
      await reset("nobody@example.test"),
      await reset("gone@example.test"),
    ];
    expect(new Set(answers)).toEqual(new Set([RESET_ANSWER]));
    expect(sink.messages.map((m) => m.to)).toEqual([["known@example.test"]]);
    expect(sink.messages[0]!.subject).toBe("Reset your Security Guardians password");
    expect(await db.signInLink.count()).toBe(1);
    expect(await db.passwordResetRequest.count()).toBe(3);
  });

  it("sends a one-hour link that sets a new password, ends sessions, and the old one stops working", async () => {
    const person = await createUser(["GUARDIAN"], { email: "g@example.test", password: OLD });
    const session = await startSession(person.id, "password");
    await reset("g@example.test");
    const link = await db.signInLink.findFirstOrThrow();
    expect(link.kind).toBe("RESET");
    expect(link.createdById).toBeNull();
    expect(link.expiresAt.getTime() - link.createdAt.getTime()).toBe(3_600_000);
    const token = linkIn(sink.messages[0]!).split("/set-password/")[1]!;
    expect(await linkStatus(token)).toMatchObject({ state: "valid", kind: "RESET" });
    await setPasswordWithLink({ token, password: NEW, confirm: NEW });
    await expect(authenticate({ email: "g@example.test", password: OLD }, null)).rejects.toThrow(
      WRONG_CREDENTIALS,
    );
    await expect(
      authenticate({ email: "g@example.test", password: NEW }, null),
    ).resolves.toMatchObject({ id: person.id });
    expect(await openSessionCount(person.id)).toBe(0);
    expect(await loadActor(person.id, session)).toBeNull();
    await expect(setPasswordWithLink({ token, password: NEW, confirm: NEW })).rejects.toThrow(
      "already been used",
    );
  });

  it("throttles per email: three an hour, then a clear refusal that records nothing", async () => {
    await createUser(["GUARDIAN"], { email: "g@example.test", password: OLD });
    for (let i = 0; i < RESET_THROTTLE.perEmail; i++) await reset("g@example.test");
    await expect(reset("G@example.test")).rejects.toThrow(
      /Too many password reset requests. Try again in (60|59) minutes./,
    );
    expect(sink.messages).toHaveLength(3);
    expect(await db.passwordResetRequest.count()).toBe(3);
    // Another address is not affected, and an hour later the first one works again.
    await reset("other@example.test");
    await db.passwordResetRequest.updateMany({
      where: { email: "g@example.test" },
      data: { at: new Date(Date.now() - 61 * 60_000) },
    });
    await reset("g@example.test");
    expect(sink.messages).toHaveLength(4);
  });

  it("throttles per address, also for parallel requests", async () => {
    const results = await Promise.allSettled(
      Array.from({ length: RESET_THROTTLE.perIp + 5 }, (_, i) =>
        reset(`p${i}@example.test`, "203.0.113.9"),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(RESET_THROTTLE.perIp);
    expect(await db.passwordResetRequest.count({ where: { ip: "203.0.113.9" } })).toBe(
      RESET_THROTTLE.perIp,
    );
    await expect(reset("p0@example.test", "203.0.113.10")).resolves.toBe(RESET_ANSWER);
  });

  it("refuses a malformed email on its field and records nothing", async () => {
    await expect(reset("not an email")).rejects.toMatchObject({
      issues: [
        expect.objectContaining({ path: ["email"], message: "Enter a valid email address" }),
      ],
    });
    expect(await db.passwordResetRequest.count()).toBe(0);
  });

  it("says passwords are not used when password sign-in is off", async () => {
    vi.stubEnv("OIDC_ISSUER", "https://idp.example.test");
    vi.stubEnv("PASSWORD_SIGN_IN", "false");
    await expect(reset("g@example.test")).rejects.toThrow(NO_PASSWORDS);
    await expect(
      setPasswordWithLink({ token: "A".repeat(43), password: NEW, confirm: NEW }),
    ).rejects.toThrow(NO_PASSWORDS);
    expect(await db.passwordResetRequest.count()).toBe(0);
  });
});

describe("how each person can sign in", () => {
  it("is the same on the people list, its filter and the person's panel", async () => {
    const org = await createOrg();
    const lead = (await loadActor((await createUser(["LEAD"], { password: OLD })).id))!;
    const withSso = await createUser(["BUILDER"], { orgId: org.id });
    await db.ssoIdentity.create({
      data: { userId: withSso.id, issuer: "https://idp.test", subject: "s", email: withSso.email },
    });
    const both = await createUser(["BUILDER"], { orgId: org.id, password: OLD });
    await db.ssoIdentity.create({
      data: { userId: both.id, issuer: "https://idp.test", subject: "t", email: both.email },
    });
    const withPassword = await createUser(["BUILDER"], { orgId: org.id, password: OLD });
    const invited = await createUser(["BUILDER"], { orgId: org.id });
    await invitePerson(lead, { id: invited.id, again: false }, mailer());
    const expired = await createUser(["BUILDER"], { orgId: org.id });
    await invitePerson(lead, { id: expired.id, again: false }, mailer());
    await db.signInLink.updateMany({
      where: { userId: expired.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const none = await createUser(["BUILDER"], { orgId: org.id });

    const list = await listPeople(lead, { org: org.id }, 1);
    const methods = Object.fromEntries(list.people.map((p) => [p.id, p.signIn]));
    expect(methods).toEqual({
      [withSso.id]: ["sso"],
      [both.id]: ["sso", "password"],
      [withPassword.id]: ["password"],
      [invited.id]: ["invited"],
      [expired.id]: ["none"],
      [none.id]: ["none"],
    });
    const filtered = async (signin: "sso" | "password" | "invited" | "none") =>
      (await listPeople(lead, { org: org.id, signin }, 1)).people.map((p) => p.id).sort();
    expect(await filtered("sso")).toEqual([withSso.id, both.id].sort());
    expect(await filtered("password")).toEqual([both.id, withPassword.id].sort());
    expect(await filtered("invited")).toEqual([invited.id]);
    expect(await filtered("none")).toEqual([expired.id, none.id].sort());

    expect(await personSignIn(lead, invited.id)).toMatchObject({
      mayInvite: false,
      inviteNote: expect.stringMatching(/^Email is not configured here/),
    });
    vi.stubEnv("SMTP_HOST", "127.0.0.1");
    const panel = await personSignIn(lead, invited.id);
    expect(panel).toMatchObject({
      methods: ["invited"],
      hasPassword: false,
      mayInvite: true,
      inviteNote: null,
      invitation: { open: true, usedAt: null, createdBy: { name: lead.name } },
    });
    expect((await personSignIn(lead, both.id))!.sso).toEqual([
      expect.objectContaining({ issuer: "https://idp.test", email: both.email }),
    ]);
    expect((await personSignIn(lead, both.id))!.mayInvite).toBe(false);
    // Those who do not manage people see neither the column nor the panel; the filter is ignored.
    const guardian = (await loadActor((await createUser(["GUARDIAN"], { orgId: org.id })).id))!;
    expect(await personSignIn(guardian, invited.id)).toBeNull();
    const theirs = await listPeople(guardian, { org: org.id, signin: "sso" }, 1);
    expect(theirs.people.every((p) => p.signIn === null)).toBe(true);
    expect(theirs.total).toBe(7);
  });
});
