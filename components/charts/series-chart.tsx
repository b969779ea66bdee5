"use client";

import { quarterPointLabel } from "@/lib/metrics/period-labels";
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { axisLabel } from "@/lib/charts/axis";
import type { Swatch } from "@/lib/charts/colours";
import { ChartLegend, type LegendItem } from "./chart-legend";

export type ChartSeries = {
  id: string;
  label: string;
  unit: string;
  digits: number;
  /** The series' own colour (a belt, a severity, an activity type); else one of STYLES. */
  swatch?: Swatch;
  /** Drawn as a bar stacked on the chart's other stacked series: parts of one whole. */
  stacked?: boolean;
  points: { quarter: string; value: number | null; toDate?: boolean }[];
};

// Lines without a colour of their own differ by dash pattern as well as colour, so colour is
// never the only cue.
const STYLES = [
  { color: "#2559b8", dash: "" },
  { color: "#c2410c", dash: "6 3" },
  { color: "#15803d", dash: "2 2" },
  { color: "#7c3aed", dash: "10 4 2 4" },
  { color: "#0e7490", dash: "4 4" },
  { color: "#be185d", dash: "12 3" },
] as const;

const TICK = { fontSize: 12, fill: "currentColor" };

/** How each series is drawn: its own swatch, or the next line style. */
function looks(series: ChartSeries[]): LegendItem[] {
  let line = 0;
  return series.map((s) => {
    const own = s.swatch;
    if (s.stacked)
      return { id: s.id, label: s.label, box: true, fill: "#94a3b8", stroke: "#475569", ...own };
    const style = STYLES[line++ % STYLES.length];
    return {
      id: s.id,
      label: s.label,
      box: false,
      fill: "none",
      stroke: own?.fill ?? style.color,
      dash: own?.dash ?? style.dash,
    };
  });
}

/** A chart of series over quarters (lines, and stacked bars for parts of a whole); draws only. */
export function SeriesChart({
  series,
  unit,
  title,
  axis,
}: {
  series: ChartSeries[];
  unit: string;
  title: string;
  axis?: string;
}) {
  // The current quarter is labelled "to date" on the axis too (docs/metrics.md).
  const quarters =
    series[0]?.points.map((p) => quarterPointLabel(p.quarter, Boolean(p.toDate))) ?? [];
  const data = quarters.map((quarter, i) =>
    Object.fromEntries([
      ["quarter", quarter],
      ...series.map((s) => [s.id, s.points[i]?.value ?? null]),
    ]),
  );
  const digits = Math.max(0, ...series.map((s) => s.digits));
  const items = looks(series);
  return (
    <figure
      aria-label={`${title} chart; the same numbers are in the table below`}
      className="w-full"
    >
      <div className="h-72 w-full">
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.15} />
            <XAxis
              dataKey="quarter"
              tick={TICK}
              interval="preserveStartEnd"
              minTickGap={4}
              height={40}
              label={{ value: "Quarter", position: "insideBottom", ...TICK }}
            />
            {/* Ratings sit on their own 1–5 scale; other units start at the data. */}
            <YAxis
              tick={TICK}
              width={64}
              domain={unit === "/5" ? [0, 5] : undefined}
              label={{
                value: axisLabel(unit, axis),
                angle: -90,
                position: "insideLeft",
                style: { textAnchor: "middle" },
                ...TICK,
              }}
            />
            <Tooltip
              formatter={(value) =>
                typeof value === "number" ? `${value.toFixed(digits)} ${unit}` : "not enough data"
              }
              contentStyle={{ fontSize: 12 }}
            />
            {series.map((s, i) => {
              const look = items[i];
              return s.stacked ? (
                <Bar
                  key={s.id}
                  dataKey={s.id}
                  name={s.label}
                  stackId="parts"
                  fill={look.fill}
                  stroke={look.stroke}
                  strokeDasharray={look.dash}
                  isAnimationActive={false}
                />
              ) : (
                <Line
                  key={s.id}
                  dataKey={s.id}
                  name={s.label}
                  stroke={look.stroke}
                  strokeDasharray={look.dash}
                  dot={{ r: 4 }}
                  strokeWidth={2}
                  connectNulls={false}
                  isAnimationActive={false}
                />
              );
            })}
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <ChartLegend items={items} />
    </figure>
  );
}
