"use client";

import Link from "next/link";
import type { FindingsImportView } from "@/lib/server/reviews/findings-import";
import { FINDING_STATUS, SEVERITY } from "@/lib/vocabulary";
import { FileImportForm } from "./file-import-form";
import { ImportSummary } from "./import-summary";
import { PagedTable } from "./paged-table";

type Row = FindingsImportView["findings"][number];

function Result({ view }: { view: FindingsImportView }) {
  if (view.unreadable)
    return <ImportSummary heading={view.file} lines={[]} problems={view.problems} unmapped={[]} />;
  const fresh = view.findings.filter((f) => f.action === "create").length;
  return (
    <ImportSummary
      heading={`${view.file}: ${view.format}${view.tool ? `, from ${view.tool}` : ""}`}
      lines={[
        view.committed ? (
          <>
            {view.created} findings added to{" "}
            <Link className="underline" href={`/reviews/${view.review.id}`}>
              {view.review.key}
            </Link>
            .
          </>
        ) : (
          `${view.findings.length} findings: ${fresh} new, ${view.findings.length - fresh} already in ${view.review.key} (skipped).`
        ),
      ]}
      problems={view.problems}
      unmapped={view.unmapped}
    >
      <PagedTable<Row>
        caption="Findings and how they map"
        testId="import-findings"
        rows={view.findings}
        columns={[
          { header: "Finding", rowHeader: true, cell: (f) => f.title },
          {
            header: "Severity",
            cell: (f) => (
              <span>
                <span className="text-slate-600 dark:text-slate-400">{f.source.severity}</span> →{" "}
                {SEVERITY.label(f.severity)}
              </span>
            ),
          },
          {
            header: "Status",
            cell: (f) => (
              <span>
                <span className="text-slate-600 dark:text-slate-400">{f.source.status}</span> →{" "}
                {FINDING_STATUS.label(f.status)}
              </span>
            ),
          },
          { header: "Change", cell: (f) => (f.action === "create" ? "New" : "Already here") },
        ]}
      />
    </ImportSummary>
  );
}

export function FindingsImport({ reviewId, maxBytes }: { reviewId: number; maxBytes: number }) {
  return (
    <FileImportForm<FindingsImportView>
      endpoint={`/api/reviews/${reviewId}/findings/import`}
      fileLabel="Findings file"
      accept=".json,.sarif,application/json,application/sarif+json"
      hint="DefectDojo findings JSON (API v2) or a SARIF 2.1.0 file (.sarif)."
      maxBytes={maxBytes}
      committedMessage={(v) =>
        v.created
          ? `Imported: ${v.created} findings added.`
          : "Nothing new: every finding is already here."
      }
      result={(view) => <Result view={view} />}
    />
  );
}
