import "server-only";
import { agreedTimeSeries } from "@/lib/agreed-time/dashboard";
import { db } from "@/lib/db/client";
import { agreedTimeShares } from "@/lib/server/agreed-time/dashboard";
import { newGuardiansGoalSeries } from "@/lib/metrics/goals";
import type { CsvPoint, SeriesData } from "@/lib/metrics/series";
import { surveyCsvPoints, type SurveyResult } from "@/lib/metrics/surveys";
import { parseQuarterKey } from "@/lib/period";
import type { MetricScope } from "./scope";
import { surveyResultsFor } from "./surveys";

export type FamilyExtras = {
  series: SeriesData[];
  surveys: SurveyResult[] | null;
  csv: CsvPoint[];
};

/**
 * What a detail view shows besides its per-quarter series: the people view's new-guardians goal
 * (a program goal, so only for the whole program), the feedback view's survey results and the
 * time view's guardians within their agreed time (docs/decisions/0018).
 */
export async function familyExtras(
  familyId: string,
  data: { scope: MetricScope; quarters: string[] },
): Promise<FamilyExtras> {
  if (familyId === "people") {
    if (data.scope.orgIds !== null || data.scope.teamId !== null)
      return { series: [], surveys: null, csv: [] };
    const goal = await db.goal.findFirst({
      where: { metric: "NEW_GUARDIANS" },
      orderBy: { id: "asc" },
      select: { target: true, period: true },
    });
    const series = newGuardiansGoalSeries(
      data.quarters,
      goal && { target: Number(goal.target), period: goal.period },
    );
    return { series: series ? [series] : [], surveys: null, csv: [] };
  }
  if (familyId === "feedback") {
    const surveys = await surveyResultsFor(
      data.scope,
      parseQuarterKey(data.quarters[0])!,
      parseQuarterKey(data.quarters.at(-1)!)!,
    );
    return { series: [], surveys, csv: surveyCsvPoints(surveys) };
  }
  if (familyId === "time") {
    const shares = await agreedTimeShares(data.scope, data.quarters);
    return { series: agreedTimeSeries(shares), surveys: null, csv: [] };
  }
  return { series: [], surveys: null, csv: [] };
}
