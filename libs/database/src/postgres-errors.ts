import pg from 'pg';
import { QueryFailedError } from 'typeorm';

/**
 * The parts of a PostgreSQL error that matter to the API, read off TypeORM's QueryFailedError or
 * off pg's own DatabaseError (statements run on the pool directly, see `preparedRows`).
 */
export interface PostgresErrorInfo {
  code: string;
  constraint?: string;
  message?: string;
  detail?: string;
  hint?: string;
}

export const PG_UNIQUE_VIOLATION = '23505';
export const PG_FOREIGN_KEY_VIOLATION = '23503';
export const PG_CHECK_VIOLATION = '23514';
export const PG_INVALID_TEXT_REPRESENTATION = '22P02';
/**
 * Domain refusals raised by the database functions: the dotted code as message, its parameters as
 * a JSON object in the detail, the refused field (if one) as hint.
 */
export const SHEBER_REFUSAL = 'SHB01';

const text = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : undefined;

export function postgresErrorInfo(error: unknown): PostgresErrorInfo | null {
  const raw: unknown =
    error instanceof QueryFailedError
      ? error.driverError
      : error instanceof pg.DatabaseError
        ? error
        : null;
  if (!raw || typeof raw !== 'object') return null;
  const fields = raw as Record<string, unknown>;
  const code = text(fields.code);
  if (!code) return null;
  return {
    code,
    constraint: text(fields.constraint),
    message: text(fields.message),
    detail: text(fields.detail),
    hint: text(fields.hint),
  };
}

/** A refusal of a database function (SQLSTATE SHB01), or null for any other error. */
export function databaseRefusal(error: unknown): PostgresErrorInfo | null {
  const info = postgresErrorInfo(error);
  return info?.code === SHEBER_REFUSAL && info.message ? info : null;
}

/**
 * The parameters a refusal gives in its detail (a JSON object of strings and numbers); none when
 * the detail is absent or not such an object.
 */
export function refusalParams(refusal: PostgresErrorInfo): Record<string, string | number> {
  if (!refusal.detail) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(refusal.detail);
  } catch {
    return {};
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
  return Object.fromEntries(
    Object.entries(parsed as Record<string, unknown>).flatMap(([name, value]) =>
      typeof value === 'string' || typeof value === 'number' ? [[name, value]] : [],
    ),
  );
}
