import "server-only";
import { closingMessage, closingProblem } from "@/lib/findings/closing";
import { can, queryScope } from "@/lib/auth/permissions";
import { tenantWhere } from "@/lib/auth/tenant";
import type { SessionActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type {
  CompleteReviewInput,
  FindingInput,
  FindingStatusInput,
  ParticipantInput,
  RequestReviewInput,
  StartReviewInput,
} from "@/lib/validations/review";
import { audit } from "@/lib/server/audit";
import { reevaluateBelts } from "@/lib/server/belts/service";
import { DomainError, FieldError, NotFoundError, PermissionError } from "@/lib/server/errors";
import { findTeam } from "@/lib/server/teams/lookup";
import { toQuarterHours } from "@/lib/hours";
import { isoDay, parseIsoDay } from "@/lib/period";
import { queueJiraComment } from "@/lib/server/jira/comments";
import { noticeAssigned, noticeCompleted, noticeRequested } from "./notices";

type Tx = Prisma.TransactionClient;
const dayOrNow = (d?: string) => (d ? parseIsoDay(d) : new Date());

/** Next id of a table's sequence, so the human key (REV-000123) can be written with the row. */
async function nextId(tx: Tx, table: string): Promise<number> {
  const rows = await tx.$queryRawUnsafe<{ id: bigint }[]>(
    `SELECT nextval(pg_get_serial_sequence('"${table}"', 'id')) AS id`,
  );
  return Number(rows[0].id);
}

/** A review the actor may act on with `permission`; outside the scope it answers as missing. */
async function reviewInScope(
  tx: Tx | typeof db,
  actor: SessionActor,
  id: number,
  permission: "review.read" | "review.conduct",
) {
  const scope = queryScope(actor, permission);
  const review = await tx.review.findFirst({
    where: { id, ...tenantWhere(scope, "team.orgId") },
    include: { team: { select: { orgId: true } } },
  });
  if (!review) throw new NotFoundError("review");
  return review;
}

/** A new review with its key and the runbook's checklist (a request from the form or from Jira). */
export async function insertReview(
  tx: Tx,
  data: { teamId: number; service: string; requestedAt: Date; requestedById: number | null },
) {
  const id = await nextId(tx, "Review");
  const runbook = await tx.runbookItem.findMany({
    where: { active: true },
    orderBy: { position: "asc" },
    select: { label: true },
  });
  return tx.review.create({
    data: {
      ...data,
      id,
      key: `REV-${String(id).padStart(6, "0")}`,
      checklist: { create: runbook.map((r, position) => ({ label: r.label, position })) },
    },
  });
}

export async function requestReview(actor: SessionActor, input: RequestReviewInput) {
  if (!can(actor, "review.request")) throw new PermissionError();
  if (input.requestedOn && input.requestedOn > isoDay(new Date()))
    throw new FieldError("requestedOn", "The request date cannot be in the future.");
  const team = await findTeam(actor, "review.request", input.team);
  return db.$transaction(async (tx) => {
    const review = await insertReview(tx, {
      teamId: team.id,
      service: input.service,
      requestedAt: dayOrNow(input.requestedOn),
      requestedById: actor.id,
    });
    await audit(tx, {
      actorId: actor.id,
      action: "request",
      entity: "Review",
      entityId: review.id,
      orgId: team.orgId,
      after: review,
    });
    await noticeRequested(tx, actor, review, team);
    return review;
  });
}

/**
 * The people a review can be assigned to: active security engineers (a central team of a few
 * hundred at most).
 */
export async function securityEngineers(actor: SessionActor) {
  if (!can(actor, "review.conduct")) throw new PermissionError();
  return db.user.findMany({
    where: { roles: { has: "SECURITY_ENGINEER" }, deactivatedAt: null },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true, email: true },
  });
}

/**
 * The review starts now, assigned to the chosen security engineer; without a choice, to the
 * caller if they are one (a lead who is not must choose).
 */
