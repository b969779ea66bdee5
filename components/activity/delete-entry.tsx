"use client";

import { startTransition } from "react";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { deleteActivityAction } from "@/lib/server/activity/actions";
import { useFormAction } from "@/components/ui/use-form-action";

export function DeleteEntry({ id, summary }: { id: string; summary: string }) {
  const [state, action, pending] = useFormAction(deleteActivityAction);
  const remove = () => {
    const data = new FormData();
    data.set("id", id);
    startTransition(() => action(data));
  };
  return (
    <>
      <ConfirmButton
        label="Delete"
        accessibleLabel={`Delete ${summary}`}
        title="Delete this entry?"
        body={`${summary}. The entry leaves your totals; its history is kept.`}
        confirmLabel="Delete entry"
        onConfirm={remove}
        pending={pending}
      />
      {state.status === "error" ? (
        <span role="alert" className="text-xs text-red-700">
          {state.message}
        </span>
      ) : null}
    </>
  );
}
