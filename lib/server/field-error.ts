import type { ActionState } from "@/lib/server/action-state";
import { DomainError } from "@/lib/server/errors";

/**
 * A domain refusal about one field (an unknown team, a date before another record's): the
 * form shows `fieldMessage` beside that field and `message` (by default the usual "correct
 * the highlighted fields") beside the button. Anywhere else it is an ordinary DomainError.
 */
export class FieldError extends DomainError {
  constructor(
    readonly field: string,
    readonly fieldMessage: string,
    message = "Please correct the highlighted fields.",
  ) {
    super(message);
  }
}

/** Runs an action's work; a FieldError comes back on its field. */
export async function withFieldErrors(run: () => Promise<ActionState>): Promise<ActionState> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof FieldError)
      return {
        status: "error",
        message: error.message,
        fieldErrors: { [error.field]: [error.fieldMessage] },
      };
    throw error;
  }
}