export async function startReview(actor: SessionActor, input: StartReviewInput) {
  if (!can(actor, "review.conduct")) throw new PermissionError();
  const { reviewId } = input;
  const engineerId =
    input.securityEngineerId ?? (actor.roles.includes("SECURITY_ENGINEER") ? actor.id : null);
  if (!engineerId)
    throw new FieldError("securityEngineerId", "Choose the security engineer who runs the review.");
  return db.$transaction(async (tx) => {
    const before = await reviewInScope(tx, actor, reviewId, "review.conduct");
    if (before.completedAt) throw new DomainError("This review is already completed.");
    const engineer = await tx.user.findFirst({
      where: { id: engineerId, roles: { has: "SECURITY_ENGINEER" }, deactivatedAt: null },
      select: { id: true, name: true },
    });
    if (!engineer)
      throw new FieldError("securityEngineerId", "Choose a security engineer from the list.");
    const after = await tx.review.update({
      where: { id: reviewId },
      data: { startedAt: before.startedAt ?? new Date(), securityEngineerId: engineer.id },
    });
    await tx.reviewParticipant.upsert({
      where: { reviewId_userId: { reviewId, userId: engineer.id } },
      create: { reviewId, userId: engineer.id },
      update: {},
    });
    await audit(tx, {
      actorId: actor.id,
      action: "start",
      entity: "Review",
      entityId: reviewId,
      orgId: before.team.orgId,
      before,
      after,
    });
    await noticeAssigned(tx, actor, reviewId, engineer.id);
    if (!before.startedAt)
      await queueJiraComment(tx, after, { event: "started", engineer: engineer.name });
    return after;
  });
}

/** Adds a participant (a guardian, a builder) with their effort; the review's total effort follows. */
export async function addParticipant(actor: SessionActor, input: ParticipantInput) {
  if (!can(actor, "review.conduct")) throw new PermissionError();
  return db.$transaction(async (tx) => {
    const review = await reviewInScope(tx, actor, input.reviewId, "review.conduct");
    const person = await tx.user.findUnique({
      where: { email: input.email },
      select: { id: true, orgId: true, roles: true },
    });
    if (
      !person ||
      (person.orgId !== review.team.orgId && !person.roles.includes("SECURITY_ENGINEER"))
    )
      throw new DomainError("Participants must belong to the reviewed team's organisation.");
    const effort = input.effortHours === undefined ? null : toQuarterHours(input.effortHours);
    await tx.reviewParticipant.upsert({
      where: { reviewId_userId: { reviewId: review.id, userId: person.id } },
      create: { reviewId: review.id, userId: person.id, effortQuarterHours: effort },
      update: { effortQuarterHours: effort },
    });
    const total = await tx.reviewParticipant.aggregate({
      where: { reviewId: review.id },
      _sum: { effortQuarterHours: true },
    });
    await tx.review.update({
      where: { id: review.id },
      data: { effortQuarterHours: total._sum.effortQuarterHours },
    });
    await audit(tx, {
      actorId: actor.id,
      action: "add-participant",
      entity: "Review",
      entityId: review.id,
      orgId: review.team.orgId,
      after: { userId: person.id, effortQuarterHours: effort },
    });
  });
}

export async function setChecklistItem(actor: SessionActor, itemId: number, done: boolean) {
  if (!can(actor, "review.conduct")) throw new PermissionError();
  const item = await db.reviewChecklistItem.findUnique({
    where: { id: itemId },
    select: { reviewId: true },
  });
  if (!item) throw new NotFoundError("checklist item");
  return db.$transaction(async (tx) => {
    const review = await reviewInScope(tx, actor, item.reviewId, "review.conduct");
    const after = await tx.reviewChecklistItem.update({ where: { id: itemId }, data: { done } });
    await audit(tx, {
      actorId: actor.id,
      action: done ? "check" : "uncheck",
      entity: "ReviewChecklistItem",
      entityId: itemId,
      orgId: review.team.orgId,
      after,
    });
    return after;
  });
}

