import "server-only";
import { db } from "@/lib/db/client";
import { throttleDecision } from "@/lib/auth/throttle";
import { passwordResetRequestSchema } from "@/lib/validations/links";
import { DomainError } from "@/lib/server/errors";
import { parseInput } from "@/lib/server/failure";
import { logger } from "@/lib/server/log";
import { mailerFromEnv, type Mailer } from "@/lib/server/mail";
import { NO_MAIL, assertPasswordsUsed, issueLink } from "./links";

// "Forgot your password?": the answer never tells whether the address has an account. Requests
// are counted per email and per address (PasswordResetRequest, shared by every instance) under
// advisory locks, as sign-in attempts are (lib/auth/sign-in.ts).

export const RESET_THROTTLE = { perEmail: 3, perIp: 20, windowMs: 60 * 60_000 };
const EMAIL_LOCK = 7104;
const IP_LOCK = 7105;

export const RESET_ANSWER =
  "If an account exists for that address, we have sent a link to set a new password. " +
  "It works once, for one hour. Check your inbox (and the spam folder).";

function tooMany(retryAfterMs: number) {
  const minutes = Math.max(1, Math.ceil(retryAfterMs / 60_000));
  return new DomainError(
    `Too many password reset requests. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
  );
}

/** Counts the request (refusing it past the limits) before anything about the address is read. */
async function admitRequest(email: string, ip: string | null) {
  await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${EMAIL_LOCK}::int, hashtext(${email}))`;
    if (ip) await tx.$executeRaw`SELECT pg_advisory_xact_lock(${IP_LOCK}::int, hashtext(${ip}))`;
    const now = new Date();
    const since = new Date(now.getTime() - RESET_THROTTLE.windowMs);
    const [byEmail, byIp] = await Promise.all([
      tx.passwordResetRequest.findMany({
        where: { email, at: { gte: since } },
        select: { at: true },
        orderBy: { at: "desc" },
        take: RESET_THROTTLE.perEmail,
      }),
      ip
        ? tx.passwordResetRequest.findMany({
            where: { ip, at: { gte: since } },
            select: { at: true },
            orderBy: { at: "desc" },
            take: RESET_THROTTLE.perIp,
          })
        : [],
    ]);
    for (const [rows, limit] of [
      [byEmail, RESET_THROTTLE.perEmail],
      [byIp, RESET_THROTTLE.perIp],
    ] as const) {
      const decision = throttleDecision(
        rows.map((r) => r.at),
        now,
        limit,
        RESET_THROTTLE.windowMs,
      );
      if (decision.blocked) throw tooMany(decision.retryAfterMs);
    }
    await tx.passwordResetRequest.create({ data: { email, ip } });
  });
}

/**
 * Sends a one-hour reset link to an active person with that email; answers RESET_ANSWER
 * whether or not one exists. The lookup and the email run through `later` (the action passes
 * Next's `after`, so the answer does not wait for the mail server and its timing tells
 * nothing); by default they run before returning.
 */
export async function requestPasswordReset(
  raw: { email: unknown },
  ip: string | null,
  mailer: Mailer | null = mailerFromEnv(),
  later: (task: () => Promise<void>) => void | Promise<void> = (task) => task(),
): Promise<string> {
  assertPasswordsUsed();
  const { email } = parseInput(passwordResetRequestSchema, raw);
  if (!mailer) throw new DomainError(NO_MAIL);
  await admitRequest(email, ip);
  await later(async () => {
    try {
      const person = await db.user.findUnique({
        where: { email },
        select: { id: true, name: true, email: true, orgId: true, deactivatedAt: true },
      });
      if (!person || person.deactivatedAt) return;
      await issueLink({ person, kind: "RESET", sender: null, mailer });
    } catch (err) {
      logger.warn({ err }, "password reset link not sent");
    }
  });
  return RESET_ANSWER;
}
