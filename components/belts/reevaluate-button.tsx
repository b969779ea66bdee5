"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { reevaluateAction } from "@/lib/server/belts/actions";
import { idle } from "@/lib/server/action-state";

export function ReevaluateButton() {
  const [state, action, pending] = useActionState(reevaluateAction, idle);
  return (
    <form action={action} className="flex items-center gap-3">
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Evaluating…" : "Re-evaluate everyone"}
      </Button>
      <FormMessage state={state} />
    </form>
  );
}
