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
  CONSTRAINT_MESSAGES,
  ConflictError,
  DomainError,
  ForbiddenError,
  InputValidationException,
  InvalidInputError,
  NotFoundError,
  RuleViolationError,
  TooManyAttemptsError,
  UnauthenticatedError,
} from '@sheber/common';
import {
  PG_CHECK_VIOLATION,
  PG_FOREIGN_KEY_VIOLATION,
  PG_INVALID_TEXT_REPRESENTATION,
  PG_UNIQUE_VIOLATION,
  postgresErrorInfo,
  unavailableService,
} from '@sheber/database';

/** How long a client should wait before trying again while PostgreSQL or Redis is away. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string | string[];
  code?: string;
  errors?: { field: string; messages: string[] }[];
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

function body(
  statusCode: number,
  message: string | string[],
  extra: Partial<ErrorBody> = {},
): ErrorBody {
  return { statusCode, error: REASON[statusCode] ?? 'Error', message, ...extra };
}

/** What a domain error means over HTTP. */
function fromDomainError(error: DomainError): ErrorBody {
  if (error instanceof NotFoundError) return body(404, error.message, { code: error.code });
  if (error instanceof ConflictError) return body(409, error.message, { code: error.code });
  if (error instanceof RuleViolationError) {
    return body(422, error.message, { code: error.code, details: error.details });
  }
  if (error instanceof InvalidInputError) {
    return body(400, [error.message], {
      code: error.code,
      errors: [{ field: error.field, messages: [error.message] }],
    });
  }
  if (error instanceof UnauthenticatedError) return body(401, error.message, { code: error.code });
  if (error instanceof ForbiddenError) return body(403, error.message, { code: error.code });
  if (error instanceof TooManyAttemptsError) return body(429, error.message, { code: error.code });
  return body(400, error.message, { code: error.code });
}

/** Fastify's own errors (body too large, malformed JSON, wrong content type) carry a 4xx code. */
function fromFastifyError(error: unknown): ErrorBody | null {
  const candidate = error as { statusCode?: unknown; code?: unknown; message?: unknown };
  if (
    typeof candidate?.code === 'string' &&
    candidate.code.startsWith('FST_') &&
    typeof candidate.statusCode === 'number' &&
    candidate.statusCode >= 400 &&
    candidate.statusCode < 500
  ) {
    const message =
      candidate.statusCode === 413
        ? 'The request body is too large'
        : candidate.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError
          ? 'The request body is not valid JSON'
          : String(candidate.message);
    return body(candidate.statusCode, message, { code: candidate.code.toLowerCase() });
  }
  return null;
}

/**
 * PostgreSQL or Redis unreachable (stopped, restarting, refusing connections): 503 naming which,
 * never a 500. The request may be repeated once the service is back.
 */
function fromUnavailableService(error: unknown): ErrorBody | null {
  const service = unavailableService(error);
  if (!service) return null;
  return body(
    HttpStatus.SERVICE_UNAVAILABLE,
    service === 'database'
      ? 'The database is unavailable; try again shortly'
      : 'Redis is unavailable; try again shortly',
    { code: `${service}.unavailable` },
  );
}

function fromDatabaseError(error: unknown): ErrorBody | null {
  const info = postgresErrorInfo(error);
  if (!info) return null;
  if (info.code === PG_INVALID_TEXT_REPRESENTATION) {
    return body(400, 'A value has the wrong format', { code: 'invalid_text_representation' });
  }
  const known = info.constraint ? CONSTRAINT_MESSAGES[info.constraint] : undefined;
  if (!known) return null;
  if (info.code === PG_UNIQUE_VIOLATION || info.code === PG_CHECK_VIOLATION) {
    return body(409, known, { code: info.constraint });
  }
  if (info.code === PG_FOREIGN_KEY_VIOLATION) return body(409, known, { code: info.constraint });
  return null;
}

/**
 * The one place where errors become HTTP responses: `{statusCode, error, message}`. Anything not
 * recognised is a 500 that names the request id and reveals nothing else.
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const context = host.switchToHttp();
    const request = context.getRequest<FastifyRequest>();
    const reply = context.getResponse<FastifyReply>();
    const result = this.toBody(exception, String(request.id));
    if (exception instanceof TooManyAttemptsError) {
      void reply.header('retry-after', String(exception.retryAfterSeconds));
    }
    if (result.statusCode === 503) {
      void reply.header('retry-after', String(UNAVAILABLE_RETRY_AFTER_SECONDS));
    }
    void reply.status(result.statusCode).send(result);
  }

  toBody(exception: unknown, requestId: string): ErrorBody {
    if (exception instanceof DomainError) return fromDomainError(exception);
    if (exception instanceof InputValidationException) {
      return body(
        400,
        exception.fieldErrors.flatMap((e) => e.messages),
        {
          errors: exception.fieldErrors,
        },
      );
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const message =
        typeof response === 'object' && response !== null && 'message' in response
          ? (response as { message: string | string[] }).message
          : exception.message;
      if (status < 500) return body(status, message);
    }
    const fastify = fromFastifyError(exception);
    if (fastify) return fastify;
    const unavailable = fromUnavailableService(exception);
    if (unavailable) {
      // Once per request, without the SQL or its parameters.
      this.logger.warn({ requestId, code: unavailable.code }, 'Service unavailable');
      return unavailable;
    }
    const database = fromDatabaseError(exception);
    if (database) return database;

    // Log the error's kind, message and stack but never its SQL parameters (personal data).
    const error = exception instanceof Error ? exception : new Error(String(exception));
    this.logger.error(
      { requestId, err: { type: error.name, message: error.message, stack: error.stack } },
      'Unexpected error',
    );
    return body(
      HttpStatus.INTERNAL_SERVER_ERROR,
      `Unexpected error. Quote request id ${requestId} when reporting it.`,
      { requestId },
    );
  }
}
