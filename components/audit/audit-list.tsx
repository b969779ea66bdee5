import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Field } from "@/components/ui/field";
import { FilterBar } from "@/components/ui/filter-bar";
import { Pagination } from "@/components/ui/pagination";
import { Select } from "@/components/ui/select";
import type { SessionActor } from "@/lib/auth/actor";
import { listAuditEntries } from "@/lib/server/audit-log/queries";
import type { AuditFilter } from "@/lib/validations/audit";

const when = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "medium",
  timeZone: "UTC",
});

/** The audit log's filters and one page of entries, newest first, each with its before and after. */
export async function AuditList({
  actor,
  filter,
  page,
}: {
  actor: SessionActor;
  filter: AuditFilter;
  page: number;
}) {
  const { entries, total, pages, entities } = await listAuditEntries(actor, filter, page);
  const kept = Object.fromEntries(
    Object.entries(filter)
      .filter(([, v]) => v)
      .map(([k, v]) => [k, String(v)]),
  );
  return (
    <Card>
      <FilterBar action="/admin/audit">
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
      {entries.length === 0 ? (
        <EmptyState title="No changes match these filters" />
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-sm">
            <caption className="sr-only">Audit log entries, newest first</caption>
            <thead className="text-left text-xs text-slate-600 dark:text-slate-400">
              <tr>
                <th scope="col" className="py-2">
                  When (UTC)
                </th>
                <th scope="col">Who</th>
                <th scope="col">Action</th>
                <th scope="col">Record</th>
                <th scope="col">Change</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr
                  key={String(e.id)}
                  className="border-t border-slate-100 align-top dark:border-slate-800"
                >
                  <td className="whitespace-nowrap py-2">{when.format(e.at)}</td>
                  <td>{e.actor ? e.actor.name : "system"}</td>
                  <td>{e.action}</td>
                  <td className="whitespace-nowrap">
                    {e.entity} #{e.entityId}
                  </td>
                  <td>
                    <details>
                      <summary className="cursor-pointer text-brand-600 dark:text-brand-100">
                        Before and after
                      </summary>
                      <div className="mt-1 grid gap-2 md:grid-cols-2">
                        <pre
                          className="max-h-64 overflow-auto rounded bg-slate-100 p-2 text-xs dark:bg-slate-800"
                          aria-label="Before"
                        >
                          {e.before ? JSON.stringify(e.before, null, 2) : "—"}
                        </pre>
                        <pre
                          className="max-h-64 overflow-auto rounded bg-slate-100 p-2 text-xs dark:bg-slate-800"
                          aria-label="After"
                        >
                          {e.after ? JSON.stringify(e.after, null, 2) : "—"}
                        </pre>
                      </div>
                    </details>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={page} pages={pages} total={total} basePath="/admin/audit" params={kept} />
    </Card>
  );
}
