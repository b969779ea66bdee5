import type { z } from "zod";

// What every form action returns to its form (used with React's useActionState).
export type ActionState = {
  status: "idle" | "ok" | "error";
  message?: string;
  fieldErrors?: Record<string, string[] | undefined>;
};

export const idle: ActionState = { status: "idle" };

export function invalid(error: z.ZodError): ActionState {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "form";
    (fieldErrors[key] ??= []).push(issue.message);
  }
  return { status: "error", message: "Please correct the highlighted fields.", fieldErrors };
}
