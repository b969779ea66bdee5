"use client";

import { startTransition } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { FormMessage } from "@/components/ui/form-message";
import { changeCourseStatusAction } from "@/lib/server/training/actions";
import { useFormAction } from "@/components/ui/use-form-action";

/** Retire a course (after a confirmation) or bring a retired one back. */
export function CourseStatusButton({
  id,
  title,
  active,
  required,
}: {
  id: number;
  title: string;
  active: boolean;
  required: boolean;
}) {
  const [state, action, pending] = useFormAction(changeCourseStatusAction);
  const run = (change: "retire" | "reactivate") => {
    const data = new FormData();
    data.set("id", String(id));
    data.set("change", change);
    startTransition(() => action(data));
  };
  const requiredNote = required
    ? " It will no longer count as required, for belts and for the training figures on the dashboards (past quarters included)."
    : "";
  return (
    <span className="flex flex-wrap items-center gap-2">
      {state.status === "ok" ? null : active ? (
        <ConfirmButton
          label="Retire"
          accessibleLabel={`Retire ${title}`}
          title={`Retire ${title}?`}
          confirmLabel="Retire course"
          onConfirm={() => run("retire")}
          pending={pending}
          body={`It disappears from the completion form. Completions already recorded stay in people's history, and you can bring the course back later.${requiredNote}`}
        />
      ) : (
        <Button
          type="button"
          variant="secondary"
          className="px-2 py-1"
          onClick={() => run("reactivate")}
          disabled={pending}
          aria-label={`Bring back ${title}`}
        >
          Bring back
        </Button>
      )}
      <FormMessage state={state} />
    </span>
  );
}
