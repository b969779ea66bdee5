import "server-only";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { can, type Permission } from "@/lib/auth/permissions";
import { getActor, type SessionActor } from "@/lib/auth/session";
import { controlCharacterErrors, invalid, type ActionState } from "./action-state";
import { isDatabaseUnavailable } from "./api";
import { DomainError } from "./errors";

/**
 * Wraps a form's server action: session and permission first, then the zod schema, then the
 * work. Domain errors come back as messages; anything unexpected is logged and answered generically.
 */
export function formAction<T>(
  permission: Permission,
  schema: z.ZodType<T>,
  run: (actor: SessionActor, input: T) => Promise<ActionState>,
) {
  return async (_prev: ActionState, form: FormData): Promise<ActionState> => {
    const actor = await getActor();
    if (!actor) return { status: "error", message: "Your session has ended. Sign in again." };
    if (!can(actor, permission))
      return { status: "error", message: "You do not have permission to do that." };
    const parsed = schema.safeParse(Object.fromEntries(form));
    if (!parsed.success) return invalid(parsed.error);
    const control =
      typeof parsed.data === "object" && parsed.data
        ? controlCharacterErrors(parsed.data as Record<string, unknown>)
        : null;
    if (control) return control; // only fields the action uses: unknown extra fields are ignored
    try {
      return await run(actor, parsed.data);
    } catch (error) {
      unstable_rethrow(error); // redirects and not-found are not failures
      if (error instanceof DomainError) return { status: "error", message: error.message };
      if (isDatabaseUnavailable(error))
        return {
          status: "error",
          message: "The database is unavailable. Nothing was saved; try again in a moment.",
        };
      console.error("action failed", error);
      return {
        status: "error",
        message: "Something went wrong and nothing was saved. Please try again.",
      };
    }
  };
}
