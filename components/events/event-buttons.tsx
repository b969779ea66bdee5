"use client";

import { ActionForm } from "@/components/ui/action-form";
import {
  cancelEventAction,
  registerForEventAction,
  unregisterFromEventAction,
} from "@/lib/server/events/actions";

/** Takes a place at an event. */
export function RegisterButton({ eventId, title }: { eventId: number; title: string }) {
  return (
    <ActionForm
      action={registerForEventAction}
      label={`Register for ${title}`}
      submit="Register"
      pendingLabel="Registering…"
      hidden={{ eventId: String(eventId) }}
    />
  );
}

/** Gives up a place, after a confirmation (it may go to someone else). */
export function UnregisterButton({ eventId, title }: { eventId: number; title: string }) {
  return (
    <ActionForm
      action={unregisterFromEventAction}
      label={`Give up your place at ${title}`}
      submit="Give up my place"
      pendingLabel="Giving up…"
      variant="secondary"
      hidden={{ eventId: String(eventId) }}
      confirm={{
        title: `Give up your place at “${title}”?`,
        body: "Someone else may take it; if the event fills up you cannot register again.",
        confirmLabel: "Give up my place",
      }}
    />
  );
}

/** Cancels an event that has not started, after a confirmation. */
export function CancelEventButton({ eventId, title }: { eventId: number; title: string }) {
  return (
    <ActionForm
      action={cancelEventAction}
      label={`Cancel ${title}`}
      submit="Cancel event"
      pendingLabel="Cancelling…"
      variant="secondary"
      hidden={{ eventId: String(eventId) }}
      confirm={{
        title: `Cancel “${title}”?`,
        body: "Registration closes and the event is marked cancelled for everyone registered. This cannot be undone.",
        confirmLabel: "Cancel event",
      }}
    />
  );
}
