"use client";

import { ActionForm } from "@/components/ui/action-form";
import { retryJobAction } from "@/lib/server/jobs/actions";

/** Retries one failed job, or (without `id`) every failed job of its queue, after confirming. */
export function RetryJobButton({
  queue,
  id,
  label,
}: {
  queue: string;
  id?: string;
  label?: string;
}) {
  return (
    <ActionForm
      action={retryJobAction}
      label={label ?? "Retry this job"}
      submit={label ?? "Retry"}
      pendingLabel="Queuing…"
      variant="secondary"
      hidden={{ queue, ...(id ? { id } : {}) }}
      confirm={
        id
          ? undefined
          : {
              title: "Retry every failed job of this queue?",
              body: "Each one gets one more attempt now. Fix the cause first (SMTP settings, a webhook URL), or they fail again.",
              confirmLabel: "Retry them",
            }
      }
    />
  );
}
