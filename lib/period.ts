import { addHours } from "date-fns";
// Calendar quarters in UTC (docs/metrics.md: "Period = calendar quarter (UTC)").
export type Quarter = { year: number; q: 1 | 2 | 3 | 4 };

export function quarterOf(date: Date): Quarter {
  return {
    year: date.getUTCFullYear(),
    q: (Math.floor(date.getUTCMonth() / 3) + 1) as Quarter["q"],
  };
}

/** [start, end) of the quarter as UTC instants. */
export function quarterRange({ year, q }: Quarter): { start: Date; end: Date } {
  return {
    start: new Date(Date.UTC(year, (q - 1) * 3, 1)),
    end: new Date(Date.UTC(year, q * 3, 1)),
  };
}

export function quarterLabel({ year, q }: Quarter): string {
  return `Q${q} ${year}`;
}

/** "2026-Q3", the key newsletters and filters use. */
export function quarterKey({ year, q }: Quarter): string {
  return `${year}-Q${q}`;
}

export function parseQuarterKey(key: string): Quarter | null {
  const m = /^(\d{4})-Q([1-4])$/.exec(key);
  return m ? { year: Number(m[1]), q: Number(m[2]) as Quarter["q"] } : null;
}

export function addQuarters({ year, q }: Quarter, n: number): Quarter {
  const index = year * 4 + (q - 1) + n;
  return { year: Math.floor(index / 4), q: ((index % 4) + 1) as Quarter["q"] };
}

/** [start, end) of the calendar month containing `date`, UTC. */
export function monthRange(date: Date): { start: Date; end: Date } {
  return {
    start: new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1)),
    end: new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1)),
  };
}

// Days. Date columns hold a UTC midnight; forms, files and URLs carry "YYYY-MM-DD".
// date-fns' calendar functions (addDays, startOfDay…) work in the process's local time zone
// and @date-fns/utc is not installed, so whole days are added as 24 hours (exact in UTC).
const DAY_MS = 86_400_000;

/** "2026-03-31": the UTC calendar day of an instant. */
export const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** The UTC midnight that starts a "YYYY-MM-DD" day. */
export const parseIsoDay = (day: string) => new Date(`${day}T00:00:00Z`);

/** The UTC midnight that starts the instant's day. */
export const startOfUtcDay = (date: Date) =>
  new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));

/** Today as the UTC midnight it began at: what a date column stores for "today". */
export const todayUtc = (now = new Date()) => startOfUtcDay(now);

export const addUtcDays = (date: Date, days: number) => addHours(date, days * 24);

/** Whole UTC days since the epoch: cheap to compare, exact for date-only values. */
export const dayNumber = (date: Date) => Math.floor(date.getTime() / DAY_MS);

/** "2026-03": the UTC calendar month of an instant (the hours reminder's event key). */
export const monthKey = (date: Date) => date.toISOString().slice(0, 7);

/** "2026-W09": the ISO 8601 week (Monday to Sunday, week 1 holds the year's first Thursday), UTC. */
export function isoWeekKey(date: Date): string {
  const day = startOfUtcDay(date);
  const thursday = addUtcDays(day, 3 - ((day.getUTCDay() + 6) % 7));
  const year = thursday.getUTCFullYear();
  const week =
    Math.floor((dayNumber(thursday) - dayNumber(new Date(Date.UTC(year, 0, 1)))) / 7) + 1;
  return `${year}-W${String(week).padStart(2, "0")}`;
}
