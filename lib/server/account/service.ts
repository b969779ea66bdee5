import "server-only";
import { hash } from "@node-rs/argon2";
import type { SessionActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { mayGrantRole } from "@/lib/auth/role-grants";
import { endSessionsOf } from "@/lib/auth/sessions";
import { authenticate, SignInError, WRONG_CREDENTIALS } from "@/lib/auth/sign-in";
import { db } from "@/lib/db/client";
import type { ChangePasswordInput, EndSessionsInput } from "@/lib/validations/account";
import { audit } from "@/lib/server/audit";
import { DomainError, FieldError, NotFoundError, PermissionError } from "@/lib/server/errors";

/** What the account page shows of the signed-in person's own sign-in. */
export async function accountOverview(actor: SessionActor) {
  const [person, sessions, identities] = await Promise.all([
    db.user.findUniqueOrThrow({
      where: { id: actor.id },
      select: { passwordHash: true, passwordChangedAt: true },
    }),
    db.session.findMany({
      where: { userId: actor.id, endedAt: null, expiresAt: { gt: new Date() } },
      select: { id: true, method: true, createdAt: true },
      orderBy: { createdAt: "desc" },
      take: 50,
    }),
    db.ssoIdentity.findMany({
      where: { userId: actor.id },
      select: { issuer: true, email: true, lastSignInAt: true },
    }),
  ]);
  return {
    hasPassword: person.passwordHash !== null,
    passwordChangedAt: person.passwordChangedAt,
    sso: identities,
    sessions: sessions.map((s) => ({ ...s, current: s.id === actor.sessionId })),
  };
}

/**
 * Changes the signed-in person's password. The current password is checked through the
 * sign-in gate (same throttle: a stolen session cannot guess it quickly); every other session
 * of the person ends, the one making the change stays.
 */
export async function changePassword(
  actor: SessionActor,
  input: ChangePasswordInput,
  ip: string | null,
): Promise<{ endedSessions: number }> {
  if (input.password.toLowerCase() === actor.email.toLowerCase())
    throw new FieldError("password", "Do not use your email address as your password");
  const stored = await db.user.findUnique({
    where: { id: actor.id },
    select: { passwordHash: true },
  });
  if (!stored?.passwordHash)
    throw new DomainError(
      "You sign in without a password here, so there is none to change. Use “Forgot your password?” on the sign-in page to set one.",
    );
  try {
    await authenticate({ email: actor.email, password: input.current }, ip);
  } catch (error) {
    if (!(error instanceof SignInError)) throw error;
    throw new FieldError(
      "current",
      error.message === WRONG_CREDENTIALS ? "That is not your current password" : error.message,
    );
  }
  const passwordHash = await hash(input.password);
  return db.$transaction(async (tx) => {
    const changedAt = new Date();
    await tx.user.update({
      where: { id: actor.id },
      data: { passwordHash, passwordChangedAt: changedAt },
    });
    const endedSessions = await endSessionsOf(tx, actor.id, "password changed", actor.sessionId);
    await audit(tx, {
      actorId: actor.id,
      action: "change password",
      entity: "User",
      entityId: actor.id,
      orgId: actor.orgId,
      after: { passwordChangedAt: changedAt, endedSessions },
    });
    return { endedSessions };
  });
}

/** Ends the signed-in person's other sessions (e.g. a browser left signed in elsewhere). */
export async function endMyOtherSessions(actor: SessionActor): Promise<number> {
  return db.$transaction(async (tx) => {
    const ended = await endSessionsOf(tx, actor.id, "sign-out", actor.sessionId);
    if (ended)
      await audit(tx, {
        actorId: actor.id,
        action: "end sessions",
        entity: "User",
        entityId: actor.id,
        orgId: actor.orgId,
        after: { endedSessions: ended, kept: "this session" },
      });
    return ended;
  });
}

/** Whether the actor is an administrator: holds every power, everywhere. */
export function isAdministrator(actor: Pick<SessionActor, "roles">): boolean {
  return mayGrantRole(actor, "ADMIN");
}

/** An administrator ends every session of a person (a lost laptop, a suspected compromise). */
export async function endPersonSessions(
  actor: SessionActor,
  input: EndSessionsInput,
): Promise<{ name: string; ended: number }> {
  if (!can(actor, "user.manage") || !isAdministrator(actor)) throw new PermissionError();
  const person = await db.user.findUnique({
    where: { id: input.id },
    select: { id: true, name: true, orgId: true },
  });
  if (!person) throw new NotFoundError("person");
  return db.$transaction(async (tx) => {
    const ended = await endSessionsOf(tx, person.id, "ended by an administrator");
    await audit(tx, {
      actorId: actor.id,
      action: "end sessions",
      entity: "User",
      entityId: person.id,
      orgId: person.orgId,
      after: { endedSessions: ended },
    });
    return { name: person.name, ended };
  });
}

/** For the person page: open sessions and the last sign-in, for administrators. */
export async function personSessions(actor: SessionActor, userId: number) {
  if (!isAdministrator(actor)) return null;
  const now = new Date();
  const [open, last] = await Promise.all([
    db.session.count({ where: { userId, endedAt: null, expiresAt: { gt: now } } }),
    db.session.findFirst({
      where: { userId },
      orderBy: { createdAt: "desc" },
      select: { createdAt: true, method: true },
    }),
  ]);
  return { open, lastSignIn: last };
}
