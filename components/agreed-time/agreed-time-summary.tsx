import {
  describeAgreement,
  formatAgreed,
  STATUS_LABEL,
  WITHIN_HIGH,
  WITHIN_LOW,
  type AgreementStatus,
} from "@/lib/agreed-time/rules";
import { formatHours } from "@/lib/hours";
import type { personAgreedTime } from "@/lib/server/agreed-time/queries";
import { cn } from "@/components/ui/cn";

type AgreedTime = Awaited<ReturnType<typeof personAgreedTime>>;

const BADGE: Record<AgreementStatus, string> = {
  within: "bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200",
  under: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200",
  over: "bg-sky-100 text-sky-900 dark:bg-sky-950 dark:text-sky-200",
  none: "bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300",
};

/** A guardian's standing against their agreement, as a small coloured label. */
export function AgreementBadge({ status }: { status: AgreementStatus }) {
  return (
    <span className={cn("rounded px-1.5 py-0.5 text-xs font-medium", BADGE[status])}>
      {STATUS_LABEL[status]}
    </span>
  );
}

/** This month's and this quarter's hours logged against agreed, for a home or a profile. */
export function AgreedTimeSummary({ time, self }: { time: AgreedTime; self: boolean }) {
  if (!time.current && time.quarter.agreed === 0)
    return (
      <p className="mt-2 text-sm">
        {self
          ? "No time agreed with your manager yet. Your manager or the program lead records it."
          : "No time agreed yet."}
      </p>
    );
  return (
    <dl className="mt-2 grid gap-3 text-sm sm:grid-cols-2">
      <div>
        <dt className="text-xs font-medium uppercase tracking-wide text-slate-600 dark:text-slate-400">
          This month
        </dt>
        <dd className="mt-1">
          <span className="text-2xl font-semibold tabular-nums">
            {formatHours(time.month.logged)}
          </span>{" "}
          logged of {formatHours(time.month.agreed)} agreed
          <span className="block text-xs text-slate-600 dark:text-slate-400">
            {time.current
              ? `Agreed: ${describeAgreement(time.current)}`
              : "No time agreed this month"}
          </span>
        </dd>
      </div>
      <div>
        <dt className="text-xs font-medium uppercase tracking-wide text-slate-600 dark:text-slate-400">
          {time.quarter.key} to date
        </dt>
        <dd className="mt-1">
          <span className="text-2xl font-semibold tabular-nums">
            {formatHours(time.quarter.logged)}
          </span>{" "}
          logged of {formatAgreed(time.quarter.agreed)} agreed{" "}
          <AgreementBadge status={time.quarter.status} />
          <span className="block text-xs text-slate-600 dark:text-slate-400">
            Within agreement: {WITHIN_LOW * 100}–{WITHIN_HIGH * 100} % of the hours agreed so far
            (this month in proportion to the days gone)
          </span>
        </dd>
      </div>
    </dl>
  );
}
