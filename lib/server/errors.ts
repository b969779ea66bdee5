// Failures the person can act on; their message is shown as is.
export class DomainError extends Error {}

/** A record that is missing or outside the caller's scope: the two look the same. */
export class NotFoundError extends DomainError {
  constructor(what = "record") {
    super(`That ${what} does not exist or is not visible to you.`);
  }
}

export class PermissionError extends DomainError {
  constructor() {
    super("You do not have permission to do that.");
  }
}
