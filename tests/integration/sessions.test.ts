import { verify } from "@node-rs/argon2";
import { decode, encode } from "next-auth/jwt";
import { beforeEach, describe, expect, it } from "vitest";
import { loadActor } from "@/lib/auth/actor";
import { authOptions } from "@/lib/auth/options";
import { endSession, endSessionsOf, startSession } from "@/lib/auth/sessions";
import { db } from "@/lib/db/client";
import {
  changePassword,
  endMyOtherSessions,
  endPersonSessions,
} from "@/lib/server/account/service";
import { changePersonStatus } from "@/lib/server/directory/people";
import { DomainError, FieldError, NotFoundError, PermissionError } from "@/lib/server/errors";
import { changePasswordSchema } from "@/lib/validations/account";
import { createOrg, createUser } from "../factories";
import { resetDatabase } from "../setup/db";

const PASSWORD = "old lantern harbour";
const NEW_PASSWORD = "quiet orbit maple 42";
const SECRET = "test-secret-for-session-cookies-0123456789";

beforeEach(async () => {
  await resetDatabase();
});

/** A browser's session: what the jwt callback puts in the cookie, as getActor reads it back. */
async function signIn(userId: number, method: "credentials" | "oauth" = "credentials") {
  const token = await authOptions.callbacks!.jwt!({
    token: {},
    user: { id: String(userId) },
    account: { type: method, provider: "x", providerAccountId: "x" },
  } as never);
  const cookie = await encode({ token, secret: SECRET });
  return { cookie, sid: token.sid as string };
}
async function actorFromCookie(cookie: string) {
  const payload = await decode({ token: cookie, secret: SECRET });
  return typeof payload?.uid === "number" && typeof payload.sid === "string"
    ? loadActor(payload.uid, payload.sid)
    : null;
}
async function signOut(cookie: string) {
  await authOptions.events!.signOut!({
    token: (await decode({ token: cookie, secret: SECRET }))!,
  } as never);
}

