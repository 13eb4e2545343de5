// General German noun synonyms (OpenThesaurus, see scripts/make-thesaurus.ts): participants ask in their own
// words, the material uses the program's ("Bücherei" / "Bibliothek", "Zebrastreifen" / Austrian "Schutzweg",
// "Besichtigung" / "Begehung"). German, not one program's vocabulary; a program's own terms stay in its
// faq.yaml. Only nouns: a verb's synonyms depend on its object far more than a noun's.
import { NOUN_SYNSETS } from './thesaurus-data.js';
import { foldUmlauts, lower } from './german.js';

interface Groups {
  members: string[][];
  /** Folded word -> its groups. */
  byWord: Map<string, number[]>;
}

let groups: Groups | undefined;

/**
 * Builds the lookup once per process (about 0.1 s and 20 MB on a 2-core machine). The engine calls it while
 * it builds its index, so no participant's question waits for it.
 */
export function loadThesaurus(): void {
  load();
}

function load(): Groups {
  if (groups) return groups;
  const members = NOUN_SYNSETS.split('\n')
    .filter(Boolean)
    .map((line) => line.split('|').map((w) => foldUmlauts(lower(w))));
  const byWord = new Map<string, number[]>();
  members.forEach((group, i) => {
    for (const w of group) byWord.set(w, [...(byWord.get(w) ?? []), i]);
  });
  return (groups = { members, byWord });
}

/**
 * The nouns that share a meaning with the word as written (folded, lower case; the word itself left out).
 * Only the form the thesaurus lists, mostly the singular: by stem or by compound part, the groups met other
 * meanings than the one asked ("Mitglieds|beitrag" read as a fee), and out-of-scope questions were answered.
 */
export function nounSynonyms(word: string): string[] {
  const g = load();
  const k = foldUmlauts(lower(word));
  const ids = g.byWord.get(k) ?? [];
  return [...new Set(ids.flatMap((i) => g.members[i]!))].filter((w) => w !== k);
}
