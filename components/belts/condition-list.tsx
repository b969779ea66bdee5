"use client";

import { Button } from "@/components/ui/button";
import type { BeltCondition } from "@/lib/validations/belt-rule";
import { EVENT_KIND, type EventKind } from "@/lib/vocabulary";

const TYPES: { value: BeltCondition["type"]; label: string }[] = [
  { value: "previous-belt", label: "Holds the previous belt" },
  { value: "course", label: "Completed a course" },
  { value: "required-courses", label: "Completed every required course" },
  { value: "reviews", label: "Reviews taken part in" },
  { value: "threat-models", label: "Threat models co-authored" },
  { value: "hours", label: "Hours logged" },
  { value: "feedback-average", label: "Average feedback rating" },
  { value: "mentoring", label: "Guardians mentored" },
  { value: "events", label: "Events attended" },
];

function fresh(type: BeltCondition["type"], courseKey: string): BeltCondition {
  switch (type) {
    case "course":
      return { type, courseKey };
    case "feedback-average":
      return { type, min: 4, minRatings: 3 };
    case "hours":
      return { type, min: 10 };
    case "events":
      return { type, min: 2, kind: "GAME_DAY", windowMonths: 12 };
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

/** An editable list of belt conditions (a rule's, or its renewal conditions). */
export function ConditionList({
  idPrefix,
  conditions,
  onChange,
  courses,
  empty,
  addLabel = "Add condition",
}: {
  idPrefix: string;
  conditions: BeltCondition[];
  onChange: (next: BeltCondition[]) => void;
  courses: { key: string; title: string }[];
  empty: string;
  addLabel?: string;
}) {
  const setConditions = (f: (cs: BeltCondition[]) => BeltCondition[]) => onChange(f(conditions));
  const update = (i: number, next: BeltCondition) =>
    setConditions((cs) => cs.map((c, j) => (j === i ? next : c)));
  const num = (i: number, key: string, value: string) =>
    update(i, {
      ...conditions[i],
      [key]: value === "" ? undefined : Number(value),
    } as BeltCondition);
  const id = (i: number, part: string) => `${idPrefix}-${i}-${part}`;
  return (
    <div className="space-y-2">
      {conditions.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">{empty}</p>
      ) : null}
      <ol className="space-y-2">
        {conditions.map((c, i) => (
          <li key={i} className="flex flex-wrap items-center gap-2 text-sm">
            <label className="sr-only" htmlFor={id(i, "type")}>
              {idPrefix.endsWith("renewal") ? "Renewal condition" : "Condition"} {i + 1}
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
            {c.type === "hours" || c.type === "reviews" ? (
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
            {c.type === "events" ? (
              <>
                <label htmlFor={id(i, "event-kind")}>of kind</label>
                <select
                  id={id(i, "event-kind")}
                  value={c.kind ?? ""}
                  onChange={(e) =>
                    update(i, { ...c, kind: (e.target.value || undefined) as EventKind })
                  }
                  className={`${input} w-40`}
                >
                  <option value="">Any kind</option>
                  {EVENT_KIND.options.map((k) => (
                    <option key={k.value} value={k.value}>
                      {k.label}
                    </option>
                  ))}
                </select>
                <label htmlFor={id(i, "months")}>in the last (months, optional)</label>
                <input
                  id={id(i, "months")}
                  type="number"
                  value={c.windowMonths ?? ""}
                  onChange={(e) => num(i, "windowMonths", e.target.value)}
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
              aria-label={`Remove ${idPrefix.endsWith("renewal") ? "renewal " : ""}condition ${i + 1}`}
            >
              Remove
            </button>
          </li>
        ))}
      </ol>
      <Button
        type="button"
        variant="secondary"
        onClick={() => setConditions((cs) => [...cs, fresh("reviews", courses[0]?.key ?? "")])}
      >
        {addLabel}
      </Button>
    </div>
  );
}
