import "server-only";
import { headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import type { ActionState } from "./action-state";
import { failureOf } from "./failure";
import { stateOf } from "./form-action";
import { elapsedMs, logger, requestIdOf } from "./log";

// The pages a signed-out person uses (forgot password, the emailed links to set a password or to
// unsubscribe): no session, so not formAction, but the same input checks, failure mapping and
// one log line per call.
export async function publicAction(
  name: string,
  run: (request: Headers | null) => Promise<ActionState>,
): Promise<ActionState> {
  const started = performance.now();
  let request: Headers | null = null;
  try {
    request = await headers();
  } catch {
    // Outside a request (scripts, tests).
  }
  const done = (outcome: string, code?: string, err?: unknown) =>
    logger[err ? "error" : "info"](
      {
        requestId: requestIdOf(request),
        action: name,
        outcome,
        code,
        durationMs: elapsedMs(started),
        err,
      },
      "action",
    );
  try {
    const state = await run(request);
    done(state.status);
    return state;
  } catch (error) {
    try {
      unstable_rethrow(error);
    } catch (control) {
      done("redirect");
      throw control;
    }
    const failure = failureOf(error);
    done("error", failure.code, failure.unexpected ? error : undefined);
    return stateOf(failure, error);
  }
}
