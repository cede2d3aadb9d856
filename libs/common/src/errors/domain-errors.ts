/**
 * Errors thrown by domain services. They carry no HTTP status: the API maps them in one filter,
 * and the worker can reuse the same services without pulling in HTTP concepts.
 */
export abstract class DomainError extends Error {
  /** A stable machine-readable code, e.g. `group_full` or `user_email_taken`. */
  abstract readonly code: string;

  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** The record does not exist, or the caller may not know that it exists. */
export class NotFoundError extends DomainError {
  readonly code: string;
  constructor(entity: string, id?: string) {
    super(id ? `${entity} ${id} was not found` : `${entity} was not found`);
    this.code = `${entity.toLowerCase().replace(/\s+/g, '_')}_not_found`;
  }
}

/** The request conflicts with the current state of a record (duplicate, wrong status, overlap). */
export class ConflictError extends DomainError {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The request is well-formed but a business rule refuses it. */
export class RuleViolationError extends DomainError {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

/** The input is invalid in a way only the service can tell (e.g. a field depends on another). */
export class InvalidInputError extends DomainError {
  readonly code = 'invalid_input';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
  }
}

/** The caller is signed in but may not do this. */
export class ForbiddenError extends DomainError {
  constructor(
    message: string,
    readonly code: string = 'forbidden',
  ) {
    super(message);
  }
}

/** The credentials are wrong, missing or no longer valid. */
export class UnauthenticatedError extends DomainError {
  readonly code = 'unauthenticated';
}

/** Too many attempts; `retryAfterSeconds` tells the client when to try again. */
export class TooManyAttemptsError extends DomainError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
    readonly code: string = 'too_many_attempts',
  ) {
    super(message);
  }
}
