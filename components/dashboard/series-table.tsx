import type { SeriesData } from "@/lib/metrics/series";

export function formatValue(value: number | null, digits: number, unit: string) {
  if (value === null) return "not enough data";
  return `${value.toFixed(digits)}${unit === "%" || unit === "/5" ? unit : unit ? ` ${unit}` : ""}`;
}

/** The numbers behind a chart: one row per metric, one column per quarter. */
export function SeriesTable({ series, caption }: { series: SeriesData[]; caption: string }) {
  const quarters = series[0]?.points.map((p) => p.quarter) ?? [];
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="text-left text-xs text-slate-600 dark:text-slate-400">
          <tr>
            <th scope="col" className="py-2 pr-4">
              Metric
            </th>
            {quarters.map((q) => (
              <th key={q} scope="col" className="whitespace-nowrap px-2 text-right">
                {q}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {series.map((s) => (
            <tr key={s.id} className="border-t border-slate-100 dark:border-slate-800">
              <th scope="row" className="py-2 pr-4 text-left font-normal">
                {s.label}
              </th>
              {s.points.map((p) => (
                <td
                  key={p.quarter}
                  className={`whitespace-nowrap px-2 text-right tabular-nums ${p.value === null ? "text-xs text-slate-500 dark:text-slate-400" : ""}`}
                >
                  {formatValue(p.value, s.digits, s.unit)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The table behind a chart, folded away under it (the chart's text alternative). */
export function ChartNumbers({ series, caption }: { series: SeriesData[]; caption: string }) {
  return (
    <details className="mb-2 mt-2 text-sm">
      <summary className="cursor-pointer text-slate-700 dark:text-slate-300">
        Table of the numbers
      </summary>
      <SeriesTable series={series} caption={caption} />
    </details>
  );
}
