// Writes orgs, teams, courses and guardian memberships of a planned import (people:
// write-accounts.ts).
import type pg from "pg";
import type { CourseRow } from "@/lib/transfer/spreadsheet/spec-activity";
import type { GuardianRow, OrgRow, TeamRow } from "@/lib/transfer/spreadsheet/spec-people";
import { nameFromKey } from "@/lib/transfer/spreadsheet/values";
import type { FilePlan, Ids } from "./plan";
import { col, insertRows, updateRows, type Col } from "./sql";

export type WriteContext = {
  c: pg.ClientBase;
  ids: Ids;
  actorId: number | null;
  /** The import's own audit entry id, which each person's audit entry names. */
  importId: string;
};

/** Creates, then updates the columns the file has. Created keys join the id maps. */
export async function writeKeyed<Row>(
  ctx: WriteContext,
  plan: FilePlan | undefined,
  table: string,
  cols: Col<Row>[],
  opts: { keyColumn?: string; kind?: keyof Ids; insertOnly?: Col<Row>[] } = {},
): Promise<void> {
  if (!plan) return;
  const { create, update } = plan.diff;
  if (create.length) {
    const returning = opts.kind ? `id, "${opts.keyColumn ?? "key"}" AS k` : undefined;
    const rows = await insertRows(
      ctx.c,
      table,
      [...cols, ...(opts.insertOnly ?? [])],
      create.map((r) => r.row as Row),
      { returning },
    );
    if (opts.kind) for (const r of rows) ctx.ids[opts.kind].set(r.k, r.id);
  }
  const present = new Set(plan.parsed.present);
  await updateRows(
    ctx.c,
    table,
    "int",
    cols.filter((c) => c.csv && present.has(c.csv)),
    update,
  );
}

export const id = (map: Map<string, number>, key: string | null) =>
  key === null ? null : (map.get(key) ?? null);

export async function writeOrgs(ctx: WriteContext, plan: FilePlan | undefined) {
  // Parents and leaders are set after people exist (writeOrgLinks).
  await writeKeyed<OrgRow>(
    ctx,
    plan ? { ...plan, diff: { ...plan.diff, update: [] } } : undefined,
    "Org",
    [],
    {
      kind: "org",
      insertOnly: [
        col(undefined, "key", "text", (r) => r.org),
        col(undefined, "name", "text", (r) => nameFromKey(r.org)),
      ],
    },
  );
}

export async function writeOrgLinks(ctx: WriteContext, plan: FilePlan | undefined) {
  if (!plan) return;
  const cols: Col<OrgRow>[] = [
    col("parent_org", "parentId", "int", (r) => id(ctx.ids.org, r.parent_org)),
    col("leader_email", "leaderId", "int", (r) => id(ctx.ids.user, r.leader_email)),
  ];
  const created = plan.diff.create
    .filter((r) => r.row.parent_org || r.row.leader_email)
    .map((r) => ({ id: String(ctx.ids.org.get(r.row.org)), row: r.row as OrgRow }));
  await updateRows(ctx.c, "Org", "int", cols, created);
  const present = new Set(plan.parsed.present);
  await updateRows(
    ctx.c,
    "Org",
    "int",
    cols.filter((c) => present.has(c.csv!)),
    plan.diff.update,
  );
}

export async function writeTeams(ctx: WriteContext, plan: FilePlan | undefined) {
  await writeKeyed<TeamRow>(
    ctx,
    plan,
    "Team",
    [
      col("org", "orgId", "int", (r) => ctx.ids.org.get(r.org)),
      col("profile", "profile", '"TeamProfile"', (r) => r.profile),
      col("pilot", "pilot", "boolean", (r) => r.pilot),
      col("joined_on", "joinedOn", "date", (r) => r.joined_on),
    ],
    {
      kind: "team",
      insertOnly: [
        col(undefined, "key", "text", (r) => r.team),
        col(undefined, "name", "text", (r) => nameFromKey(r.team)),
      ],
    },
  );
}

export async function writeCourses(ctx: WriteContext, plan: FilePlan | undefined) {
  await writeKeyed<CourseRow>(
    ctx,
    plan,
    "Course",
    [
      col("required", "required", "boolean", (r) => r.required),
      col("hours", "quarterHours", "int", (r) => r.hours),
    ],
    {
      kind: "course",
      insertOnly: [
        col(undefined, "key", "text", (r) => r.course),
        col(undefined, "title", "text", (r) => nameFromKey(r.course)),
      ],
    },
  );
}

// A declined nomination keeps its date in left_on (the file has no declined_on column).
const leftOn = (r: GuardianRow) => (r.status === "DECLINED" ? null : r.left_on);
const declinedOn = (r: GuardianRow) => (r.status === "DECLINED" ? r.left_on : null);

export async function writeGuardians(ctx: WriteContext, plan: FilePlan | undefined) {
  if (!plan) return;
  const actor = ctx.actorId === null ? "NULL" : String(Math.trunc(ctx.actorId));
  const cols: Col<GuardianRow>[] = [
    col("status", "status", '"GuardianStatus"', (r) => r.status),
    col("nominated_on", "nominatedOn", "date", (r) => r.nominated_on),
    col("active_on", "activeOn", "date", (r) => r.active_on),
    col("left_on", "leftOn", "date", leftOn),
    col("left_on", "declinedOn", "date", declinedOn),
  ];
  const keys = [
    col<GuardianRow>(undefined, "userId", "int", (r) => ctx.ids.user.get(r.email)),
    col<GuardianRow>(undefined, "teamId", "int", (r) => ctx.ids.team.get(r.team)),
  ];
  // Each new membership and each status change gets its history row.
  await insertRows(
    ctx.c,
    "GuardianMembership",
    [...keys, ...cols],
    plan.diff.create.map((r) => r.row as GuardianRow),
    {
      returning: "id, status",
      wrap: (insert) =>
        `WITH ins AS (${insert}) INSERT INTO "GuardianStatusChange" ("membershipId", "fromStatus", "toStatus", "changedById", note) SELECT id, NULL, status, ${actor}, 'Imported' FROM ins`,
    },
  );
  const present = new Set(plan.parsed.present);
  await updateRows(
    ctx.c,
    "GuardianMembership",
    "int",
    cols.filter((c) => present.has(c.csv!)),
    plan.diff.update,
  );
  const changed = plan.diff.update.filter(
    (u) => present.has("status") && u.before.status !== u.row.status,
  );
  await insertRows(
    ctx.c,
    "GuardianStatusChange",
    [
      col<(typeof changed)[number]>(undefined, "membershipId", "int", (u) => u.id),
      col<(typeof changed)[number]>(
        undefined,
        "fromStatus",
        '"GuardianStatus"',
        (u) => u.before.status,
      ),
      col<(typeof changed)[number]>(undefined, "toStatus", '"GuardianStatus"', (u) => u.row.status),
      col<(typeof changed)[number]>(undefined, "changedById", "int", () => ctx.actorId),
      col<(typeof changed)[number]>(undefined, "note", "text", () => "Imported"),
    ],
    changed,
  );
}
