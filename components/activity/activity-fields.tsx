import { Field, TextArea } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { ACTIVITY_TYPE } from "@/lib/vocabulary";
import type { ActionState } from "@/lib/server/action-state";

export type ActivityDefaults = {
  date: string;
  hours?: string;
  type?: string;
  link?: string;
  note?: string;
};

/** The fields shared by the new-entry and edit forms. */
export function ActivityFields({
  state,
  defaults,
  links,
  maxDate,
  autoFocus,
}: {
  state: ActionState;
  defaults: ActivityDefaults;
  links: { value: string; label: string }[];
  maxDate: string;
  autoFocus?: boolean;
}) {
  const err = (k: string) => state.fieldErrors?.[k]?.[0];
  return (
    <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
      <Field
        label="Hours"
        name="hours"
        type="number"
        inputMode="decimal"
        step="0.25"
        min="0.25"
        max="24"
        required
        autoFocus={autoFocus}
        defaultValue={defaults.hours}
        placeholder="1.5"
        error={err("hours")}
        hint="Quarter-hour steps"
      />
      <Select
        label="Activity"
        name="type"
        required
        defaultValue={defaults.type ?? ""}
        placeholder="Choose…"
        options={ACTIVITY_TYPE.options}
        error={err("type")}
      />
      <Field
        label="Date"
        name="date"
        type="date"
        required
        max={maxDate}
        defaultValue={defaults.date}
        error={err("date")}
      />
      <Select
        label="Linked review or threat model"
        name="link"
        defaultValue={defaults.link ?? ""}
        placeholder="None"
        options={links}
        error={err("link")}
      />
      <TextArea
        label="Note (optional)"
        name="note"
        rows={2}
        maxLength={500}
        defaultValue={defaults.note}
        error={err("note")}
        className="sm:col-span-2 lg:col-span-4"
      />
    </div>
  );
}
