import "server-only";
import { can, queryScope, type Permission } from "@/lib/auth/permissions";
import { tenantWhere } from "@/lib/auth/tenant";
import type { SessionActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { approvalBlocker, canTransition, isUndocumented } from "@/lib/threat-models/rules";
import type { ThreatModelStatus } from "@/lib/vocabulary";
import type {
  ThreatInput,
  ThreatModelInput,
  TmDecisionInput,
} from "@/lib/validations/threat-model";
import { audit } from "@/lib/server/audit";
import { reevaluateBelts } from "@/lib/server/belts/service";
import { DomainError, FieldError, NotFoundError, PermissionError } from "@/lib/server/errors";
import { findTeam } from "@/lib/server/teams/lookup";
import { todayUtc } from "@/lib/period";
import { noticeApproved, noticeSentBack, noticeSubmitted } from "./notices";

type Tx = Prisma.TransactionClient;

async function modelInScope(
  tx: Tx | typeof db,
  actor: SessionActor,
  id: number,
  permission: Permission,
) {
  if (!can(actor, permission)) throw new PermissionError();
  const scope = queryScope(actor, permission);
  const tm = await tx.threatModel.findFirst({
    where: { id, ...tenantWhere(scope, "team.orgId") },
    include: { team: { select: { orgId: true } }, threats: true },
  });
  if (!tm) throw new NotFoundError("threat model");
  return tm;
}

/**
 * Moves a model on from the status it was read in. A decision made meanwhile (two reviewers at
 * once, a double submit) leaves no row to move: this one is refused instead of applied twice.
 */
async function moveStatus(
  tx: Tx,
  tm: { id: number; status: string },
  data: { status: ThreatModelStatus; approvedOn?: Date },
) {
  const { count } = await tx.threatModel.updateMany({
    where: { id: tm.id, status: tm.status as ThreatModelStatus },
    data,
  });
  if (count === 0) throw new DomainError("This threat model was changed meanwhile: reload it.");
}

const NOT_AN_AUTHOR = "Authors are people of the team's organisation or security engineers.";

/** A person who may author a model of a team of this organisation, by email; null if none. */
async function authorByEmail(tx: Tx, email: string, orgId: number) {
  const person = await tx.user.findUnique({
    where: { email },
    select: { id: true, orgId: true, roles: true },
  });
  return person && (person.orgId === orgId || person.roles.includes("SECURITY_ENGINEER"))
    ? person
    : null;
}

export async function createThreatModel(
  actor: SessionActor,
  input: Omit<ThreatModelInput, "authors"> & { authors?: string[] },
) {
  if (!can(actor, "threatmodel.write")) throw new PermissionError();
  const team = await findTeam(actor, "threatmodel.write", input.team);
  return db.$transaction(async (tx) => {
    const coAuthors: number[] = [];
    for (const email of input.authors ?? []) {
      const person = await authorByEmail(tx, email, team.orgId);
      if (!person) throw new FieldError("authors", `${email}: ${NOT_AN_AUTHOR}`);
      if (person.id !== actor.id) coAuthors.push(person.id);
    }
    const rows = await tx.$queryRaw<
      { id: bigint }[]
    >`SELECT nextval(pg_get_serial_sequence('"ThreatModel"', 'id')) AS id`;
    const id = Number(rows[0].id);
    const tm = await tx.threatModel.create({
      data: {
        id,
        key: `TM-${String(id).padStart(5, "0")}`,
        teamId: team.id,
        system: input.system,
        createdOn: todayUtc(),
        authors: { create: [actor.id, ...coAuthors].map((userId) => ({ userId })) },
      },
    });
    await audit(tx, {
      actorId: actor.id,
      action: "create",
      entity: "ThreatModel",
      entityId: id,
      orgId: team.orgId,
      after: { ...tm, authorIds: [actor.id, ...coAuthors] },
    });
    return tm;
  });
}

export async function addAuthor(actor: SessionActor, threatModelId: number, email: string) {
  return db.$transaction(async (tx) => {
    const tm = await modelInScope(tx, actor, threatModelId, "threatmodel.write");
    const person = await authorByEmail(tx, email, tm.team.orgId);
    if (!person) throw new DomainError(NOT_AN_AUTHOR);
    await tx.threatModelAuthor.upsert({
      where: { threatModelId_userId: { threatModelId, userId: person.id } },
      create: { threatModelId, userId: person.id },
      update: {},
    });
    await audit(tx, {
      actorId: actor.id,
      action: "add-author",
      entity: "ThreatModel",
      entityId: threatModelId,
      orgId: tm.team.orgId,
      after: { userId: person.id },
    });
  });
}

/** Adds or edits a threat; an approved model is read-only. */
export async function saveThreat(actor: SessionActor, input: ThreatInput) {
  return db.$transaction(async (tx) => {
    const tm = await modelInScope(tx, actor, input.threatModelId, "threatmodel.write");
    if (tm.status === "APPROVED")
      throw new DomainError("An approved threat model cannot be changed.");
    const data = {
      title: input.title,
      category: input.category,
      severity: input.severity,
      mitigation: input.mitigation,
      mitigationStatus: input.mitigationStatus,
    };
    if (input.threatId) {
      const before = tm.threats.find((t) => t.id === input.threatId);
      if (!before) throw new NotFoundError("threat");
      const after = await tx.threat.update({ where: { id: before.id }, data });
      await audit(tx, {
        actorId: actor.id,
        action: "update",
        entity: "Threat",
        entityId: before.id,
        orgId: tm.team.orgId,
        before,
        after,
      });
      return after;
    }
    const rows = await tx.$queryRaw<
      { id: bigint }[]
    >`SELECT nextval(pg_get_serial_sequence('"Threat"', 'id')) AS id`;
    const id = Number(rows[0].id);
    const threat = await tx.threat.create({
      data: { ...data, id, key: `THR-${String(id).padStart(6, "0")}`, threatModelId: tm.id },
    });
    await audit(tx, {
      actorId: actor.id,
      action: "create",
      entity: "Threat",
      entityId: id,
      orgId: tm.team.orgId,
      after: threat,
    });
    return threat;
  });
}

export async function submitForReview(actor: SessionActor, threatModelId: number) {
  return db.$transaction(async (tx) => {
    const tm = await modelInScope(tx, actor, threatModelId, "threatmodel.write");
    if (!canTransition(tm.status as ThreatModelStatus, "IN_REVIEW"))
      throw new DomainError("Only a draft can be submitted for review.");
    await moveStatus(tx, tm, { status: "IN_REVIEW" });
    const auditId = await audit(tx, {
      actorId: actor.id,
      action: "submit",
      entity: "ThreatModel",
      entityId: tm.id,
      orgId: tm.team.orgId,
      before: { status: tm.status },
      after: { status: "IN_REVIEW" },
    });
    await noticeSubmitted(tx, actor, tm, auditId);
  });
}

/** A security engineer approves (undocumented threats block unless accepted) or sends back with a comment. */
export async function decide(actor: SessionActor, input: TmDecisionInput) {
  const result = await db.$transaction(async (tx) => {
    const tm = await modelInScope(tx, actor, input.threatModelId, "threatmodel.approve");
    if (input.decision === "return") {
      if (!canTransition(tm.status as ThreatModelStatus, "DRAFT"))
        throw new DomainError("Only a threat model in review can be sent back.");
      await moveStatus(tx, tm, { status: "DRAFT" });
      if (input.comment)
        await tx.threatModelComment.create({
          data: { threatModelId: tm.id, authorId: actor.id, body: input.comment },
        });
      const auditId = await audit(tx, {
        actorId: actor.id,
        action: "return",
        entity: "ThreatModel",
        entityId: tm.id,
        orgId: tm.team.orgId,
        after: { status: "DRAFT", comment: input.comment },
      });
      await noticeSentBack(tx, actor, tm, input.comment, auditId);
      return null;
    }
    const blocker = approvalBlocker(
      tm.status as ThreatModelStatus,
      tm.threats,
      input.acceptUndocumented,
    );
    if (blocker) throw new DomainError(blocker);
    const accepted = tm.threats.filter(isUndocumented).map((t) => t.id);
    if (accepted.length)
      await tx.threat.updateMany({
        where: { id: { in: accepted } },
        data: { mitigationStatus: "ACCEPTED" },
      });
    await moveStatus(tx, tm, { status: "APPROVED", approvedOn: todayUtc() });
    if (input.comment)
      await tx.threatModelComment.create({
        data: { threatModelId: tm.id, authorId: actor.id, body: input.comment },
      });
    await audit(tx, {
      actorId: actor.id,
      action: "approve",
      entity: "ThreatModel",
      entityId: tm.id,
      orgId: tm.team.orgId,
      after: { status: "APPROVED", acceptedUndocumented: accepted },
    });
    await noticeApproved(tx, actor, tm, input.comment);
    return tm.id;
  });
  if (result) {
    const authors = await db.threatModelAuthor.findMany({
      where: { threatModelId: result },
      select: { userId: true },
    });
    await reevaluateBelts(
      authors.map((a) => a.userId),
      actor.id,
    );
  }
}

export async function addComment(actor: SessionActor, threatModelId: number, body: string) {
  return db.$transaction(async (tx) => {
    const tm = await modelInScope(tx, actor, threatModelId, "threatmodel.approve");
    const c = await tx.threatModelComment.create({
      data: { threatModelId: tm.id, authorId: actor.id, body },
    });
    await audit(tx, {
      actorId: actor.id,
      action: "comment",
      entity: "ThreatModel",
      entityId: tm.id,
      orgId: tm.team.orgId,
      after: c,
    });
  });
}
