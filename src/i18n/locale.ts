// German first, English second: the user's Teams locale decides, anything not English falls back to German.
export type Locale = 'de' | 'en';

export const LOCALES: readonly Locale[] = ['de', 'en'];

export function localeFrom(teamsLocale: string | undefined | null, fallback: Locale = 'de'): Locale {
  if (!teamsLocale) return fallback;
  const lang = teamsLocale.toLowerCase().split(/[-_]/)[0];
  if (lang === 'en') return 'en';
  if (lang === 'de') return 'de';
  return fallback;
}

/**
 * The English catalogue's type, derived from the German one: the same keys, functions with the same
 * parameters, strings as strings (not their German literals), and one level of nested string records.
 */
export type CatalogueOf<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => string ? (...args: A) => string : T[K] extends string ? string : { [S in keyof T[K]]: string };
};
