import Link from "next/link";
import { AgreedTimeByOrg } from "@/components/agreed-time/agreed-time-by-org";
import { DashboardFilters } from "@/components/dashboard/dashboard-filters";
import { OutlierList } from "@/components/dashboard/outlier-list";
import { RiskHistory } from "@/components/dashboard/risk-history";
import { SeriesCharts } from "@/components/dashboard/series-charts";
import { SeriesTable } from "@/components/dashboard/series-table";
import { SurveyResults } from "@/components/dashboard/survey-results";
import { buttonClass } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import type { SessionActor } from "@/lib/auth/actor";
import { figuresAsOf } from "@/lib/format";
import { buildSeries, withExtraSeries, type FamilyDef } from "@/lib/metrics/series";
import { parseQuarterKey } from "@/lib/period";
import { periodLabel } from "@/lib/metrics/period-labels";
import { loadDashboardFigures, type ResolvedScope } from "@/lib/server/metrics/dashboard";
import { familyExtras } from "@/lib/server/metrics/family-goal-and-surveys";
import { familyOutliers } from "@/lib/server/metrics/family-outliers";
import { filterOptions } from "@/lib/server/metrics/filter-options";
import { dashboardView, type DashboardFilter } from "@/lib/url-state/lists";

/** One family of metrics (charts, numbers, surveys, outliers) for a scope the page has already resolved. */
export async function FamilyView({
  actor,
  family,
  filter,
  resolved,
  page = 1,
}: {
  actor: SessionActor;
  family: FamilyDef;
  filter: DashboardFilter;
  resolved: ResolvedScope;
  /** The page of the findings view's risk budget over time. */
  page?: number;
}) {
  const [data, options] = await Promise.all([
    loadDashboardFigures(resolved, filter),
    filterOptions(actor, filter.org, filter.team),
  ]);
  const latest = parseQuarterKey(data.quarters.at(-1)!)!;
  const [extras, outliers] = await Promise.all([
    familyExtras(family.id, data),
    familyOutliers(family.id, data.scope, latest),
  ]);
  const series = withExtraSeries(buildSeries(family, data.metrics), extras.series);
  const query = dashboardView.query({ filter });
  return (
    <>
      <PageHeader
        title={family.title}
        description={`${family.description} Scope: ${data.label}. ${figuresAsOf(data.asOf)}`}
        actions={
          <>
            <Link href={`/dashboard?${query}`} className={buttonClass("secondary")}>
              Overview
            </Link>
            <a
              href={`/api/metrics/${family.id}?${query}`}
              className={buttonClass("secondary")}
              download
            >
              Download CSV
            </a>
          </>
        }
      />
      <DashboardFilters action={`/dashboard/${family.id}`} filter={filter} {...options} />
      <SeriesCharts series={series} title={family.title} />
      <Card className="mt-4">
        <CardTitle>The numbers</CardTitle>
        <SeriesTable series={series} caption={`${family.title} by quarter (${data.label})`} />
        {family.id === "people" && (data.scope.orgIds !== null || data.scope.teamId !== null) ? (
          <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">
            The program&apos;s goal for new guardians is set for the whole program, so it is shown
            without an organisation or team filter.
          </p>
        ) : null}
      </Card>
      {family.id === "findings" ? (
        <RiskHistory
          scope={data.scope}
          quarters={data.quarters.map((k) => parseQuarterKey(k)!)}
          filter={filter}
          page={page}
        />
      ) : null}
      {family.id === "time" ? (
        <AgreedTimeByOrg
          actor={actor}
          resolved={resolved}
          filter={filter}
          quarters={data.quarters}
        />
      ) : null}
      {extras.surveys ? (
        <Card className="mt-4">
          <CardTitle>Survey results</CardTitle>
          <p className="mb-2 text-xs text-slate-600 dark:text-slate-400">
            Surveys that closed in the quarters shown; respondents of the organisation or team in
            scope. Ratings 1 (low) to 5 (high).
          </p>
          <SurveyResults surveys={extras.surveys} scopeLabel={data.label} />
        </Card>
      ) : null}
      {outliers.length > 0 ? (
        <Card className="mt-4">
          <CardTitle>
            Where to act in {periodLabel(data.metrics.at(-1)!)}: teams worse than the median
          </CardTitle>
          <div className="mt-2 grid gap-4 sm:grid-cols-2">
            {outliers.map((o) => (
              <OutlierList key={o.id} {...o} />
            ))}
          </div>
        </Card>
      ) : null}
    </>
  );
}
