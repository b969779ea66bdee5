import "server-only";
import { reportDb } from "@/lib/db/client";
import type { CompletionFact } from "@/lib/metrics/training";
import type { ThreatModelFact } from "@/lib/metrics/threat-models";
import { guardianAuthored } from "./families/threat-models";
import { teamCondition, type MetricScope } from "./scope";

/**
 * Threat models approved in [start, end): guardian-authored when an author was an active guardian
 * of the model's own team on the approval day (the dashboards' rule, families/threat-models.ts),
 * and their threats' statuses.
 */
export async function threatModelFacts(
  scope: MetricScope,
  start: Date,
  end: Date,
): Promise<(ThreatModelFact & { teamId: number })[]> {
  const rows = await reportDb.$queryRaw<
    { teamId: number; guardianAuthored: boolean; statuses: string[] | null }[]
  >`
    SELECT tm."teamId",
      ${guardianAuthored} AS "guardianAuthored",
      (SELECT array_agg(th."mitigationStatus"::text) FROM "Threat" th WHERE th."threatModelId" = tm.id) AS statuses
    FROM "ThreatModel" tm JOIN "Team" t ON t.id = tm."teamId"
    WHERE tm.status = 'APPROVED' AND tm."approvedOn" >= ${start} AND tm."approvedOn" < ${end} AND ${teamCondition(scope)}`;
  return rows.map((r) => ({
    teamId: r.teamId,
    guardianAuthored: r.guardianAuthored,
    threats: (r.statuses ?? []).map((s) => ({ mitigationStatus: s })),
  }));
}

export async function courseLists(): Promise<{ required: number[]; optional: number[] }> {
  const courses = await reportDb.course.findMany({
    where: { active: true },
    select: { id: true, required: true },
  });
  return {
    required: courses.filter((c) => c.required).map((c) => c.id),
    optional: courses.filter((c) => !c.required).map((c) => c.id),
  };
}

export async function completionFacts(userIds: number[]): Promise<CompletionFact[]> {
  if (userIds.length === 0) return [];
  return reportDb.courseCompletion.findMany({
    where: { userId: { in: userIds } },
    select: { userId: true, courseId: true, completedOn: true },
  });
}

/**
 * Ratings of guardians' input to reviews completed / threat models approved in [start, end), with
 * the rated work's team.
 */
export async function feedbackFacts(
  scope: MetricScope,
  start: Date,
  end: Date,
): Promise<{ teamId: number; rating: number }[]> {
  return reportDb.$queryRaw<{ teamId: number; rating: number }[]>`
    SELECT t.id AS "teamId", f.rating FROM "Feedback" f
    LEFT JOIN "Review" r ON r.id = f."reviewId"
    LEFT JOIN "ThreatModel" tm ON tm.id = f."threatModelId"
    JOIN "Team" t ON t.id = COALESCE(r."teamId", tm."teamId")
    WHERE ((r."completedAt" >= ${start} AND r."completedAt" < ${end}) OR (tm."approvedOn" >= ${start} AND tm."approvedOn" < ${end}))
      AND ${teamCondition(scope)}`;
}
