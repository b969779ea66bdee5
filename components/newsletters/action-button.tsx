"use client";

import { useActionState, useId, useRef } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import type { ActionState } from "@/lib/server/action-state";
import { idle } from "@/lib/server/action-state";

type Confirm = { title: string; body: string; confirmLabel: string };

/**
 * A one-button form for an action that takes hidden fields only. With `confirm`, the button opens a
 * confirmation dialog first (native <dialog>: focus-trapped, Esc cancels) whose confirm button submits.
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
  const [state, run, pending] = useActionState(action, idle);
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const bodyId = useId();
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
            onClick={() => dialog.current?.showModal()}
          >
            {pending ? pendingLabel : label}
          </Button>
          <dialog
            ref={dialog}
            aria-labelledby={titleId}
            aria-describedby={bodyId}
            className="m-auto rounded-lg p-0 backdrop:bg-slate-900/50 dark:bg-slate-900 dark:text-slate-100"
          >
            <div className="max-w-md p-5">
              <h2 id={titleId} className="font-semibold">
                {confirm.title}
              </h2>
              <p id={bodyId} className="mt-2 text-sm text-slate-600 dark:text-slate-400">
                {confirm.body}
              </p>
              <div className="mt-4 flex justify-end gap-2">
                <Button
                  type="button"
                  variant="secondary"
                  onClick={() => dialog.current?.close()}
                  autoFocus
                >
                  Cancel
                </Button>
                <Button type="submit" onClick={() => dialog.current?.close()}>
                  {confirm.confirmLabel}
                </Button>
              </div>
            </div>
          </dialog>
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
