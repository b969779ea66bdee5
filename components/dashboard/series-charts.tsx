import { SeriesChart } from "@/components/charts/series-chart-lazy";
import { Card, CardTitle } from "@/components/ui/card";
import { chartGroups, type SeriesData } from "@/lib/metrics/series";
import { trendDirection } from "@/lib/metrics/trend";

/** One chart per group of series, each with its four-quarter trends. */
export function SeriesCharts({ series, title }: { series: SeriesData[]; title: string }) {
  return (
    <div className="grid gap-4 xl:grid-cols-2">
      {chartGroups(series).map((g) => (
        <Card key={g.key}>
          <CardTitle>{g.title}</CardTitle>
          <p className="mb-2 text-xs text-slate-600 dark:text-slate-400">
            Trend over the last four quarters:{" "}
            {g.series
              .map(
                (s) => `${s.label.toLowerCase()} ${trendDirection(s.points.map((p) => p.value))}`,
              )
              .join("; ")}
          </p>
          <SeriesChart
            series={g.series}
            unit={g.unit}
            axis={g.axis}
            title={`${title}: ${g.title}`}
          />
        </Card>
      ))}
    </div>
  );
}
