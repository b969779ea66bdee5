"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { idle } from "@/lib/server/action-state";
import { unsubscribeAction } from "@/lib/server/notifications/actions";

/** The unsubscribe page's button: a form post (never a GET), then the confirmation. */
export function UnsubscribeForm({ token }: { token: string }) {
  const [state, run, pending] = useActionState(unsubscribeAction, idle);
  return (
    <form action={run} className="mt-4 space-y-3" aria-label="Unsubscribe">
      <input type="hidden" name="token" value={token} />
      {state.status === "ok" ? null : (
        <Button type="submit" className="w-full" disabled={pending}>
          {pending ? "Turning off…" : "Turn these emails off"}
        </Button>
      )}
      <FormMessage state={state} success />
    </form>
  );
}
