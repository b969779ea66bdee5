import "server-only";
import type { SessionActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { pairDelayMs, THROTTLE, throttleDecision } from "@/lib/auth/throttle";
import { db } from "@/lib/db/client";
import type { ClearSignInFailuresInput } from "@/lib/validations/account";
import { audit } from "@/lib/server/audit";
import { NotFoundError, PermissionError } from "@/lib/server/errors";
import { isAdministrator } from "./service";

// What an administrator sees and clears of a person's failed sign-ins (lib/auth/throttle.ts):
// which addresses are waiting to try that account again, and whether new addresses are held
// back. Clearing marks the account's failures cleared; they stay on record (the admin home's
// count of failed sign-ins, the audit of who cleared them).

type SignInBlocks = {
  failures: number;
  /** Addresses waiting to try this account again, and until when. */
  waiting: { ip: string | null; failures: number; until: Date }[];
  /** Until when addresses the account has not signed in from are held back (50 failures an hour). */
  newAddressesUntil: Date | null;
};

const MAX_SHOWN = 10;

/** For the person's page: their failed sign-ins of the last hour, for administrators only. */
export async function signInBlocks(
  actor: SessionActor,
  userId: number,
  now = new Date(),
): Promise<SignInBlocks | null> {
  if (!isAdministrator(actor)) return null;
  const person = await db.user.findUnique({ where: { id: userId }, select: { email: true } });
  if (!person) return null;
  const since = new Date(now.getTime() - THROTTLE.account.windowMs);
  const [failed, succeeded] = await Promise.all([
    db.loginAttempt.findMany({
      where: { email: person.email, success: false, clearedAt: null, at: { gte: since } },
      select: { ip: true, at: true },
      orderBy: { at: "desc" },
      take: 1000,
    }),
    db.loginAttempt.groupBy({
      by: ["ip"],
      where: { email: person.email, success: true, at: { gte: since } },
      _max: { at: true },
    }),
  ]);
  const lastSuccess = new Map(succeeded.map((s) => [s.ip, s._max.at!.getTime()]));
  const byAddress = new Map<string | null, Date[]>();
  for (const f of failed) {
    if (f.at.getTime() <= (lastSuccess.get(f.ip) ?? 0)) continue; // before a success there
    byAddress.set(f.ip, [...(byAddress.get(f.ip) ?? []), f.at]);
  }
  const waiting = [...byAddress]
    .map(([ip, times]) => ({
      ip,
      failures: times.length,
      until: new Date(times[0].getTime() + pairDelayMs(times.length)),
    }))
    .filter((w) => w.until > now)
    .sort((a, b) => b.until.getTime() - a.until.getTime())
    .slice(0, MAX_SHOWN);
  const account = throttleDecision(
    failed.map((f) => f.at),
    now,
    THROTTLE.account.limit,
    THROTTLE.account.windowMs,
  );
  return {
    failures: failed.length,
    waiting,
    newAddressesUntil: account.blocked ? new Date(now.getTime() + account.retryAfterMs) : null,
  };
}

/** An administrator clears a person's failed sign-ins: no address waits because of them any more. */
export async function clearSignInFailures(
  actor: SessionActor,
  input: ClearSignInFailuresInput,
): Promise<{ name: string; cleared: number }> {
  if (!can(actor, "user.manage") || !isAdministrator(actor)) throw new PermissionError();
  const person = await db.user.findUnique({
    where: { id: input.id },
    select: { id: true, name: true, email: true, orgId: true },
  });
  if (!person) throw new NotFoundError("person");
  return db.$transaction(async (tx) => {
    const { count } = await tx.loginAttempt.updateMany({
      where: { email: person.email, success: false, clearedAt: null },
      data: { clearedAt: new Date() },
    });
    await audit(tx, {
      actorId: actor.id,
      action: "clear-sign-in-failures",
      entity: "User",
      entityId: person.id,
      orgId: person.orgId,
      after: { clearedFailures: count },
    });
    return { name: person.name, cleared: count };
  });
}
