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

/**
 * PostgreSQL text cannot hold the NUL character, and no form field needs one: such input is
 * refused before validation with a message on the field (rather than failing at the write).
 */
export function controlCharacterErrors(fields: Record<string, unknown>): ActionState | null {
  const bad = Object.entries(fields)
    .filter(([, v]) => typeof v === "string" && v.includes("\u0000"))
    .map(([k]) => k);
  if (bad.length === 0) return null;
  return {
    status: "error",
    message: "Please correct the highlighted fields.",
    fieldErrors: Object.fromEntries(
      bad.map((k) => [k, ["Remove the invisible control character (NUL) from this field."]]),
    ),
  };
}
