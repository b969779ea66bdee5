"use client";

import { startTransition, useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { FormMessage } from "@/components/ui/form-message";
import { decideNominationAction } from "@/lib/server/nominations/actions";
import { NoteInput } from "./note-input";
import { useFormAction } from "@/components/ui/use-form-action";

export function DecisionButtons({ membershipId, who }: { membershipId: number; who: string }) {
  const [state, action, pending] = useFormAction(decideNominationAction);
  const [note, setNote] = useState("");
  const decide = (decision: "approve" | "decline") => {
    const data = new FormData();
    data.set("membershipId", String(membershipId));
    data.set("decision", decision);
    data.set("note", note);
    startTransition(() => action(data));
  };
  // Done: the confirmation shows at the foot of the screen (useFormAction).
  if (state.status === "ok") return null;
  return (
    <span className="flex flex-wrap items-end gap-2">
      <NoteInput
        id={`decision-note-${membershipId}`}
        about={`on the nomination of ${who}`}
        value={note}
        onChange={setNote}
        error={state.fieldErrors?.note?.[0]}
      />
      <Button
        type="button"
        className="px-2 py-1"
        onClick={() => decide("approve")}
        disabled={pending}
        aria-label={`Approve ${who}`}
      >
        Approve
      </Button>
      <ConfirmButton
        label="Decline"
        accessibleLabel={`Decline ${who}`}
        title={`Decline ${who}?`}
        body={`The nomination is closed and kept in the team's history${note.trim() ? ", with your note" : ""}.`}
        confirmLabel="Decline nomination"
        onConfirm={() => decide("decline")}
        pending={pending}
      />
      <FormMessage state={state} />
    </span>
  );
}
