"use client";

import { useEffect, useId, useRef } from "react";
import { Button } from "./button";

/** Open state held by the caller (as Radix's Dialog does): Esc or a button reports `false`. */
type OpenState = { open: boolean; onOpenChange: (open: boolean) => void };

/**
 * A modal dialog: the native <dialog> (focus-trapped, Esc closes, the page behind inert). It
 * is rendered where it is declared, not in a portal, so a submit button inside it submits the
 * surrounding form. Children are the dialog's buttons.
 * It inherits text styles from where it is declared (a right-aligned, unwrapped table cell),
 * so it sets its own.
 */
export function Dialog({
  open,
  onOpenChange,
  title,
  description,
  children,
}: OpenState & {
  title: React.ReactNode;
  description?: React.ReactNode;
  children: React.ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const bodyId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (open && !dialog?.open) dialog?.showModal();
    if (!open && dialog?.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      onClose={() => onOpenChange(false)}
      aria-labelledby={titleId}
      aria-describedby={description ? bodyId : undefined}
      className="m-auto w-[calc(100vw-2rem)] max-w-md whitespace-normal rounded-lg p-0 text-left font-normal backdrop:bg-slate-900/60 dark:bg-slate-900 dark:text-slate-100 dark:ring-1 dark:ring-slate-700"
    >
      <div className="p-5">
        <h2 id={titleId} className="font-semibold">
          {title}
        </h2>
        {description ? (
          <p id={bodyId} className="mt-2 text-sm text-slate-600 dark:text-slate-400">
            {description}
          </p>
        ) : null}
        <div className="mt-4 flex justify-end gap-2">{children}</div>
      </div>
    </dialog>
  );
}

/**
 * A question before an action: Cancel (focused first, so Enter does not confirm by accident) and
 * the confirm button, which either calls `onConfirm` or, with `submit`, submits the form around it.
 */
export function ConfirmDialog({
  open,
  onOpenChange,
  title,
  body,
  confirmLabel,
  variant = "primary",
  submit,
  onConfirm,
}: OpenState & {
  title: React.ReactNode;
  body: React.ReactNode;
  confirmLabel: React.ReactNode;
  variant?: "primary" | "danger";
  submit?: boolean;
  onConfirm?: () => void;
}) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange} title={title} description={body}>
      <Button type="button" variant="secondary" onClick={() => onOpenChange(false)} autoFocus>
        Cancel
      </Button>
      <Button
        type={submit ? "submit" : "button"}
        variant={variant}
        onClick={() => {
          onOpenChange(false);
          onConfirm?.();
        }}
      >
        {confirmLabel}
      </Button>
    </Dialog>
  );
}
