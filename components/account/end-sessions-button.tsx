"use client";

import { startTransition } from "react";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { FormMessage } from "@/components/ui/form-message";
import { endMyOtherSessionsAction, endPersonSessionsAction } from "@/lib/server/account/actions";
import { useFormAction } from "@/components/ui/use-form-action";

/**
 * Ends sessions after a confirmation: the signed-in person's other sessions (no `person`), or
 * every session of a person (an administrator, on the person's page). With none left to end
 * the button goes, and the message saying what was ended stays.
 */
export function EndSessionsButton({
  person,
  available = true,
}: {
  person?: { id: number; name: string };
  available?: boolean;
}) {
  const [state, action, pending] = useFormAction(
    person ? endPersonSessionsAction : endMyOtherSessionsAction,
  );
  const run = () => {
    const data = new FormData();
    if (person) data.set("id", String(person.id));
    startTransition(() => action(data));
  };
  return (
    <span className="flex flex-wrap items-center gap-2">
      {available ? (
        <ConfirmButton
          label={person ? "End all sessions" : "Sign out everywhere else"}
          title={person ? `End every session of ${person.name}?` : "Sign out everywhere else?"}
          body={
            person
              ? `${person.name} is signed out of every browser now and must sign in again. Their account stays active.`
              : "Every other browser signed in as you is signed out now. This one stays signed in."
          }
          confirmLabel={person ? "End sessions" : "Sign out elsewhere"}
          onConfirm={run}
          pending={pending}
        />
      ) : null}
      <FormMessage state={state} />
    </span>
  );
}
