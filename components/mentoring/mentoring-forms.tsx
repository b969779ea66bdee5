"use client";

import { FormRecordPicker } from "@/components/search/record-picker";
import { ActionForm, FormField } from "@/components/ui/action-form";
import { endMentorshipAction, recordMentorshipAction } from "@/lib/server/mentoring/actions";

/** A lead records whom this guardian mentors, from when (and until when, if it is over). */
export function RecordMentoringForm({
  mentorId,
  name,
  today,
}: {
  mentorId: number;
  name: string;
  today: string;
}) {
  return (
    <ActionForm
      action={recordMentorshipAction}
      label={`Record mentoring by ${name}`}
      submit="Record mentoring"
      hidden={{ mentorId: String(mentorId) }}
      resetOnSuccess
      className="mt-3 grid gap-3 sm:grid-cols-3"
    >
      <FormRecordPicker
        type="person"
        submit="key"
        activeOnly
        id="mentee-email"
        label="Person mentored"
        name="menteeEmail"
        hint="A guardian or a nominee"
        required
        className="sm:col-span-3"
      />
      <FormField
        id="mentoring-started"
        label="Started on"
        name="startedOn"
        type="date"
        max={today}
        defaultValue={today}
        required
      />
      <FormField
        id="mentoring-ended"
        label="Ended on (if over)"
        name="endedOn"
        type="date"
        max={today}
      />
    </ActionForm>
  );
}

/** A lead records that a mentoring ended. */
export function EndMentoringForm({
  mentorshipId,
  label,
  today,
}: {
  mentorshipId: number;
  label: string;
  today: string;
}) {
  return (
    <ActionForm
      action={endMentorshipAction}
      label={label}
      submit="End"
      variant="secondary"
      hidden={{ mentorshipId: String(mentorshipId) }}
      className="items-end"
    >
      <FormField
        id={`end-${mentorshipId}`}
        label="Ended on"
        name="endedOn"
        type="date"
        max={today}
        defaultValue={today}
        required
      />
    </ActionForm>
  );
}
