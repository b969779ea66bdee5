// Writes reviews (with participants), findings, releases, threat models (with authors) and threats.
import type { FindingRow, ReleaseRow, ReviewRow } from "@/lib/transfer/spreadsheet/spec-reviews";
import type { ThreatModelRow, ThreatRow } from "@/lib/transfer/spreadsheet/spec-threats";
import type { FilePlan } from "./plan";
import { col, deleteLinks, insertRows } from "./sql";
import { writeKeyed, type WriteContext } from "./write-people";

const orNull = (map: Map<string, number>, key: string | null) =>
  key === null ? null : (map.get(key) ?? null);

/** Makes a link table (participants, authors) hold exactly the file's people for each record. */
async function syncLinks<Row>(
  ctx: WriteContext,
  plan: FilePlan,
  link: { table: string; parent: string; column: string },
  parentId: (row: Row) => number,
  emails: (row: Row) => string[],
) {
  if (!plan.parsed.present.includes(link.column)) return;
  const add: [number, number][] = [];
  const remove: [number, string][] = [];
  for (const r of plan.diff.create)
    for (const e of emails(r.row as Row)) add.push([parentId(r.row as Row), ctx.ids.user.get(e)!]);
  for (const u of plan.diff.update) {
    const before = new Set(emails(u.before as Row));
    const after = new Set(emails(u.row as Row));
    for (const e of after) if (!before.has(e)) add.push([Number(u.id), ctx.ids.user.get(e)!]);
    for (const e of before) if (!after.has(e)) remove.push([Number(u.id), e]);
  }
  await deleteLinks(ctx.c, link.table, link.parent, remove);
  const pair = (name: string, i: 0 | 1) =>
    col<[number, number]>(undefined, name, "int", (p) => p[i]);
  await insertRows(ctx.c, link.table, [pair(link.parent, 0), pair("userId", 1)], add);
}

export async function writeReviews(ctx: WriteContext, plan: FilePlan | undefined) {
  if (!plan) return;
  await writeKeyed<ReviewRow>(
    ctx,
    plan,
    "Review",
    [
      col("team", "teamId", "int", (r) => ctx.ids.team.get(r.team)),
      col("service", "service", "text", (r) => r.service),
      col("requested_at", "requestedAt", "timestamptz", (r) => r.requested_at),
      col("started_at", "startedAt", "timestamptz", (r) => r.started_at),
      col("completed_at", "completedAt", "timestamptz", (r) => r.completed_at),
      col("security_engineer_email", "securityEngineerId", "int", (r) =>
        orNull(ctx.ids.user, r.security_engineer_email),
      ),
      col("effort_hours", "effortQuarterHours", "int", (r) => r.effort_hours),
    ],
    { kind: "review", insertOnly: [col(undefined, "key", "text", (r) => r.review_id)] },
  );
  await syncLinks<ReviewRow>(
    ctx,
    plan,
    { table: "ReviewParticipant", parent: "reviewId", column: "guardian_emails" },
    (r) => ctx.ids.review.get(r.review_id)!,
    (r) => r.guardian_emails,
  );
}

export async function writeFindings(ctx: WriteContext, plan: FilePlan | undefined) {
  // The team is the review's (denormalised for per-team counts).
  const teamOfReview = (v: string) => `(SELECT "teamId" FROM "Review" WHERE id = ${v})`;
  await writeKeyed<FindingRow>(
    ctx,
    plan,
    "Finding",
    [
      col("review_id", "reviewId", "int", (r) => ctx.ids.review.get(r.review_id)),
      col("review_id", "teamId", "int", (r) => ctx.ids.review.get(r.review_id), teamOfReview),
      col("severity", "severity", '"Severity"', (r) => r.severity),
      col("opened_on", "openedOn", "date", (r) => r.opened_on),
      col("status", "status", '"FindingStatus"', (r) => r.status),
      col("closed_on", "closedOn", "date", (r) => r.closed_on),
    ],
    { insertOnly: [col(undefined, "key", "text", (r) => r.finding_id)] },
  );
}

export async function writeReleases(ctx: WriteContext, plan: FilePlan | undefined) {
  await writeKeyed<ReleaseRow>(
    ctx,
    plan,
    "Release",
    [
      col("team", "teamId", "int", (r) => ctx.ids.team.get(r.team)),
      col("name", "name", "text", (r) => r.name),
      col("started_on", "startedOn", "date", (r) => r.started_on),
      col("released_on", "releasedOn", "date", (r) => r.released_on),
      col("review_id", "reviewId", "int", (r) => orNull(ctx.ids.review, r.review_id)),
    ],
    { insertOnly: [col(undefined, "key", "text", (r) => r.release_id)] },
  );
}

export async function writeThreatModels(ctx: WriteContext, plan: FilePlan | undefined) {
  if (!plan) return;
  await writeKeyed<ThreatModelRow>(
    ctx,
    plan,
    "ThreatModel",
    [
      col("team", "teamId", "int", (r) => ctx.ids.team.get(r.team)),
      col("system", "system", "text", (r) => r.system),
      col("status", "status", '"ThreatModelStatus"', (r) => r.status),
      col("created_on", "createdOn", "date", (r) => r.created_on),
      col("approved_on", "approvedOn", "date", (r) => r.approved_on),
    ],
    { kind: "threatModel", insertOnly: [col(undefined, "key", "text", (r) => r.threat_model_id)] },
  );
  await syncLinks<ThreatModelRow>(
    ctx,
    plan,
    { table: "ThreatModelAuthor", parent: "threatModelId", column: "author_emails" },
    (r) => ctx.ids.threatModel.get(r.threat_model_id)!,
    (r) => r.author_emails,
  );
}

export async function writeThreats(ctx: WriteContext, plan: FilePlan | undefined) {
  await writeKeyed<ThreatRow>(
    ctx,
    plan,
    "Threat",
    [
      col("threat_model_id", "threatModelId", "int", (r) =>
        ctx.ids.threatModel.get(r.threat_model_id),
      ),
      col("category", "category", '"StrideCategory"', (r) => r.category),
      col("severity", "severity", '"Severity"', (r) => r.severity),
      col("mitigation", "mitigation", "text", (r) => r.mitigation),
      col(
        "mitigation_status",
        "mitigationStatus",
        '"MitigationStatus"',
        (r) => r.mitigation_status,
      ),
    ],
    { insertOnly: [col(undefined, "key", "text", (r) => r.threat_id)] },
  );
}
