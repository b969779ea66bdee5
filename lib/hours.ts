// Hours are stored as whole quarter-hours so sums stay exact (1.5 h = 6).
export const toQuarterHours = (hours: number) => Math.round(hours * 4);
export const toHours = (quarterHours: number) => quarterHours / 4;

/** Whether hours typed by a person fall on a quarter-hour step (0.25, 0.5, 0.75…). */
export const isQuarterHourStep = (hours: number) => Number.isInteger(hours * 4);

export function formatHours(quarterHours: number): string {
  const h = toHours(quarterHours);
  return `${Number.isInteger(h) ? h : h.toFixed(2).replace(/0$/, "")} h`;
}
