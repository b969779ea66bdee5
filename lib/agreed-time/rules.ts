// Agreed time (docs/decisions/0018-agreed-time.md): a guardian's manager or a program lead records
// how much time a month the guardian gives to security work, in hours or as a share of working
// time; each change applies from a month on and the earlier agreements stay as the history.
// Pure functions: the forms, the profile, the homes and the dashboards all use these.
import { formatHours } from "@/lib/hours";
import type { Figure } from "@/lib/metrics/stats";
import { percent } from "@/lib/metrics/stats";

/**
 * Working hours in a month, for converting a share of working time to hours: 40 hours a week over
 * 4 weeks. A share is converted when it is agreed and the hours are kept with it, so changing this
 * constant never rewrites a past agreement.
 */
export const WORKING_HOURS_PER_MONTH = 160;

/**
 * "Within agreement": hours logged from 80 % to 120 % of the hours agreed (both ends included).
 * Below is "under", above is "over"; a guardian with no time agreed is neither.
 */
export const WITHIN_LOW = 0.8;
export const WITHIN_HIGH = 1.2;

/** A share of working time (1–100 %) as monthly quarter-hours, to the nearest quarter-hour. */
export function shareToQuarterHours(sharePercent: number): number {
  return Math.round((WORKING_HOURS_PER_MONTH * 4 * sharePercent) / 100);
}

export type Agreement = {
  id: number;
  /** The first day (UTC midnight) of the first month it applies to. */
  effectiveFrom: Date;
  monthlyQuarterHours: number;
  sharePercent: number | null;
};

/**
 * The agreement that applies to the month starting `monthStart`: the one with the latest
 * effective month not after it; of several from that month, the one recorded last (highest id).
 * Null before the first agreement.
 */
export function agreementForMonth<A extends Agreement>(
  agreements: A[],
  monthStart: Date,
): A | null {
  let best: A | null = null;
  for (const a of agreements) {
    if (a.effectiveFrom > monthStart) continue;
    if (
      !best ||
      a.effectiveFrom > best.effectiveFrom ||
      (a.effectiveFrom.getTime() === best.effectiveFrom.getTime() && a.id > best.id)
    )
      best = a;
  }
  return best;
}

/** The first day of the month of `date` (UTC). */
export const monthStartOf = (date: Date) =>
  new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1));

/**
 * The quarter-hours agreed over some months, each weighted by its share inside the period (1 for a
 * whole month, 6/31 six days into one: `MetricPeriod.months`). Months before any agreement add 0.
 */
export function agreedQuarterHours(
  agreements: Agreement[],
  months: { start: Date; weight: number }[],
): number {
  return months.reduce(
    (sum, m) =>
      sum +
      (agreementForMonth(agreements, monthStartOf(m.start))?.monthlyQuarterHours ?? 0) * m.weight,
    0,
  );
}

export type AgreementStatus = "within" | "under" | "over" | "none";

/** How logged hours stand against the agreed ones (quarter-hours, agreed may be pro-rated). */
export function agreementStatus(
  loggedQuarterHours: number,
  agreedQuarterHours: number,
): AgreementStatus {
  if (!(agreedQuarterHours > 0)) return "none";
  const ratio = loggedQuarterHours / agreedQuarterHours;
  if (ratio < WITHIN_LOW) return "under";
  if (ratio > WITHIN_HIGH) return "over";
  return "within";
}

export const STATUS_LABEL: Record<AgreementStatus, string> = {
  within: "Within agreement",
  under: "Under agreement",
  over: "Over agreement",
  none: "No time agreed",
};

export type AgreementShare = {
  /** Guardians with time agreed for the period. */
  withAgreement: number;
  within: number;
  under: number;
  over: number;
  /** within ÷ withAgreement, in %; null when no guardian has time agreed. */
  withinPct: Figure;
};

/** The dashboards' share of guardians within their agreement, from each guardian's status. */
export function agreementShare(statuses: AgreementStatus[]): AgreementShare {
  const count = (s: AgreementStatus) => statuses.filter((x) => x === s).length;
  const within = count("within");
  const under = count("under");
  const over = count("over");
  const withAgreement = within + under + over;
  return { withAgreement, within, under, over, withinPct: percent(within, withAgreement) };
}

/** "8 h a month" or "10 % of working time (16 h a month)". */
export function describeAgreement(a: Pick<Agreement, "monthlyQuarterHours" | "sharePercent">) {
  const hours = `${formatHours(a.monthlyQuarterHours)} a month`;
  return a.sharePercent === null ? hours : `${a.sharePercent} % of working time (${hours})`;
}

/** Agreed quarter-hours shown rounded to the quarter-hour (a pro-rated figure is fractional). */
export const formatAgreed = (quarterHours: number) => formatHours(Math.round(quarterHours));
