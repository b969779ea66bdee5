import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";

// Server-side sessions (docs/decisions/0011). The cookie stays a signed, encrypted JWT, but it
// names a Session row and a request is honoured only while that row is open: signing out,
// deactivation, an admin's "end sessions" and password changes end sessions on every instance.

/** How long a session lasts, in seconds; the cookie's lifetime is the same. */
export const SESSION_MAX_AGE = 8 * 60 * 60;

export type SessionMethod = "password" | "sso";
export type SessionEndReason =
  | "sign-out"
  | "ended by an administrator"
  | "deactivated"
  | "password changed"
  | "password set by link";

type Client = Prisma.TransactionClient | typeof db;

/** How long ended and expired sessions are kept (for the account page and investigations). */
const KEEP_ENDED_DAYS = 30;

/**
 * Opens a session for a person who has just proved who they are; returns its id for the cookie.
 * The person's sessions that ended or expired over 30 days ago are deleted on the way, so the
 * table holds about a month of sign-ins however long the app runs.
 */
export async function startSession(userId: number, method: SessionMethod): Promise<string> {
  const id = randomBytes(24).toString("base64url");
  const now = Date.now();
  await db.$transaction([
    db.session.deleteMany({
      where: {
        userId,
        OR: [
          { endedAt: { lt: new Date(now - KEEP_ENDED_DAYS * 86_400_000) } },
          { expiresAt: { lt: new Date(now - KEEP_ENDED_DAYS * 86_400_000) } },
        ],
      },
    }),
    db.session.create({
      data: { id, userId, method, expiresAt: new Date(now + SESSION_MAX_AGE * 1000) },
    }),
  ]);
  return id;
}

/** Ends one session (signing out). Ending an ended session changes nothing. */
export async function endSession(id: string, reason: SessionEndReason = "sign-out") {
  await db.session.updateMany({
    where: { id, endedAt: null },
    data: { endedAt: new Date(), endReason: reason },
  });
}

/**
 * Ends every open session of a person, but `except` (the caller's own, on a password change).
 * Returns how many ended. Pass the transaction that makes the change, so both land together.
 */
export async function endSessionsOf(
  client: Client,
  userId: number,
  reason: SessionEndReason,
  except?: string | null,
): Promise<number> {
  const { count } = await client.session.updateMany({
    where: { userId, endedAt: null, ...(except ? { id: { not: except } } : {}) },
    data: { endedAt: new Date(), endReason: reason },
  });
  return count;
}

/** Open, unexpired sessions of a person (for their page). */
export async function openSessionCount(userId: number): Promise<number> {
  return db.session.count({ where: { userId, endedAt: null, expiresAt: { gt: new Date() } } });
}
