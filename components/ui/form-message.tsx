import type { ActionState } from "@/lib/server/action-state";

export function FormMessage({ state }: { state: ActionState }) {
  if (!state.message) return null;
  const error = state.status === "error";
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
