"use client";

import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { revokeBeltAction } from "@/lib/server/belts/actions";
import { useFormAction } from "@/components/ui/use-form-action";

/** Revoking asks for a reason; the award stays in the history. */
export function RevokeBelt({ awardId, label }: { awardId: number; label: string }) {
  const [state, action, pending] = useFormAction(revokeBeltAction);
  // Done: the confirmation shows at the foot of the screen (useFormAction).
  if (state.status === "ok") return null;
  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-red-700 dark:text-red-400">Revoke</summary>
      <form action={action} className="mt-1 flex flex-wrap items-center gap-2">
        <input type="hidden" name="awardId" value={awardId} />
        <label htmlFor={`reason-${awardId}`} className="sr-only">
          Reason for revoking {label}
        </label>
        <input
          id={`reason-${awardId}`}
          name="reason"
          required
          minLength={5}
          placeholder="Reason"
          className="rounded-md border border-slate-300 px-2 py-1 dark:border-slate-700 dark:bg-slate-900"
        />
        <Button type="submit" variant="danger" className="px-2 py-1" disabled={pending}>
          Revoke {label}
        </Button>
        <FormMessage state={state} />
      </form>
    </details>
  );
}
