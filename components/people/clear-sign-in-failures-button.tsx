"use client";

import { startTransition } from "react";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { FormMessage } from "@/components/ui/form-message";
import { clearSignInFailuresAction } from "@/lib/server/account/actions";
import { useFormAction } from "@/components/ui/use-form-action";
import { possessive } from "@/lib/possessive";

/** An administrator clears a person's failed sign-ins, after a confirmation. */
export function ClearSignInFailuresButton({ person }: { person: { id: number; name: string } }) {
  const [state, action, pending] = useFormAction(clearSignInFailuresAction);
  const run = () => {
    const data = new FormData();
    data.set("id", String(person.id));
    startTransition(() => action(data));
  };
  return (
    <span className="flex flex-wrap items-center gap-2">
      <ConfirmButton
        label="Clear failed sign-ins"
        title={`Clear the failed sign-ins of ${person.name}?`}
        body={`Every address waiting to try ${possessive(person.name)} account again can try at once. Do this when ${person.name} is locked out by failures that were not theirs, or has just reset a forgotten password.`}
        confirmLabel="Clear failed sign-ins"
        onConfirm={run}
        pending={pending}
      />
      <FormMessage state={state} />
    </span>
  );
}
