import { describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { QueryFailedError } from 'typeorm';
import { breaksConnection, unavailableService } from './unavailable';

function databaseError(code: string, message: string): pg.DatabaseError {
  const error = new pg.DatabaseError(message, 0, 'error');
  error.code = code;
  return error;
}

describe('unavailableService', () => {
  it('names the database for a refused connection, as pg reports it', async () => {
    const client = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:1/none' });
    const error = await client.connect().catch((e: unknown) => e);
    expect(unavailableService(error)).toBe('database');
  });

  it.each([
    ['57P01', 'terminating connection due to administrator command'],
    ['57P03', 'the database system is starting up'],
    ['08006', 'connection failure'],
    ['53300', 'sorry, too many clients already'],
  ])('names the database for SQLSTATE %s, also inside a QueryFailedError', (code, message) => {
    const error = databaseError(code, message);
    expect(unavailableService(error)).toBe('database');
    expect(unavailableService(new QueryFailedError('SELECT 1', [], error))).toBe('database');
    expect(breaksConnection(error)).toBe(true);
  });

  it.each([
    'Connection terminated unexpectedly',
    'Connection terminated due to connection timeout',
    'timeout exceeded when trying to connect',
    'Client has encountered a connection error and is not queryable',
    'Database connection provided by a query runner was already released, cannot continue to use its querying methods anymore.',
    'Query runner already released. Cannot run queries anymore.',
  ])('names the database for pg saying "%s"', (message) => {
    expect(unavailableService(new Error(message))).toBe('database');
  });

  it.each([
    'Connection is closed.',
    'Reached the max retries per request limit (which is 1). Refer to "maxRetriesPerRequest" option for details.',
    "Stream isn't writeable and enableOfflineQueue options is false",
    'Command timed out',
  ])('names Redis for ioredis saying "%s"', (message) => {
    expect(unavailableService(new Error(message))).toBe('redis');
  });

  it('names nothing for the errors a request can cause', () => {
    expect(unavailableService(databaseError('23505', 'duplicate key value'))).toBeNull();
    expect(unavailableService(databaseError('22P02', 'invalid input syntax'))).toBeNull();
    expect(unavailableService(new Error('Unexpected token'))).toBeNull();
    expect(unavailableService(null)).toBeNull();
    expect(breaksConnection(databaseError('23505', 'duplicate key value'))).toBe(false);
  });
});