describe("sessions on the server", () => {
  it("a cookie works while its session is open; after sign-out a copy of it does not", async () => {
    const person = await createUser(["GUARDIAN"], { password: PASSWORD });
    const browser = await signIn(person.id);
    const copied = browser.cookie;
    expect(await actorFromCookie(copied)).toMatchObject({ id: person.id, sessionId: browser.sid });
    expect(await db.session.findUniqueOrThrow({ where: { id: browser.sid } })).toMatchObject({
      method: "password",
      endedAt: null,
    });
    await signOut(browser.cookie);
    expect(await actorFromCookie(copied)).toBeNull();
    expect(await db.session.findUniqueOrThrow({ where: { id: browser.sid } })).toMatchObject({
      endReason: "sign-out",
    });
    // Signing in again opens a new session; the old cookie stays dead.
    const again = await signIn(person.id, "oauth");
    expect(again.sid).not.toBe(browser.sid);
    expect(await actorFromCookie(again.cookie)).toMatchObject({ id: person.id });
    expect(await actorFromCookie(copied)).toBeNull();
    expect((await db.session.findUniqueOrThrow({ where: { id: again.sid } })).method).toBe("sso");
  });

  it("a cookie without a session id, another person's session or an expired one is refused", async () => {
    const a = await createUser(["GUARDIAN"]);
    const b = await createUser(["GUARDIAN"]);
    const old = await encode({ token: { uid: a.id }, secret: SECRET });
    expect(await actorFromCookie(old)).toBeNull();
    const sidOfB = await startSession(b.id, "password");
    expect(await loadActor(a.id, sidOfB)).toBeNull();
    const sid = await startSession(a.id, "password");
    await db.session.update({
      where: { id: sid },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(await loadActor(a.id, sid)).toBeNull();
  });

  it("deactivation ends every session on any path, and reactivation does not revive them", async () => {
    const org = await createOrg();
    const lead = await loadActor((await createUser(["LEAD"], { orgId: org.id })).id);
    const person = await createUser(["BUILDER"], { orgId: org.id });
    const one = await signIn(person.id);
    const two = await signIn(person.id);
    await changePersonStatus(lead!, { id: person.id, change: "deactivate" });
    expect(await actorFromCookie(one.cookie)).toBeNull();
    expect(await actorFromCookie(two.cookie)).toBeNull();
    expect(await db.session.count({ where: { userId: person.id, endReason: "deactivated" } })).toBe(
      2,
    );
    await changePersonStatus(lead!, { id: person.id, change: "reactivate" });
    expect(await actorFromCookie(one.cookie)).toBeNull();
    // A path other than the people page (an import, a restore, a script) ends them too.
    const three = await signIn(person.id);
    await db.$executeRaw`UPDATE "User" SET "deactivatedAt" = now() WHERE id = ${person.id}`;
    await db.$executeRaw`UPDATE "User" SET "deactivatedAt" = NULL WHERE id = ${person.id}`;
    expect(await actorFromCookie(three.cookie)).toBeNull();
  });

  it("a password change ends the person's other sessions and keeps the one that made it", async () => {
    const person = await createUser(["GUARDIAN"], {
      email: "ana@example.test",
      password: PASSWORD,
    });
    const other = await createUser(["GUARDIAN"], { password: PASSWORD });
    const here = await signIn(person.id);
    const laptop = await signIn(person.id);
    const theirs = await signIn(other.id);
    const actor = (await actorFromCookie(here.cookie))!;
    const input = changePasswordSchema.parse({
      current: PASSWORD,
      password: NEW_PASSWORD,
      confirm: NEW_PASSWORD,
    });
    await expect(changePassword(actor, input, null)).resolves.toEqual({ endedSessions: 1 });
    expect(await actorFromCookie(here.cookie)).toMatchObject({ id: person.id });
    expect(await actorFromCookie(laptop.cookie)).toBeNull();
    expect(await actorFromCookie(theirs.cookie)).toMatchObject({ id: other.id });
    const stored = await db.user.findUniqueOrThrow({ where: { id: person.id } });
    expect(await verify(stored.passwordHash!, NEW_PASSWORD)).toBe(true);
    expect(stored.passwordChangedAt).not.toBeNull();
    const entry = await db.auditLog.findFirstOrThrow({ where: { action: "change password" } });
    expect(JSON.stringify([entry.before, entry.after])).not.toContain(stored.passwordHash!);
  });

  it("a wrong current password, a weak or mismatched new one, or no password at all change nothing", async () => {
    const person = await createUser(["GUARDIAN"], {
      email: "ana@example.test",
      password: PASSWORD,
    });
    const laptop = await signIn(person.id);
    const actor = (await loadActor(person.id, (await signIn(person.id)).sid))!;
    const before = await db.user.findUniqueOrThrow({ where: { id: person.id } });
    await expect(
      changePassword(
        actor,
        { current: "not it at all", password: NEW_PASSWORD, confirm: NEW_PASSWORD },
        null,
      ),
    ).rejects.toThrow(new FieldError("current", "That is not your current password"));
    await expect(
      changePassword(
        actor,
        { current: PASSWORD, password: "ana@example.test", confirm: "ana@example.test" },
        null,
      ),
    ).rejects.toBeInstanceOf(FieldError);
    const weak = changePasswordSchema.safeParse({
      current: PASSWORD,
      password: "password1234",
      confirm: "password1234",
    });
    expect(weak.error?.issues[0]?.message).toMatch(/common passwords/);
    const differ = changePasswordSchema.safeParse({
      current: PASSWORD,
      password: NEW_PASSWORD,
      confirm: "x",
    });
    expect(differ.error?.issues[0]).toMatchObject({ path: ["confirm"] });
    const after = await db.user.findUniqueOrThrow({ where: { id: person.id } });
    expect(after.passwordHash).toBe(before.passwordHash);
    expect(await actorFromCookie(laptop.cookie)).not.toBeNull();
    const sso = await createUser(["GUARDIAN"]);
    const ssoActor = (await loadActor(sso.id, (await signIn(sso.id, "oauth")).sid))!;
    await expect(
      changePassword(
        ssoActor,
        { current: "anything", password: NEW_PASSWORD, confirm: NEW_PASSWORD },
        null,
      ),
    ).rejects.toBeInstanceOf(DomainError);
  });

  it("an admin ends every session of a person; a lead cannot; a missing person answers as missing", async () => {
    const org = await createOrg();
    const admin = (await loadActor((await createUser(["ADMIN"])).id))!;
    const lead = (await loadActor((await createUser(["LEAD"], { orgId: org.id })).id))!;
    const person = await createUser(["BUILDER"], { orgId: org.id });
    const one = await signIn(person.id);
    const two = await signIn(person.id);
    await expect(endPersonSessions(lead, { id: person.id })).rejects.toBeInstanceOf(
      PermissionError,
    );
    expect(await actorFromCookie(one.cookie)).not.toBeNull();
    await expect(endPersonSessions(admin, { id: person.id })).resolves.toMatchObject({ ended: 2 });
    expect(await actorFromCookie(one.cookie)).toBeNull();
    expect(await actorFromCookie(two.cookie)).toBeNull();
    expect(
      await db.auditLog.findFirstOrThrow({
        where: { action: "end sessions", entityId: String(person.id) },
      }),
    ).toMatchObject({ actorId: admin.id, after: { endedSessions: 2 } });
    await expect(endPersonSessions(admin, { id: 999_999 })).rejects.toBeInstanceOf(NotFoundError);
    // The account stays active: a new sign-in works.
    expect(await actorFromCookie((await signIn(person.id)).cookie)).not.toBeNull();
  });

  it("signing out everywhere else keeps this session", async () => {
    const person = await createUser(["GUARDIAN"]);
    const here = await signIn(person.id);
    const there = await signIn(person.id);
    const actor = (await actorFromCookie(here.cookie))!;
    expect(await endMyOtherSessions(actor)).toBe(1);
    expect(await actorFromCookie(here.cookie)).not.toBeNull();
    expect(await actorFromCookie(there.cookie)).toBeNull();
    expect(await endMyOtherSessions(actor)).toBe(0);
  });

  it("a new sign-in clears the person's sessions that ended or expired over 30 days ago", async () => {
    const a = await createUser(["GUARDIAN"]);
    const b = await createUser(["GUARDIAN"]);
    const day = 86_400_000;
    const old = (d: number) => new Date(Date.now() - d * day);
    await db.session.createMany({
      data: [
        {
          id: "a-ended-long-ago",
          userId: a.id,
          method: "password",
          expiresAt: old(40),
          endedAt: old(40),
        },
        { id: "a-expired-long-ago", userId: a.id, method: "password", expiresAt: old(31) },
        {
          id: "a-ended-recently",
          userId: a.id,
          method: "password",
          expiresAt: old(2),
          endedAt: old(2),
        },
        {
          id: "b-ended-long-ago",
          userId: b.id,
          method: "password",
          expiresAt: old(40),
          endedAt: old(40),
        },
      ],
    });
    const sid = await startSession(a.id, "sso");
    const left = await db.session.findMany({ select: { id: true } });
    expect(left.map((s) => s.id).sort()).toEqual(
      ["a-ended-recently", "b-ended-long-ago", sid].sort(),
    );
  });

  it("ending sessions is idempotent and only touches the person's open ones", async () => {
    const a = await createUser(["GUARDIAN"]);
    const b = await createUser(["GUARDIAN"]);
    const sa = await startSession(a.id, "password");
    const sb = await startSession(b.id, "password");
    await endSession(sa);
    await endSession(sa);
    expect(await endSessionsOf(db, a.id, "ended by an administrator")).toBe(0);
    expect((await db.session.findUniqueOrThrow({ where: { id: sa } })).endReason).toBe("sign-out");
    expect(await loadActor(b.id, sb)).not.toBeNull();
  });
});