export async function addFinding(actor: SessionActor, input: FindingInput) {
  if (!can(actor, "review.conduct")) throw new PermissionError();
  return db.$transaction(async (tx) => {
    const review = await reviewInScope(tx, actor, input.reviewId, "review.conduct");
    const id = await nextId(tx, "Finding");
    const finding = await tx.finding.create({
      data: {
        id,
        key: `FND-${String(id).padStart(6, "0")}`,
        reviewId: review.id,
        teamId: review.teamId,
        title: input.title,
        severity: input.severity,
        openedOn: dayOrNow(input.openedOn ?? isoDay(new Date())),
      },
    });
    await audit(tx, {
      actorId: actor.id,
      action: "create",
      entity: "Finding",
      entityId: id,
      orgId: review.team.orgId,
      after: finding,
    });
    return finding;
  });
}

/**
 * Open → mitigated / accepted / false-positive (with the closing date), or back to open (without
 * one): lib/findings/closing.ts.
 */
export async function setFindingStatus(actor: SessionActor, input: FindingStatusInput) {
  if (!can(actor, "review.conduct")) throw new PermissionError();
  const finding = await db.finding.findUnique({
    where: { id: input.findingId },
    select: { reviewId: true },
  });
  if (!finding?.reviewId) throw new NotFoundError("finding");
  if (input.closedOn && input.closedOn > isoDay(new Date()))
    throw new FieldError("closedOn", "The closing date cannot be in the future.");
  return db.$transaction(async (tx) => {
    const review = await reviewInScope(tx, actor, finding.reviewId!, "review.conduct");
    const before = await tx.finding.findUniqueOrThrow({ where: { id: input.findingId } });
    const openedOn = isoDay(before.openedOn);
    const problem = closingProblem(input.status, input.closedOn, openedOn);
    if (problem) throw new FieldError("closedOn", closingMessage(problem, openedOn));
    const closedOn = input.closedOn ? dayOrNow(input.closedOn) : null;
    const after = await tx.finding.update({
      where: { id: input.findingId },
      data: { status: input.status, closedOn },
    });
    await audit(tx, {
      actorId: actor.id,
      action: "status",
      entity: "Finding",
      entityId: input.findingId,
      orgId: review.team.orgId,
      before,
      after,
    });
    return after;
  });
}

/** Completes the review (engineer assigned, outcome given) and re-evaluates participants' belts. */
export async function completeReview(actor: SessionActor, input: CompleteReviewInput) {
  if (!can(actor, "review.conduct")) throw new PermissionError();
  if (input.completedOn && input.completedOn > isoDay(new Date()))
    throw new DomainError("The completion date cannot be in the future.");
  const result = await db.$transaction(async (tx) => {
    const before = await reviewInScope(tx, actor, input.reviewId, "review.conduct");
    if (before.completedAt) throw new DomainError("This review is already completed.");
    if (!before.securityEngineerId || !before.startedAt)
      throw new DomainError("Start the review (assign a security engineer) before completing it.");
    const completedAt =
      input.completedOn && input.completedOn !== isoDay(new Date())
        ? new Date(`${input.completedOn}T23:59:59Z`)
        : new Date();
    if (completedAt < before.startedAt)
      throw new DomainError("A review cannot complete before it started.");
    const after = await tx.review.update({
      where: { id: before.id },
      data: { completedAt, outcome: input.outcome },
    });
    await audit(tx, {
      actorId: actor.id,
      action: "complete",
      entity: "Review",
      entityId: before.id,
      orgId: before.team.orgId,
      before,
      after,
    });
    await noticeCompleted(tx, actor, before.id, input.outcome);
    await queueJiraComment(tx, after, { event: "completed", outcome: input.outcome });
    return after;
  });
  const participants = await db.reviewParticipant.findMany({
    where: { reviewId: result.id },
    select: { userId: true },
  });
  await reevaluateBelts(
    participants.map((p) => p.userId),
    actor.id,
  );
  return result;
}
