import Link from "next/link";
import { RetryJobButton } from "@/components/admin/retry-job-button";
import { Card } from "@/components/ui/card";
import { DataTable, type Column } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import type { SessionActor } from "@/lib/auth/actor";
import {
  failedJobs,
  queueSummaries,
  type FailedJob,
  type QueueSummary,
} from "@/lib/server/jobs/admin";
import { jobsList } from "@/lib/url-state/lists";

const when = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "UTC",
});

const QUEUE_LABELS: Record<string, string> = {
  "notification-email": "Notification emails",
  "daily-digest": "Daily digest",
  "channel-post": "Slack and Teams posts",
  "hours-reminder": "Monthly hours reminder",
  "lead-digest": "Weekly lead digest",
  "coverage-alerts": "Coverage alerts",
};
const queueLabel = (q: string) => QUEUE_LABELS[q] ?? q;

const summaryColumns: Column<QueueSummary>[] = [
  { header: "Queue", cell: (q) => queueLabel(q.queue) },
  { header: "Waiting", cell: (q) => q.waiting, className: "text-right tabular-nums" },
  { header: "Retrying", cell: (q) => q.retrying, className: "text-right tabular-nums" },
  { header: "Running", cell: (q) => q.active, className: "text-right tabular-nums" },
  {
    header: "Failed",
    cell: (q) =>
      q.failed > 0 ? (
        <span className="font-semibold text-red-700 dark:text-red-300">{q.failed}</span>
      ) : (
        0
      ),
    className: "text-right tabular-nums",
  },
  {
    header: "Done in the last 24 h",
    cell: (q) => q.completedToday,
    className: "text-right tabular-nums",
  },
];

function jobColumns(state: "failed" | "retry"): Column<FailedJob>[] {
  return [
    { header: "Queue", cell: (j) => queueLabel(j.queue) },
    {
      header: "What",
      cell: (j) => <code className="text-xs">{JSON.stringify(j.data)}</code>,
    },
    {
      header: "Error",
      cell: (j) => <span className="break-words text-red-800 dark:text-red-200">{j.error}</span>,
    },
    { header: "Attempts", cell: (j) => j.attempts, className: "text-right tabular-nums" },
    {
      header: state === "failed" ? "Failed (UTC)" : "Queued (UTC)",
      cell: (j) => when.format(j.failedOn ?? j.createdOn),
      className: "whitespace-nowrap",
    },
    ...(state === "failed"
      ? [
          {
            header: <span className="sr-only">Actions</span>,
            cell: (j: FailedJob) => <RetryJobButton queue={j.queue} id={j.id} />,
          } satisfies Column<FailedJob>,
        ]
      : []),
  ];
}

/** Each queue's jobs by state, then one page of failed (or retrying) jobs with their errors. */
export async function JobsOverview({
  actor,
  state,
}: {
  actor: SessionActor;
  state: ReturnType<typeof jobsList.parse>;
}) {
  const which = state.filter.state ?? "failed";
  const [summaries, list] = await Promise.all([
    queueSummaries(actor),
    failedJobs(actor, which, state.page),
  ]);
  const tab = (value: "failed" | "retry", label: string) => (
    <Link
      href={jobsList.href("/admin/jobs", {
        filter: { state: value === "failed" ? undefined : value },
      })}
      aria-current={which === value ? "page" : undefined}
      className={
        which === value
          ? "rounded-md bg-brand-600 px-3 py-1 text-sm text-white no-underline"
          : "rounded-md border border-slate-300 px-3 py-1 text-sm no-underline hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"
      }
    >
      {label}
    </Link>
  );
  return (
    <div className="grid gap-4">
      <Card>
        <DataTable
          caption="Jobs by queue and state"
          columns={summaryColumns}
          rows={summaries}
          rowKey={(q) => q.queue}
          empty={<EmptyState title="No queues" />}
        />
      </Card>
      <Card>
        <nav aria-label="Which jobs" className="mb-3 flex gap-2">
          {tab("failed", "Failed")}
          {tab("retry", "Waiting for a retry")}
        </nav>
        {which === "failed" && list.total > 0 ? (
          <div className="mb-3 flex flex-wrap gap-2">
            {[...new Set(list.jobs.map((j) => j.queue))].map((q) => (
              <RetryJobButton
                key={q}
                queue={q}
                label={`Retry every failed “${queueLabel(q)}” job`}
              />
            ))}
          </div>
        ) : null}
        <DataTable
          caption={which === "failed" ? "Failed jobs, newest first" : "Jobs waiting for a retry"}
          columns={jobColumns(which)}
          rows={list.jobs}
          rowKey={(j) => j.id}
          rowClassName="align-top"
          empty={
            <EmptyState
              title={which === "failed" ? "No failed jobs" : "Nothing waiting for a retry"}
            >
              {which === "failed"
                ? "Every job that ran either succeeded or is still being retried."
                : "No job is between attempts."}
            </EmptyState>
          }
        />
        <Pagination
          page={Math.min(state.page, list.pages)}
          pages={list.pages}
          total={list.total}
          href={jobsList.pageHref("/admin/jobs", state)}
        />
      </Card>
    </div>
  );
}
