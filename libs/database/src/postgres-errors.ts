import { QueryFailedError } from 'typeorm';

/** The parts of a PostgreSQL error that matter to the API, read off TypeORM's QueryFailedError. */
export interface PostgresErrorInfo {
  code: string;
  constraint?: string;
}

export const PG_UNIQUE_VIOLATION = '23505';
export const PG_FOREIGN_KEY_VIOLATION = '23503';
export const PG_CHECK_VIOLATION = '23514';
export const PG_INVALID_TEXT_REPRESENTATION = '22P02';

export function postgresErrorInfo(error: unknown): PostgresErrorInfo | null {
  if (!(error instanceof QueryFailedError)) return null;
  const driverError = error.driverError as { code?: unknown; constraint?: unknown } | undefined;
  if (!driverError || typeof driverError.code !== 'string') return null;
  return {
    code: driverError.code,
    constraint: typeof driverError.constraint === 'string' ? driverError.constraint : undefined,
  };
}
