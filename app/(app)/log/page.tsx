import type { Metadata } from "next";
import { LogForm } from "@/components/activity/log-form";
import { EntryTable } from "@/components/activity/entry-table";
import { Card, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination, parsePage } from "@/components/ui/pagination";
import { requirePermission } from "@/lib/auth/guards";
import { latestLoggableDate } from "@/lib/activity-rules";
import { formatHours } from "@/lib/hours";
import { linkOptions, listOwnActivities, monthTotal } from "@/lib/server/activity/queries";

export const metadata: Metadata = { title: "Log hours" };

// The program's reference: about 3.5 hours of security work a month.
const REFERENCE_QH = 14;

export default async function LogPage({ searchParams }: { searchParams: Promise<{ page?: string; saved?: string }> }) {
  const actor = await requirePermission("activity.log");
  const params = await searchParams;
  const page = parsePage(params.page);
  const now = new Date();
  const [list, month, links] = await Promise.all([listOwnActivities(actor, page), monthTotal(actor, now), linkOptions(actor)]);
  const pct = Math.min(100, Math.round((month / REFERENCE_QH) * 100));
  return (
    <>
      <PageHeader title="Log security work" description="Hours you spend on security work count toward the program's figures." />
      <div className="grid gap-4 lg:grid-cols-[1fr_16rem]">
        <Card>
          <LogForm links={links} serverToday={now.toISOString().slice(0, 10)} maxDate={latestLoggableDate(now)} />
        </Card>
        <Card>
          <CardTitle>This month</CardTitle>
          <p className="mt-1 text-3xl font-semibold tabular-nums" data-testid="month-total">{formatHours(month)}</p>
          <div className="mt-2 h-2 rounded bg-slate-200 dark:bg-slate-800" role="meter" aria-label="Hours this month against the monthly reference" aria-valuemin={0} aria-valuemax={REFERENCE_QH / 4} aria-valuenow={month / 4}>
            <div className="h-2 rounded bg-brand-500" style={{ width: `${pct}%` }} />
          </div>
          <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">Program reference: {formatHours(REFERENCE_QH)} a month</p>
        </Card>
      </div>
      <Card className="mt-6">
        <CardTitle>Your entries</CardTitle>
        {params.saved ? <p role="status" className="mt-1 text-sm text-green-700 dark:text-green-400">Entry updated. The earlier version is kept in its history.</p> : null}
        <div className="mt-2">
          <EntryTable entries={list.entries} />
          <Pagination page={page} pages={list.pages} total={list.total} basePath="/log" />
        </div>
      </Card>
    </>
  );
}
