// The period an impact statement covers: a quarter (the current one by default, to date), or
// any range of whole UTC days up to today, at most five years long.
import { formatDate } from "@/lib/format";
import {
  addUtcDays,
  dayNumber,
  isoDay,
  parseIsoDay,
  parseQuarterKey,
  quarterKey,
  quarterLabel,
  quarterOf,
  quarterRange,
  todayUtc,
} from "@/lib/period";
import type { StatementPeriod } from "./statement";

export const MAX_STATEMENT_DAYS = 5 * 366;

export type StatementRequest = { quarter?: string; from?: string; to?: string };

export type ResolvedStatementPeriod = StatementPeriod & {
  label: string;
  /** The quarter it is, "2026-Q3", when the period is one. */
  quarter: string | null;
  /** The period stops at today, before its natural end. */
  toDate: boolean;
};

/** The statement's period, or the reason the request cannot be one (shown to the reader). */
export function statementPeriod(
  request: StatementRequest,
  now = new Date(),
): { period: ResolvedStatementPeriod } | { error: string } {
  const today = todayUtc(now);
  if (request.from || request.to) {
    if (!request.from || !request.to) return { error: "Choose both a first and a last day." };
    const from = parseIsoDay(request.from);
    const asked = parseIsoDay(request.to);
    if (from > asked) return { error: "The first day must be on or before the last day." };
    if (from > today) return { error: "The period must start today or earlier." };
    const to = asked > today ? today : asked;
    if (dayNumber(to) - dayNumber(from) + 1 > MAX_STATEMENT_DAYS)
      return { error: "Choose a period of at most five years." };
    return {
      period: {
        from,
        to,
        quarter: null,
        toDate: to < asked,
        label: `${formatDate(from)} – ${formatDate(to)}`,
      },
    };
  }
  const quarter = (request.quarter && parseQuarterKey(request.quarter)) || quarterOf(today);
  const { start, end } = quarterRange(quarter);
  if (start > today) return { error: "That quarter has not started yet." };
  const last = addUtcDays(end, -1);
  const toDate = last > today;
  return {
    period: {
      from: start,
      to: toDate ? today : last,
      quarter: quarterKey(quarter),
      toDate,
      label: `${quarterLabel(quarter)}${toDate ? " to date" : ""}`,
    },
  };
}

/** The query string naming a period, for links and the period form. */
export function statementQuery(p: ResolvedStatementPeriod): string {
  return p.quarter ? `quarter=${p.quarter}` : `from=${isoDay(p.from)}&to=${isoDay(p.to)}`;
}
