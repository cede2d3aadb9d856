import { type ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import {
  flattenValidationErrors,
  InputValidationException,
  inputShapeProblems,
} from '@sheber/common';

/**
 * Refuses input of a hostile shape (too deep, too many values, NUL characters, lone surrogates)
 * before the usual validation, whose recursive steps would overflow or pass such text on.
 */
class SheberValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // JSON `null` is not an object: Nest would take it for an empty body, and a route whose
    // fields are all optional would act on it. A missing body (undefined) stays allowed.
    if (metadata.type === 'body' && value === null) {
      throw new InputValidationException([{ field: 'body', code: 'field.object' }]);
    }
    const root = metadata.type === 'body' ? '' : (metadata.data ?? '');
    const problems = inputShapeProblems(value, root, metadata.type);
    if (problems.length > 0) throw new InputValidationException(problems);
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
    // The target and value name each constraint's code and arguments; they never reach a client.
    validationError: { target: true, value: true },
    exceptionFactory: (errors) => new InputValidationException(flattenValidationErrors(errors)),
  });
}
