"use client";

import { useState } from "react";
import { DataTable, type Column } from "@/components/ui/data-table";

const PAGE = 50;

/** A preview's table, paged in the browser (a preview holds at most a few thousand rows). */
export function PagedTable<Row>({
  caption,
  columns,
  rows,
  testId,
}: {
  caption: string;
  columns: Column<Row>[];
  rows: Row[];
  testId: string;
}) {
  const [page, setPage] = useState(0);
  const pages = Math.max(1, Math.ceil(rows.length / PAGE));
  const shown = rows.slice(page * PAGE, page * PAGE + PAGE);
  const button =
    "rounded-md border border-slate-300 px-3 py-1 disabled:opacity-50 dark:border-slate-700";
  return (
    <div data-testid={testId}>
      <DataTable
        caption={caption}
        captionVisible
        columns={columns}
        rows={shown}
        rowKey={(_, i) => `${page}-${i}`}
        rowClassName="align-top"
      />
      {pages > 1 ? (
        <div className="mt-2 flex flex-wrap items-center justify-between gap-2 text-xs text-slate-600 dark:text-slate-400">
          <span>
            {page * PAGE + 1}–{page * PAGE + shown.length} of {rows.length.toLocaleString("en")}
          </span>
          <span className="flex gap-2">
            <button
              type="button"
              className={button}
              disabled={page === 0}
              onClick={() => setPage(page - 1)}
            >
              Previous
            </button>
            <button
              type="button"
              className={button}
              disabled={page >= pages - 1}
              onClick={() => setPage(page + 1)}
            >
              Next
            </button>
          </span>
        </div>
      ) : null}
    </div>
  );
}

export const whereColumns = <R extends { where: string }>(last: {
  header: string;
  cell: (r: R) => React.ReactNode;
}): Column<R>[] => [
  {
    header: "Where in the file",
    cell: (r) => <code className="text-xs break-all">{r.where}</code>,
  },
  { header: last.header, cell: last.cell },
];
