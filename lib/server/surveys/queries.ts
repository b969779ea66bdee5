import "server-only";
import type { SessionActor } from "@/lib/auth/actor";
import { can, queryScope } from "@/lib/auth/permissions";
import { tenantWhere } from "@/lib/auth/tenant";
import { db } from "@/lib/db/client";
import { surveyResults, type SurveyAnswerCount } from "@/lib/metrics/surveys";
import { todayUtc } from "@/lib/period";
import { surveyPhase } from "@/lib/surveys/phase";
import { orgAndAncestors } from "@/lib/surveys/scope";
import { NotFoundError, PermissionError } from "@/lib/server/errors";
import { orgTree } from "@/lib/server/org-tree";

const SURVEYS_PER_PAGE = 20;
const WRITTEN_ANSWERS_PER_PAGE = 50;

const pages = (total: number, per: number) => Math.max(1, Math.ceil(total / per));

/** Every survey, newest first, with its phase, scope and answers so far (for leads). */
export async function surveysForLead(actor: SessionActor, page: number) {
  if (!can(actor, "survey.manage")) throw new PermissionError();
  const where = tenantWhere(queryScope(actor, "survey.manage"), "orgId");
  const [rows, total] = await Promise.all([
    db.survey.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * SURVEYS_PER_PAGE,
      take: SURVEYS_PER_PAGE,
      select: {
        id: true,
        title: true,
        status: true,
        opensOn: true,
        closesOn: true,
        org: { select: { name: true } },
        _count: { select: { responses: true, questions: true } },
      },
    }),
    db.survey.count({ where }),
  ]);
  const today = todayUtc();
  return {
    surveys: rows.map((s) => ({ ...s, phase: surveyPhase(s, today) })),
    total,
    pages: pages(total, SURVEYS_PER_PAGE),
  };
}

/**
 * What a person sees: surveys for them (their organisation, one above it, or everyone) that are
 * open now or that they answered, open first; each marked answered or not.
 */
export async function surveysForPerson(actor: SessionActor, page: number) {
  if (!can(actor, "survey.answer")) throw new PermissionError();
  const today = todayUtc();
  const where = {
    status: { not: "DRAFT" as const },
    OR: [{ orgId: null }, { orgId: { in: orgAndAncestors(await orgTree(), actor.orgId) } }],
    AND: [
      {
        OR: [
          { status: "OPEN" as const, opensOn: { lte: today }, closesOn: { gte: today } },
          { responses: { some: { userId: actor.id } } },
        ],
      },
    ],
  };
  const [rows, total] = await Promise.all([
    db.survey.findMany({
      where,
      orderBy: [{ closesOn: "desc" }, { id: "desc" }],
      skip: (page - 1) * SURVEYS_PER_PAGE,
      take: SURVEYS_PER_PAGE,
      select: {
        id: true,
        title: true,
        status: true,
        opensOn: true,
        closesOn: true,
        _count: { select: { questions: true } },
        responses: { where: { userId: actor.id }, select: { submittedAt: true } },
      },
    }),
    db.survey.count({ where }),
  ]);
  return {
    surveys: rows.map(({ responses, ...s }) => ({
      ...s,
      phase: surveyPhase(s, today),
      answeredAt: responses[0]?.submittedAt ?? null,
    })),
    total,
    pages: pages(total, SURVEYS_PER_PAGE),
  };
}

/** A survey with its questions, for its lead (editor and actions); another org's = not found. */
export async function surveyForLead(actor: SessionActor, id: number) {
  if (!can(actor, "survey.manage")) throw new PermissionError();
  const survey = await db.survey.findFirst({
    where: { id, ...tenantWhere(queryScope(actor, "survey.manage"), "orgId") },
    select: {
      id: true,
      title: true,
      status: true,
      opensOn: true,
      closesOn: true,
      orgId: true,
      org: { select: { name: true } },
      questions: {
        orderBy: { position: "asc" },
        select: { id: true, position: true, kind: true, text: true, options: true },
      },
      _count: { select: { responses: true } },
    },
  });
  if (!survey) throw new NotFoundError("survey");
  return { ...survey, phase: surveyPhase(survey, todayUtc()) };
}

/** Whether the actor answered a survey, and when. */
export async function answeredAt(actor: SessionActor, surveyId: number) {
  const r = await db.surveyResponse.findUnique({
    where: { surveyId_userId: { surveyId, userId: actor.id } },
    select: { submittedAt: true },
  });
  return r?.submittedAt ?? null;
}

/**
 * A survey's results for its lead: every respondent counted (the dashboards' feedback view shows
 * the same figures limited to its scope), and a page of the written answers, without names.
 */
export async function surveyResultsForLead(actor: SessionActor, id: number, page: number) {
  const survey = await surveyForLead(actor, id);
  const [answers, written, writtenTotal] = await Promise.all([
    db.$queryRaw<SurveyAnswerCount[]>`
      SELECT a."questionId", a.rating, CASE WHEN q.kind = 'CHOICE' THEN a.text END AS choice,
        count(*)::int AS count
      FROM "SurveyAnswer" a JOIN "SurveyQuestion" q ON q.id = a."questionId"
      WHERE q."surveyId" = ${id} AND (a.rating IS NOT NULL OR btrim(coalesce(a.text, '')) <> '')
      GROUP BY a."questionId", a.rating, 3`,
    db.surveyAnswer.findMany({
      where: { question: { surveyId: id, kind: "TEXT" }, text: { not: null } },
      orderBy: [
        { question: { position: "asc" } },
        { response: { submittedAt: "desc" } },
        { id: "desc" },
      ],
      skip: (page - 1) * WRITTEN_ANSWERS_PER_PAGE,
      take: WRITTEN_ANSWERS_PER_PAGE,
      select: {
        id: true,
        questionId: true,
        text: true,
        response: { select: { submittedAt: true } },
      },
    }),
    db.surveyAnswer.count({
      where: { question: { surveyId: id, kind: "TEXT" }, text: { not: null } },
    }),
  ]);
  const [result] = surveyResults([{ ...survey, respondents: survey._count.responses }], answers);
  return {
    survey,
    result,
    written,
    writtenTotal,
    writtenPages: pages(writtenTotal, WRITTEN_ANSWERS_PER_PAGE),
  };
}
