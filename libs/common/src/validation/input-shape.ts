import type { FieldError } from './field-errors';

/** How deep a request body or query may nest; the deepest real body (a referral) has three levels. */
export const MAX_INPUT_DEPTH = 16;
/** How many values (objects, arrays, strings, numbers…) one request may carry in all. */
export const MAX_INPUT_NODES = 50_000;
/** At most this many problems are reported, so a hostile body cannot make a huge error. */
const MAX_REPORTED = 20;

/** A UTF-16 surrogate without its partner: not text that PostgreSQL or a validator can take. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

/**
 * Problems of shape that no DTO rule can catch safely: nesting beyond MAX_INPUT_DEPTH, more than
 * MAX_INPUT_NODES values, strings with a NUL character or a lone surrogate. Walks with an explicit
 * stack, never by recursion, so a body nested 50 000 deep is refused instead of overflowing the
 * call stack in a later recursive step (class-transformer, class-validator).
 */
export function inputShapeProblems(input: unknown, root = '', label = 'body'): FieldError[] {
  const problems: FieldError[] = [];
  const stack: { value: unknown; path: string; depth: number }[] = [
    { value: input, path: root, depth: 0 },
  ];
  let nodes = 0;
  while (stack.length > 0 && problems.length < MAX_REPORTED) {
    const { value, path, depth } = stack.pop()!;
    nodes += 1;
    if (nodes > MAX_INPUT_NODES) {
      problems.push({
        field: root || label,
        code: 'field.too_many_values',
        params: { max: MAX_INPUT_NODES },
      });
      break;
    }
    const field = path || root || label;
    if (typeof value === 'string') {
      if (value.includes('\u0000')) {
        problems.push({ field, code: 'field.control_character' });
      } else if (LONE_SURROGATE.test(value)) {
        problems.push({ field, code: 'field.malformed_text' });
      }
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth >= MAX_INPUT_DEPTH) {
      problems.push({ field, code: 'field.too_deep', params: { max: MAX_INPUT_DEPTH } });
      continue;
    }
    if (Array.isArray(value)) {
      for (let index = value.length - 1; index >= 0; index -= 1) {
        stack.push({ value: value[index], path: join(path, String(index)), depth: depth + 1 });
      }
    } else {
      for (const [key, item] of Object.entries(value)) {
        if (LONE_SURROGATE.test(key) || key.includes('\u0000')) {
          problems.push({ field, code: 'field.bad_name' });
          continue;
        }
        stack.push({ value: item, path: join(path, key), depth: depth + 1 });
      }
    }
  }
  return problems;
}
