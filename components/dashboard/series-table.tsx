import { DataTable, type Column } from "@/components/ui/data-table";
import type { SeriesData } from "@/lib/metrics/series";
import { quarterPointLabel } from "@/lib/metrics/period-labels";

export function formatValue(value: number | null, digits: number, unit: string) {
  if (value === null) return "not enough data";
  return `${value.toFixed(digits)}${unit === "%" || unit === "/5" ? unit : unit ? ` ${unit}` : ""}`;
}

/** The numbers behind a chart: one row per metric, one column per quarter. */
export function SeriesTable({ series, caption }: { series: SeriesData[]; caption: string }) {
  const quarters = series[0]?.points.map((p) => quarterPointLabel(p.quarter, !!p.toDate)) ?? [];
  const columns: Column<SeriesData>[] = [
    { header: "Metric", rowHeader: true, cell: (s) => s.label },
    ...quarters.map((q, i): Column<SeriesData> => ({
      header: q,
      align: "right",
      className: "whitespace-nowrap",
      cell: (s) => <Value value={s.points[i]?.value ?? null} digits={s.digits} unit={s.unit} />,
    })),
  ];
  return <DataTable caption={caption} columns={columns} rows={series} rowKey={(s) => s.id} />;
}

/** A figure, or "not enough data" in small grey type. */
export function Value({
  value,
  digits,
  unit,
}: {
  value: number | null;
  digits: number;
  unit: string;
}) {
  return value === null ? (
    <span className="text-xs text-slate-500 dark:text-slate-400">
      {formatValue(null, digits, unit)}
    </span>
  ) : (
    formatValue(value, digits, unit)
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
