"use client";

import { useId, useRef } from "react";
import { Button } from "./button";

/** A destructive action behind a confirmation dialog (native <dialog>: focus-trapped, Esc closes). */
export function ConfirmButton({
  label,
  accessibleLabel,
  title,
  body,
  confirmLabel,
  onConfirm,
  pending,
}: {
  label: string;
  accessibleLabel?: string;
  title: string;
  body: string;
  confirmLabel: string;
  onConfirm: () => void;
  pending?: boolean;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  return (
    <>
      <Button
        type="button"
        variant="ghost"
        className="px-2 py-1 text-red-700 dark:text-red-400"
        onClick={() => dialog.current?.showModal()}
        disabled={pending}
        aria-label={accessibleLabel}
      >
        {label}
      </Button>
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        className="m-auto rounded-lg p-0 backdrop:bg-slate-900/50 dark:bg-slate-900 dark:text-slate-100"
      >
        <div className="max-w-sm p-5">
          <h2 id={titleId} className="font-semibold">
            {title}
          </h2>
          <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">{body}</p>
          <div className="mt-4 flex justify-end gap-2">
            <Button
              type="button"
              variant="secondary"
              onClick={() => dialog.current?.close()}
              autoFocus
            >
              Cancel
            </Button>
            <Button
              type="button"
              variant="danger"
              onClick={() => {
                dialog.current?.close();
                onConfirm();
              }}
            >
              {confirmLabel}
            </Button>
          </div>
        </div>
      </dialog>
    </>
  );
}
