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
