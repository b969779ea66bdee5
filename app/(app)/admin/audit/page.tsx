import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Field } from "@/components/ui/field";
import { FilterBar } from "@/components/ui/filter-bar";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination, parsePage } from "@/components/ui/pagination";
import { Select } from "@/components/ui/select";
import { requirePermission } from "@/lib/auth/guards";
import { listAuditEntries } from "@/lib/server/audit-log/queries";
import { auditFilterSchema } from "@/lib/validations/audit";

export const metadata: Metadata = { title: "Audit log" };

const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePermission("audit.read");
  const params = await searchParams;
  const filter = auditFilterSchema.parse(params);
  const page = parsePage(params.page);
  const { entries, total, pages, entities } = await listAuditEntries(actor, filter, page);
  const kept = Object.fromEntries(Object.entries(filter).filter(([, v]) => v).map(([k, v]) => [k, String(v)]));
  return (
    <>
      <PageHeader title="Audit log" description="Every change made in the app: who, when, what, before and after. Entries cannot be edited or deleted." />
      <Card>
        <FilterBar action="/admin/audit">
          <Select label="Record type" name="entity" defaultValue={filter.entity ?? ""} placeholder="Any" options={entities.map((e) => ({ value: e, label: e }))} />
          <Field label="Action" name="action" defaultValue={filter.action} placeholder="e.g. update" className="w-36" />
          <Field label="Changed by (email)" name="actor" defaultValue={filter.actor} className="w-56" />
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
                <tr><th scope="col" className="py-2">When (UTC)</th><th scope="col">Who</th><th scope="col">Action</th><th scope="col">Record</th><th scope="col">Change</th></tr>
              </thead>
              <tbody>
                {entries.map((e) => (
                  <tr key={String(e.id)} className="border-t border-slate-100 align-top dark:border-slate-800">
                    <td className="whitespace-nowrap py-2">{when.format(e.at)}</td>
                    <td>{e.actor ? e.actor.name : "system"}</td>
                    <td>{e.action}</td>
                    <td className="whitespace-nowrap">{e.entity} #{e.entityId}</td>
                    <td>
                      <details>
                        <summary className="cursor-pointer text-brand-600 dark:text-brand-100">Before and after</summary>
                        <div className="mt-1 grid gap-2 md:grid-cols-2">
                          <pre className="max-h-64 overflow-auto rounded bg-slate-100 p-2 text-xs dark:bg-slate-800" aria-label="Before">{e.before ? JSON.stringify(e.before, null, 2) : "—"}</pre>
                          <pre className="max-h-64 overflow-auto rounded bg-slate-100 p-2 text-xs dark:bg-slate-800" aria-label="After">{e.after ? JSON.stringify(e.after, null, 2) : "—"}</pre>
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
    </>
  );
}
