import type { ValidationError } from 'class-validator';

export interface FieldError {
  field: string;
  messages: string[];
}

/** Flattens class-validator's tree into one entry per field, with dotted paths for nested ones. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  const result: FieldError[] = [];
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    if (error.constraints) {
      const messages = Object.values(error.constraints).map((message) =>
        // class-validator starts messages with the bare property name; show the full path.
        message.startsWith(`${error.property} `)
          ? `${field}${message.slice(error.property.length)}`
          : message.startsWith('property ')
            ? `${field} is not an accepted field`
            : `${field}: ${message}`,
      );
      result.push({ field, messages });
    }
    if (error.children?.length) result.push(...flattenValidationErrors(error.children, field));
  }
  return result;
}
