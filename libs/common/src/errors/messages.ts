import type { Language } from '../languages';

/** One text in each language; `{name}` marks a parameter, the same ones in all three. */
export type Messages = Readonly<Record<Language, string>>;

/** A value an error's texts fill in: a number, date, code or name, or words in each language. */
export type ErrorParam = string | number | Messages;
export type ErrorParams = Readonly<Record<string, ErrorParam>>;

/** A parameter as written in one language. */
export function paramText(value: ErrorParam, language: Language): string {
  return typeof value === 'object' ? value[language] : String(value);
}

/** A domain's codes and their texts; declared with `satisfies Record<Code, Messages>`. */
export type ErrorCatalogue = Readonly<Record<string, Messages>>;

const PLACEHOLDER = /\{(\w+)\}/g;

/** The parameter names a text uses, sorted, each once. */
export function placeholdersOf(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((match) => match[1]!))].sort();
}

/**
 * The text with its parameters filled in. A parameter the error does not carry (a throw site
 * that still gives only English words) is left out: with the brackets around it, or the quotes.
 */
export function renderMessage(
  text: string,
  params: ErrorParams = {},
  language: Language = 'en',
): string {
  const missing = (name: string): boolean => params[name] === undefined;
  const filled = text
    .replace(/\s?\([^()]*\)/g, (group) => (placeholdersOf(group).some(missing) ? '' : group))
    .replace(/\s?[«"]?\{(\w+)\}[»"]?/g, (whole, name: string) =>
      missing(name) ? '' : whole.replace(`{${name}}`, paramText(params[name]!, language)),
    )
    .replace(/\s+([.,;:])/g, '$1')
    .trim();
  return filled.charAt(0).toUpperCase() + filled.slice(1);
}

const TEXTS = new Map<string, Messages>();

/** Declares a domain's catalogue, so that its errors can be written in any language. */
export function defineErrors<T extends ErrorCatalogue>(catalogue: T): T {
  for (const [code, messages] of Object.entries(catalogue)) TEXTS.set(code, messages);
  return catalogue;
}

/** The texts of a code, or undefined when no catalogue declares it. */
export function errorMessages(code: string): Messages | undefined {
  return TEXTS.get(code);
}

/** An error's text in a language, or undefined for a code no catalogue declares. */
export function errorText(
  code: string,
  language: Language,
  params?: ErrorParams,
): string | undefined {
  const messages = TEXTS.get(code);
  return messages && renderMessage(messages[language], params, language);
}
