import Link from "next/link";
import { Card, CardTitle } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { formatHours, toQuarterHours } from "@/lib/hours";
import { periodLabel } from "@/lib/metrics/period-labels";
import { formatFigure } from "@/lib/metrics/stats";
import type { TeamHub } from "@/lib/server/teams/hub";
import { ACTIVITY_TYPE, type ActivityType } from "@/lib/vocabulary";

const muted = "text-xs text-slate-600 dark:text-slate-400";
const link = "text-sm text-brand-600 underline underline-offset-2 dark:text-brand-100";

/** docs/metrics.md's risk budget today: points used of the team's budget, by source. */
export function RiskBudgetCard({
  risk,
  teamId,
  dashboard,
}: {
  risk: NonNullable<TeamHub["risk"]>;
  teamId: number;
  dashboard: boolean;
}) {
  const pct = Number.isFinite(risk.usedPct) ? Math.round(risk.usedPct) : null;
  const width = Math.min(100, Number.isFinite(risk.usedPct) ? risk.usedPct : 100);
  return (
    <Card aria-labelledby="risk-title" className="min-w-0">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <CardTitle>
          <span id="risk-title">Risk budget</span>
        </CardTitle>
        {dashboard ? (
          <Link href={`/dashboard/findings?team=${teamId}`} className={link}>
            Risk over time
          </Link>
        ) : null}
      </div>
      <p className="mt-2 text-2xl font-semibold tabular-nums">
        {risk.total} <span className="text-base font-normal">of {risk.budget} points</span>
      </p>
      <div
        className="mt-2 h-2 overflow-hidden rounded bg-slate-200 dark:bg-slate-700"
        aria-hidden="true"
      >
        <div
          className={`h-full ${risk.over ? "bg-red-600 dark:bg-red-400" : "bg-brand-600 dark:bg-brand-100"}`}
          style={{ width: `${width}%` }}
        />
      </div>
      <p className={`mt-2 ${risk.over ? "font-medium text-red-700 dark:text-red-400" : muted}`}>
        {risk.over
          ? `Over budget${pct !== null ? ` (${pct}% used)` : ""}`
          : `Within budget${pct !== null ? ` (${pct}% used)` : ""}`}
      </p>
      <p className={`mt-1 ${muted}`}>
        {risk.findingsPoints} from open findings, {risk.threatPoints} from threats without a
        mitigation (critical 10, high 5, medium 2, low 1).
      </p>
    </Card>
  );
}

/** The team's guardians' hours this quarter to date: the dashboards' figures and each guardian's. */
export function GuardianHoursCard({
  hours,
  teamId,
}: {
  hours: NonNullable<TeamHub["hours"]>;
  teamId: number;
}) {
  const { time, people, period } = hours;
  const byType = Object.entries(time.guardianHoursByType).sort((a, b) => b[1] - a[1]);
  return (
    <Card aria-labelledby="hours-title" className="min-w-0">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <CardTitle>
          <span id="hours-title">Guardians’ hours, {periodLabel(period)}</span>
        </CardTitle>
        <Link href={`/dashboard/time?team=${teamId}`} className={link}>
          Time dashboard for this team
        </Link>
      </div>
      <dl className="mt-2 grid grid-cols-3 gap-2 text-sm">
        <div>
          <dt className={muted}>Hours</dt>
          <dd className="text-xl font-semibold tabular-nums">
            {formatHours(toQuarterHours(time.guardianHours))}
          </dd>
        </div>
        <div>
          <dt className={muted}>Guardian-months</dt>
          <dd className="text-xl font-semibold tabular-nums">{time.guardianMonths.toFixed(1)}</dd>
        </div>
        <div>
          <dt className={muted}>Per guardian-month</dt>
          <dd className="text-xl font-semibold tabular-nums">
            {formatFigure(time.hoursPerGuardianMonth, 1, " h")}
          </dd>
        </div>
      </dl>
      {people.length === 0 ? (
        <div className="mt-3">
          <EmptyState title="No guardian hours logged this quarter" />
        </div>
      ) : (
        <div className="mt-3 grid gap-4 md:grid-cols-2">
          <DataTable
            caption="Hours by guardian, on days they guarded this team"
            captionVisible
            rows={people}
            rowKey={(p) => p.userId}
            columns={[
              { header: "Guardian", rowHeader: true, cell: (p) => p.name },
              { header: "Hours", align: "right", cell: (p) => formatHours(p.quarterHours) },
            ]}
          />
          <DataTable
            caption="Hours by activity"
            captionVisible
            rows={byType}
            rowKey={([type]) => type}
            columns={[
              {
                header: "Activity",
                rowHeader: true,
                cell: ([type]) => ACTIVITY_TYPE.label(type as ActivityType),
              },
              {
                header: "Hours",
                align: "right",
                cell: ([, h]) => formatHours(toQuarterHours(h)),
              },
            ]}
          />
        </div>
      )}
    </Card>
  );
}
