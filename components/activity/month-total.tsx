import type { SessionActor } from "@/lib/auth/actor";
import { formatHours } from "@/lib/hours";
import { monthTotal } from "@/lib/server/activity/queries";
import { toHours } from "@/lib/hours";

// The program's reference: about 3.5 hours of security work a month.
const REFERENCE_QH = 14;

/** The actor's hours this month against the program's monthly reference. */
export async function MonthTotal({ actor, now }: { actor: SessionActor; now: Date }) {
  const month = await monthTotal(actor, now);
  const pct = Math.min(100, Math.round((month / REFERENCE_QH) * 100));
  return (
    <>
      <p className="mt-1 text-3xl font-semibold tabular-nums" data-testid="month-total">
        {formatHours(month)}
      </p>
      <div
        className="mt-2 h-2 rounded bg-slate-200 dark:bg-slate-800"
        role="meter"
        aria-label="Hours this month against the monthly reference"
        aria-valuemin={0}
        aria-valuemax={toHours(REFERENCE_QH)}
        aria-valuenow={toHours(month)}
      >
        <div className="h-2 rounded bg-brand-500" style={{ width: `${pct}%` }} />
      </div>
      <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
        Program reference: {formatHours(REFERENCE_QH)} a month
      </p>
    </>
  );
}
