import { Card, CardTitle } from "@/components/ui/card";
import type { ConditionResult, RuleResult } from "@/lib/belts/evaluate";
import { BELT } from "@/lib/vocabulary";

const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(2).replace(/0$/, ""));

/**
 * Each condition of the next belt, met or not, with "3 of 5" progress. `self` words it for the
 * person themselves (their home, their own profile) or for someone reading another's profile.
 */
export function NextBelt({
  progress,
  self = true,
}: {
  progress: RuleResult | null;
  self?: boolean;
}) {
  if (!progress) {
    return (
      <Card>
        <CardTitle>Belts</CardTitle>
        <p className="mt-2 text-sm">
          {self
            ? "You hold every belt. Thank you for all you do for the program."
            : "Holds every belt."}
        </p>
      </Card>
    );
  }
  const missing = progress.conditions.filter((c) => !c.met).length;
  const allMet = self
    ? "You meet every condition: the belt is awarded at the next evaluation."
    : "Meets every condition: the belt is awarded at the next evaluation.";
  return (
    <Card>
      <CardTitle>Next belt: {BELT.label(progress.belt)}</CardTitle>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
        {missing === 0 ? allMet : `${missing} condition${missing === 1 ? "" : "s"} to go.`}
      </p>
      <ConditionProgress conditions={progress.conditions} />
    </Card>
  );
}

/** Each condition, met or not, with "3 of 5" progress. */
export function ConditionProgress({ conditions }: { conditions: ConditionResult[] }) {
  return (
    <ul className="mt-2 space-y-1.5 text-sm">
      {conditions.map((c, i) => (
        <li key={i} className="flex items-start gap-2">
          <span
            aria-hidden
            className={c.met ? "text-green-700 dark:text-green-400" : "text-slate-400"}
          >
            {c.met ? "✓" : "○"}
          </span>
          <span>
            {c.label}:{" "}
            <span className="tabular-nums">
              {fmt(c.current)} of {fmt(c.required)}
            </span>
            <span className="sr-only">{c.met ? " (met)" : " (not yet met)"}</span>
          </span>
        </li>
      ))}
    </ul>
  );
}
