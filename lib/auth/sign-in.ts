import "server-only";
import { hash, verify } from "@node-rs/argon2";
import { db } from "@/lib/db/client";
import { signInSchema } from "@/lib/validations/sign-in";
import { THROTTLE, retryMessage, signInDecision } from "./throttle";

export class SignInError extends Error {}

export const WRONG_CREDENTIALS = "Email or password is incorrect.";

// Advisory-lock namespaces (two-key form) for the throttle gate; 7001 is hour logging.
const EMAIL_LOCK = 7101;
const IP_LOCK = 7102;

// Verifying against a fixed hash when the email is unknown keeps the timing of both failures alike.
let dummyHash: Promise<string> | null = null;
function getDummyHash() {
  dummyHash ??= hash("not-a-real-password");
  return dummyHash;
}

/**
 * The throttle gate (lib/auth/throttle.ts): under a per-email (then per-address) advisory lock,
 * reads the recent failures of this account from this address, of this address and of this
 * account, and, when the attempt may proceed, records it as a failure before the password is
 * checked. Concurrent attempts therefore each see the ones admitted before them, so no more
 * passwords are checked than the counts allow. The lock is held only for the reads and the
 * insert, not during the (slow) password check. Returns the attempt's id.
 */
// Attempts on one account queue on its lock: a burst of guesses (or a slow machine) must make them
// wait their turn, not time out uncounted (Prisma's defaults: 2 s to start, 5 s to finish).
const ADMISSION_TX = { maxWait: 30_000, timeout: 30_000 };

async function admitAttempt(email: string, ip: string | null): Promise<bigint> {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${EMAIL_LOCK}::int, hashtext(${email}))`;
    if (ip) await tx.$executeRaw`SELECT pg_advisory_xact_lock(${IP_LOCK}::int, hashtext(${ip}))`;
    const now = new Date();
    const ago = (ms: number) => new Date(now.getTime() - ms);
    const lastSuccess = await tx.loginAttempt.findFirst({
      where: { email, ip, success: true },
      orderBy: { at: "desc" },
      select: { at: true },
    });
    const pairSince = ago(THROTTLE.pair.windowMs);
    const failures = { success: false, clearedAt: null };
    const knownAddress = !!lastSuccess && lastSuccess.at >= ago(THROTTLE.knownAddressMs);
    const times = (rows: { at: Date }[]) => rows.map((r) => r.at);
    const [pairFailures, addressFailures, accountFailures] = await Promise.all([
      tx.loginAttempt.findMany({
        where: {
          email,
          ip,
          ...failures,
          at: { gt: lastSuccess && lastSuccess.at > pairSince ? lastSuccess.at : pairSince },
        },
        select: { at: true },
        orderBy: { at: "desc" },
        take: 50,
      }),
      ip
        ? tx.loginAttempt.findMany({
            where: { ip, ...failures, at: { gte: ago(THROTTLE.address.windowMs) } },
            select: { at: true },
            orderBy: { at: "desc" },
            take: THROTTLE.address.limit,
          })
        : [],
      knownAddress
        ? []
        : tx.loginAttempt.findMany({
            where: { email, ...failures, at: { gte: ago(THROTTLE.account.windowMs) } },
            select: { at: true },
            orderBy: { at: "desc" },
            take: THROTTLE.account.limit,
          }),
    ]);
    const decision = signInDecision(
      {
        pairFailures: times(pairFailures),
        addressFailures: times(addressFailures),
        accountFailures: times(accountFailures),
        knownAddress,
      },
      now,
    );
    if (decision.blocked) throw new SignInError(retryMessage(decision.retryAfterMs));
    const attempt = await tx.loginAttempt.create({
      data: { email, ip, success: false },
      select: { id: true },
    });
    return attempt.id;
  }, ADMISSION_TX);
}

/** Checks credentials with throttling; returns the user or throws SignInError with a message for the page. */
export async function authenticate(
  raw: unknown,
  ip: string | null,
): Promise<{ id: number; email: string; name: string }> {
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) throw new SignInError(parsed.error.issues[0]?.message ?? WRONG_CREDENTIALS);
  const { email, password } = parsed.data;

  const attemptId = await admitAttempt(email, ip);
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, passwordHash: true, deactivatedAt: true },
  });
  const ok = user?.passwordHash
    ? await verify(user.passwordHash, password)
    : (await verify(await getDummyHash(), password), false);
  if (!ok || !user || user.deactivatedAt) throw new SignInError(WRONG_CREDENTIALS);
  await db.loginAttempt.update({ where: { id: attemptId }, data: { success: true } });
  return { id: user.id, email: user.email, name: user.name };
}
