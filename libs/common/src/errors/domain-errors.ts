import { NOT_FOUND_ENTITIES, type NotFoundEntity } from './common.errors';
import { errorText, type ErrorParams } from './messages';

/** A dotted code such as `group.full`; anything else given in its place is English words. */
const DOTTED_CODE = /^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$/;

export function isDottedCode(value: string): boolean {
  return DOTTED_CODE.test(value);
}

/**
 * Errors thrown by domain services. They carry no HTTP status: the API maps them in one filter,
 * and the worker can reuse the same services without pulling in HTTP concepts. Each carries a
 * code declared in its domain's catalogue (`<lib>.errors.ts`) and the parameters its texts fill
 * in; `message` is the English text, for logs.
 */
export abstract class DomainError extends Error {
  readonly code: string;
  readonly params: ErrorParams;
  /**
   * English words given by a throw site that predates the catalogues (code and message, no
   * parameters): the filter keeps them for English and writes other languages from the code.
   */
  readonly englishOnly?: string;

  constructor(code: string, paramsOrMessage: ErrorParams | string = {}) {
    const legacy = typeof paramsOrMessage === 'string' ? paramsOrMessage : undefined;
    const params = typeof paramsOrMessage === 'string' ? {} : paramsOrMessage;
    super(legacy ?? errorText(code, 'en', params) ?? code);
    this.name = new.target.name;
    this.code = code;
    this.params = params;
    this.englishOnly = legacy;
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
    code: string,
    paramsOrMessage: ErrorParams | string = {},
    readonly details?: Record<string, unknown>,
  ) {
    super(code, paramsOrMessage);
  }
}

/**
 * The input is invalid in a way only the service can tell (e.g. a field depends on another):
 * `new InvalidInputError('endDate', 'field.too_large', { max })`. Given English words instead of
 * a code (older throw sites), the field's code is `field.invalid`.
 */
export class InvalidInputError extends DomainError {
  /** The code of the field's problem; the error's own code is `request.invalid_input`. */
  readonly fieldCode: string;
  /** The English words of an older throw site, kept for English answers. */
  readonly fieldEnglish?: string;

  constructor(
    readonly field: string,
    codeOrMessage: string,
    params: ErrorParams = {},
  ) {
    const coded = isDottedCode(codeOrMessage);
    const english = coded
      ? (errorText(codeOrMessage, 'en', params) ?? codeOrMessage)
      : codeOrMessage;
    super('request.invalid_input', coded ? params : `${field}: ${codeOrMessage}`);
    this.message = `${field}: ${english}`;
    this.fieldCode = coded ? codeOrMessage : 'field.invalid';
    this.fieldEnglish = coded ? undefined : codeOrMessage;
  }
}

/** The caller is signed in but may not do this: `auth.forbidden` unless a rule says more. */
export class ForbiddenError extends DomainError {
  constructor(codeOrMessage: string = 'auth.forbidden', params: ErrorParams = {}) {
    if (isDottedCode(codeOrMessage)) super(codeOrMessage, params);
    else super('auth.forbidden', codeOrMessage);
  }
}

/** The credentials are wrong, missing or no longer valid. */
export class UnauthenticatedError extends DomainError {}

/** Too many attempts; `retryAfterSeconds` tells the client when to try again. */
export class TooManyAttemptsError extends DomainError {
  constructor(
    code: string,
    readonly retryAfterSeconds: number,
    params: ErrorParams = {},
  ) {
    super(code, params);
  }
}
