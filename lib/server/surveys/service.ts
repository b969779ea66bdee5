import "server-only";
import { ZodError } from "zod";
import { can } from "@/lib/auth/permissions";
import type { SessionActor } from "@/lib/auth/actor";
import { queryScope } from "@/lib/auth/permissions";
import { tenantWhere } from "@/lib/auth/tenant";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { isoDay, parseIsoDay, todayUtc } from "@/lib/period";
import { checkAnswers } from "@/lib/surveys/answers";
import { surveyPhase } from "@/lib/surveys/phase";
import { inSurveyScope } from "@/lib/surveys/scope";
import type { SurveyInput } from "@/lib/validations/survey";
import { audit } from "@/lib/server/audit";
import { DomainError, FieldError, NotFoundError, PermissionError } from "@/lib/server/errors";
import { orgTree } from "@/lib/server/org-tree";

type Tx = Prisma.TransactionClient;

/** A survey a lead manages, locked for the change; another org's (when scoped) = not found. */
async function lockedSurvey(tx: Tx, actor: SessionActor, id: number) {
  const scope = queryScope(actor, "survey.manage");
  const found = await tx.survey.findFirst({
    where: { id, ...tenantWhere(scope, "orgId") },
    select: { id: true },
  });
  if (!found) throw new NotFoundError("survey");
  await tx.$queryRaw`SELECT id FROM "Survey" WHERE id = ${id} FOR UPDATE`;
  return tx.survey.findUniqueOrThrow({ where: { id }, include: { questions: true } });
}

/**
 * A lead writes a draft survey (new, or an existing draft rewritten). Its questions are fixed
 * once it opens. The closing day must not have passed; a title may not repeat that of another
 * draft or open survey (which also turns a double-clicked "Create" into one survey).
 */
export async function saveSurvey(actor: SessionActor, input: SurveyInput) {
  if (!can(actor, "survey.manage")) throw new PermissionError();
  const closesOn = parseIsoDay(input.closesOn)!;
  if (closesOn < todayUtc()) throw new FieldError("closesOn", "Choose a closing day from today on");
  if (input.orgId !== null) {
    const org = await db.org.findUnique({ where: { id: input.orgId }, select: { id: true } });
    if (!org || !can(actor, "survey.manage", { orgId: org.id }))
      throw new FieldError("orgId", "Choose an organisation");
  }
  const questions = input.questions.map((q, i) => ({ ...q, position: i + 1 }));
  return db.$transaction(async (tx) => {
    // One writer at a time, so two saves cannot both find the title free.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('survey-titles'))`;
    const clash = await tx.survey.findFirst({
      where: {
        title: { equals: input.title, mode: "insensitive" },
        status: { in: ["DRAFT", "OPEN"] },
        ...(input.id ? { id: { not: input.id } } : {}),
      },
      select: { id: true },
    });
    if (clash) throw new FieldError("title", "A draft or open survey already has this title");
    const data = { title: input.title, orgId: input.orgId, closesOn };
    if (input.id === null) {
      const created = await tx.survey.create({
        data: { ...data, status: "DRAFT", opensOn: todayUtc(), questions: { create: questions } },
        include: { questions: true },
      });
      await audit(tx, {
        actorId: actor.id,
        action: "create",
        entity: "Survey",
        entityId: created.id,
        orgId: created.orgId,
        after: created,
      });
      return created;
    }
    const before = await lockedSurvey(tx, actor, input.id);
    if (before.status !== "DRAFT")
      throw new DomainError("Only a draft can be edited: its questions are fixed once it opens.");
    await tx.surveyQuestion.deleteMany({ where: { surveyId: before.id } });
    const after = await tx.survey.update({
      where: { id: before.id },
      data: { ...data, questions: { create: questions } },
      include: { questions: true },
    });
    await audit(tx, {
      actorId: actor.id,
      action: "update",
      entity: "Survey",
      entityId: after.id,
      orgId: after.orgId,
      before,
      after,
    });
    return after;
  });
}

/** A lead opens a draft: people in its scope may answer it from today until it closes. */
export async function openSurvey(actor: SessionActor, id: number) {
  if (!can(actor, "survey.manage")) throw new PermissionError();
  return db.$transaction(async (tx) => {
    const before = await lockedSurvey(tx, actor, id);
    if (before.status !== "DRAFT") throw new DomainError("This survey was already opened.");
    if (before.questions.length === 0) throw new DomainError("Add a question before opening.");
    const today = todayUtc();
    if (before.closesOn < today)
      throw new DomainError(
        `Its closing day (${isoDay(before.closesOn)}) has passed: edit the draft first.`,
      );
    const after = await tx.survey.update({
      where: { id },
      data: { status: "OPEN", opensOn: today },
    });
    await audit(tx, {
      actorId: actor.id,
      action: "open",
      entity: "Survey",
      entityId: id,
      orgId: after.orgId,
      before: { status: before.status, opensOn: before.opensOn },
      after: { status: after.status, opensOn: after.opensOn },
    });
    return after;
  });
}

