import { addQuarters, isoDay, quarterKey, quarterLabel, quarterOf, todayUtc } from "@/lib/period";
import type { ResolvedStatementPeriod } from "@/lib/impact/period";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { inputClass } from "@/components/ui/field";

const input = cn(inputClass, "mt-1 w-auto");

/**
 * Chooses the statement's period: a quarter of the last three years, or any first and last day.
 * A plain GET form, so the period is in the address (bookmark it, send it to a manager).
 */
export function PeriodForm({ period }: { period: ResolvedStatementPeriod | null }) {
  const current = quarterOf(todayUtc());
  const quarters = Array.from({ length: 12 }, (_, i) => addQuarters(current, -i));
  const custom = period !== null && period.quarter === null;
  return (
    <div className="no-print flex flex-wrap items-end gap-4">
      <form method="get" aria-label="Statement for a quarter" className="flex items-end gap-2">
        <label className="text-sm">
          Quarter
          <select
            name="quarter"
            defaultValue={period?.quarter ?? quarterKey(current)}
            className={input}
          >
            {quarters.map((q) => (
              <option key={quarterKey(q)} value={quarterKey(q)}>
                {quarterLabel(q)}
                {quarterKey(q) === quarterKey(current) ? " (to date)" : ""}
              </option>
            ))}
          </select>
        </label>
        <Button type="submit" variant="secondary">
          Show quarter
        </Button>
      </form>
      <form
        method="get"
        aria-label="Statement for chosen days"
        className="flex flex-wrap items-end gap-2"
      >
        <label className="text-sm">
          First day
          <input
            type="date"
            name="from"
            required
            defaultValue={custom ? isoDay(period.from) : ""}
            className={input}
          />
        </label>
        <label className="text-sm">
          Last day
          <input
            type="date"
            name="to"
            required
            defaultValue={custom ? isoDay(period.to) : ""}
            className={input}
          />
        </label>
        <Button type="submit" variant="secondary">
          Show days
        </Button>
      </form>
    </div>
  );
}
