"use client";

import { useState } from "react";
import type { ImportIssue, ImportView } from "@/lib/transfer/types";

const PAGE = 50;
const th = "py-1.5 pr-3 font-medium";

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
      <div className="overflow-x-auto">
        <table className="w-full text-sm">
          <caption className="mb-1 text-left text-sm font-semibold text-slate-700 dark:text-slate-200">
            {caption}
          </caption>
          <thead className="text-left text-xs text-slate-600 dark:text-slate-400">
            <tr>
              <th scope="col" className={th}>
                File
              </th>
              <th scope="col" className={th}>
                Line
              </th>
              <th scope="col" className={th}>
                Column
              </th>
              <th scope="col" className={th}>
                Message
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((e, i) => (
              <tr
                key={`${page}-${i}`}
                className="border-t border-slate-100 align-top dark:border-slate-800"
              >
                <td className="whitespace-nowrap py-1.5 pr-3">{e.file}</td>
                <td className="py-1.5 pr-3 tabular-nums">{e.line ?? "—"}</td>
                <td className="py-1.5 pr-3">{e.column ?? "—"}</td>
                <td className="py-1.5">{e.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
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
  const verb = view.committed
    ? { create: "Created", update: "Updated" }
    : { create: "To create", update: "To update" };
  return (
    <div className="space-y-4">
      <div className="overflow-x-auto">
        <table className="w-full text-sm" data-testid="import-counts">
          <caption className="mb-1 text-left text-sm font-semibold text-slate-700 dark:text-slate-200">
            {view.committed ? "Imported" : view.mode === "commit" ? "Not imported" : "Preview"}
          </caption>
          <thead className="text-left text-xs text-slate-600 dark:text-slate-400">
            <tr>
              <th scope="col" className={th}>
                File
              </th>
              <th scope="col" className={`${th} text-right`}>
                Rows
              </th>
              <th scope="col" className={`${th} text-right`}>
                {verb.create}
              </th>
              <th scope="col" className={`${th} text-right`}>
                {verb.update}
              </th>
              <th scope="col" className={`${th} text-right`}>
                Unchanged
              </th>
            </tr>
          </thead>
          <tbody>
            {view.files.map((f) => (
              <tr key={f.file} className="border-t border-slate-100 dark:border-slate-800">
                <td className="py-1.5 pr-3">{f.file}</td>
                <td className="pr-3 text-right tabular-nums">
                  {f.counts.rows.toLocaleString("en")}
                </td>
                <td className="pr-3 text-right tabular-nums">
                  {f.counts.create.toLocaleString("en")}
                </td>
                <td className="pr-3 text-right tabular-nums">
                  {f.counts.update.toLocaleString("en")}
                </td>
                <td className="pr-3 text-right tabular-nums">
                  {f.counts.unchanged.toLocaleString("en")}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
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
