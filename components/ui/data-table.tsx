import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import Link from "next/link";
import { nextSort, type Sort } from "@/lib/url-state/sort";
import { cn } from "./cn";
import { ScrollRegion } from "./scroll-region";

export type Column<Row> = {
  /** The header; give icon-only or empty headers an sr-only text. */
  header: React.ReactNode;
  cell: (row: Row) => React.ReactNode;
  align?: "left" | "right";
  /** The key of this column in the list's `sort` URL parameter (server-side sorting). */
  sortKey?: string;
  /** Dates and counts: the first click shows the largest first. */
  sortDescFirst?: boolean;
  /** The column that names the row: its cells are row headers for screen readers. */
  rowHeader?: boolean;
  /** A cell spanning this and the next columns (e.g. "not rated" across the rating columns). */
  colSpan?: (row: Row) => number | undefined;
  /** Extra classes on the header and cells, e.g. "hidden md:table-cell" or "whitespace-nowrap". */
  className?: string;
};

/** Server-side sorting: the current order and the link to the list in another order. */
export type TableSort = { current: Sort; href: (sort: Sort) => string };

const cellClass = (c: { align?: "left" | "right"; className?: string }) =>
  cn(
    "px-2 py-2 first:pl-0 last:pr-0",
    c.align === "right" && "text-right tabular-nums",
    c.className,
  );

/**
 * The one table: caption (hidden unless `captionVisible`), `scope` on headers, the shared look,
 * an empty state in place of an empty table, and horizontal scrolling inside its card on narrow
 * screens. Sortable columns link to the same list in the other order (`aria-sort` on the header).
 */
export function DataTable<Row>({
  caption,
  captionVisible,
  columns,
  rows,
  rowKey,
  empty,
  sort,
  rowClassName,
  className,
}: {
  caption: string;
  captionVisible?: boolean;
  columns: Column<Row>[];
  rows: Row[];
  rowKey: (row: Row, index: number) => string | number;
  empty?: React.ReactNode;
  sort?: TableSort;
  rowClassName?: string;
  className?: string;
}) {
  if (rows.length === 0 && empty !== undefined) return <>{empty}</>;
  return (
    <ScrollRegion label={caption} className={className}>
      <table className="w-full text-sm">
        <caption
          className={
            captionVisible
              ? "mb-1 text-left text-sm font-semibold text-slate-700 dark:text-slate-200"
              : "sr-only"
          }
        >
          {caption}
        </caption>
        <thead className="text-left text-xs text-slate-600 dark:text-slate-400">
          <tr>
            {columns.map((c, i) => (
              <HeaderCell key={i} column={c} sort={sort} />
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            <tr
              key={rowKey(row, r)}
              className={cn("border-t border-slate-100 dark:border-slate-800", rowClassName)}
            >
              {cells(columns, row)}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

function cells<Row>(columns: Column<Row>[], row: Row) {
  const out: React.ReactNode[] = [];
  for (let i = 0; i < columns.length; i++) {
    const c = columns[i];
    const span = c.colSpan?.(row);
    const Cell = c.rowHeader ? "th" : "td";
    out.push(
      <Cell
        key={i}
        scope={c.rowHeader ? "row" : undefined}
        colSpan={span}
        className={cn(cellClass(c), c.rowHeader && "text-left font-normal")}
      >
        {c.cell(row)}
      </Cell>,
    );
    if (span) i += span - 1;
  }
  return out;
}

function HeaderCell<Row>({ column, sort }: { column: Column<Row>; sort?: TableSort }) {
  const className = cn(cellClass(column), "align-bottom font-medium");
  if (!column.sortKey || !sort)
    return (
      <th scope="col" className={className}>
        {column.header}
      </th>
    );
  const active = sort.current.key === column.sortKey;
  const Icon = !active ? ArrowUpDown : sort.current.desc ? ArrowDown : ArrowUp;
  return (
    <th
      scope="col"
      className={className}
      aria-sort={active ? (sort.current.desc ? "descending" : "ascending") : undefined}
    >
      <Link
        href={sort.href(nextSort(sort.current, column.sortKey, column.sortDescFirst))}
        className="inline-flex items-center gap-1 hover:text-slate-900 hover:underline dark:hover:text-slate-100"
      >
        {column.header}
        <Icon aria-hidden className={cn("h-3 w-3", !active && "opacity-50")} />
      </Link>
    </th>
  );
}
