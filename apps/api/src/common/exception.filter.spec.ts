import { describe, expect, it } from '@jest/globals';
import { NotFoundException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import {
  ConflictError,
  ForbiddenError,
  InputValidationException,
  InvalidInputError,
  NotFoundError,
  RuleViolationError,
  TooManyAttemptsError,
  UnauthenticatedError,
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
    [new NotFoundError('Group', 'abc'), 404, 'group.not_found', 'The group was not found'],
    [new ConflictError('group.full'), 409, 'group.full', 'The group is full'],
    [
      new RuleViolationError('group.reopen_window_passed', { windowHours: 24 }),
      422,
      'group.reopen_window_passed',
      'A group can be reopened only within 24 hours of its completion',
    ],
    [
      new TooManyAttemptsError('request.rate_limited', 30, { wait: '30 s' }),
      429,
      'request.rate_limited',
      'Too many requests; try again in 30 s',
    ],
    [new ForbiddenError(), 403, 'auth.forbidden', 'Your role may not do this'],
    [
      new UnauthenticatedError('auth.invalid_credentials'),
      401,
      'auth.invalid_credentials',
      'Wrong email or password',
    ],
  ])('maps %p to its status, code and English text', (error, status, code, message) => {
    expect(filter.toBody(error, 'req-1')).toMatchObject({ statusCode: status, code, message });
  });

  it('writes the message in the language asked for, with the parameters filled in', () => {
    const error = new RuleViolationError('group.start_too_early', {
      earliestStart: '2026-03-02',
      startDate: '2026-03-09',
    });
    expect(filter.toBody(error, 'r', 'ru')).toMatchObject({
      code: 'group.start_too_early',
      message: 'Группу можно начать с 2026-03-02 (дата начала: 2026-03-09)',
      params: { earliestStart: '2026-03-02', startDate: '2026-03-09' },
    });
    expect(filter.toBody(error, 'r', 'kk').message).toBe(
      'Топты 2026-03-02 күнінен бастап бастауға болады (басталу күні: 2026-03-09)',
    );
    const wait = { kk: '15 минуттан', ru: '15 мин', en: '15 minutes' };
    expect(
      filter.toBody(new TooManyAttemptsError('auth.too_many_attempts', 900, { wait }), 'r', 'kk'),
    ).toMatchObject({
      message: 'Сәтсіз кіру әрекеттері тым көп; 15 минуттан кейін қайталаңыз',
      params: { wait: '15 минуттан' },
    });
  });

  it('names the records a refusal is about in every language', () => {
    const overlap = new ConflictError('enrollment.schedule_overlap', {
      other: 'JW-2',
      group: 'JW-1',
    });
    expect(filter.toBody(overlap, 'r', 'ru')).toMatchObject({
      statusCode: 409,
      code: 'enrollment.schedule_overlap',
      message: 'Слушатель учится в другой группе в пересекающееся время (JW-2)',
      params: { other: 'JW-2', group: 'JW-1' },
    });
    expect(filter.toBody(overlap, 'r', 'kk').message).toBe(
      'Тыңдаушы уақыты қабаттасатын басқа топта оқиды (JW-2)',
    );
  });

  it('takes only dotted codes: the older shape (snake_case code, English words) does not compile', () => {
    // @ts-expect-error a snake_case code is not an ErrorCode
    expect(new ConflictError('group_finished').code).toBe('group_finished');
    // @ts-expect-error English words are not parameters
    expect(new ConflictError('group.finished', 'Group JW-1 is completed').code).toBe(
      'group.finished',
    );
    // @ts-expect-error nor are they a field's code
    expect(new InvalidInputError('endDate', 'must be on or after startDate').field).toBe('endDate');
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

  it('names the field of an input error, with its code, text and parameters', () => {
    const error = new InvalidInputError('crafts', 'user.unknown_crafts', { crafts: 'x' });
    expect(filter.toBody(error, 'r')).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      code: 'request.invalid_input',
      message: 'Some fields are not valid',
      errors: [
        {
          field: 'crafts',
          code: 'user.unknown_crafts',
          message: 'Unknown crafts: x',
          params: { crafts: 'x' },
        },
      ],
    });
    expect(filter.toBody(error, 'r', 'kk').errors).toEqual([
      {
        field: 'crafts',
        code: 'user.unknown_crafts',
        message: 'Мұндай кәсіп жоқ: x',
        params: { crafts: 'x' },
      },
    ]);
  });

  it('lists each field of a refused form in the language asked for', () => {
    const error = new InputValidationException([
      { field: 'lastName', code: 'field.required' },
      { field: 'note', code: 'field.too_long', params: { max: 500 } },
    ]);
    expect(filter.toBody(error, 'r', 'ru')).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      code: 'request.invalid_input',
      message: 'Некоторые поля заполнены неверно',
      errors: [
        { field: 'lastName', code: 'field.required', message: 'Обязательное поле' },
        {
          field: 'note',
          code: 'field.too_long',
          message: 'Не более 500 символов',
          params: { max: 500 },
        },
      ],
    });
  });

  it('turns a unique violation on a named constraint into 409 with its code and text', () => {
    expect(filter.toBody(queryFailed('23505', 'uq_user_email'), 'r')).toEqual({
      statusCode: 409,
      error: 'Conflict',
      code: 'user.email_taken',
      message: 'A user with this email already exists',
    });
    expect(filter.toBody(queryFailed('23505', 'uq_user_email'), 'r', 'kk').message).toBe(
      'Мұндай поштасы бар пайдаланушы бұрыннан бар',
    );
  });

  it('gives the HTTP exceptions of Nest a code by their status', () => {
    expect(filter.toBody(new NotFoundException('Cannot GET /x'), 'r', 'ru')).toEqual({
      statusCode: 404,
      error: 'Not Found',
      code: 'request.not_found',
      message: 'Такого адреса нет',
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
        code: 'internal.error',
        message: `Unexpected error. Quote request id ${id} when reporting it.`,
        requestId: id,
      });
      expect(JSON.stringify(body)).not.toMatch(/INSERT|880101300123|TypeError|at /);
    }
    expect(filter.toBody(new Error('x'), 'req-44', 'ru').message).toBe(
      'Непредвиденная ошибка. Сообщая о ней, укажите номер запроса req-44',
    );
  });
});
