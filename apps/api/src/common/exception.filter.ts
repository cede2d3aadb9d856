import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  CONSTRAINT_CODES,
  DomainError,
  type ErrorParams,
  type FieldError,
  ForbiddenError,
  InputValidationException,
  InvalidInputError,
  type Language,
  NotFoundError,
  paramText,
  preferredLanguage,
  renderMessage,
  RuleViolationError,
  TooManyAttemptsError,
  UnauthenticatedError,
  ConflictError,
} from '@sheber/common';
import {
  PG_CHECK_VIOLATION,
  PG_FOREIGN_KEY_VIOLATION,
  PG_INVALID_TEXT_REPRESENTATION,
  PG_UNIQUE_VIOLATION,
  postgresErrorInfo,
  unavailableService,
} from '@sheber/database';
import { ERROR_TEXTS } from './error-catalogue';

/** How long a client should wait before trying again while PostgreSQL or Redis is away. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

/** One refused field: its code, the text in the caller's language and the values it names. */
export interface FieldErrorBody {
  field: string;
  code: string;
  message: string;
  params?: Record<string, string | number>;
}

export interface ErrorBody {
  statusCode: number;
  error: string;
  /** Stable and dotted (`group.full`, `request.invalid_input`); clients translate by it. */
  code: string;
  /** In the language of Accept-Language (kk, ru, en; English otherwise). */
  message: string;
  params?: Record<string, string | number>;
  errors?: FieldErrorBody[];
  details?: Record<string, unknown>;
  requestId?: string;
}

const REASON: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** The code of a refusal Nest or Fastify makes itself, by its status. */
const CODE_OF_STATUS: Record<number, string> = {
  401: 'auth.sign_in_required',
  403: 'auth.forbidden',
  404: 'request.not_found',
  405: 'request.method_not_allowed',
  413: 'request.body_too_large',
  415: 'request.unsupported_media_type',
  429: 'request.rate_limited',
};

/** Parameters as sent: words given in each language are written in the caller's. */
function paramsIn(
  params: ErrorParams | undefined,
  language: Language,
): Record<string, string | number> | undefined {
  if (!params || Object.keys(params).length === 0) return undefined;
  return Object.fromEntries(
    Object.entries(params).map(([name, value]) => [
      name,
      typeof value === 'number' ? value : paramText(value, language),
    ]),
  );
}

/** Writes refusals in one language. */
class Writer {
  constructor(readonly language: Language) {}

  /** The text of a code in the writer's language. */
  text(code: string, params?: ErrorParams): string {
    const messages = ERROR_TEXTS.get(code);
    if (!messages) return code;
    return renderMessage(messages[this.language], params, this.language);
  }

  body(
    statusCode: number,
    code: string,
    params?: ErrorParams,
    extra: Partial<ErrorBody> = {},
  ): ErrorBody {
    const sent = paramsIn(params, this.language);
    return {
      statusCode,
      error: REASON[statusCode] ?? 'Error',
      code,
      message: this.text(code, params),
      ...(sent && { params: sent }),
      ...extra,
    };
  }

  field(error: FieldError): FieldErrorBody {
    const params = paramsIn(error.params, this.language);
    return {
      field: error.field,
      code: error.code,
      message: this.text(error.code, error.params),
      ...(params && { params }),
    };
  }

  invalidInput(errors: FieldErrorBody[]): ErrorBody {
    return this.body(400, 'request.invalid_input', undefined, { errors });
  }

  /** What a domain error means over HTTP. */
  fromDomainError(error: DomainError): ErrorBody {
    if (error instanceof InvalidInputError) {
      const field = { field: error.field, code: error.fieldCode, params: error.params };
      return this.invalidInput([this.field(field)]);
    }
    const status =
      error instanceof NotFoundError
        ? 404
        : error instanceof ConflictError
          ? 409
          : error instanceof RuleViolationError
            ? 422
            : error instanceof UnauthenticatedError
              ? 401
              : error instanceof ForbiddenError
                ? 403
                : error instanceof TooManyAttemptsError
                  ? 429
                  : 400;
    const details = error instanceof RuleViolationError ? error.details : undefined;
    return this.body(status, error.code, error.params, details && { details });
  }

