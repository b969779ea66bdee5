"use client";

import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { beltRuleAction } from "@/lib/server/belts/actions";
import type { BeltCondition } from "@/lib/validations/belt-rule";
import { idle } from "@/lib/server/action-state";

const TYPES: { value: BeltCondition["type"]; label: string }[] = [
  { value: "previous-belt", label: "Holds the previous belt" },
  { value: "course", label: "Completed a course" },
  { value: "required-courses", label: "Completed every required course" },
  { value: "reviews", label: "Reviews taken part in" },
  { value: "threat-models", label: "Threat models co-authored" },
  { value: "hours", label: "Hours logged" },
  { value: "feedback-average", label: "Average feedback rating" },
  { value: "mentoring", label: "Guardians mentored" },
];

function fresh(type: BeltCondition["type"], courseKey: string): BeltCondition {
  switch (type) {
    case "course":
      return { type, courseKey };
    case "feedback-average":
      return { type, min: 4, minRatings: 3 };
    case "hours":
      return { type, min: 10 };
    case "reviews":
    case "threat-models":
    case "mentoring":
      return { type, min: 1 };
    default:
      return { type } as BeltCondition;
  }
}

const input =
  "w-24 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900";

export function RuleEditor({
  belt,
  initial,
  courses,
}: {
  belt: string;
  initial: BeltCondition[];
  courses: { key: string; title: string }[];
}) {
  const [conditions, setConditions] = useState<BeltCondition[]>(initial);
  // A preview's answer is something to read, so this form shows its answers in place.
  const [state, action, pending] = useActionState(beltRuleAction, idle);
  const update = (i: number, next: BeltCondition) =>
    setConditions((cs) => cs.map((c, j) => (j === i ? next : c)));
  const num = (i: number, key: string, value: string) =>
    update(i, {
      ...conditions[i],
      [key]: value === "" ? undefined : Number(value),
    } as BeltCondition);
  const id = (i: number, part: string) => `${belt}-${i}-${part}`;
  return (
    <form action={action} className="space-y-3" aria-label={`${belt} belt rule`}>
      <input type="hidden" name="belt" value={belt} />
      <input type="hidden" name="conditions" value={JSON.stringify(conditions)} />
      {conditions.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          No conditions: every active guardian earns this belt.
        </p>
      ) : null}
      <ol className="space-y-2">
        {conditions.map((c, i) => (
          <li key={i} className="flex flex-wrap items-center gap-2 text-sm">
            <label className="sr-only" htmlFor={id(i, "type")}>
              Condition {i + 1}
            </label>
            <select
              id={id(i, "type")}
              value={c.type}
              onChange={(e) =>
                update(i, fresh(e.target.value as BeltCondition["type"], courses[0]?.key ?? ""))
              }
              className={`${input} w-64`}
            >
              {TYPES.map((t) => (
                <option key={t.value} value={t.value}>
                  {t.label}
                </option>
              ))}
            </select>
            {c.type === "course" ? (
              <>
                <label className="sr-only" htmlFor={id(i, "course")}>
                  Course
                </label>
                <select
                  id={id(i, "course")}
                  value={c.courseKey}
                  onChange={(e) => update(i, { ...c, courseKey: e.target.value })}
                  className={`${input} w-56`}
                >
                  {courses.map((k) => (
                    <option key={k.key} value={k.key}>
                      {k.title}
                    </option>
                  ))}
                </select>
              </>
            ) : null}
            {"min" in c ? (
              <>
                <label htmlFor={id(i, "min")}>at least</label>
                <input
                  id={id(i, "min")}
                  type="number"
                  step="any"
                  value={c.min ?? ""}
                  onChange={(e) => num(i, "min", e.target.value)}
                  className={input}
                />
              </>
            ) : null}
            {c.type === "hours" ? (
              <>
                <label htmlFor={id(i, "window")}>in the last (days, optional)</label>
                <input
                  id={id(i, "window")}
                  type="number"
                  value={c.windowDays ?? ""}
                  onChange={(e) => num(i, "windowDays", e.target.value)}
                  className={input}
                />
              </>
            ) : null}
            {c.type === "feedback-average" ? (
              <>
                <label htmlFor={id(i, "ratings")}>over at least</label>
                <input
                  id={id(i, "ratings")}
                  type="number"
                  value={c.minRatings ?? ""}
                  onChange={(e) => num(i, "minRatings", e.target.value)}
                  className={input}
                />
                <span>ratings</span>
              </>
            ) : null}
            <button
              type="button"
              onClick={() => setConditions((cs) => cs.filter((_, j) => j !== i))}
              className="rounded px-2 py-1 text-red-700 hover:bg-red-50 dark:text-red-400 dark:hover:bg-slate-800"
              aria-label={`Remove condition ${i + 1}`}
            >
              Remove
            </button>
          </li>
        ))}
      </ol>
      <div className="flex flex-wrap items-center gap-2">
        <Button
          type="button"
          variant="secondary"
          onClick={() => setConditions((cs) => [...cs, fresh("reviews", courses[0]?.key ?? "")])}
        >
          Add condition
        </Button>
        <Button type="submit" name="intent" value="preview" variant="secondary" disabled={pending}>
          Preview who qualifies
        </Button>
        <Button type="submit" name="intent" value="save" disabled={pending}>
          {pending ? "Working…" : "Save rule"}
        </Button>
      </div>
      <FormMessage state={state} success />
      {state.fieldErrors ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {Object.values(state.fieldErrors).flat().join(" ")}
        </p>
      ) : null}
    </form>
  );
}
