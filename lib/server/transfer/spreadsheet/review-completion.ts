// The import obeys the review completion rule (docs/fast-track.md, "Every path"): outside the
// fast track, a review completes with a security engineer, and a fast-tracked review's
// completion changes only through a spot check in the app. New rows record history from a
// spreadsheet and keep the file's completion as it is (docs/decisions/0020-ownership-fast-track.md).
// No "server-only" here: the import CLI runs this under plain Node.
import type pg from "pg";
import type { ReviewRow } from "@/lib/transfer/spreadsheet/spec-reviews";
import type { Update } from "@/lib/transfer/spreadsheet/diff";
import type { ImportIssue } from "@/lib/transfer/types";
import type { FilePlan } from "./plan";

const FILE = "reviews.csv";
const COMPLETION = ["started_at", "completed_at", "security_engineer_email"] as const;

export const FAST_TRACKED_ROW =
  "This review was fast-tracked: its start, completion and security engineer change only " +
  "through a spot check in the app";
export const NO_ENGINEER_ROW =
  "A review completes with its security engineer (security_engineer_email), or through the " +
  "fast track in the app";

export async function reviewCompletionIssues(
  c: pg.ClientBase,
  plan: FilePlan | undefined,
): Promise<ImportIssue[]> {
  if (!plan || plan.diff.update.length === 0) return [];
  const present = new Set(plan.parsed.present);
  const updates = plan.diff.update as Update<ReviewRow>[];
  const { rows } = await c.query<{ id: string }>(
    `SELECT "reviewId"::text AS id FROM "FastTrack" WHERE "reviewId" = ANY($1::int[])`,
    [updates.map((u) => Number(u.id))],
  );
  const fastTracked = new Set(rows.map((r) => r.id));
  const issues: ImportIssue[] = [];
  for (const u of updates) {
    const issue = (column: string, message: string) =>
      issues.push({ file: FILE, line: u.line, column, message });
    // Compared as the file writes them (as the import's own diff does).
    const [now, was] = [plan.parsed.spec.format(u.row), plan.parsed.spec.format(u.before)];
    const changed = COMPLETION.find((col) => present.has(col) && now[col] !== was[col]);
    if (fastTracked.has(u.id) && changed) {
      issue(changed, FAST_TRACKED_ROW);
      continue;
    }
    const engineer = present.has("security_engineer_email")
      ? u.row.security_engineer_email
      : u.before.security_engineer_email;
    const completes = present.has("completed_at") && u.row.completed_at && !u.before.completed_at;
    if (completes && !engineer) issue("completed_at", NO_ENGINEER_ROW);
  }
  return issues;
}
