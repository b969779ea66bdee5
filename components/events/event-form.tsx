"use client";

import { ActionForm, FormField, FormSelect, FormTextArea } from "@/components/ui/action-form";
import { saveEventAction } from "@/lib/server/events/actions";
import { MAX_CAPACITY } from "@/lib/validations/event";
import { EVENT_KIND } from "@/lib/vocabulary";

type EventDraft = {
  id: number | null;
  kind: string;
  title: string;
  description: string;
  date: string;
  time: string;
  hours: string;
  capacity: string;
  orgId: string;
};

/** Creates an event or edits one that has not started. Times are UTC, as everywhere here. */
export function EventForm({
  event,
  orgs,
}: {
  event: EventDraft;
  orgs: { value: string; label: string }[];
}) {
  return (
    <ActionForm
      action={saveEventAction}
      label="Event"
      submit={event.id === null ? "Create event" : "Save event"}
      hidden={event.id === null ? {} : { id: String(event.id) }}
      className="grid gap-3 md:grid-cols-3"
    >
      <FormSelect label="Kind" name="kind" defaultValue={event.kind} options={EVENT_KIND.options} />
      <FormField
        label="Title"
        name="title"
        required
        defaultValue={event.title}
        className="md:col-span-2"
      />
      <FormTextArea
        label="Description"
        name="description"
        rows={3}
        defaultValue={event.description}
        hint="What people will do and what to bring."
        className="md:col-span-3"
      />
      <FormField label="Date (UTC)" name="date" type="date" required defaultValue={event.date} />
      <FormField
        label="Start time (UTC)"
        name="time"
        type="time"
        required
        defaultValue={event.time}
      />
      <FormField
        label="Duration (hours)"
        name="hours"
        inputMode="decimal"
        required
        defaultValue={event.hours}
        hint="Quarter-hour steps. Each attendee is credited these hours."
      />
      <FormField
        label="Capacity"
        name="capacity"
        inputMode="numeric"
        required
        defaultValue={event.capacity}
        hint={`Places, 1 to ${MAX_CAPACITY}.`}
      />
      <FormSelect
        label="Who may register"
        name="orgId"
        defaultValue={event.orgId}
        options={[{ value: "", label: "Everyone in the program" }, ...orgs]}
        hint="People of this organisation and its sub-organisations."
        className="md:col-span-2"
      />
    </ActionForm>
  );
}
