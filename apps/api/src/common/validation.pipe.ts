import { type ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import { flattenValidationErrors, InputValidationException } from '@sheber/common';

/** Paths of strings holding a NUL character, which PostgreSQL cannot store in text. */
function nulCharacterPaths(value: unknown, path: string, found: string[]): void {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) found.push(path || 'body');
  } else if (Array.isArray(value)) {
    value.forEach((item, index) =>
      nulCharacterPaths(item, path ? `${path}.${index}` : String(index), found),
    );
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value))
      nulCharacterPaths(item, path ? `${path}.${key}` : key, found);
  }
}

/** Refuses NUL characters anywhere in the input before the usual validation. */
class SheberValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const found: string[] = [];
    nulCharacterPaths(value, '', found);
    if (found.length > 0) {
      throw new InputValidationException(
        found.map((field) => ({
          field,
          messages: [`${field} contains a forbidden control character`],
        })),
      );
    }
    return super.transform(value, metadata);
  }
}

/** The one validation pipe of the API, used by main.ts and by the e2e bootstrap alike. */
export function createValidationPipe(): ValidationPipe {
  return new SheberValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    forbidUnknownValues: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new InputValidationException(flattenValidationErrors(errors)),
  });
}
