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
