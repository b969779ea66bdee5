"use client";

import { useState } from "react";
import { Button } from "./button";
import { ConfirmDialog } from "./dialog";

/** A destructive action behind a confirmation dialog. */
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
  const [asking, setAsking] = useState(false);
  return (
    <>
      <Button
        type="button"
        variant="ghost"
        className="px-2 py-1 text-red-700 dark:text-red-400"
        onClick={() => setAsking(true)}
        disabled={pending}
        aria-label={accessibleLabel}
      >
        {label}
      </Button>
      <ConfirmDialog
        open={asking}
        onOpenChange={setAsking}
        title={title}
        body={body}
        confirmLabel={confirmLabel}
        variant="danger"
        onConfirm={onConfirm}
      />
    </>
  );
}
