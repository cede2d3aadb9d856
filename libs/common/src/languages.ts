/** The languages every text a user sees is written in. */
export const LANGUAGES = ['kk', 'ru', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

function isLanguage(value: string): value is Language {
  return (LANGUAGES as readonly string[]).includes(value);
}

/** The first of kk, ru, en that an Accept-Language header asks for (by weight), else `fallback`. */
export function preferredLanguage(
  acceptLanguage: string | undefined,
  fallback: Language,
): Language {
  const wanted = (acceptLanguage ?? '')
    .slice(0, 500)
    .split(',')
    .map((part) => {
      const [tag, q] = part.trim().split(';q=');
      const weight = q === undefined ? 1 : Number(q);
      return {
        lang: (tag ?? '').slice(0, 2).toLowerCase(),
        q: Number.isFinite(weight) ? weight : 0,
      };
    })
    .filter((w) => w.q > 0)
    .sort((a, b) => b.q - a.q);
  return wanted.map((w) => w.lang).find(isLanguage) ?? fallback;
}
