"use client";

import { ActionForm } from "@/components/ui/action-form";
import { recordAttendanceAction } from "@/lib/server/events/actions";
import { PLACINGS } from "@/lib/validations/event";
import { placingLabel } from "@/lib/events/rules";
import { inputClass } from "@/components/ui/field";

type Person = {
  id: number;
  attended: boolean;
  placing: number | null;
  user: { name: string; email: string };
};

/**
 * Who attended, as one list of checkboxes sent at once (an unticked box unmarks the person);
 * for a contest, each attendee's placing beside them.
 */
export function AttendanceForm({
  eventId,
  contest,
  people,
}: {
  eventId: number;
  contest: boolean;
  people: Person[];
}) {
  return (
    <ActionForm
      action={recordAttendanceAction}
      label="Attendance"
      submit="Save attendance"
      hidden={{ eventId: String(eventId) }}
      className="block space-y-3"
    >
      <fieldset className="w-full min-w-0">
        <legend className="mb-2 text-sm text-slate-600 dark:text-slate-400">
          Tick everyone who attended. Each is credited the event&apos;s hours as training on its day
          {contest ? "; give placings to the top three" : ""}.
        </legend>
        <ul className="divide-y divide-slate-200 dark:divide-slate-700">
          {people.map((p) => (
            <li key={p.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <label
                htmlFor={`attended-${p.id}`}
                className="flex min-w-0 items-center gap-2 text-sm"
              >
                <input
                  id={`attended-${p.id}`}
                  type="checkbox"
                  name={`attended-${p.id}`}
                  defaultChecked={p.attended}
                  className="h-4 w-4 shrink-0"
                />
                <span className="min-w-0 break-words">
                  {p.user.name}{" "}
                  <span className="text-slate-500 dark:text-slate-400">({p.user.email})</span>
                </span>
              </label>
              {contest ? (
                <label className="flex items-center gap-2 text-sm">
                  <span className="sr-only">Placing of {p.user.name}</span>
                  <span aria-hidden="true">Placing</span>
                  <select
                    name={`placing-${p.id}`}
                    defaultValue={p.placing === null ? "" : String(p.placing)}
                    className={inputClass + " w-auto"}
                  >
                    <option value="">None</option>
                    {PLACINGS.map((n) => (
                      <option key={n} value={String(n)}>
                        {placingLabel(n)}
                      </option>
                    ))}
                  </select>
                </label>
              ) : null}
            </li>
          ))}
        </ul>
      </fieldset>
    </ActionForm>
  );
}
