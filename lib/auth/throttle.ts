// Repeated failed sign-ins lock an account (and an address) out for a while. Attempts are
// kept in the database so several app servers share the count.
export const THROTTLE = { perEmail: 5, perIp: 20, windowMs: 15 * 60_000 };

export type ThrottleDecision = { blocked: false } | { blocked: true; retryAfterMs: number };

/** Blocked when `limit` failures fall in the window; the lock lifts when the oldest of them ages out. */
export function throttleDecision(
  failures: Date[],
  now: Date,
  limit: number,
  windowMs = THROTTLE.windowMs,
): ThrottleDecision {
  const recent = failures
    .filter((d) => now.getTime() - d.getTime() < windowMs)
    .sort((a, b) => b.getTime() - a.getTime());
  if (recent.length < limit) return { blocked: false };
  const oldestCounted = recent[limit - 1];
  return { blocked: true, retryAfterMs: oldestCounted.getTime() + windowMs - now.getTime() };
}

export function retryMessage(retryAfterMs: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterMs / 60_000));
  return `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}
