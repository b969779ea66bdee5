// Hours are stored as whole quarter-hours so sums stay exact.
export const toQuarterHours = (hours: number) => Math.round(hours * 4);
export const toHours = (quarterHours: number) => quarterHours / 4;

export function formatHours(quarterHours: number): string {
  const h = quarterHours / 4;
  return `${Number.isInteger(h) ? h : h.toFixed(2).replace(/0$/, "")} h`;
}
