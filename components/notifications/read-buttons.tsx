"use client";

import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import type { ActionState } from "@/lib/server/action-state";
import {
  markAllNotificationsReadAction,
  markNotificationReadAction,
} from "@/lib/server/notifications/actions";
import { announceNotificationsRead } from "./bell-link";
import { useFormAction } from "@/components/ui/use-form-action";

type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;

/** The action, then the bell counts again when it succeeded (before the read item re-renders). */
const thenRecount =
  (action: Action): Action =>
  async (prev, form) => {
    const state = await action(prev, form);
    if (state.status === "ok") announceNotificationsRead();
    return state;
  };
const markRead = thenRecount(markNotificationReadAction);
const markAllRead = thenRecount(markAllNotificationsReadAction);

/** "Mark as read" on one unread notification. */
export function MarkReadButton({ id, title }: { id: string; title: string }) {
  const [state, run, pending] = useFormAction(markRead);
  return (
    <form action={run} className="flex shrink-0 flex-col items-end gap-1">
      <input type="hidden" name="id" value={id} />
      <Button
        type="submit"
        variant="ghost"
        className="px-2 py-1 text-xs"
        disabled={pending}
        aria-label={`Mark “${title}” as read`}
      >
        {pending ? "Marking…" : "Mark as read"}
      </Button>
      {state.status === "error" ? <FormMessage state={state} /> : null}
    </form>
  );
}

/** "Mark all as read", up to the newest notification the page showed. */
export function MarkAllReadButton({ upTo, unread }: { upTo: string; unread: number }) {
  const [state, run, pending] = useFormAction(markAllRead);
  return (
    <form action={run} className="flex flex-wrap items-center gap-3" aria-label="Mark all as read">
      <input type="hidden" name="upTo" value={upTo} />
      <FormMessage state={state} />
      <Button type="submit" variant="secondary" disabled={pending || unread === 0}>
        {pending ? "Marking…" : "Mark all as read"}
      </Button>
    </form>
  );
}
