"use client";

import { RecordPicker } from "@/components/search/record-picker";
import { Button } from "@/components/ui/button";
import { Field, Select } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { recordCompletionAction } from "@/lib/server/training/actions";
import { useFormAction } from "@/components/ui/use-form-action";

export function CompletionForm({
  courses,
  forOthers,
  today,
}: {
  courses: { value: string; label: string }[];
  forOthers: boolean;
  today: string;
}) {
  const [state, action, pending] = useFormAction(recordCompletionAction);
  const err = (k: string) => state.fieldErrors?.[k]?.[0];
  return (
    <form
      action={action}
      noValidate
      className="grid gap-3 sm:grid-cols-2"
      aria-label="Record a course completion"
    >
      <Select
        label="Course"
        name="courseId"
        placeholder="Choose…"
        options={courses}
        required
        error={err("courseId")}
      />
      <Field
        label="Completed on"
        name="completedOn"
        type="date"
        max={today}
        defaultValue={today}
        required
        error={err("completedOn")}
      />
      <Field
        label="Evidence link (optional)"
        name="evidenceUrl"
        type="url"
        placeholder="https://…"
        error={err("evidenceUrl")}
      />
      {forOthers ? (
        <RecordPicker
          type="person"
          submit="key"
          label="For someone else (optional)"
          name="email"
          id="completion-person"
          error={err("email")}
          hint="Leave empty to record your own"
        />
      ) : null}
      <div className="flex items-center gap-3 sm:col-span-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Record completion"}
        </Button>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
