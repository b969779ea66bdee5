import type { ActionState } from "@/lib/server/action-state";

/**
 * A form's answer beside its button. Errors show here (role="alert"); a success shows as the
 * confirmation at the foot of the screen (useFormAction), so here only with `success` (a form
 * whose answer replaces it or is something to read: unsubscribing, a belt rule's preview).
 */
export function FormMessage({ state, success }: { state: ActionState; success?: boolean }) {
  if (!state.message) return null;
  const error = state.status === "error";
  if (!error && !success) return null;
  return (
    <p
      role={error ? "alert" : "status"}
      className={
        error
          ? "text-sm text-red-700 dark:text-red-400"
          : "text-sm text-green-700 dark:text-green-400"
      }
    >
      {state.message}
    </p>
  );
}
