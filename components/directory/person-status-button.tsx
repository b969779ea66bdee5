"use client";

import { startTransition } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { FormMessage } from "@/components/ui/form-message";
import { changePersonStatusAction } from "@/lib/server/directory/actions";
import { useFormAction } from "@/components/ui/use-form-action";

/** Deactivate (after a confirmation) or reactivate a person's account. */
export function PersonStatusButton({
  id,
  name,
  deactivated,
  guardianOf,
}: {
  id: number;
  name: string;
  deactivated: boolean;
  guardianOf: string[];
}) {
  const [state, action, pending] = useFormAction(changePersonStatusAction);
  const run = (change: "deactivate" | "reactivate") => {
    const data = new FormData();
    data.set("id", String(id));
    data.set("change", change);
    startTransition(() => action(data));
  };
  const guardianNote = guardianOf.length
    ? ` They stay an active guardian of ${guardianOf.join(", ")} until the step-down is recorded on the team's page.`
    : "";
  return (
    <span className="flex flex-wrap items-center gap-2">
      {deactivated ? (
        <Button
          type="button"
          variant="secondary"
          onClick={() => run("reactivate")}
          disabled={pending}
        >
          Reactivate {name}
        </Button>
      ) : (
        <ConfirmButton
          label={`Deactivate ${name}`}
          title={`Deactivate ${name}?`}
          confirmLabel="Deactivate"
          onConfirm={() => run("deactivate")}
          pending={pending}
          body={`${name} will no longer be able to sign in, and any session they have ends now. Their history stays, and you can reactivate them later.${guardianNote}`}
        />
      )}
      <FormMessage state={state} />
    </span>
  );
}
