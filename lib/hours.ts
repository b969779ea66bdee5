// Hours are stored as whole quarter-hours so sums stay exact (1.5 h = 6).
export const toQuarterHours = (hours: number) => Math.round(hours * 4);
export const toHours = (quarterHours: number) => quarterHours / 4;

/**
 * The program's reference: guardians spend about 3.5 hours a month on security work (the public
 * average, docs/metrics.md definition 5). The guardian's home shows it and the monthly reminder
 * goes to guardians below it.
 */
export const MONTHLY_REFERENCE_QUARTER_HOURS = 14;

/** Whether hours typed by a person fall on a quarter-hour step (0.25, 0.5, 0.75…). */
export const isQuarterHourStep = (hours: number) => Number.isInteger(hours * 4);

export function formatHours(quarterHours: number): string {
  const h = toHours(quarterHours);
  return `${Number.isInteger(h) ? h : h.toFixed(2).replace(/0$/, "")} h`;
}
