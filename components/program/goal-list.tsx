import { DeleteGoal } from "./delete-goal";
import { GoalForm } from "./goal-form";
import { EmptyState } from "@/components/ui/empty-state";
import { GOAL_METRICS, type GoalMetricName, type GoalProgress } from "@/lib/metrics/goals";
import { GOAL_METRIC } from "@/lib/vocabulary";

type Goal = {
  id: number;
  title: string;
  metric: string;
  target: number;
  period: string;
  higherIsBetter: boolean;
  progress: GoalProgress;
};

function fmt(value: number | null, metric: string) {
  const d = GOAL_METRICS[metric as GoalMetricName];
  if (value === null) return "not enough data";
  return `${value.toFixed(d.digits)}${d.unit === "%" || d.unit === "/5" ? d.unit : d.unit ? ` ${d.unit}` : ""}`;
}

export function GoalList({ goals, editable }: { goals: Goal[]; editable: boolean }) {
  return (
    <div className="space-y-4">
      {goals.length === 0 ? (
        <EmptyState title="No goals yet">
          Measurable goals show their progress here, computed from the program&apos;s data.
        </EmptyState>
      ) : null}
      <ul className="space-y-3">
        {goals.map((g) => {
          const status =
            g.progress.met === null ? "Not enough data" : g.progress.met ? "On track" : "Off track";
          return (
            <li key={g.id} className="rounded-md border border-slate-200 p-3 dark:border-slate-800">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <p className="font-medium">{g.title}</p>
                <span
                  className={`rounded px-1.5 py-0.5 text-xs font-medium ${g.progress.met === null ? "bg-slate-100 dark:bg-slate-800" : g.progress.met ? "bg-green-100 text-green-800 dark:bg-green-900 dark:text-green-100" : "bg-amber-100 text-amber-900 dark:bg-amber-900 dark:text-amber-100"}`}
                >
                  {status}
                </span>
              </div>
              <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
                {GOAL_METRIC.label(g.metric as GoalMetricName)}: {fmt(g.progress.value, g.metric)}{" "}
                of {fmt(g.target, g.metric)} {g.period === "YEAR" ? "this year" : "this quarter"} (
                {g.higherIsBetter ? "higher" : "lower"} is better)
              </p>
              <div
                className="mt-2 h-2 rounded bg-slate-200 dark:bg-slate-800"
                role="meter"
                aria-label={`${g.title}: progress`}
                aria-valuemin={0}
                aria-valuemax={100}
                aria-valuenow={Math.round(g.progress.progressPct ?? 0)}
              >
                <div
                  className="h-2 rounded bg-brand-500"
                  style={{ width: `${g.progress.progressPct ?? 0}%` }}
                />
              </div>
              {editable ? (
                <details className="mt-2">
                  <summary className="cursor-pointer text-sm text-brand-600 dark:text-brand-100">
                    Edit or remove
                  </summary>
                  <div className="mt-2 space-y-2">
                    <GoalForm goal={g} metrics={GOAL_METRIC.options} />
                    <DeleteGoal id={g.id} title={g.title} />
                  </div>
                </details>
              ) : null}
            </li>
          );
        })}
      </ul>
      {editable ? (
        <div className="border-t border-slate-200 pt-4 dark:border-slate-800">
          <GoalForm goal={null} metrics={GOAL_METRIC.options} />
        </div>
      ) : null}
    </div>
  );
}
