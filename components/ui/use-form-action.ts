"use client";

import { useActionState } from "react";
import { idle, type ActionState } from "@/lib/server/action-state";
import { showConfirmation } from "./toaster";

type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;

/**
 * useActionState for a form action, announcing its success: an "ok" answer's message shows as
 * the confirmation at the foot of the screen (components/ui/toaster.tsx), even when the form
 * itself is gone by then (an approved nomination leaves the list). Errors stay with the form.
 */
export function useFormAction(action: Action) {
  return useActionState(async (prev: ActionState, form: FormData) => {
    const next = await action(prev, form);
    if (next.status === "ok" && next.message) showConfirmation(next.message);
    return next;
  }, idle);
}
