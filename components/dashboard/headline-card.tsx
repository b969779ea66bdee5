import Link from "next/link";
import { ArrowDownRight, ArrowRight, ArrowUpRight } from "lucide-react";
import type { Headline } from "@/lib/metrics/headlines";
import { formatValue } from "./series-table";

export function HeadlineCard({
  h,
  previousLabel,
  query,
}: {
  h: Headline;
  previousLabel: string;
  query: string;
}) {
  const good = h.change === null || h.change === 0 ? null : h.change > 0 === h.higherIsBetter;
  const Icon = h.trend === "up" ? ArrowUpRight : h.trend === "down" ? ArrowDownRight : ArrowRight;
  const changeUnit = h.unit === "%" ? " pts" : h.unit === "/5" ? "" : h.unit ? ` ${h.unit}` : "";
  return (
    <Link
      href={`/dashboard/${h.family}?${query}`}
      className="block rounded-lg border border-slate-200 bg-white p-4 shadow-sm hover:border-brand-500 dark:border-slate-800 dark:bg-slate-900"
    >
      <p className="text-xs font-medium uppercase tracking-wide text-slate-600 dark:text-slate-400">
        {h.label}
      </p>
      <p className="mt-1 text-2xl font-semibold tabular-nums">
        {formatValue(h.value, h.digits, h.unit)}
      </p>
      <p
        className={`mt-1 text-xs ${good === null ? "text-slate-600 dark:text-slate-400" : good ? "text-green-700 dark:text-green-400" : "text-red-700 dark:text-red-400"}`}
      >
        {h.change === null
          ? `No comparison with ${previousLabel}`
          : `${h.change > 0 ? "+" : ""}${h.change.toFixed(h.digits)}${changeUnit} vs ${previousLabel}`}
      </p>
      <p className="mt-1 flex items-center gap-1 text-xs text-slate-600 dark:text-slate-400">
        <Icon aria-hidden className="h-3 w-3" /> Trend over four quarters: {h.trend}
        {h.note ? ` · ${h.note}` : ""}
      </p>
    </Link>
  );
}
