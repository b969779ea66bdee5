import "server-only";
import { reportDb } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { surveyResults, type SurveyAnswerCount, type SurveyResult } from "@/lib/metrics/surveys";
import { quarterKey, quarterRange, type Quarter } from "@/lib/period";
import { cached } from "./cache";
import { metricsVersions } from "./versions";
import { teamCondition, type MetricScope } from "./scope";

/** A respondent `u` in scope: their team is in scope, or (without a team filter) their organisation is. */
function respondentInScope(scope: MetricScope): Prisma.Sql {
  if (scope.orgIds === null && scope.teamId === null) return Prisma.sql`TRUE`;
  const byTeam = Prisma.sql`EXISTS (SELECT 1 FROM "Team" t WHERE t.id = u."teamId" AND ${teamCondition(scope)})`;
  if (scope.teamId !== null || scope.orgIds === null) return byTeam;
  return Prisma.sql`(${byTeam} OR u."orgId" = ANY(${scope.orgIds}::int[]))`;
}

/** Results of the surveys that closed in the quarters `from`–`to`, counting only respondents in scope. */
export async function surveyResultsFor(
  scope: MetricScope,
  from: Quarter,
  to: Quarter,
): Promise<SurveyResult[]> {
  const scopeKey = `${scope.orgIds ? [...scope.orgIds].sort((a, b) => a - b).join(".") : "all"}|${scope.teamId ?? ""}`;
  return cached(
    `surveys|${scopeKey}|${quarterKey(from)}|${quarterKey(to)}`,
    (await metricsVersions()).data,
    () => computeSurveyResults(scope, quarterRange(from).start, quarterRange(to).end),
  );
}

async function computeSurveyResults(
  scope: MetricScope,
  start: Date,
  end: Date,
): Promise<SurveyResult[]> {
  const surveys = await reportDb.survey.findMany({
    // A draft was never answered; open and closed surveys count by their closing day.
    where: { closesOn: { gte: start, lt: end }, status: { not: "DRAFT" } },
    select: {
      id: true,
      title: true,
      closesOn: true,
      questions: { select: { id: true, position: true, text: true, kind: true, options: true } },
    },
  });
  if (surveys.length === 0) return [];
  const ids = surveys.map((s) => s.id);
  const inScope = respondentInScope(scope);
  const [respondents, answers] = await Promise.all([
    reportDb.$queryRaw<{ surveyId: number; n: number }[]>`
      SELECT r."surveyId", count(*)::int AS n FROM "SurveyResponse" r JOIN "User" u ON u.id = r."userId"
      WHERE r."surveyId" = ANY(${ids}::int[]) AND ${inScope} GROUP BY r."surveyId"`,
    reportDb.$queryRaw<SurveyAnswerCount[]>`
      SELECT a."questionId", a.rating, CASE WHEN q.kind = 'CHOICE' THEN a.text END AS choice,
        count(*)::int AS count
      FROM "SurveyAnswer" a JOIN "SurveyResponse" r ON r.id = a."responseId" JOIN "User" u ON u.id = r."userId"
        JOIN "SurveyQuestion" q ON q.id = a."questionId"
      WHERE r."surveyId" = ANY(${ids}::int[]) AND ${inScope} AND (a.rating IS NOT NULL OR btrim(coalesce(a.text, '')) <> '')
      GROUP BY a."questionId", a.rating, 3`,
  ]);
  const bySurvey = new Map(respondents.map((r) => [r.surveyId, r.n]));
  return surveyResults(
    surveys.map((s) => ({ ...s, respondents: bySurvey.get(s.id) ?? 0 })),
    answers,
  );
}
