// Slugs: ASCII identifiers made from titles ("Auftakt: Daten & Ämter" → "auftakt-daten-aemter"), used as
// program and session ids. Letters are transliterated by foldText(), so an umlaut never just disappears.
import { foldText } from './fold.js';

export const DEFAULT_SLUG_LENGTH = 60;

/** Lower-case a-z, 0-9 and single dashes, at most maxLength characters, never starting or ending in a dash. */
export function slug(text: string, maxLength = DEFAULT_SLUG_LENGTH): string {
  return foldText(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, Math.max(0, maxLength))
    .replace(/-+$/, '');
}

export interface UniqueSlugOptions {
  /** Bound of the slug including any "-2" suffix (default 60). */
  maxLength?: number;
  /** Used when the text gives no slug at all (only punctuation, say); must itself be a slug. */
  fallback: string;
}

/**
 * A slug not yet taken: the plain slug, else the slug with "-2", "-3", ... (shortened so the suffix fits).
 * `taken` answers whether an id is in use.
 */
export function uniqueSlug(text: string, taken: (id: string) => boolean, options: UniqueSlugOptions): string {
  const maxLength = options.maxLength ?? DEFAULT_SLUG_LENGTH;
  const base = slug(text, maxLength) || options.fallback;
  if (!taken(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const id = `${base.slice(0, Math.max(1, maxLength - suffix.length)).replace(/-+$/, '')}${suffix}`;
    if (!taken(id)) return id;
  }
}
