// Snowball stemming for German and English ("Beispiele", "Beispielen" → "beispiel"), through the one loader
// of the snowball-stemmers package. Stems are cached per language with a bound, because the same words come
// back in every question and comment.
import { createRequire } from 'node:module';
import { lowerGerman } from './fold.js';
import { BoundedCache } from '../shared/bounded-cache.js';

export type TextLanguage = 'de' | 'en';

export interface Stemmer {
  stem(word: string): string;
}

interface SnowballFactory {
  newStemmer(algorithm: string): Stemmer;
}

// snowball-stemmers is CommonJS without type declarations; load it through require with a local type.
const snowball = createRequire(import.meta.url)('snowball-stemmers') as SnowballFactory;

const ALGORITHM: Record<TextLanguage, string> = { de: 'german', en: 'english' };
const stemmers = new Map<TextLanguage, Stemmer>();
const CACHE_LIMIT = 100_000;
const caches: Record<TextLanguage, BoundedCache<string, string>> = { de: new BoundedCache(CACHE_LIMIT), en: new BoundedCache(CACHE_LIMIT) };

/** The Snowball stemmer of a language (created once). It expects lower-case words. */
export function stemmerFor(language: TextLanguage): Stemmer {
  let stemmer = stemmers.get(language);
  if (!stemmer) {
    stemmer = snowball.newStemmer(ALGORITHM[language]);
    stemmers.set(language, stemmer);
  }
  return stemmer;
}

/**
 * The Snowball stem of one word, lower-cased first (ß→ss, umlauts kept, as the German algorithm expects).
 * The stem keeps umlauts; fold it with foldText() when it is to be compared with folded text.
 */
export function stem(word: string, language: TextLanguage = 'de'): string {
  return caches[language].get(word, (w) => stemmerFor(language).stem(lowerGerman(w)));
}
