import "server-only";
import { headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import { ZodError, type z } from "zod";
import { can, type Permission } from "@/lib/auth/permissions";
import { getActor, type SessionActor } from "@/lib/auth/session";
import { invalid, type ActionState } from "./action-state";
import { PermissionError, SignedOutError } from "./errors";
import { failureOf, formFields, parseInput, type Failure } from "./failure";
import { elapsedMs, logger, requestIdOf } from "./log";

export type ActionOptions<T> = {
  /** Names the action in the logs (the exported name without "Action"). */
  name: string;
  /** The permission needed in some scope, or "signed-in" for what anyone does to their own account. */
  permission: Permission | "signed-in";
  schema: z.ZodType<T>;
};

// Form actions keep their own wording for two failures; every other failure reads as in the API.
const ACTION_MESSAGES: Partial<Record<Failure["code"], string>> = {
  unauthenticated: "Your session has ended. Sign in again.",
  internal: "Something went wrong and nothing was saved. Please try again.",
};

/** A failure as form state: field issues beside their fields, the rest as one message. */
export function stateOf(failure: Failure, error: unknown): ActionState {
  if (error instanceof ZodError) return invalid(error);
  if (failure.issues)
    return {
      status: "error",
      message: failure.message,
      fieldErrors: Object.fromEntries(failure.issues.map((i) => [i.path, [i.message]])),
    };
  return { status: "error", message: ACTION_MESSAGES[failure.code] ?? failure.message };
}

/** The incoming request's headers; none outside a request (scripts, tests). */
async function requestHeaders() {
  try {
    return await headers();
  } catch {
    return null;
  }
}

/**
 * Wraps a form's server action: session and permission first, then the zod schema, then the
 * work. Every failure is answered through the shared mapping (lib/server/failure.ts) as form
 * state: field issues beside their fields, refusals as messages, faults logged and answered
 * generically. Each call logs one line: request id, actor, action, outcome, duration.
 */
export function formAction<T>(
  { name, permission, schema }: ActionOptions<T>,
  run: (actor: SessionActor, input: T) => Promise<ActionState>,
) {
  // `form` is what the client posted: a form, or anything else a crafted request sends (formFields).
  return async (_prev: ActionState, form: FormData): Promise<ActionState> => {
    const started = performance.now();
    const requestId = requestIdOf(await requestHeaders());
    let actorId: number | null = null;
    const done = (outcome: string, code?: string, err?: unknown) =>
      logger[err ? "error" : "info"](
        { requestId, actorId, action: name, outcome, code, durationMs: elapsedMs(started), err },
        "action",
      );
    try {
      // Whoever sends it, a body that is not a form is refused first.
      const fields = formFields(form);
      const actor = await getActor();
      if (!actor) throw new SignedOutError(ACTION_MESSAGES.unauthenticated!);
      actorId = actor.id;
      if (permission !== "signed-in" && !can(actor, permission)) throw new PermissionError();
      const state = await run(actor, parseInput(schema, fields));
      done(state.status);
      return state;
    } catch (error) {
      try {
        unstable_rethrow(error); // redirects and not-found are not failures
      } catch (control) {
        const digest = String((control as { digest?: unknown }).digest ?? "");
        done(
          digest.startsWith("NEXT_REDIRECT")
            ? "redirect"
            : digest.startsWith("NEXT_HTTP_ERROR_FALLBACK;404")
              ? "not-found"
              : "rethrown",
        );
        throw control;
      }
      const failure = failureOf(error);
      done("error", failure.code, failure.unexpected ? error : undefined);
      return stateOf(failure, error);
    }
  };
}
