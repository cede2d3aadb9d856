import { BadRequestException, ValidationPipe } from '@nestjs/common';
import { type FieldError, flattenValidationErrors } from '@sheber/common';

/** Thrown for invalid input; the exception filter turns it into a 400 listing each field. */
export class InputValidationException extends BadRequestException {
  constructor(readonly fieldErrors: FieldError[]) {
    super(fieldErrors.flatMap((error) => error.messages));
  }
}

/** The one validation pipe of the API, used by main.ts and by the e2e bootstrap alike. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    forbidUnknownValues: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new InputValidationException(flattenValidationErrors(errors)),
  });
}
