"use client";

import Link from "next/link";
import { useEffect, useRef } from "react";
import { Button, buttonClass } from "@/components/ui/button";
import { Field, TextArea } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { saveCourseAction } from "@/lib/server/training/actions";
import { useFormAction } from "@/components/ui/use-form-action";

type Course = {
  id: number;
  title: string;
  required: boolean;
  hours: number;
  description: string | null;
  link: string | null;
};

/** Adds a course (course = null) or edits one. */
export function CourseForm({ course = null }: { course?: Course | null }) {
  const [state, action, pending] = useFormAction(saveCourseAction);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.status === "ok" && !course) form.current?.reset();
  }, [state, course]);
  const err = (k: string) => state.fieldErrors?.[k]?.[0];
  return (
    <form
      ref={form}
      action={action}
      noValidate
      className="grid gap-3 sm:grid-cols-2"
      aria-label={course ? `Edit ${course.title}` : "Add a course"}
    >
      <input type="hidden" name="id" value={course?.id ?? ""} />
      <Field
        label="Course title"
        name="title"
        id="course-title"
        defaultValue={course?.title}
        required
        error={err("title")}
      />
      <Field
        label="Hours"
        name="hours"
        id="course-hours"
        type="number"
        step="0.25"
        min="0"
        defaultValue={course ? String(course.hours) : "1"}
        required
        error={err("hours")}
      />
      <Field
        label="Link (optional)"
        name="link"
        id="course-link"
        type="url"
        placeholder="https://…"
        defaultValue={course?.link ?? ""}
        error={err("link")}
      />
      <div className="flex items-center gap-2 self-end pb-2">
        <input
          id="course-required"
          name="required"
          type="checkbox"
          defaultChecked={course?.required}
          className="h-4 w-4"
        />
        <label htmlFor="course-required" className="text-sm font-medium">
          Required for every guardian
        </label>
      </div>
      <TextArea
        label="Description (optional)"
        name="description"
        id="course-description"
        rows={2}
        defaultValue={course?.description ?? ""}
        error={err("description")}
        className="sm:col-span-2"
      />
      <div className="flex items-center gap-3 sm:col-span-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : course ? "Save course" : "Add course"}
        </Button>
        {course ? (
          <Link href="/training" className={buttonClass("secondary")}>
            Back to training
          </Link>
        ) : null}
        <FormMessage state={state} />
      </div>
    </form>
  );
}
