import { plural } from "@/lib/format";

// Failed sign-ins slow down whoever makes them, never lock the account itself: a stranger's
// failures cannot keep the owner out. Attempts are kept in the database, so every app server
// shares the counts (lib/auth/sign-in.ts reads them under advisory locks). Three counts:
// - one account from one address (the pair): the first few failures are free (typos), then
//   each further attempt waits twice as long after the last failure as the one before
//   (5 s, 10 s, 20 s … at most 15 minutes), until the pair signs in;
// - one address across accounts (password spraying): at most 20 failures in 15 minutes;
// - one account from addresses it has not signed in from in the last 90 days (guessing from
//   many addresses): at most 50 failures an hour. Addresses it did sign in from are not held
//   back by this count, so the owner at a usual address still gets in.
// An administrator can clear an account's failures (lib/server/account/sign-in-blocks.ts).

export const THROTTLE = {
  pair: { free: 3, firstDelayMs: 5_000, maxDelayMs: 15 * 60_000, windowMs: 60 * 60_000 },
  address: { limit: 20, windowMs: 15 * 60_000 },
  account: { limit: 50, windowMs: 60 * 60_000 },
  knownAddressMs: 90 * 24 * 60 * 60_000,
} as const;

type ThrottleDecision = { blocked: false } | { blocked: true; retryAfterMs: number };

/** Blocked when `limit` failures fall in the window; the block lifts when the oldest of them ages out. */
export function throttleDecision(
  failures: Date[],
  now: Date,
  limit: number,
  windowMs: number,
): ThrottleDecision {
  const recent = failures
    .filter((d) => now.getTime() - d.getTime() < windowMs)
    .sort((a, b) => b.getTime() - a.getTime());
  if (recent.length < limit) return { blocked: false };
  const oldestCounted = recent[limit - 1];
  return { blocked: true, retryAfterMs: oldestCounted.getTime() + windowMs - now.getTime() };
}

/** How long after the n-th failure in a row the pair must wait (0 while failures are free). */
export function pairDelayMs(failures: number, rule: typeof THROTTLE.pair = THROTTLE.pair): number {
  if (failures < rule.free) return 0;
  return Math.min(rule.maxDelayMs, rule.firstDelayMs * 2 ** (failures - rule.free));
}

export type SignInRecord = {
  /** This account from this address since its last success there (at most an hour back). */
  pairFailures: Date[];
  /** This address, any account, in the last 15 minutes. */
  addressFailures: Date[];
  /** This account, any address, in the last hour. */
  accountFailures: Date[];
  /** The account signed in from this address in the last 90 days. */
  knownAddress: boolean;
};

type SignInDecision =
  | { blocked: false }
  | { blocked: true; retryAfterMs: number; reason: "pair" | "address" | "account" };

/** Whether a sign-in attempt may go ahead now; when not, the longest wait among the counts. */
export function signInDecision(record: SignInRecord, now: Date): SignInDecision {
  const waits: { reason: "pair" | "address" | "account"; ms: number }[] = [];
  const pair = record.pairFailures.filter(
    (d) => now.getTime() - d.getTime() < THROTTLE.pair.windowMs,
  );
  const delay = pairDelayMs(pair.length);
  if (delay > 0) {
    const last = Math.max(...pair.map((d) => d.getTime()));
    waits.push({ reason: "pair", ms: last + delay - now.getTime() });
  }
  const { address, account } = THROTTLE;
  const byAddress = throttleDecision(record.addressFailures, now, address.limit, address.windowMs);
  if (byAddress.blocked) waits.push({ reason: "address", ms: byAddress.retryAfterMs });
  if (!record.knownAddress) {
    const byAccount = throttleDecision(
      record.accountFailures,
      now,
      account.limit,
      account.windowMs,
    );
    if (byAccount.blocked) waits.push({ reason: "account", ms: byAccount.retryAfterMs });
  }
  const longest = waits.filter((w) => w.ms > 0).sort((a, b) => b.ms - a.ms)[0];
  return longest
    ? { blocked: true, retryAfterMs: longest.ms, reason: longest.reason }
    : { blocked: false };
}

/** "Try again in 10 seconds" below a minute, whole minutes above. */
export function retryMessage(retryAfterMs: number): string {
  const wait =
    retryAfterMs < 60_000
      ? plural(Math.max(1, Math.ceil(retryAfterMs / 1000)), "second")
      : plural(Math.ceil(retryAfterMs / 60_000), "minute");
  return `Too many failed sign-in attempts. Try again in ${wait}.`;
}
