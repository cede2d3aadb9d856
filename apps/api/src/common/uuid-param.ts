import { ParseUUIDPipe } from '@nestjs/common';
import { InputValidationException } from '@sheber/common';

/** A route parameter that must be a UUID: 400 naming the parameter, before any query runs. */
export const uuidParam = (name = 'id'): ParseUUIDPipe =>
  new ParseUUIDPipe({
    version: 'all',
    exceptionFactory: () => new InputValidationException([{ field: name, code: 'field.uuid' }]),
  });
