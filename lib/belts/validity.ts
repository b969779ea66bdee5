import { BELT, type Belt } from "@/lib/vocabulary";

// Belts that expire (docs/metrics.md, "held belt"). Each award row is one period of validity:
// held from `awardedOn` up to the day before `expiresOn`, unless revoked. A renewal is a new row.
// Pure: no database. Days are UTC midnights (lib/period.ts).

export type BeltPeriod = {
  belt: Belt;
  awardedOn: Date;
  /** First day not held; null (or absent): never expires. */
  expiresOn?: Date | null;
  revokedAt: Date | null;
  renewal?: boolean;
};

/** Months before expiry that the reminder goes out and renewal becomes possible. */
export const RENEWAL_WINDOW_MONTHS = 1;

/**
 * `day` moved by whole calendar months, clamped to the month's last day (31 Jan + 1 month =
 * 28 or 29 Feb), as PostgreSQL's `date + interval 'n months'` does.
 */
export function addMonthsClamped(day: Date, months: number): Date {
  const y = day.getUTCFullYear();
  const m = day.getUTCMonth() + months;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(day.getUTCDate(), last)));
}

/** When an award made on `awardedOn` expires under a validity of `months` (null: never). */
export function expiryDate(awardedOn: Date, months: number | null): Date | null {
  return months == null ? null : addMonthsClamped(awardedOn, months);
}

/** The first day of the renewal window (and of the reminder) for an expiry date. */
export function renewalOpensOn(expiresOn: Date): Date {
  return addMonthsClamped(expiresOn, -RENEWAL_WINDOW_MONTHS);
}

/**
 * Whether a period counts on `day`: awarded on or before it, not yet expired (the expiry date
 * itself is not held), and not revoked by the start of it (as the dashboards have always read
 * a revocation).
 */
export function isHeldOn(period: BeltPeriod, day: Date): boolean {
  const t = day.getTime();
  if (period.awardedOn.getTime() > t) return false;
  if (period.expiresOn && period.expiresOn.getTime() <= t) return false;
  return !period.revokedAt || period.revokedAt.getTime() > t;
}

/** The belts held on `day` out of a person's periods. */
export function beltsHeldOn(periods: BeltPeriod[], day: Date): Set<Belt> {
  return new Set(periods.filter((p) => isHeldOn(p, day)).map((p) => p.belt));
}

/** The highest belt held on `day`, or null. */
export function highestHeldOn(periods: BeltPeriod[], day: Date): Belt | null {
  let best = -1;
  for (const p of periods) if (isHeldOn(p, day)) best = Math.max(best, BELT.rank(p.belt));
  return best < 0 ? null : BELT.values[best];
}

/** A person's latest live period of one belt (the one a renewal extends), or null. */
export function latestPeriod<P extends BeltPeriod>(periods: P[], belt: Belt): P | null {
  let latest: P | null = null;
  for (const p of periods) {
    if (p.belt !== belt || p.revokedAt) continue;
    if (!latest || p.awardedOn > latest.awardedOn) latest = p;
  }
  return latest;
}

type BeltStatus = "held" | "expiring" | "expired" | "revoked";

/** How a period reads on `today`: expiring once the renewal window is open. */
export function periodStatus(period: BeltPeriod, today: Date): BeltStatus {
  if (period.revokedAt) return "revoked";
  if (period.expiresOn && period.expiresOn <= today) return "expired";
  if (period.expiresOn && renewalOpensOn(period.expiresOn) <= today) return "expiring";
  return "held";
}

/**
 * Whether the latest period may be renewed on `today`: its renewal window is open (a month
 * before expiry) or it has lapsed. A belt that never expires has nothing to renew.
 */
export function canRenew(latest: BeltPeriod, today: Date): boolean {
  return latest.expiresOn != null && renewalOpensOn(latest.expiresOn) <= today;
}

/**
 * The renewed period's expiry: renewed before expiry, the validity runs on from the old expiry
 * (renewing early loses nothing); after a lapse, from the day of renewal.
 */
export function renewedExpiry(latest: BeltPeriod, today: Date, months: number): Date {
  const from = latest.expiresOn && latest.expiresOn > today ? latest.expiresOn : today;
  return addMonthsClamped(from, months);
}

/**
 * A current period's expiry when a lead changes the belt's validity: counted from its award
 * day, but never sooner than a month away, so every holder is reminded and may renew (a rule
 * change does not rewrite the past). No validity: it no longer expires.
 */
export function redatedExpiry(awardedOn: Date, months: number | null, today: Date): Date | null {
  if (months == null) return null;
  const due = addMonthsClamped(awardedOn, months);
  const floor = addMonthsClamped(today, RENEWAL_WINDOW_MONTHS);
  return due > floor ? due : floor;
}

/** The award rows held today and never revoked, as a Prisma filter (isHeldOn's current form). */
export const heldTodayWhere = (today: Date) => ({
  revokedAt: null,
  awardedOn: { lte: today },
  OR: [{ expiresOn: null }, { expiresOn: { gt: today } }],
});
