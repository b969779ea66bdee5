import { AuditChanges } from "./audit-changes";
import { Card } from "@/components/ui/card";
import { DataTable, type Column } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { Field } from "@/components/ui/field";
import { FilterBar } from "@/components/ui/filter-bar";
import { Pagination } from "@/components/ui/pagination";
import { Select } from "@/components/ui/select";
import type { SessionActor } from "@/lib/auth/actor";
import { listAuditEntries } from "@/lib/server/audit-log/queries";
import { auditList } from "@/lib/url-state/lists";

const when = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "medium",
  timeZone: "UTC",
});

type Entry = Awaited<ReturnType<typeof listAuditEntries>>["entries"][number];
const json = (v: unknown) => (v ? JSON.stringify(v, null, 2) : "—");
const pre = "max-h-64 overflow-auto rounded bg-slate-100 p-2 text-xs dark:bg-slate-800";

const columns: Column<Entry>[] = [
  {
    header: "When (UTC)",
    cell: (e) => when.format(e.at),
    // On a phone the moment moves under the sentence: two columns fit, three would scroll.
    className: "hidden whitespace-nowrap md:table-cell",
    sortKey: "at",
    sortDescFirst: true,
  },
  {
    header: "What happened",
    className: "min-w-40 md:min-w-56",
    cell: (e) => (
      <>
        <p className="mb-0.5 text-xs text-slate-600 md:hidden dark:text-slate-400">
          {when.format(e.at)} UTC
        </p>
        <p className="font-medium">{e.sentence}</p>
        <p className="mt-0.5 font-mono text-xs text-slate-600 dark:text-slate-400">
          {e.action} · {e.entity} #{e.entityId}
          {e.actor ? ` · ${e.actor.email}` : ""}
        </p>
      </>
    ),
  },
  {
    header: "Changes",
    className: "min-w-44 md:min-w-64",
    cell: (e) => (
      <>
        <AuditChanges changes={e.changes} />
        <details className="mt-1">
          <summary className="cursor-pointer text-xs text-brand-600 underline dark:text-brand-100">
            Raw record
          </summary>
          <div className="mt-1 grid gap-2 md:grid-cols-2">
            <pre className={pre} aria-label="Before (raw)">
              {json(e.before)}
            </pre>
            <pre className={pre} aria-label="After (raw)">
              {json(e.after)}
            </pre>
          </div>
        </details>
      </>
    ),
  },
];

/**
 * The audit log's filters and one page of entries (newest first unless sorted), each as a sentence
 * with the fields it changed, the raw before and after one click away.
 */
export async function AuditList({
  actor,
  state,
}: {
  actor: SessionActor;
  state: ReturnType<typeof auditList.parse>;
}) {
  const { filter, page, sort } = state;
  const { entries, total, pages, entities } = await listAuditEntries(actor, filter, page, sort);
  return (
    <Card>
      <FilterBar action="/admin/audit" hidden={auditList.sortField(state)}>
        <Select
          label="Record type"
          name="entity"
          defaultValue={filter.entity ?? ""}
          placeholder="Any"
          options={entities.map((e) => ({ value: e, label: e }))}
        />
        <Field
          label="Action"
          name="action"
          defaultValue={filter.action}
          placeholder="e.g. update"
          className="w-36"
        />
        <Field
          label="Changed by (email)"
          name="actor"
          defaultValue={filter.actor}
          className="w-56"
        />
        <Field label="From" name="from" type="date" defaultValue={filter.from} />
        <Field label="To" name="to" type="date" defaultValue={filter.to} />
      </FilterBar>
      <DataTable
        caption={`Audit log entries, ${sort.desc ? "newest" : "oldest"} first`}
        columns={columns}
        rows={entries}
        rowKey={(e) => String(e.id)}
        rowClassName="align-top"
        empty={<EmptyState title="No changes match these filters" />}
        sort={auditList.tableSort("/admin/audit", state)}
      />
      <Pagination
        page={page}
        pages={pages}
        total={total}
        href={auditList.pageHref("/admin/audit", state)}
      />
    </Card>
  );
}
