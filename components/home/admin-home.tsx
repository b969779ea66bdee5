import { Card, CardTitle, Stat } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDate } from "@/lib/format";
import { getAdminSummary } from "@/lib/server/home/program";
import { MoreLink } from "./more-link";

export async function AdminHome() {
  const s = await getAdminSummary();
  return (
    <div className="space-y-6">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Stat label="People" value={s.people.toLocaleString("en")} />
        <Stat label="Organisations" value={s.orgs} />
        <Stat label="Teams" value={s.teams.toLocaleString("en")} />
        <Stat label="Failed sign-ins (24 h)" value={s.failedSignIns} />
      </div>
      <Card>
        <CardTitle>Latest changes</CardTitle>
        {s.recentAudit.length === 0 ? (
          <div className="mt-3">
            <EmptyState title="No changes recorded yet">
              Every change made in the app is recorded in the audit log.
            </EmptyState>
          </div>
        ) : (
          <ul className="mt-2 divide-y divide-slate-100 text-sm dark:divide-slate-800">
            {s.recentAudit.map((a) => (
              <li key={String(a.id)} className="py-1.5">
                {formatDate(a.at)}: {a.actor?.name ?? "system"} {a.action} {a.entity} #{a.entityId}
              </li>
            ))}
          </ul>
        )}
        {s.recentAudit.length ? (
          <MoreLink
            href="/admin/audit"
            shown={s.recentAudit.length}
            total={s.recentAudit.length}
            label="The whole audit log"
          />
        ) : null}
      </Card>
    </div>
  );
}
