import "server-only";
import { hash, verify } from "@node-rs/argon2";
import { db } from "@/lib/db/client";
import { signInSchema } from "@/lib/validations/sign-in";
import { THROTTLE, retryMessage, throttleDecision } from "./throttle";

export class SignInError extends Error {}

export const WRONG_CREDENTIALS = "Email or password is incorrect.";

// Verifying against a fixed hash when the email is unknown keeps the timing of both failures alike.
let dummyHash: Promise<string> | null = null;
function getDummyHash() {
  dummyHash ??= hash("not-a-real-password");
  return dummyHash;
}

export async function hashPassword(password: string): Promise<string> {
  return hash(password);
}

/** Checks credentials with throttling; returns the user or throws SignInError with a message for the page. */
export async function authenticate(raw: unknown, ip: string | null): Promise<{ id: number; email: string; name: string }> {
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) throw new SignInError(parsed.error.issues[0]?.message ?? WRONG_CREDENTIALS);
  const { email, password } = parsed.data;
  const now = new Date();
  const since = new Date(now.getTime() - THROTTLE.windowMs);

  const [byEmail, byIp] = await Promise.all([
    db.loginAttempt.findMany({ where: { email, success: false, at: { gte: since } }, select: { at: true }, orderBy: { at: "desc" }, take: THROTTLE.perEmail }),
    ip ? db.loginAttempt.findMany({ where: { ip, success: false, at: { gte: since } }, select: { at: true }, orderBy: { at: "desc" }, take: THROTTLE.perIp }) : [],
  ]);
  for (const [failures, limit] of [[byEmail, THROTTLE.perEmail], [byIp, THROTTLE.perIp]] as const) {
    const decision = throttleDecision(failures.map((f) => f.at), now, limit);
    if (decision.blocked) throw new SignInError(retryMessage(decision.retryAfterMs));
  }

  const user = await db.user.findUnique({ where: { email }, select: { id: true, email: true, name: true, passwordHash: true, deactivatedAt: true } });
  const ok = user?.passwordHash ? await verify(user.passwordHash, password) : (await verify(await getDummyHash(), password), false);
  const success = Boolean(ok && user && !user.deactivatedAt);
  await db.loginAttempt.create({ data: { email, ip, success } });
  if (!success || !user) throw new SignInError(WRONG_CREDENTIALS);
  return { id: user.id, email: user.email, name: user.name };
}
