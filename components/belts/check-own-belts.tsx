"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { checkOwnBeltsAction } from "@/lib/server/belts/actions";
import { idle } from "@/lib/server/action-state";

/** The guardian's own "check my renewal now" (the daily run would do it by the next morning). */
export function CheckOwnBelts() {
  const [state, action, pending] = useActionState(checkOwnBeltsAction, idle);
  return (
    <form
      action={action}
      aria-label="Check my renewal"
      className="mt-3 flex flex-wrap items-center gap-3"
    >
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Checking…" : "Check my renewal now"}
      </Button>
      {/* The answer is something to read (what was renewed, what is missing), so it stays here. */}
      <FormMessage state={state} success />
    </form>
  );
}
