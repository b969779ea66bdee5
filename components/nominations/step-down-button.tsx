"use client";

import { startTransition, useState } from "react";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { FormMessage } from "@/components/ui/form-message";
import { stepDownAction } from "@/lib/server/nominations/actions";
import { NoteInput } from "./note-input";
import { useFormAction } from "@/components/ui/use-form-action";

export function StepDownButton({
  membershipId,
  label,
  who,
}: {
  membershipId: number;
  label: string;
  who: string;
}) {
  const [state, action, pending] = useFormAction(stepDownAction);
  const [note, setNote] = useState("");
  const confirm = () => {
    const data = new FormData();
    data.set("membershipId", String(membershipId));
    data.set("note", note);
    startTransition(() => action(data));
  };
  // Done: the confirmation shows at the foot of the screen (useFormAction).
  if (state.status === "ok") return null;
  return (
    <span className="inline-flex flex-wrap items-end gap-2">
      <NoteInput
        id={`step-down-note-${membershipId}`}
        about={`on ${who} stepping down`}
        value={note}
        onChange={setNote}
        error={state.fieldErrors?.note?.[0]}
      />
      <ConfirmButton
        label={label}
        accessibleLabel={`${label}: ${who}`}
        title={`${label}?`}
        body={`${who} becomes alumni of this team, from today. Their history, belts and hours stay.`}
        confirmLabel={label}
        onConfirm={confirm}
        pending={pending}
      />
      <FormMessage state={state} />
    </span>
  );
}
