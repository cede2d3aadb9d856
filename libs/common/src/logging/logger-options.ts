import type { LoggerService } from '@nestjs/common';
import { pino, type Logger as Pino } from 'pino';

/** Masks any run of 12 digits (an IIN) in a URL or text, so it never reaches a log. */
export function maskIins(text: string): string {
  return text.replace(/\d{12}/g, '************');
}

/**
 * Query parameters whose values may be logged: paging, filters by id, status, dates, formats. Any
 * other key, however it is spelt or encoded (`search`, `Search`, `search%00`, `%73earch`), has its
 * value replaced, so a new or mangled parameter cannot carry a name or an IIN into the log.
 */
const LOGGABLE_QUERY_KEY =
  /^(limit|offset|status|format|lang|delimiter|from|to|year|craft|entity|[a-z]*Id)$/;

/** A URL fit for the log: IINs masked and every value of a parameter not known harmless left out. */
export function redactUrl(url: string): string {
  const mark = url.indexOf('?');
  if (mark < 0) return maskIins(url);
  const query = url
    .slice(mark + 1)
    .split('&')
    .map((pair) => {
      const equals = pair.indexOf('=');
      if (equals < 0) return maskIins(pair);
      const key = pair.slice(0, equals);
      return LOGGABLE_QUERY_KEY.test(key) ? maskIins(pair) : `${maskIins(key)}=[redacted]`;
    })
    .join('&');
  return `${maskIins(url.slice(0, mark))}?${query}`;
}

/** Keys whose values never reach a log, at any depth of a logged object: credentials, personal data. */
const PERSONAL_KEY = /iin|phone|passw|token|secret|authorization|cookie|guardian|categor|search/i;
/** How deep a logged object is searched for personal keys; deeper values are dropped. */
const MAX_LOG_DEPTH = 8;

/**
 * A copy of a log line's object with every value under a personal key replaced, at any depth and
 * whatever the key's exact spelling (`iin`, `traineeIin`, `guardianPhone`, `accessToken`). Only
 * plain objects and arrays are copied: requests, responses and errors pass to their serializers.
 */
export function redactPersonal(value: unknown, depth = 0): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_LOG_DEPTH) return '[too deep]';
  if (Array.isArray(value)) return value.map((item) => redactPersonal(item, depth + 1));
  const prototype = Object.getPrototypeOf(value) as unknown;
  if (prototype !== Object.prototype && prototype !== null) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    copy[key] = PERSONAL_KEY.test(key) ? '[redacted]' : redactPersonal(item, depth + 1);
  }
  return copy;
}

/**
 * The JSON logger of every process. The API hands the same instance to Fastify, which logs each
 * request with its id; request lines carry the method, the IIN-masked URL and the status only.
 */
export function createPinoLogger(level: string, name: string): Pino {
  return pino({
    name,
    level,
    formatters: { log: (object) => redactPersonal(object) as Record<string, unknown> },
    serializers: {
      req: (request: { id?: string; method?: string; url?: string }) => ({
        id: request.id,
        method: request.method,
        url: redactUrl(request.url ?? ''),
      }),
      res: (response: { statusCode?: number }) => ({ statusCode: response.statusCode }),
    },
  });
}

/** Nest's own log lines (start-up, errors) through the same pino logger. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Pino) {}

  private write(
    level: 'info' | 'error' | 'warn' | 'debug' | 'trace',
    message: unknown,
    rest: unknown[],
  ): void {
    const context =
      typeof rest[rest.length - 1] === 'string' ? (rest[rest.length - 1] as string) : undefined;
    if (message instanceof Error) {
      this.logger[level]({ context, err: message }, message.message);
    } else if (typeof message === 'object' && message !== null) {
      this.logger[level]({ context, ...message });
    } else {
      this.logger[level]({ context }, String(message));
    }
  }

  log(message: unknown, ...rest: unknown[]): void {
    this.write('info', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.write('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('trace', message, rest);
  }
}