/**
 * A lead deletes a draft that was never opened (nobody saw it, nobody answered it); the audit
 * log keeps what it held. An opened survey is closed instead, so its answers stay.
 */
export async function deleteDraftSurvey(actor: SessionActor, id: number) {
  if (!can(actor, "survey.manage")) throw new PermissionError();
  return db.$transaction(async (tx) => {
    const before = await lockedSurvey(tx, actor, id);
    if (before.status !== "DRAFT")
      throw new DomainError("Only a draft can be deleted: close an open survey instead.");
    await tx.surveyQuestion.deleteMany({ where: { surveyId: id } });
    await tx.survey.delete({ where: { id } });
    await audit(tx, {
      actorId: actor.id,
      action: "delete",
      entity: "Survey",
      entityId: id,
      orgId: before.orgId,
      before,
    });
    return before;
  });
}

/**
 * A lead closes an open survey: no more answers, and its results count in the quarter of the day
 * it closed (docs/metrics.md, feedback), today or its planned closing day if that came first.
 */
export async function closeSurvey(actor: SessionActor, id: number) {
  if (!can(actor, "survey.manage")) throw new PermissionError();
  return db.$transaction(async (tx) => {
    const before = await lockedSurvey(tx, actor, id);
    if (before.status === "DRAFT") throw new DomainError("A draft was never opened.");
    if (before.status === "CLOSED") throw new DomainError("This survey was already closed.");
    const today = todayUtc();
    const after = await tx.survey.update({
      where: { id },
      data: { status: "CLOSED", closesOn: before.closesOn < today ? before.closesOn : today },
    });
    await audit(tx, {
      actorId: actor.id,
      action: "close",
      entity: "Survey",
      entityId: id,
      orgId: after.orgId,
      before: { status: before.status, closesOn: before.closesOn },
      after: { status: after.status, closesOn: after.closesOn },
    });
    return after;
  });
}

/**
 * A survey the actor may answer: open, and the actor in its scope. Anything else the actor cannot
 * see (a draft, another organisation's survey) answers as not found.
 */
export async function answerableSurvey(actor: SessionActor, id: number) {
  const survey = await db.survey.findUnique({
    where: { id },
    include: { questions: { orderBy: { position: "asc" } } },
  });
  if (!survey || survey.status === "DRAFT") throw new NotFoundError("survey");
  if (!inSurveyScope(await orgTree(), survey.orgId, actor.orgId)) throw new NotFoundError("survey");
  return survey;
}

/**
 * A person answers a survey once, while it is open and they are in its scope. Ratings and choices
 * are required, written answers optional. A second submit (a double click, another tab) changes
 * nothing and says so.
 */
export async function answerSurvey(
  actor: SessionActor,
  input: { surveyId: number } & Record<string, unknown>,
) {
  if (!can(actor, "survey.answer", { userId: actor.id })) throw new PermissionError();
  const survey = await answerableSurvey(actor, input.surveyId);
  const phase = surveyPhase(survey, todayUtc());
  if (phase !== "open")
    throw new DomainError(
      phase === "closed" ? "This survey is closed." : "This survey is not open yet.",
    );
  const { answers, issues } = checkAnswers(survey.questions, input);
  if (issues.length)
    throw new ZodError(
      issues.map((i) => ({
        code: "custom" as const,
        path: [i.path],
        message: i.message,
        input: "",
      })),
    );
  try {
    return await db.$transaction(async (tx) => {
      const response = await tx.surveyResponse.create({
        data: { surveyId: survey.id, userId: actor.id, answers: { create: answers } },
      });
      // The answers stay out of the audit log: it records that someone answered, not what.
      await audit(tx, {
        actorId: actor.id,
        action: "answer",
        entity: "SurveyResponse",
        entityId: response.id,
        orgId: survey.orgId,
        after: { surveyId: survey.id, userId: actor.id, answers: answers.length },
      });
      return { response, created: true };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      throw new DomainError("You have already answered this survey. Thank you!");
    throw error;
  }
}
