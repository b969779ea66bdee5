"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { axisLabel } from "@/lib/charts/axis";

/** A single-series bar chart; the caller provides a table with the same numbers. */
export function SimpleBarChart({
  data,
  unit,
  label,
  category,
}: {
  data: { name: string; value: number }[];
  unit: string;
  label: string;
  /** What the bars are, for the category axis (e.g. "Month"). */
  category: string;
}) {
  return (
    <figure
      aria-label={`${label} chart; the same numbers are in the table`}
      className="h-48 w-full"
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
          <CartesianGrid
            strokeDasharray="3 3"
            stroke="currentColor"
            strokeOpacity={0.15}
            vertical={false}
          />
          <XAxis
            dataKey="name"
            tick={{ fontSize: 11, fill: "currentColor" }}
            height={36}
            label={{
              value: category,
              position: "insideBottom",
              fontSize: 11,
              fill: "currentColor",
            }}
          />
          <YAxis
            tick={{ fontSize: 11, fill: "currentColor" }}
            width={48}
            label={{
              value: axisLabel(unit),
              angle: -90,
              position: "insideLeft",
              style: { textAnchor: "middle" },
              fontSize: 11,
              fill: "currentColor",
            }}
          />
          <Tooltip formatter={(v) => `${v} ${unit}`} contentStyle={{ fontSize: 12 }} />
          <Bar dataKey="value" name={label} fill="#2559b8" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
