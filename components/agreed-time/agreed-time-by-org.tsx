import Link from "next/link";
import { Value } from "@/components/dashboard/series-table";
import { buttonClass } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { DataTable, type Column } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import type { SessionActor } from "@/lib/auth/actor";
import { AGREED_TIME_DEFINITION, type OrgShares } from "@/lib/agreed-time/dashboard";
import { quarterPointLabel } from "@/lib/metrics/period-labels";
import { agreedTimeByOrg } from "@/lib/server/agreed-time/dashboard";
import type { ResolvedScope } from "@/lib/server/metrics/dashboard";
import { dashboardView, type DashboardFilter } from "@/lib/url-state/lists";

/**
 * The time view's share of guardians within their agreed time, per organisation and quarter,
 * with its CSV. Under a team filter it says where to look instead.
 */
export async function AgreedTimeByOrg({
  actor,
  resolved,
  filter,
  quarters,
}: {
  actor: SessionActor;
  resolved: ResolvedScope;
  filter: DashboardFilter;
  quarters: string[];
}) {
  const orgs = await agreedTimeByOrg(actor, resolved, filter, quarters);
  const shown = orgs[0]?.quarters ?? [];
  const columns: Column<OrgShares>[] = [
    {
      header: "Organisation",
      rowHeader: true,
      cell: (o) => (
        <Link
          href={`/dashboard/time?${dashboardView.query({ filter: { ...filter, org: o.id } })}`}
          className="text-brand-600 hover:underline dark:text-brand-100"
        >
          {o.name}
        </Link>
      ),
    },
    ...shown.map((q, i): Column<OrgShares> => ({
      header: quarterPointLabel(q.quarter, !!q.toDate),
      align: "right",
      className: "whitespace-nowrap",
      cell: (o) => {
        const s = o.quarters[i].share;
        return (
          <>
            <Value value={s.withinPct} digits={1} unit="%" />
            <span className="block text-xs text-slate-600 dark:text-slate-400">
              {s.within} of {s.withAgreement}
            </span>
          </>
        );
      },
    })),
  ];
  return (
    <Card className="mt-4" id="agreed-time">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <CardTitle>Guardians within their agreed time, by organisation</CardTitle>
        {orgs.length ? (
          <a
            href={`/api/metrics/agreed-time?${dashboardView.query({ filter })}`}
            className={buttonClass("secondary")}
            download
          >
            Download CSV by organisation
          </a>
        ) : null}
      </div>
      <p className="mb-2 mt-1 text-xs text-slate-600 dark:text-slate-400">
        {AGREED_TIME_DEFINITION} Each organisation counts with its sub-organisations; a guardian
        counts for every organisation of the teams they guard. Managers and program leads record the
        agreements on each guardian&apos;s profile.
      </p>
      {filter.team ? (
        <p className="text-sm">
          The breakdown by organisation is shown without a team filter; the team&apos;s own share is
          in the charts and numbers above.
        </p>
      ) : (
        <DataTable
          caption="Guardians within their agreed time, by organisation and quarter"
          columns={columns}
          rows={orgs}
          rowKey={(o) => o.id}
          empty={<EmptyState title="No organisation in this scope" />}
        />
      )}
    </Card>
  );
}
