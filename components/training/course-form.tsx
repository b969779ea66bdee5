"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field, TextArea } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { saveCourseAction } from "@/lib/server/training/actions";
import { idle } from "@/lib/server/action-state";

export function CourseForm() {
  const [state, action, pending] = useActionState(saveCourseAction, idle);
  const err = (k: string) => state.fieldErrors?.[k]?.[0];
  return (
    <form action={action} noValidate className="grid gap-3 sm:grid-cols-2" aria-label="Add a course">
      <input type="hidden" name="id" value="" />
      <Field label="Course title" name="title" id="course-title" required error={err("title")} />
      <Field label="Hours" name="hours" id="course-hours" type="number" step="0.25" min="0" defaultValue="1" required error={err("hours")} />
      <Field label="Link (optional)" name="link" id="course-link" type="url" placeholder="https://…" error={err("link")} />
      <div className="flex items-center gap-2 self-end pb-2">
        <input id="course-required" name="required" type="checkbox" className="h-4 w-4" />
        <label htmlFor="course-required" className="text-sm font-medium">Required for every guardian</label>
      </div>
      <TextArea label="Description (optional)" name="description" id="course-description" rows={2} error={err("description")} className="sm:col-span-2" />
      <div className="flex items-center gap-3 sm:col-span-2">
        <Button type="submit" disabled={pending}>{pending ? "Saving…" : "Add course"}</Button>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
