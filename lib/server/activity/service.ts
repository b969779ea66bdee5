import "server-only";
import { can, queryScope } from "@/lib/auth/permissions";
import { tenantWhere } from "@/lib/auth/tenant";
import type { SessionActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { Prisma, type ActivityType } from "@/lib/generated/prisma/client";
import { dayTotalProblem, latestLoggableDate, MAX_DAY_QUARTER_HOURS } from "@/lib/activity-rules";
import type { ActivityInput, NewActivityInput } from "@/lib/validations/activity";
import { audit } from "@/lib/server/audit";
import { DomainError, NotFoundError, PermissionError } from "@/lib/server/errors";
import { toQuarterHours } from "@/lib/hours";
import { isoDay, parseIsoDay } from "@/lib/period";

type Tx = Prisma.TransactionClient;

/** Links must point to a review or threat model the person can see (their org's). */
async function resolveLink(tx: Tx | typeof db, actor: SessionActor, link: ActivityInput["link"]) {
  if (!link) return { reviewId: null, threatModelId: null };
  const scope = queryScope(actor, link.kind === "review" ? "review.read" : "threatmodel.read");
  const team = tenantWhere(scope, "orgId");
  const found =
    link.kind === "review"
      ? await tx.review.findFirst({ where: { id: link.id, team }, select: { id: true } })
      : await tx.threatModel.findFirst({ where: { id: link.id, team }, select: { id: true } });
  if (!found)
    throw new DomainError(
      `That ${link.kind === "review" ? "review" : "threat model"} does not exist or is not visible to you.`,
    );
  return link.kind === "review"
    ? { reviewId: link.id, threatModelId: null }
    : { reviewId: null, threatModelId: link.id };
}

async function checkDay(
  tx: Tx,
  userId: number,
  date: Date,
  quarterHours: number,
  excludeId?: bigint,
) {
  // One writer per person at a time, so two tabs cannot together exceed 24 h.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(7001, ${userId})`;
  const sum = await tx.activityEntry.aggregate({
    where: { userId, date, deletedAt: null, ...(excludeId ? { id: { not: excludeId } } : {}) },
    _sum: { quarterHours: true },
  });
  const problem = dayTotalProblem(sum._sum.quarterHours ?? 0, quarterHours);
  if (problem) throw new DomainError(problem);
}

function checkDate(date: string) {
  if (date > latestLoggableDate(new Date()))
    throw new DomainError("You cannot log hours for a future date.");
}

const entrySelect = {
  id: true,
  date: true,
  quarterHours: true,
  type: true,
  reviewId: true,
  threatModelId: true,
  note: true,
  version: true,
} as const;

type LoggedRow = {
  id: bigint | null;
  date: Date;
  quarterHours: number;
  type: ActivityType;
  reviewId: number | null;
  threatModelId: number | null;
  note: string | null;
  version: number | null;
  created: boolean;
  day_quarter_hours: number | null;
};

/**
 * Logs hours for the actor. The same idempotency key twice creates one entry. The write is one
 * statement, guardians_log_activity (migration log_activity_function): under a per-person lock
 * it answers a repeated key with the first entry, or checks the day's total and writes the
 * entry, its first version and the audit record together.
 */
export async function logActivity(actor: SessionActor, input: NewActivityInput) {
  if (!can(actor, "activity.log")) throw new PermissionError();
  checkDate(input.date);
  const date = parseIsoDay(input.date);
  const quarterHours = toQuarterHours(input.hours);
  const links = await resolveLink(db, actor, input.link);
  const [row] = await db.$queryRaw<LoggedRow[]>`
    SELECT * FROM guardians_log_activity(${actor.id}::int, ${date}::date, ${quarterHours}::int, ${input.type}::"ActivityType", ${input.note}::text,
      ${input.idempotencyKey}::text, ${links.reviewId}::int, ${links.threatModelId}::int, ${MAX_DAY_QUARTER_HOURS}::int)`;
  if (row.id === null)
    throw new DomainError(
      dayTotalProblem(row.day_quarter_hours ?? 0, quarterHours) ??
        "That day already has 24 h logged.",
    );
  const entry = {
    id: row.id,
    date: row.date,
    quarterHours: row.quarterHours,
    type: row.type,
    reviewId: row.reviewId,
    threatModelId: row.threatModelId,
    note: row.note,
    version: row.version!,
  };
  return { entry, created: row.created };
}

async function ownEntry(tx: Tx, actor: SessionActor, id: bigint) {
  const entry = await tx.activityEntry.findFirst({
    where: { id, userId: actor.id, deletedAt: null },
    select: entrySelect,
  });
  if (!entry) throw new NotFoundError("entry");
  return entry;
}

/** Edits one of the actor's own entries; the previous state stays in the version history. */
export async function updateActivity(actor: SessionActor, id: bigint, input: ActivityInput) {
  if (!can(actor, "activity.log")) throw new PermissionError();
  checkDate(input.date);
  const date = parseIsoDay(input.date);
  const quarterHours = toQuarterHours(input.hours);
  return db.$transaction(async (tx) => {
    const before = await ownEntry(tx, actor, id);
    const links = await resolveLink(tx, actor, input.link);
    const unchanged =
      before.date.getTime() === date.getTime() &&
      before.quarterHours === quarterHours &&
      before.type === input.type &&
      before.note === input.note &&
      before.reviewId === links.reviewId &&
      before.threatModelId === links.threatModelId;
    if (unchanged) return before; // saving without a change adds no version
    await checkDay(tx, actor.id, date, quarterHours, id);
    const version = before.version + 1;
    const after = await tx.activityEntry.update({
      where: { id },
      data: { date, quarterHours, type: input.type, note: input.note, version, ...links },
      select: entrySelect,
    });
    await tx.activityEntryVersion.create({
      data: {
        entryId: id,
        version,
        date,
        quarterHours,
        type: input.type,
        note: input.note,
        changedById: actor.id,
        ...links,
      },
    });
    await audit(tx, {
      actorId: actor.id,
      action: "update",
      entity: "ActivityEntry",
      entityId: id,
      before,
      after,
    });
    return after;
  });
}

/** Deletes one of the actor's own entries; the row and its history are kept, marked deleted. */
export async function deleteActivity(actor: SessionActor, id: bigint) {
  if (!can(actor, "activity.log")) throw new PermissionError();
  await db.$transaction(async (tx) => {
    const before = await ownEntry(tx, actor, id);
    await softDelete(tx, actor.id, before);
  });
}

async function softDelete(
  tx: Tx,
  actorId: number,
  before: Prisma.ActivityEntryGetPayload<{ select: typeof entrySelect }>,
) {
  const version = before.version + 1;
  await tx.activityEntry.update({
    where: { id: before.id },
    data: { deletedAt: new Date(), version },
  });
  await tx.activityEntryVersion.create({
    data: {
      entryId: before.id,
      version,
      date: before.date,
      quarterHours: before.quarterHours,
      type: before.type,
      note: before.note,
      reviewId: before.reviewId,
      threatModelId: before.threatModelId,
      deleted: true,
      changedById: actorId,
    },
  });
  await audit(tx, {
    actorId,
    action: "delete",
    entity: "ActivityEntry",
    entityId: before.id,
    before,
  });
}

/**
 * Logs hours for someone else inside the caller's transaction (attendance at an event, which
 * the lead records: lib/server/events/attendance.ts), under the same rules as any entry: quarter
 * hours, no future day, at most 24 h a day (checked under the person's lock). The version and
 * audit record name the one who recorded it.
 */
export async function logActivityFor(
  tx: Tx,
  actorId: number,
  entry: { userId: number; date: Date; quarterHours: number; type: ActivityType; note: string },
) {
  checkDate(isoDay(entry.date));
  await checkDay(tx, entry.userId, entry.date, entry.quarterHours);
  const created = await tx.activityEntry.create({
    data: { ...entry, idempotencyKey: null },
    select: entrySelect,
  });
  await tx.activityEntryVersion.create({
    data: {
      entryId: created.id,
      version: 1,
      date: created.date,
      quarterHours: created.quarterHours,
      type: created.type,
      note: created.note,
      changedById: actorId,
    },
  });
  await audit(tx, {
    actorId,
    action: "create",
    entity: "ActivityEntry",
    entityId: created.id,
    after: { ...created, userId: entry.userId },
  });
  return created;
}

/** Deletes an entry logged by `logActivityFor` (kept, marked deleted); gone already: nothing. */
export async function deleteActivityFor(tx: Tx, actorId: number, id: bigint) {
  const before = await tx.activityEntry.findFirst({
    where: { id, deletedAt: null },
    select: entrySelect,
  });
  if (before) await softDelete(tx, actorId, before);
}
