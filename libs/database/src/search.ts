/**
 * How the lists read what a person types into a search box: words of a name or a code, matched
 * anywhere and in any case (JavaScript's lower case knows the Kazakh letters Ә Ғ Қ Ң Ө Ұ Ү Һ І),
 * or digits, the first digits of an IIN.
 */

/** At most this many words of a search are used; more only slow the query down. */
export const SEARCH_WORDS_MAX = 5;

/** The lower-cased words of a search, at most SEARCH_WORDS_MAX; none for a blank one. */
export function searchWords(search: string | undefined): string[] {
  const words = search?.trim().toLowerCase().split(/\s+/) ?? [];
  return words.filter((word) => word.length > 0).slice(0, SEARCH_WORDS_MAX);
}

/** `%word%` for `LIKE … ESCAPE '\'`: a % _ or \ typed matches itself. */
export function containsPattern(word: string): string {
  return `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** True for 1 to 12 digits, which may be an IIN or its beginning. */
export function isIinPrefix(word: string): boolean {
  return /^\d{1,12}$/.test(word);
}

/** The IINs that begin with these digits, as the bounds of a b-tree range (`BETWEEN`). */
export function iinPrefixRange(digits: string): [low: string, high: string] {
  return [digits.padEnd(12, '0'), digits.padEnd(12, '9')];
}
