"use client";

import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";

export type ChartSeries = {
  id: string;
  label: string;
  unit: string;
  digits: number;
  points: { quarter: string; value: number | null }[];
};

// Each line differs by dash pattern as well as colour, so colour is never the only cue (eight
// patterns: the most lines a chart draws, e.g. hours by activity type).
const STYLES = [
  { color: "#2559b8", dash: "", dot: "circle" },
  { color: "#c2410c", dash: "6 3", dot: "square" },
  { color: "#15803d", dash: "2 2", dot: "triangle" },
  { color: "#7c3aed", dash: "10 4 2 4", dot: "diamond" },
  { color: "#0e7490", dash: "4 4", dot: "cross" },
  { color: "#be185d", dash: "12 3", dot: "circle" },
  { color: "#4d7c0f", dash: "1 3", dot: "square" },
  { color: "#475569", dash: "8 2 1 2 1 2", dot: "triangle" },
] as const;

/** A line chart of series over quarters; draws only, the numbers come in ready. */
export function SeriesChart({
  series,
  unit,
  title,
}: {
  series: ChartSeries[];
  unit: string;
  title: string;
}) {
  const quarters = series[0]?.points.map((p) => p.quarter) ?? [];
  const data = quarters.map((quarter, i) =>
    Object.fromEntries([
      ["quarter", quarter],
      ...series.map((s) => [s.id, s.points[i]?.value ?? null]),
    ]),
  );
  const digits = Math.max(0, ...series.map((s) => s.digits));
  return (
    <figure
      aria-label={`${title} chart; the same numbers are in the table below`}
      className="h-72 w-full"
    >
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.15} />
          <XAxis
            dataKey="quarter"
            tick={{ fontSize: 12, fill: "currentColor" }}
            interval="preserveStartEnd"
            minTickGap={4}
          />
          {/* Ratings sit on their own 1–5 scale; other units start at the data. */}
          <YAxis
            tick={{ fontSize: 12, fill: "currentColor" }}
            width={56}
            domain={unit === "/5" ? [0, 5] : undefined}
            label={
              unit
                ? {
                    value: unit,
                    angle: -90,
                    position: "insideLeft",
                    fontSize: 12,
                    fill: "currentColor",
                  }
                : undefined
            }
          />
          <Tooltip
            formatter={(value) =>
              typeof value === "number" ? `${value.toFixed(digits)} ${unit}` : "not enough data"
            }
            contentStyle={{ fontSize: 12 }}
          />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {series.map((s, i) => {
            const style = STYLES[i % STYLES.length];
            return (
              <Line
                key={s.id}
                dataKey={s.id}
                name={s.label}
                stroke={style.color}
                strokeDasharray={style.dash}
                dot={{ r: 4 }}
                strokeWidth={2}
                connectNulls={false}
                isAnimationActive={false}
              />
            );
          })}
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}
