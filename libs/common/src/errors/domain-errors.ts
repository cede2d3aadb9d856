import { NOT_FOUND_ENTITIES, type NotFoundEntity } from './common.errors';
import { errorText, type ErrorParams } from './messages';

/** A dotted code such as `group.full`; anything else given in its place is English words. */
const DOTTED_CODE = /^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$/;

/**
 * What a domain error takes as its code: dotted, as declared in a catalogue. A snake_case code or
 * an English sentence built at the throw site has no dot and does not compile.
 */
export type ErrorCode = `${string}.${string}`;

export function isDottedCode(value: string | undefined): value is ErrorCode {
  return value !== undefined && DOTTED_CODE.test(value);
}

/**
 * Errors thrown by domain services. They carry no HTTP status: the API maps them in one filter,
 * and the worker can reuse the same services without pulling in HTTP concepts. Each carries a
 * code declared in its domain's catalogue (`<lib>.errors.ts`) and the parameters its texts fill
 * in; `message` is the English text, for logs.
 */
export abstract class DomainError extends Error {
  readonly code: ErrorCode;
  readonly params: ErrorParams;

  constructor(code: ErrorCode, params: ErrorParams = {}) {
    super(errorText(code, 'en', params) ?? code);
    this.name = new.target.name;
    this.code = code;
    this.params = params;
  }
}

/** The record does not exist, or the caller may not know that it exists. */
export class NotFoundError extends DomainError {
  constructor(entity: NotFoundEntity, id?: string) {
    super(NOT_FOUND_ENTITIES[entity], id === undefined ? {} : { id });
    // The logs name the record even where the client's text does not.
    if (id !== undefined && !this.message.includes(id)) this.message = `${this.message} (${id})`;
  }
}

/** The request conflicts with the current state of a record (duplicate, wrong status, overlap). */
export class ConflictError extends DomainError {}

/** The request is well-formed but a business rule refuses it. */
export class RuleViolationError extends DomainError {
  constructor(
    code: ErrorCode,
    params: ErrorParams = {},
    readonly details?: Record<string, unknown>,
  ) {
    super(code, params);
  }
}

/**
 * The input is invalid in a way only the service can tell (e.g. a field depends on another):
 * `new InvalidInputError('endDate', 'field.too_large', { max })`.
 */
export class InvalidInputError extends DomainError {
  /** The code of the field's problem; the error's own code is `request.invalid_input`. */
  readonly fieldCode: ErrorCode;

  constructor(
    readonly field: string,
    fieldCode: ErrorCode,
    params: ErrorParams = {},
  ) {
    super('request.invalid_input', params);
    // The logs name the field and its problem; the client gets them in `errors[]`.
    this.message = `${field}: ${errorText(fieldCode, 'en', params) ?? fieldCode}`;
    this.fieldCode = fieldCode;
  }
}

/** The caller is signed in but may not do this: `auth.forbidden` unless a rule says more. */
export class ForbiddenError extends DomainError {
  constructor(code: ErrorCode = 'auth.forbidden', params: ErrorParams = {}) {
    super(code, params);
  }
}

/** The credentials are wrong, missing or no longer valid. */
export class UnauthenticatedError extends DomainError {}

/** Too many attempts; `retryAfterSeconds` tells the client when to try again. */
export class TooManyAttemptsError extends DomainError {
  constructor(
    code: ErrorCode,
    readonly retryAfterSeconds: number,
    params: ErrorParams = {},
  ) {
    super(code, params);
  }
}
