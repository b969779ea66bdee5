"use client";

import { startTransition } from "react";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { FormMessage } from "@/components/ui/form-message";
import { deleteGoalAction } from "@/lib/server/program/actions";
import { useFormAction } from "@/components/ui/use-form-action";

export function DeleteGoal({ id, title }: { id: number; title: string }) {
  const [state, action, pending] = useFormAction(deleteGoalAction);
  const remove = () => {
    const data = new FormData();
    data.set("id", String(id));
    startTransition(() => action(data));
  };
  return (
    <span className="inline-flex items-center gap-2">
      <ConfirmButton
        label="Remove goal"
        accessibleLabel={`Remove goal ${title}`}
        title="Remove this goal?"
        body={`“${title}” will no longer be tracked. The change is recorded in the audit log.`}
        confirmLabel="Remove goal"
        onConfirm={remove}
        pending={pending}
      />
      <FormMessage state={state} />
    </span>
  );
}
