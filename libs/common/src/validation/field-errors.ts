import { getMetadataStorage, type ValidationError } from 'class-validator';
import { errorText, type ErrorParams } from '../errors/messages';
import type { Language } from '../languages';

/** One refused value: where (`person.lastName`, `marks.2.status`), what (a code) and its values. */
export interface FieldError {
  field: string;
  code: string;
  params?: ErrorParams;
}

/** The code and parameters of a failed constraint, from its arguments and the refused value. */
export type FieldRule = (
  constraints: readonly unknown[],
  value: unknown,
) => Omit<FieldError, 'field'>;

const first = (constraints: readonly unknown[]): number => Number(constraints[0]);
const list = (constraints: readonly unknown[]): string =>
  Array.isArray(constraints[0]) ? constraints[0].join(', ') : String(constraints[0]);

/** class-validator's constraint names and the field codes they become. */
const RULES = new Map<string, FieldRule>([
  ['whitelistValidation', () => ({ code: 'field.unknown' })],
  ['isDefined', () => ({ code: 'field.required' })],
  ['isNotEmpty', () => ({ code: 'field.required' })],
  ['nestedValidation', () => ({ code: 'field.object' })],
  ['isObject', () => ({ code: 'field.object' })],
  ['isArray', () => ({ code: 'field.array' })],
  ['isString', () => ({ code: 'field.string' })],
  ['isInt', () => ({ code: 'field.integer' })],
  ['isNumber', () => ({ code: 'field.number' })],
  ['isBoolean', () => ({ code: 'field.boolean' })],
  ['isUuid', () => ({ code: 'field.uuid' })],
  ['isEmail', () => ({ code: 'field.email' })],
  ['isUrl', () => ({ code: 'field.url' })],
  ['isIsoDate', () => ({ code: 'field.date' })],
  ['isTimeOfDay', () => ({ code: 'field.time' })],
  ['maxLength', (c) => ({ code: 'field.too_long', params: { max: first(c) } })],
  ['minLength', (c) => ({ code: 'field.too_short', params: { min: first(c) } })],
  ['min', (c) => ({ code: 'field.too_small', params: { min: first(c) } })],
  ['max', (c) => ({ code: 'field.too_large', params: { max: first(c) } })],
  ['isIn', (c) => ({ code: 'field.one_of', params: { values: list(c) } })],
  ['arrayMaxSize', (c) => ({ code: 'field.too_many', params: { max: first(c) } })],
  ['arrayMinSize', (c) => ({ code: 'field.too_few', params: { min: first(c) } })],
  ['arrayUnique', () => ({ code: 'field.duplicates' })],
  ['matches', () => ({ code: 'field.format' })],
  ['equals', (c) => ({ code: 'field.equals', params: { value: String(c[0]) } })],
]);

/** Lets a lib name the code of its own constraint (e.g. `isIin`, whose code says what is wrong). */
export function defineFieldRule(constraint: string, rule: FieldRule): void {
  RULES.set(constraint, rule);
}

/** A missing value is "required" before it is "not text"; a wrong type before a wrong length. */
const FIRST = [
  'whitelistValidation',
  'isDefined',
  'isNotEmpty',
  'nestedValidation',
  'isObject',
  'isArray',
  'isString',
  'isInt',
  'isNumber',
  'isBoolean',
];

/** No value at all: whatever the field's rules, the first thing to say is that it is required. */
function isMissing(value: unknown): boolean {
  return (
    value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
  );
}

/** The arguments a decorator was given (`@MaxLength(100)` → [100]), from class-validator's store. */
function constraintsOf(target: unknown, property: string, name: string): readonly unknown[] {
  if (typeof target !== 'object' || target === null) return [];
  const metadata = getMetadataStorage()
    .getTargetValidationMetadatas(target.constructor, '', true, false)
    .find((m) => m.propertyName === property && m.name === name);
  return (metadata?.constraints as unknown[] | undefined) ?? [];
}

/**
 * Flattens class-validator's tree into one entry per field, with dotted paths for nested ones:
 * the first failed constraint of a field becomes its code (`field.required` when the value is
 * missing). A decorator may name its code with
 * `context: { code }` (e.g. consent, whose code says more than "must equal true").
 */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  const result: FieldError[] = [];
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const names = Object.keys(error.constraints ?? {});
    const name = FIRST.find((n) => names.includes(n)) ?? names[0];
    if (name !== undefined) {
      const context = error.contexts?.[name] as { code?: string; params?: ErrorParams } | undefined;
      const rule = RULES.get(name);
      const found =
        name !== 'whitelistValidation' && isMissing(error.value)
          ? { code: 'field.required' }
          : context?.code
            ? { code: context.code, params: context.params }
            : rule
              ? rule(constraintsOf(error.target, error.property, name), error.value)
              : { code: 'field.invalid' };
      result.push(found.params ? { field, ...found } : { field, code: found.code });
    }
    if (error.children?.length) result.push(...flattenValidationErrors(error.children, field));
  }
  return result;
}

/** A refused field's text in a language (the code itself for a code no catalogue declares). */
export function fieldErrorText(error: FieldError, language: Language): string {
  return errorText(error.code, language, error.params) ?? error.code;
}
