"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import type { ActionState } from "@/lib/server/action-state";
import { idle } from "@/lib/server/action-state";

/** A one-button form for an action that takes hidden fields only. */
export function ActionButton({ action, fields, label, pendingLabel, variant = "primary" }: {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>; fields: Record<string, string>; label: string; pendingLabel: string; variant?: "primary" | "secondary";
}) {
  const [state, run, pending] = useActionState(action, idle);
  return (
    <form action={run} className="flex flex-wrap items-center gap-3">
      {Object.entries(fields).map(([k, v]) => <input key={k} type="hidden" name={k} value={v} />)}
      <Button type="submit" variant={variant} disabled={pending}>{pending ? pendingLabel : label}</Button>
      <FormMessage state={state} />
    </form>
  );
}
