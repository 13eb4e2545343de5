// Recurring themes in free-text comments: words counted per comment after removing German and English
// stop words and merging inflected forms with the Snowball stemmers, so "Beispiel", "Beispiele" and
// "Beispielen" count as one theme. Each comment is stemmed in the language its stop words suggest.
import { guessLanguage, isStopWord, stem } from '../text/index.js';

export interface Theme {
  /** The most frequent spelling of the theme as participants wrote it. */
  word: string;
  /** The merged stem (the grouping key). */
  stem: string;
  /** Number of comments mentioning the theme. */
  count: number;
}

export interface ThemeOptions {
  /** How many themes to return (default 8). */
  limit?: number;
  /** A theme must appear in at least this many comments (default 2). */
  minCount?: number;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*[\p{L}\p{N}]|[\p{L}\p{N}]/gu;

function tokens(text: string): string[] {
  return (text.normalize('NFC').match(WORD) ?? []).map((t) => t.replace(/['’]s$/u, ''));
}

export function extractThemes(comments: readonly string[], options: ThemeOptions = {}): Theme[] {
  const limit = options.limit ?? 8;
  const minCount = options.minCount ?? 2;

  const perComment: Array<Array<{ stem: string; word: string }>> = comments.map((comment) => {
    const words = tokens(comment);
    const language = guessLanguage(words);
    return words
      .filter((word) => {
        const lower = word.toLowerCase();
        return lower.length >= 3 && !/^[\p{N}'’-]+$/u.test(lower) && !isStopWord(lower);
      })
      .map((word) => ({ stem: stem(word, language), word }));
  });

  // The German stemmer keeps the plural -s of loan words ("Workshops"): fold such a stem into its singular.
  const allStems = new Set(perComment.flat().map((t) => t.stem));
  const canonical = (stem: string) => (stem.endsWith('s') && allStems.has(stem.slice(0, -1)) ? stem.slice(0, -1) : stem);

  const mentions = new Map<string, number>();
  const spellings = new Map<string, Map<string, number>>();
  for (const list of perComment) {
    const seen = new Set<string>();
    for (const { stem: raw, word } of list) {
      const stem = canonical(raw);
      if (!seen.has(stem)) {
        seen.add(stem);
        mentions.set(stem, (mentions.get(stem) ?? 0) + 1);
      }
      const forms = spellings.get(stem) ?? new Map<string, number>();
      forms.set(word, (forms.get(word) ?? 0) + 1);
      spellings.set(stem, forms);
    }
  }

  const themes: Theme[] = [];
  for (const [stem, count] of mentions) {
    if (count < minCount) continue;
    const forms = [...(spellings.get(stem) ?? [])].sort(
      (a, b) => b[1] - a[1] || a[0].length - b[0].length || a[0].localeCompare(b[0]),
    );
    themes.push({ word: forms[0]?.[0] ?? stem, stem, count });
  }
  return themes.sort((a, b) => b.count - a.count || a.word.localeCompare(b.word, 'de')).slice(0, limit);
}
