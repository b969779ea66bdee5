import "server-only";
import { can, queryScope } from "@/lib/auth/permissions";
import type { SessionActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { Prisma, type ActivityType } from "@/lib/generated/prisma/client";
import { dayTotalProblem, latestLoggableDate, MAX_DAY_QUARTER_HOURS } from "@/lib/activity-rules";
import type { ActivityInput, NewActivityInput } from "@/lib/validations/activity";
import { audit } from "@/lib/server/audit";
import { DomainError, NotFoundError, PermissionError } from "@/lib/server/errors";

type Tx = Prisma.TransactionClient;

/** Links must point to a review or threat model the person can see (their org's). */
async function resolveLink(tx: Tx, actor: SessionActor, link: ActivityInput["link"]) {
  if (!link) return { reviewId: null, threatModelId: null };
  const scope = queryScope(actor, link.kind === "review" ? "review.read" : "threatmodel.read");
  const team = scope.all ? {} : { orgId: { in: scope.orgIds } };
  const found =
    link.kind === "review"
      ? await tx.review.findFirst({ where: { id: link.id, team }, select: { id: true } })
      : await tx.threatModel.findFirst({ where: { id: link.id, team }, select: { id: true } });
  if (!found) throw new DomainError(`That ${link.kind === "review" ? "review" : "threat model"} does not exist or is not visible to you.`);
  return link.kind === "review" ? { reviewId: link.id, threatModelId: null } : { reviewId: null, threatModelId: link.id };
}

async function checkDay(tx: Tx, userId: number, date: Date, quarterHours: number, excludeId?: bigint) {
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
  if (date > latestLoggableDate(new Date())) throw new DomainError("You cannot log hours for a future date.");
}

const entrySelect = { id: true, date: true, quarterHours: true, type: true, reviewId: true, threatModelId: true, note: true, version: true } as const;

/** Logs hours for the actor. The same idempotency key twice creates one entry. */
export async function logActivity(actor: SessionActor, input: NewActivityInput) {
  if (!can(actor, "activity.log")) throw new PermissionError();
  checkDate(input.date);
  const date = new Date(`${input.date}T00:00:00Z`);
  const quarterHours = Math.round(input.hours * 4);
  try {
    return await db.$transaction(async (tx) => {
      const links = await resolveLink(tx, actor, input.link);
      // One writer per person at a time, so two tabs cannot together exceed 24 h; the day's
      // total is checked inside the insert (a fresh snapshot, after the lock).
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(7001, ${actor.id})`;
      // The entry, its first version and the audit record in one round trip.
      const rows = await tx.$queryRaw<{ id: bigint; date: Date; quarterHours: number; type: ActivityType; reviewId: number | null; threatModelId: number | null; note: string | null; version: number }[]>`
        WITH e AS (
          INSERT INTO "ActivityEntry" ("userId", date, "quarterHours", type, note, "idempotencyKey", "reviewId", "threatModelId", "updatedAt")
          SELECT ${actor.id}, ${date}::date, ${quarterHours}, ${input.type}::"ActivityType", ${input.note}, ${input.idempotencyKey}, ${links.reviewId}, ${links.threatModelId}, now()
          WHERE (SELECT coalesce(sum("quarterHours"), 0) FROM "ActivityEntry" WHERE "userId" = ${actor.id} AND date = ${date}::date AND "deletedAt" IS NULL) + ${quarterHours} <= ${MAX_DAY_QUARTER_HOURS}
          RETURNING id, date, "quarterHours", type, "reviewId", "threatModelId", note, version
        ), v AS (
          INSERT INTO "ActivityEntryVersion" ("entryId", version, date, "quarterHours", type, note, "reviewId", "threatModelId", "changedById")
          SELECT id, 1, date, "quarterHours", type, note, "reviewId", "threatModelId", ${actor.id} FROM e
        ), a AS (
          INSERT INTO "AuditLog" ("actorId", action, entity, "entityId", after)
          SELECT ${actor.id}, 'create', 'ActivityEntry', id::text, to_jsonb(e) FROM e
        )
        SELECT id, date, "quarterHours", type::text AS type, "reviewId", "threatModelId", note, version FROM e`;
      if (rows.length === 0) {
        await checkDay(tx, actor.id, date, quarterHours); // over 24 h: explains with the day's figures
        throw new DomainError("That day already has 24 h logged.");
      }
      return { entry: rows[0], created: true };
    });
  } catch (error) {
    // A double submit (or a concurrent one) hits the unique key: answer with the first entry.
    if (isUniqueViolation(error)) {
      const winner = await db.activityEntry.findUnique({ where: { userId_idempotencyKey: { userId: actor.id, idempotencyKey: input.idempotencyKey } }, select: entrySelect });
      if (winner) return { entry: winner, created: false };
    }
    throw error;
  }
}

function isUniqueViolation(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return true;
  return /23505|unique constraint/i.test((error as Error)?.message ?? "");
}

async function ownEntry(tx: Tx, actor: SessionActor, id: bigint) {
  const entry = await tx.activityEntry.findFirst({ where: { id, userId: actor.id, deletedAt: null }, select: entrySelect });
  if (!entry) throw new NotFoundError("entry");
  return entry;
}

/** Edits one of the actor's own entries; the previous state stays in the version history. */
export async function updateActivity(actor: SessionActor, id: bigint, input: ActivityInput) {
  if (!can(actor, "activity.log")) throw new PermissionError();
  checkDate(input.date);
  const date = new Date(`${input.date}T00:00:00Z`);
  const quarterHours = Math.round(input.hours * 4);
  return db.$transaction(async (tx) => {
    const before = await ownEntry(tx, actor, id);
    const links = await resolveLink(tx, actor, input.link);
    const unchanged = before.date.getTime() === date.getTime() && before.quarterHours === quarterHours && before.type === input.type && before.note === input.note && before.reviewId === links.reviewId && before.threatModelId === links.threatModelId;
    if (unchanged) return before; // saving without a change adds no version
    await checkDay(tx, actor.id, date, quarterHours, id);
    const version = before.version + 1;
    const after = await tx.activityEntry.update({ where: { id }, data: { date, quarterHours, type: input.type, note: input.note, version, ...links }, select: entrySelect });
    await tx.activityEntryVersion.create({ data: { entryId: id, version, date, quarterHours, type: input.type, note: input.note, changedById: actor.id, ...links } });
    await audit(tx, { actorId: actor.id, action: "update", entity: "ActivityEntry", entityId: id, before, after });
    return after;
  });
}

/** Deletes one of the actor's own entries; the row and its history are kept, marked deleted. */
export async function deleteActivity(actor: SessionActor, id: bigint) {
  if (!can(actor, "activity.log")) throw new PermissionError();
  await db.$transaction(async (tx) => {
    const before = await ownEntry(tx, actor, id);
    const version = before.version + 1;
    await tx.activityEntry.update({ where: { id }, data: { deletedAt: new Date(), version } });
    await tx.activityEntryVersion.create({
      data: { entryId: id, version, date: before.date, quarterHours: before.quarterHours, type: before.type, note: before.note, reviewId: before.reviewId, threatModelId: before.threatModelId, deleted: true, changedById: actor.id },
    });
    await audit(tx, { actorId: actor.id, action: "delete", entity: "ActivityEntry", entityId: id, before });
  });
}
