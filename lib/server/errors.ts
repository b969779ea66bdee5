// Failures the person can act on; their message is shown as is. Each carries a stable
// machine-readable `code` (API error bodies send it beside the message); the code decides the
// HTTP status, so no handler picks a status for a refusal itself.
export const ERROR_STATUS = {
  unauthenticated: 401,
  forbidden: 403,
  cross_site: 403,
  not_found: 404,
  bad_request: 400,
  payload_too_large: 413,
  invalid_input: 422,
  rejected: 422,
  database_unavailable: 503,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** A business rule refused the request (`rejected`), or another failure named by its code. */
export class DomainError extends Error {
  constructor(
    message: string,
    readonly code: ErrorCode = "rejected",
  ) {
    super(message);
  }
}

/** A record that is missing or outside the caller's scope: the two look the same. */
export class NotFoundError extends DomainError {
  constructor(what = "record") {
    super(`That ${what} does not exist or is not visible to you.`, "not_found");
  }
}

export class PermissionError extends DomainError {
  constructor(message = "You do not have permission to do that.") {
    super(message, "forbidden");
  }
}

/** No signed-in person (or a deactivated one). */
export class SignedOutError extends DomainError {
  constructor(message: string) {
    super(message, "unauthenticated");
  }
}

/**
 * A domain refusal about one field (an unknown team, a duplicate email): the form shows
 * `fieldMessage` beside that field and `message` (by default the usual "correct the
 * highlighted fields") beside the button; an API answers it as an issue on that field.
 */
export class FieldError extends DomainError {
  constructor(
    readonly field: string,
    readonly fieldMessage: string,
    message = "Please correct the highlighted fields.",
  ) {
    super(message, "invalid_input");
  }
}
