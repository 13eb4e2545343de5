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

/** Words in more groups than this are not looked up (about one noun in 25 of the thesaurus). */
const MAX_MEANINGS = 2;

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
 * Only the form the thesaurus lists, or a plural of it: by stem or by compound part, the groups met other
 * meanings than the one asked ("Mitglieds|beitrag" read as a fee), and out-of-scope questions were answered.
 */
export function nounSynonyms(word: string): string[] {
  const g = load();
  const k = foldUmlauts(lower(word));
  const ids = g.byWord.get(k) ?? singulars(k).map((w) => g.byWord.get(w)).find(Boolean) ?? [];
  // A word of many meanings ("Zeit": a span, a tense, a time of day) says too little on its own.
  if (ids.length > MAX_MEANINGS) return [];
  return [...new Set(ids.flatMap((i) => g.members[i]!))].filter((w) => w !== k);
}

/**
 * Singular forms a plural may come from ("haltestellen" -> "haltestelle", "laternen" -> "laterne",
 * "kolleginnen" -> "kollegin"), longest ending first: German plurals add -n, -en, -e, -er, -s or -nen.
 */
function singulars(word: string): string[] {
  return ['nen', 'en', 'er', 'n', 'e', 's'].filter((end) => word.endsWith(end) && word.length - end.length >= 4).map((end) => word.slice(0, -end.length));
}

/** True for a noun the thesaurus lists (as written or as a plural of a listed form): a common noun, not a name. */
export function isDictionaryNoun(word: string): boolean {
  const g = load();
  const k = foldUmlauts(lower(word));
  return g.byWord.has(k) || singulars(k).some((w) => g.byWord.has(w));
}
