import { describe, expect, it } from '@jest/globals';
import { NotFoundException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import {
  ConflictError,
  InvalidInputError,
  NotFoundError,
  RuleViolationError,
  TooManyAttemptsError,
} from '@sheber/common';
import { ApiExceptionFilter } from './exception.filter';

function queryFailed(code: string, constraint?: string): QueryFailedError {
  const driverError = Object.assign(new Error('duplicate key value violates unique constraint'), {
    code,
    constraint,
  });
  return new QueryFailedError('INSERT INTO trainees ...', ['880101300123'], driverError);
}

describe('ApiExceptionFilter.toBody', () => {
  const filter = new ApiExceptionFilter();

  it.each([
    [new NotFoundError('Group', 'abc'), 404, 'Group abc was not found'],
    [new ConflictError('group_full', 'The group is full'), 409, 'The group is full'],
    [
      new RuleViolationError('attendance_too_low', 'Attendance 60% is below 80%'),
      422,
      'Attendance 60% is below 80%',
    ],
    [new TooManyAttemptsError('Too many', 30), 429, 'Too many'],
  ])('maps %p to its status', (error, status, message) => {
    expect(filter.toBody(error, 'req-1')).toMatchObject({ statusCode: status, message });
  });

  it.each([
    [queryFailed('57P01'), 'database.unavailable'],
    [
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
      'database.unavailable',
    ],
    [new Error('Connection terminated unexpectedly'), 'database.unavailable'],
    [new Error('Connection is closed.'), 'redis.unavailable'],
  ])('answers 503 naming the service for %p, never 500', (error, code) => {
    expect(filter.toBody(error, 'r')).toMatchObject({ statusCode: 503, code });
  });

  it('names the field of an input error', () => {
    expect(filter.toBody(new InvalidInputError('crafts', 'unknown craft: x'), 'r')).toMatchObject({
      statusCode: 400,
      errors: [{ field: 'crafts', messages: ['crafts: unknown craft: x'] }],
    });
  });

  it('turns a unique violation on a named constraint into 409 with its message', () => {
    expect(filter.toBody(queryFailed('23505', 'uq_user_email'), 'r')).toEqual({
      statusCode: 409,
      error: 'Conflict',
      message: 'A user with this email already exists',
      code: 'uq_user_email',
    });
  });

  it('keeps HTTP exceptions of Nest as they are', () => {
    expect(filter.toBody(new NotFoundException('Cannot GET /x'), 'r')).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: 'Cannot GET /x',
    });
  });

  it('answers anything unexpected with a 500 naming the request id and nothing else', () => {
    const unknownConstraint = filter.toBody(queryFailed('23505', 'uq_something_new'), 'req-42');
    const plain = filter.toBody(
      new TypeError("Cannot read properties of undefined (reading 'iin')"),
      'req-43',
    );
    for (const [body, id] of [
      [unknownConstraint, 'req-42'],
      [plain, 'req-43'],
    ] as const) {
      expect(body).toEqual({
        statusCode: 500,
        error: 'Internal Server Error',
        message: `Unexpected error. Quote request id ${id} when reporting it.`,
        requestId: id,
      });
      expect(JSON.stringify(body)).not.toMatch(/INSERT|880101300123|TypeError|at /);
    }
  });
});
