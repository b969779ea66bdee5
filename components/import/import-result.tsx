"use client";

import { useState } from "react";
import { DataTable, type Column } from "@/components/ui/data-table";
import type { ImportIssue, ImportView } from "@/lib/transfer/types";

const PAGE = 50;
const count = (n: number) => n.toLocaleString("en");

const issueColumns: Column<ImportIssue>[] = [
  { header: "File", className: "whitespace-nowrap", cell: (e) => e.file },
  { header: "Line", className: "tabular-nums", cell: (e) => e.line ?? "—" },
  { header: "Column", cell: (e) => e.column ?? "—" },
  { header: "Message", cell: (e) => e.message },
];

type FileCounts = ImportView["files"][number];
function countColumns(committed: boolean): Column<FileCounts>[] {
  return [
    { header: "File", cell: (f) => f.file },
    { header: "Rows", align: "right", cell: (f) => count(f.counts.rows) },
    {
      header: committed ? "Created" : "To create",
      align: "right",
      cell: (f) => count(f.counts.create),
    },
    {
      header: committed ? "Updated" : "To update",
      align: "right",
      cell: (f) => count(f.counts.update),
    },
    { header: "Unchanged", align: "right", cell: (f) => count(f.counts.unchanged) },
  ];
}

function IssueTable({
  caption,
  issues,
  total,
  testId,
}: {
  caption: string;
  issues: ImportIssue[];
  total: number;
  testId: string;
}) {
  const [page, setPage] = useState(0);
  const pages = Math.max(1, Math.ceil(issues.length / PAGE));
  const shown = issues.slice(page * PAGE, page * PAGE + PAGE);
  return (
    <div data-testid={testId}>
      <DataTable
        caption={caption}
        captionVisible
        columns={issueColumns}
        rows={shown}
        rowKey={(_, i) => `${page}-${i}`}
        rowClassName="align-top"
      />
      <div className="mt-2 flex flex-wrap items-center justify-between gap-2 text-xs text-slate-600 dark:text-slate-400">
        <span>
          {issues.length ? `${page * PAGE + 1}–${page * PAGE + shown.length} of ${total}` : ""}
          {total > issues.length
            ? ` (the first ${issues.length} are listed; fix them and preview again)`
            : ""}
        </span>
        {pages > 1 ? (
          <span className="flex gap-2">
            <button
              type="button"
              className="rounded-md border border-slate-300 px-3 py-1 disabled:opacity-50 dark:border-slate-700"
              disabled={page === 0}
              onClick={() => setPage(page - 1)}
            >
              Previous
            </button>
            <button
              type="button"
              className="rounded-md border border-slate-300 px-3 py-1 disabled:opacity-50 dark:border-slate-700"
              disabled={page >= pages - 1}
              onClick={() => setPage(page + 1)}
            >
              Next
            </button>
          </span>
        ) : null}
      </div>
    </div>
  );
}

/** Counts per file, then every error and warning with file, line and column. */
export function ImportResult({ view }: { view: ImportView }) {
  return (
    <div className="space-y-4">
      <DataTable
        caption={view.committed ? "Imported" : view.mode === "commit" ? "Not imported" : "Preview"}
        captionVisible
        columns={countColumns(view.committed)}
        rows={view.files}
        rowKey={(f) => f.file}
      />
      {view.errorCount > 0 ? (
        <>
          <p className="text-sm text-red-700 dark:text-red-400" data-testid="error-count">
            {view.errorCount === 1 ? "1 error" : `${view.errorCount.toLocaleString("en")} errors`}:
            fix the files and preview again. Nothing is imported while any error remains.
          </p>
          <IssueTable
            caption="Errors"
            issues={view.errors}
            total={view.errorCount}
            testId="import-errors"
          />
        </>
      ) : view.mode === "preview" ? (
        <p className="text-sm text-green-700 dark:text-green-400">
          No errors. Commit the import to write these changes in one step.
        </p>
      ) : null}
      {view.warningCount > 0 ? (
        <IssueTable
          caption="Warnings (ignored columns and the like)"
          issues={view.warnings}
          total={view.warningCount}
          testId="import-warnings"
        />
      ) : null}
    </div>
  );
}
