"use client";

import Link from "next/link";
import type { ThreatModelImportView } from "@/lib/server/threat-models/file-import";
import { MITIGATION_STATUS, SEVERITY, STRIDE_CATEGORY } from "@/lib/vocabulary";
import { FileImportForm } from "./file-import-form";
import { ImportSummary } from "./import-summary";
import { PagedTable } from "./paged-table";

type Row = ThreatModelImportView["threats"][number];
const ACTION = { create: "New", update: "Updated", unchanged: "Unchanged" } as const;
const mapped = (from: string, to: string) => (
  <span>
    <span className="text-slate-600 dark:text-slate-400">{from}</span> → {to}
  </span>
);

function Result({ view }: { view: ThreatModelImportView }) {
  if (view.unreadable)
    return <ImportSummary heading={view.file} lines={[]} problems={view.problems} unmapped={[]} />;
  const target =
    view.target.action === "update" ? (
      <>
        updates{" "}
        <Link className="underline" href={`/threat-models/${view.target.id}`}>
          {view.target.key} {view.target.system}
        </Link>{" "}
        (matched on the file&apos;s ids)
      </>
    ) : view.modelId ? (
      <>
        created{" "}
        <Link className="underline" href={`/threat-models/${view.modelId}`}>
          a threat model
        </Link>{" "}
        for {view.team}
      </>
    ) : (
      <>creates a new threat model for {view.team}</>
    );
  const count = (a: Row["action"]) => view.threats.filter((t) => t.action === a).length;
  return (
    <ImportSummary
      heading={`${view.file}: ${view.format}, “${view.system}”`}
      lines={[
        <>This file {target}.</>,
        `${view.threats.length} threats: ${count("create")} new, ${count("update")} updated, ${count("unchanged")} unchanged${view.keptCount ? `; ${view.keptCount} threats of the model are not in the file and are kept` : ""}.`,
      ]}
      problems={view.problems}
      unmapped={view.unmapped}
    >
      <PagedTable<Row>
        caption="Threats and how they map"
        testId="import-threats"
        rows={view.threats}
        columns={[
          { header: "Threat", rowHeader: true, cell: (t) => t.title },
          {
            header: "Category",
            cell: (t) => mapped(t.source.category, STRIDE_CATEGORY.label(t.category)),
          },
          {
            header: "Severity",
            cell: (t) => mapped(t.source.severity, SEVERITY.label(t.severity)),
          },
          {
            header: "Mitigation status",
            cell: (t) => mapped(t.source.status, MITIGATION_STATUS.label(t.mitigationStatus)),
          },
          { header: "Change", cell: (t) => ACTION[t.action] },
        ]}
      />
    </ImportSummary>
  );
}

export function ThreatModelImport({ maxBytes }: { maxBytes: number }) {
  return (
    <FileImportForm<ThreatModelImportView>
      endpoint="/api/threat-models/import"
      fileLabel="Threat model file"
      accept=".json,application/json"
      hint="A Threat Dragon 2 model (.json) or an Open Threat Model file (.otm.json)."
      maxBytes={maxBytes}
      teamSource="/api/teams?for=threat-model"
      committedMessage={(v) =>
        `Imported: ${v.threats.filter((t) => t.action !== "unchanged").length} threats written.`
      }
      result={(view) => <Result view={view} />}
    />
  );
}
