import type { z } from "zod";

// What every form action returns to its form (used with React's useActionState).
export type ActionState = {
  status: "idle" | "ok" | "error";
  message?: string;
  fieldErrors?: Record<string, string[] | undefined>;
};

export const idle: ActionState = { status: "idle" };

export function invalid(error: z.ZodError): ActionState {
  // A Map, not an object literal: a field may be named "toString" or "__proto__" (a crafted post).
  const byField = new Map<string, string[]>();
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "form";
    byField.set(key, [...(byField.get(key) ?? []), issue.message]);
  }
  return {
    status: "error",
    message: "Please correct the highlighted fields.",
    fieldErrors: Object.fromEntries(byField),
  };
}
