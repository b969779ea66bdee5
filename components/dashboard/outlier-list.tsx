import Link from "next/link";
import type { Figure } from "@/lib/metrics/stats";
import type { WorseSide } from "@/lib/metrics/where-to-act";
import { formatValue } from "./series-table";

type Row = { item: { id: number; name: string }; value: number; median: number };

/**
 * Teams on the bad side of the median of the teams in scope, worst first, with their figure and
 * the median; the heading says which way is bad.
 */
export function OutlierList({
  title,
  worse,
  worseText,
  median,
  rows,
  unit,
  digits,
}: {
  title: string;
  worse: WorseSide;
  worseText: string;
  median: Figure;
  rows: Row[];
  unit: string;
  digits: number;
}) {
  const quiet = "mt-1 text-sm text-slate-600 dark:text-slate-400";
  return (
    <div>
      <h3 className="text-sm font-medium">
        {title}: {worseText}
      </h3>
      {median === null ? (
        <p className={quiet}>Not enough data this quarter.</p>
      ) : rows.length === 0 ? (
        <p className={quiet}>
          No team is {worse === "higher" ? "above" : "below"} the median of the teams (
          {formatValue(median, digits, unit)}) this quarter.
        </p>
      ) : (
        <ul className="mt-1 space-y-1 text-sm">
          {rows.map((r) => (
            <li key={r.item.id}>
              <Link
                href={`/directory/teams/${r.item.id}`}
                className="text-brand-600 hover:underline dark:text-brand-100"
              >
                {r.item.name}
              </Link>
              : {formatValue(r.value, digits, unit)}
              <span className="text-xs text-slate-600 dark:text-slate-400">
                {" "}
                (median of the teams {formatValue(r.median, digits, unit)})
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
