// Activities have no natural key. A file row matches an entry with the same person, date,
// hours, type, review and note; the n-th identical row matches the n-th identical entry, so
// a re-import adds nothing and two genuinely repeated entries stay two.
import { MAX_DAY_QUARTER_HOURS, latestLoggableDate } from "@/lib/activity-rules";
import type { ParsedRow } from "./parse";
import { activityKey, type ActivityRow } from "./spec-activity";
import { issue, type ImportIssue } from "@/lib/transfer/types";
import { toHours } from "@/lib/hours";

/** A stored entry of a person in the file; deleted entries only reserve their idempotency key. */
export type StoredActivity = { row: ActivityRow; deleted: boolean };

export type ActivityPlan = {
  create: (ParsedRow<ActivityRow> & { occurrence: number })[];
  unchanged: number;
  errors: ImportIssue[];
};

export function matchActivities(
  rows: ParsedRow<ActivityRow>[],
  stored: StoredActivity[],
  now: Date,
): ActivityPlan {
  const live = new Map<string, number>();
  const all = new Map<string, number>();
  const dayTotal = new Map<string, number>();
  for (const s of stored) {
    const key = activityKey(s.row);
    all.set(key, (all.get(key) ?? 0) + 1);
    if (s.deleted) continue;
    live.set(key, (live.get(key) ?? 0) + 1);
    const day = `${s.row.email} ${s.row.date}`;
    dayTotal.set(day, (dayTotal.get(day) ?? 0) + s.row.hours);
  }
  const latest = latestLoggableDate(now);
  const plan: ActivityPlan = { create: [], unchanged: 0, errors: [] };
  for (const r of rows) {
    const key = activityKey(r.row);
    const left = live.get(key) ?? 0;
    if (left > 0) {
      live.set(key, left - 1);
      plan.unchanged++;
      continue;
    }
    if (r.row.date > latest) {
      plan.errors.push(issue("activities.csv", r.line, "date", `${r.row.date} is in the future`));
      continue;
    }
    const day = `${r.row.email} ${r.row.date}`;
    const total = (dayTotal.get(day) ?? 0) + r.row.hours;
    if (total > MAX_DAY_QUARTER_HOURS) {
      plan.errors.push(
        issue(
          "activities.csv",
          r.line,
          "hours",
          `${r.row.email} would have ${toHours(total)} h on ${r.row.date}; at most 24 h a day can be logged`,
        ),
      );
      continue;
    }
    dayTotal.set(day, total);
    const occurrence = all.get(key) ?? 0;
    all.set(key, occurrence + 1);
    plan.create.push({ ...r, occurrence });
  }
  return plan;
}
