import type { DashboardFilter } from "@/lib/url-state/lists";
import { addQuarters, parseQuarterKey, quarterKey, quarterOf, type Quarter } from "@/lib/period";

// The filter is parsed from the URL by lib/url-state/lists.ts (dashboardView).
export type { DashboardFilter };

export const MAX_QUARTERS = 20;

/** The quarters a filter covers, oldest first: by default the last eight, ending with the current one. */
export function filterQuarters(filter: DashboardFilter, today = new Date()): Quarter[] {
  const current = quarterOf(today);
  let to = (filter.to && parseQuarterKey(filter.to)) || current;
  if (quarterKey(to) > quarterKey(current)) to = current;
  let from = (filter.from && parseQuarterKey(filter.from)) || addQuarters(to, -7);
  if (quarterKey(from) > quarterKey(to)) from = to;
  const quarters: Quarter[] = [];
  for (
    let q = from;
    quarterKey(q) <= quarterKey(to) && quarters.length < MAX_QUARTERS;
    q = addQuarters(q, 1)
  )
    quarters.push(q);
  // Keep the most recent quarters when the range is longer than the maximum.
  return quarterKey(quarters.at(-1)!) === quarterKey(to)
    ? quarters
    : Array.from({ length: MAX_QUARTERS }, (_, i) => addQuarters(to, i - MAX_QUARTERS + 1));
}
