import { BadRequestException } from '@nestjs/common';
import type { FieldError } from './field-errors';

/** Thrown for invalid input; the API's exception filter turns it into a 400 listing each field. */
export class InputValidationException extends BadRequestException {
  constructor(readonly fieldErrors: FieldError[]) {
    super(fieldErrors.map((error) => `${error.field}: ${error.code}`));
  }
}
