import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { fieldErrorText, flattenValidationErrors } from '@sheber/common';

export class CliInputError extends Error {}

/** Validates command-line input with the same DTO rules the API applies. */
export async function validateInput<T extends object>(
  type: new () => T,
  plain: Record<string, unknown>,
): Promise<T> {
  const instance = plainToInstance(type, plain);
  const errors = await validate(instance, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0) {
    const messages = flattenValidationErrors(errors).map(
      (error) => `${error.field}: ${fieldErrorText(error, 'en')}`,
    );
    throw new CliInputError(messages.join('; '));
  }
  return instance;
}