  /** Fastify's own errors (body too large, malformed JSON, wrong content type) carry a 4xx code. */
  fromFastifyError(error: unknown): ErrorBody | null {
    const candidate = error as { statusCode?: unknown; code?: unknown };
    if (
      typeof candidate?.code === 'string' &&
      candidate.code.startsWith('FST_') &&
      typeof candidate.statusCode === 'number' &&
      candidate.statusCode >= 400 &&
      candidate.statusCode < 500
    ) {
      const status = candidate.statusCode;
      const code =
        candidate.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError
          ? 'request.invalid_json'
          : (CODE_OF_STATUS[status] ?? 'request.bad');
      return this.body(status, code);
    }
    return null;
  }

  /**
   * PostgreSQL or Redis unreachable (stopped, restarting, refusing connections): 503 naming which,
   * never a 500. The request may be repeated once the service is back.
   */
  fromUnavailableService(error: unknown): ErrorBody | null {
    const service = unavailableService(error);
    if (!service) return null;
    return this.body(HttpStatus.SERVICE_UNAVAILABLE, `${service}.unavailable`);
  }

  fromDatabaseError(error: unknown): ErrorBody | null {
    const info = postgresErrorInfo(error);
    if (!info) return null;
    if (info.code === PG_INVALID_TEXT_REPRESENTATION)
      return this.body(400, 'request.invalid_value');
    const code = info.constraint ? CONSTRAINT_CODES[info.constraint] : undefined;
    if (!code) return null;
    if (
      info.code === PG_UNIQUE_VIOLATION ||
      info.code === PG_CHECK_VIOLATION ||
      info.code === PG_FOREIGN_KEY_VIOLATION
    ) {
      return this.body(409, code);
    }
    return null;
  }
}

/**
 * The one place where errors become HTTP responses: `{statusCode, error, code, message}`, the
 * message in the caller's language. Anything not recognised is a 500 that names the request id
 * and reveals nothing else.
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const context = host.switchToHttp();
    const request = context.getRequest<FastifyRequest>();
    const reply = context.getResponse<FastifyReply>();
    const language = preferredLanguage(request.headers['accept-language'], 'en');
    const result = this.toBody(exception, String(request.id), language);
    if (exception instanceof TooManyAttemptsError) {
      void reply.header('retry-after', String(exception.retryAfterSeconds));
    }
    if (result.statusCode === 503) {
      void reply.header('retry-after', String(UNAVAILABLE_RETRY_AFTER_SECONDS));
    }
    void reply.header('content-language', language);
    void reply.status(result.statusCode).send(result);
  }

  toBody(exception: unknown, requestId: string, language: Language = 'en'): ErrorBody {
    const write = new Writer(language);
    if (exception instanceof DomainError) return write.fromDomainError(exception);
    if (exception instanceof InputValidationException) {
      return write.invalidInput(exception.fieldErrors.map((error) => write.field(error)));
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      if (status < 500) return write.body(status, CODE_OF_STATUS[status] ?? 'request.bad');
    }
    const fastify = write.fromFastifyError(exception);
    if (fastify) return fastify;
    const unavailable = write.fromUnavailableService(exception);
    if (unavailable) {
      // Once per request, without the SQL or its parameters.
      this.logger.warn({ requestId, code: unavailable.code }, 'Service unavailable');
      return unavailable;
    }
    const database = write.fromDatabaseError(exception);
    if (database) return database;

    // Log the error's kind, message and stack but never its SQL parameters (personal data).
    const error = exception instanceof Error ? exception : new Error(String(exception));
    this.logger.error(
      { requestId, err: { type: error.name, message: error.message, stack: error.stack } },
      'Unexpected error',
    );
    const body = write.body(HttpStatus.INTERNAL_SERVER_ERROR, 'internal.error', { requestId });
    // The request id is in the message and on its own; no parameters beside it.
    delete body.params;
    return { ...body, requestId };
  }
}
