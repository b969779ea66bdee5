import Link from "next/link";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { Select } from "@/components/ui/field";
import { FilterBar } from "@/components/ui/filter-bar";
import { Pagination } from "@/components/ui/pagination";
import type { SessionActor } from "@/lib/auth/actor";
import { formatDate } from "@/lib/format";
import { listOpenAlerts, type OpenAlert } from "@/lib/server/coverage-alerts/queries";
import { alertsList } from "@/lib/url-state/lists";
import { ALERT_KIND } from "@/lib/vocabulary";

/** One page of open coverage alerts, newest first, of one kind or all. */
export async function AlertsList({
  actor,
  state,
}: {
  actor: SessionActor;
  state: ReturnType<typeof alertsList.parse>;
}) {
  const { filter, page } = state;
  const { rows, total, pages } = await listOpenAlerts(actor, { page, kind: filter.kind });
  return (
    <Card>
      <FilterBar action="/alerts">
        <Select
          label="Alert"
          name="kind"
          id="filter-kind"
          defaultValue={filter.kind ?? ""}
          placeholder="Every kind"
          options={ALERT_KIND.options}
        />
      </FilterBar>
      <DataTable<OpenAlert>
        caption="Open coverage alerts, newest first"
        columns={[
          {
            header: "Team",
            rowHeader: true,
            cell: (a) => (
              <>
                <Link
                  href={`/directory/teams/${a.team.id}`}
                  className="font-medium text-brand-600 hover:underline dark:text-brand-100"
                >
                  {a.team.name}
                </Link>
                <span className="block text-xs text-slate-600 dark:text-slate-400">
                  {a.team.org.name}
                </span>
              </>
            ),
          },
          { header: "Alert", cell: (a) => ALERT_KIND.label(a.kind) },
          { header: "Details", cell: (a) => a.detail, className: "hidden md:table-cell" },
          { header: "Raised", cell: (a) => formatDate(a.raisedAt), className: "whitespace-nowrap" },
        ]}
        rows={rows}
        rowKey={(a) => a.id}
        empty={
          filter.kind ? (
            <EmptyState
              title={`No open alerts of this kind`}
              action={{ href: "/alerts", label: "Show every open alert" }}
            />
          ) : (
            <EmptyState title="No open coverage alerts">
              Alerts are checked every morning and close themselves when their condition clears.
            </EmptyState>
          )
        }
      />
      <Pagination
        page={page}
        pages={pages}
        total={total}
        href={alertsList.pageHref("/alerts", state)}
      />
    </Card>
  );
}
