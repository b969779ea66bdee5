"use client";

import { Button } from "./button";
import { cn } from "./cn";
import type { ActionState } from "@/lib/server/action-state";
import { useFormAction } from "./use-form-action";

/**
 * A small form around server-rendered fields; errors (with each field's message) show beside the
 * button, a success as the screen's confirmation (useFormAction).
 */
export function SimpleForm({
  action,
  label,
  submit,
  pendingLabel,
  children,
  className,
  variant = "primary",
}: {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  label: string;
  submit: string;
  pendingLabel?: string;
  children?: React.ReactNode;
  className?: string;
  variant?: "primary" | "secondary";
}) {
  const [state, run, pending] = useFormAction(action);
  const details =
    state.status === "error" && state.fieldErrors
      ? Object.values(state.fieldErrors).flat().filter(Boolean)
      : [];
  return (
    <form
      action={run}
      aria-label={label}
      className={cn("flex flex-wrap items-end gap-3", className)}
    >
      {children}
      <Button type="submit" variant={variant} disabled={pending}>
        {pending ? (pendingLabel ?? "Saving…") : submit}
      </Button>
      {state.status === "error" && state.message ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {details.length ? details.join(" ") : state.message}
        </p>
      ) : null}
    </form>
  );
}
