import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { SeriesChart } from "@/components/charts/series-chart-lazy";
import { DashboardFilters } from "@/components/dashboard/dashboard-filters";
import { SeriesTable } from "@/components/dashboard/series-table";
import { buttonClass } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/guards";
import { figuresAsOf } from "@/lib/format";
import { buildSeries, familyById, type SeriesData } from "@/lib/metrics/series";
import { trendDirection } from "@/lib/metrics/trend";
import { loadDashboard } from "@/lib/server/metrics/dashboard";
import { filterOptions } from "@/lib/server/metrics/filter-options";
import { NotFoundError } from "@/lib/server/errors";
import { dashboardFilterSchema } from "@/lib/validations/dashboard";

export async function generateMetadata({ params }: { params: Promise<{ family: string }> }): Promise<Metadata> {
  return { title: familyById((await params).family)?.title ?? "Dashboard" };
}

export default async function FamilyPage({ params, searchParams }: { params: Promise<{ family: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePermission("dashboard.read");
  const family = familyById((await params).family);
  if (!family) notFound();
  const raw = await searchParams;
  const filter = dashboardFilterSchema.parse(raw);
  const [data, options] = await Promise.all([
    loadDashboard(actor, filter).catch((e) => (e instanceof NotFoundError ? null : Promise.reject(e))),
    filterOptions(actor, filter.org),
  ]);
  if (!data) notFound();
  const series = buildSeries(family, data.metrics);
  const byUnit = new Map<string, SeriesData[]>();
  for (const s of series) byUnit.set(s.unit, [...(byUnit.get(s.unit) ?? []), s]);
  const query = new URLSearchParams(Object.entries(filter).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)])).toString();
  return (
    <>
      <PageHeader title={family.title} description={`${family.description} Scope: ${data.label}. ${figuresAsOf(data.asOf)}`}
        actions={<><Link href={`/dashboard?${query}`} className={buttonClass("secondary")}>Overview</Link><a href={`/api/metrics/${family.id}?${query}`} className={buttonClass("secondary")} download>Download CSV</a></>} />
      <DashboardFilters action={`/dashboard/${family.id}`} filter={filter} {...options} />
      <div className="grid gap-4 xl:grid-cols-2">
        {[...byUnit.entries()].map(([unit, group]) => (
          <Card key={unit || "count"}>
            <CardTitle>{group.map((s) => s.label).join(" · ")}</CardTitle>
            <p className="mb-2 text-xs text-slate-600 dark:text-slate-400">
              Trend over the last four quarters: {group.map((s) => `${s.label.toLowerCase()} ${trendDirection(s.points.map((p) => p.value))}`).join("; ")}
            </p>
            <SeriesChart series={group} unit={unit} title={family.title} />
          </Card>
        ))}
      </div>
      <Card className="mt-4">
        <CardTitle>The numbers</CardTitle>
        <SeriesTable series={series} caption={`${family.title} by quarter (${data.label})`} />
      </Card>
    </>
  );
}
