import Link from "next/link";
import { SeriesChart } from "@/components/charts/series-chart-lazy";
import { DashboardFilters } from "@/components/dashboard/dashboard-filters";
import { HeadlineCard } from "@/components/dashboard/headline-card";
import { OutlierList } from "@/components/dashboard/outlier-list";
import { RiskList } from "@/components/dashboard/risk-list";
import { ChartNumbers } from "@/components/dashboard/series-table";
import { buttonClass } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import type { SessionActor } from "@/lib/auth/actor";
import { figuresAsOf } from "@/lib/format";
import { headlines } from "@/lib/metrics/headlines";
import { overviewCharts } from "@/lib/metrics/overview-csv";
import { FAMILIES } from "@/lib/metrics/series";
import { TEAM_METRICS } from "@/lib/metrics/where-to-act";
import { parseQuarterKey } from "@/lib/period";
import { comparisonLabel, periodLabel } from "@/lib/metrics/period-labels";
import { loadDashboardFigures, type ResolvedScope } from "@/lib/server/metrics/dashboard";
import { filterOptions } from "@/lib/server/metrics/filter-options";
import { teamOutliers } from "@/lib/server/metrics/overview-outliers";
import { riskBudgets } from "@/lib/server/metrics/quarter";
import { withQuery } from "@/lib/url-state/list-state";
import { dashboardView, orgComparisonList, type DashboardFilter } from "@/lib/url-state/lists";

/** The program dashboard's overview of a scope the page has already resolved for the actor. */
export async function DashboardOverview({
  actor,
  filter,
  resolved,
}: {
  actor: SessionActor;
  filter: DashboardFilter;
  resolved: ResolvedScope;
}) {
  const [data, options] = await Promise.all([
    loadDashboardFigures(resolved, filter),
    filterOptions(actor, filter.org, filter.team),
  ]);
  const latest = parseQuarterKey(data.quarters.at(-1)!)!;
  const previous = data.quarters.at(-2);
  const [risks, outliers] = await Promise.all([
    riskBudgets(data.scope, latest),
    teamOutliers(data.scope, latest),
  ]);
  const query = dashboardView.query({ filter });
  const { cycle, people } = overviewCharts(data.metrics);
  const compare = orgComparisonList.href("/dashboard/compare", {
    filter: { org: filter.org, from: filter.from, to: filter.to },
  });
  return (
    <>
      <PageHeader
        title="Program dashboard"
        description={`${periodLabel(data.metrics.at(-1)!)} against ${comparisonLabel(data.comparison)}. Scope: ${data.label}. ${figuresAsOf(data.asOf)}`}
        actions={
          <>
            <Link href={compare} className={buttonClass("secondary")}>
              Compare organisations
            </Link>
            <a
              href={withQuery("/api/metrics/overview", query)}
              className={buttonClass("secondary")}
              download
            >
              Download CSV
            </a>
          </>
        }
      />
      <DashboardFilters action="/dashboard" filter={filter} {...options} />
      <section aria-label="Headline figures" className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        {headlines(data.metrics, data.comparison).map((h) => (
          <HeadlineCard
            key={h.id}
            h={h}
            previousLabel={previous ? comparisonLabel(data.comparison) : "the quarter before"}
            query={query}
          />
        ))}
      </section>
      <div className="mt-4 grid gap-4 xl:grid-cols-2">
        <Card>
          <CardTitle>Review cycle time, with and without a guardian</CardTitle>
          <SeriesChart series={cycle} unit="days" title="Review cycle time" />
          <ChartNumbers series={cycle} caption={`Review cycle time by quarter (${data.label})`} />
          <Link
            href={`/dashboard/reviews?${query}`}
            className="text-sm text-brand-600 hover:underline dark:text-brand-100"
          >
            Numbers, medians and effort
          </Link>
        </Card>
        <Card>
          <CardTitle>Active and new guardians</CardTitle>
          <SeriesChart series={people} unit="guardians" title="Guardians" />
          <ChartNumbers
            series={people}
            caption={`Active and new guardians by quarter (${data.label})`}
          />
          <Link
            href={`/dashboard/people?${query}`}
            className="text-sm text-brand-600 hover:underline dark:text-brand-100"
          >
            Numbers, retention and coverage
          </Link>
        </Card>
        <Card>
          <CardTitle>
            Teams over their risk budget{" "}
            {data.metrics.at(-1)!.toDate
              ? "today"
              : `at the end of ${periodLabel(data.metrics.at(-1)!)}`}
          </CardTitle>
          <p className="mb-2 text-xs text-slate-600 dark:text-slate-400">
            Critical 10, high 5, medium 2, low 1 point per open finding or threat without
            mitigation.
          </p>
          <RiskList teams={risks} />
        </Card>
        <Card>
          <CardTitle>Where to act: teams worse than the median</CardTitle>
          <div className="mt-2 grid gap-4 sm:grid-cols-2">
            <OutlierList {...TEAM_METRICS.cycle} {...outliers.cycleTime} />
            <OutlierList {...TEAM_METRICS.opened} {...outliers.findings} />
          </div>
        </Card>
      </div>
      <nav aria-label="Dashboard views" className="mt-6 flex flex-wrap gap-2 text-sm">
        {FAMILIES.map((f) => (
          <Link
            key={f.id}
            href={`/dashboard/${f.id}?${query}`}
            className="rounded-md border border-slate-300 px-3 py-1 hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"
          >
            {f.title}
          </Link>
        ))}
      </nav>
    </>
  );
}
