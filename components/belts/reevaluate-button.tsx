"use client";

import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { reevaluateAction } from "@/lib/server/belts/actions";
import { useFormAction } from "@/components/ui/use-form-action";

export function ReevaluateButton() {
  const [state, action, pending] = useFormAction(reevaluateAction);
  return (
    <form action={action} className="flex items-center gap-3">
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Evaluating…" : "Re-evaluate everyone"}
      </Button>
      <FormMessage state={state} />
    </form>
  );
}
