import Link from "next/link";
import { formatValue } from "./series-table";

type Row = { item: { id: number; name: string }; value: number; median: number };

/** Teams furthest from the median of the teams in scope, with their figure and the median. */
export function OutlierList({
  title,
  rows,
  unit,
  digits,
}: {
  title: string;
  rows: Row[];
  unit: string;
  digits: number;
}) {
  return (
    <div>
      <h3 className="text-sm font-medium">{title}</h3>
      {rows.length === 0 ? (
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          Not enough data this quarter.
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
