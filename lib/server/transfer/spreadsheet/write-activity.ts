// Writes activities (each with its first version), course completions and feedback.
import { createHash } from "node:crypto";
import {
  activityKey,
  type ActivityRow,
  type CompletionRow,
  type FeedbackRow,
} from "@/lib/transfer/spreadsheet/spec-activity";
import type { FilePlan } from "./plan";
import { col, insertRows } from "./sql";
import { writeKeyed, type WriteContext } from "./write-people";

type NewActivity = { row: ActivityRow; userId: number; key: string };

/**
 * A deterministic idempotency key per (values, occurrence), so the unique index on
 * (userId, idempotencyKey) also guards re-imports. Keys an edited entry still holds are skipped.
 */
async function idempotencyKeys(ctx: WriteContext, plan: FilePlan): Promise<NewActivity[]> {
  const hash = (r: ActivityRow) =>
    createHash("sha256").update(activityKey(r)).digest("hex").slice(0, 32);
  const made = plan.diff.create.map((r) => ({
    row: r.row as ActivityRow,
    userId: ctx.ids.user.get(r.row.email)!,
    hash: hash(r.row),
    n: r.occurrence ?? 0,
  }));
  const keyOf = (m: (typeof made)[number]) => `import:${m.hash}:${m.n}`;
  for (;;) {
    const { rows } = await ctx.c.query(
      `SELECT a."userId" || ' ' || a."idempotencyKey" AS k FROM "ActivityEntry" a JOIN unnest($1::int[], $2::text[]) AS x(u, k) ON a."userId" = x.u AND a."idempotencyKey" = x.k`,
      [made.map((m) => m.userId), made.map(keyOf)],
    );
    const taken = new Set(rows.map((r) => r.k as string));
    const seen = new Set<string>();
    let clash = false;
    for (const m of made) {
      while (taken.has(`${m.userId} ${keyOf(m)}`) || seen.has(`${m.userId} ${keyOf(m)}`)) {
        m.n++;
        clash = true;
      }
      seen.add(`${m.userId} ${keyOf(m)}`);
    }
    if (!clash) return made.map((m) => ({ row: m.row, userId: m.userId, key: keyOf(m) }));
  }
}

export async function writeActivities(ctx: WriteContext, plan: FilePlan | undefined) {
  if (!plan || plan.diff.create.length === 0) return;
  const rows = await idempotencyKeys(ctx, plan);
  const changedBy = ctx.actorId === null ? `ins."userId"` : String(Math.trunc(ctx.actorId));
  await insertRows<NewActivity>(
    ctx.c,
    "ActivityEntry",
    [
      col(undefined, "userId", "int", (a) => a.userId),
      col(undefined, "date", "date", (a) => a.row.date),
      col(undefined, "quarterHours", "int", (a) => a.row.hours),
      col(undefined, "type", '"ActivityType"', (a) => a.row.activity_type),
      col(undefined, "reviewId", "int", (a) =>
        a.row.review_id === null ? null : ctx.ids.review.get(a.row.review_id),
      ),
      col(undefined, "note", "text", (a) => a.row.note),
      col(undefined, "idempotencyKey", "text", (a) => a.key),
    ],
    rows,
    {
      returning: `id, "userId", date, "quarterHours", type, "reviewId", note`,
      wrap: (
        insert,
      ) => `WITH ins AS (${insert}) INSERT INTO "ActivityEntryVersion" ("entryId", version, date, "quarterHours", type, "reviewId", note, "changedById")
      SELECT id, 1, date, "quarterHours", type, "reviewId", note, ${changedBy} FROM ins`,
    },
  );
}

export async function writeCompletions(ctx: WriteContext, plan: FilePlan | undefined) {
  await writeKeyed<CompletionRow>(
    ctx,
    plan,
    "CourseCompletion",
    [col("completed_on", "completedOn", "date", (r) => r.completed_on)],
    {
      insertOnly: [
        col(undefined, "userId", "int", (r) => ctx.ids.user.get(r.email)),
        col(undefined, "courseId", "int", (r) => ctx.ids.course.get(r.course)),
        col(undefined, "recordedById", "int", () => ctx.actorId),
      ],
    },
  );
}

export async function writeFeedback(ctx: WriteContext, plan: FilePlan | undefined) {
  const orNull = (map: Map<string, number>, key: string | null) =>
    key === null ? null : (map.get(key) ?? null);
  await writeKeyed<FeedbackRow>(
    ctx,
    plan,
    "Feedback",
    [
      col("rater_email", "raterId", "int", (r) => ctx.ids.user.get(r.rater_email)),
      col("rating", "rating", "int", (r) => r.rating),
      col("comment", "comment", "text", (r) => r.comment),
    ],
    {
      insertOnly: [
        col(undefined, "reviewId", "int", (r) => orNull(ctx.ids.review, r.review_id)),
        col(undefined, "threatModelId", "int", (r) =>
          orNull(ctx.ids.threatModel, r.threat_model_id),
        ),
        col(undefined, "guardianId", "int", (r) => ctx.ids.user.get(r.guardian_email)),
      ],
    },
  );
}
