"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { FormMessage } from "@/components/ui/form-message";
import type { ActionState } from "@/lib/server/action-state";
import { useFormAction } from "@/components/ui/use-form-action";

type Confirm = { title: string; body: string; confirmLabel: string };

/**
 * A one-button form for an action that takes hidden fields only. With `confirm`, the button opens a
 * confirmation dialog first whose confirm button submits.
 */
export function ActionButton({
  action,
  fields,
  label,
  pendingLabel,
  variant = "primary",
  confirm,
  disabled,
}: {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  fields: Record<string, string>;
  label: string;
  pendingLabel: string;
  variant?: "primary" | "secondary";
  confirm?: Confirm;
  disabled?: boolean;
}) {
  const [state, run, pending] = useFormAction(action);
  const [asking, setAsking] = useState(false);
  return (
    <form action={run} className="flex flex-wrap items-center gap-3">
      {Object.entries(fields).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      {confirm ? (
        <>
          <Button
            type="button"
            variant={variant}
            disabled={pending || disabled}
            onClick={() => setAsking(true)}
          >
            {pending ? pendingLabel : label}
          </Button>
          <ConfirmDialog
            open={asking}
            onOpenChange={setAsking}
            title={confirm.title}
            body={confirm.body}
            confirmLabel={confirm.confirmLabel}
            submit
          />
        </>
      ) : (
        <Button type="submit" variant={variant} disabled={pending || disabled}>
          {pending ? pendingLabel : label}
        </Button>
      )}
      <FormMessage state={state} />
    </form>
  );
}
