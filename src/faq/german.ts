// German-aware text processing for FAQ retrieval: tokenizing, stop words, compound splitting against the
// corpus's own vocabulary, Snowball German stemming and umlaut/ß folding. Synonyms and general concepts live
// in lexicon.ts. Index and query go through the same pipeline so that their terms meet.
import snowball from 'snowball-stemmers';

const stemmer = snowball.newStemmer('german');

/** Lower-case, ß→ss; umlauts stay so that the stemmer sees real German words. */
export function lower(text: string): string {
  return text.toLowerCase().replace(/ß/g, 'ss');
}

/** Umlauts and their two-letter spellings fold to the plain vowel ("Koeln" = "Köln"). */
export function foldUmlauts(term: string): string {
  return term
    .replace(/ä/g, 'a')
    .replace(/ö/g, 'o')
    .replace(/ü/g, 'u')
    .replace(/ae/g, 'a')
    .replace(/oe/g, 'o')
    .replace(/ue/g, 'u');
}

/** Words: letters and digits; everything else separates (so "Change-Management" gives two words). */
export function words(text: string): string[] {
  return lower(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

// Function words of both languages plus generic verbs: they carry no topic and must neither match nor count
// as "unknown" when judging whether a question is in scope.
const GERMAN_STOPWORDS = `
aber alle allem allen aller alles als also am an ander andere anderen auch auf aus bei beim bin bis bist bitte
da dabei damit dann das dass dein deine dem den denn der des dessen dich die dies diese diesem diesen dieser dieses
dir doch dort du durch ein eine einem einen einer eines einfach er es etwas euch euer fur gegen gibt geben gilt gehen
geht gerade gern habe haben hat hatte hier hin ich ihr ihre im in ist ja jede jedem jeden jeder jetzt kann kannst
konnen konnte mal man mehr mein meine mich mir mit muss mussen nach nicht noch nun nur ob oder ohne sehr sein seine
sich sie sind so soll sollte sollen uber um und uns unser unsere vom von lautet lauten vor seit unter neben ab viel war waren was weil welche welchem welchen welcher
welches wenn wer werden wie wieso wird wir wo woher wohin wozu wurde zu zum zur zwischen worum wofur wann warum weshalb
mache machen macht gemacht passiert passieren insgesamt funktioniert funktionieren beste besten bester bestes gut gute guten gutes wirklich etwa ungefahr brauche brauchen braucht steht stehen stellt findet finden statt
wen wem wessen frau herr herrn bedeutet bedeuten heisst sagen sag sagt erzahl eigentlich denn mal genau
`;
const ENGLISH_STOPWORDS = `
a about an and any anything are as at be been but by can could do does did doing done going happen happens for from get getting got has have how i
each every need needs want wants must if in into is it its me my of on or our please should so that the their there these this to us was we were what
when where which who whom why will with would you your best good really work works total overall
`;
const list = (text: string) => text.split(/\s+/).filter(Boolean).map(foldUmlauts);
export const STOPWORDS: ReadonlySet<string> = new Set([...list(GERMAN_STOPWORDS), ...list(ENGLISH_STOPWORDS)]);
// Inflected forms of the German function words and generic verbs ("finde" beside "finden") are stop words too.
const STOP_STEMS: ReadonlySet<string> = new Set(list(GERMAN_STOPWORDS).map((w) => foldUmlauts(stemmer.stem(w))));

/** Snowball German stem, folded: the form terms are indexed and searched under. */
const stemCache = new Map<string, string>();
const STEM_CACHE_LIMIT = 100_000;

export function stem(word: string): string {
  let stemmed = stemCache.get(word);
  if (stemmed === undefined) {
    stemmed = foldUmlauts(stemmer.stem(lower(word)));
    if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
    stemCache.set(word, stemmed);
  }
  return stemmed;
}

/** Anything that maps a word or phrase to a canonical term (the lexicon of general concepts and synonyms). */
export interface TermMap {
  lookup(input: string): string | undefined;
  lookupAll(input: string): string[] | undefined;
  readonly entries: readonly string[];
}

/** The word's canonical term: its group's term when the lexicon holds it, else its stem. */
export function canonicalStem(word: string, lexicon?: TermMap): string {
  return lexicon?.lookup(word) ?? stem(word);
}

// German linking elements ("Fugen") a compound's first part may carry: Daten|strategie, Abschluss|treffen.
const LINKERS = ['', 's', 'n', 'en', 'es', 'e'];
const MIN_PART = 4;

/**
 * Splits a compound into parts that the vocabulary knows (as surface words or stems), longest first part
 * first; returns undefined when no full split exists. Recursive for three-part compounds.
 */
export function splitCompound(word: string, known: (part: string) => boolean, depth = 0): string[] | undefined {
  if (word.length < MIN_PART * 2 || depth > 2) return undefined;
  for (let i = word.length - MIN_PART; i >= MIN_PART; i--) {
    const head = word.slice(0, i);
    const tail = word.slice(i);
    let headPart: string | undefined;
    for (const linker of LINKERS) {
      if (!head.endsWith(linker)) continue;
      const base = linker ? head.slice(0, -linker.length) : head;
      if (base.length >= MIN_PART && known(base)) {
        headPart = base;
        break;
      }
    }
    if (!headPart) continue;
    if (known(tail)) return [headPart, tail];
    const rest = splitCompound(tail, known, depth + 1);
    if (rest) return [headPart, ...rest];
  }
  return undefined;
}

/**
 * When no full split exists: the longest known first part (5 letters or more) and the rest as it is, so a
 * corpus compound whose last part never stands alone ("Hitze|aktionsplan") still shares its first part.
 */
export function splitHead(word: string, known: (part: string) => boolean): string[] | undefined {
  for (let i = word.length - MIN_PART; i >= 5; i--) {
    const head = word.slice(0, i);
    for (const linker of LINKERS) {
      if (!head.endsWith(linker)) continue;
      const base = linker ? head.slice(0, -linker.length) : head;
      if (base.length >= 5 && known(base)) return [base, word.slice(i)];
    }
  }
  return undefined;
}

/** A vocabulary of surface words and their stems, for compound splitting. */
export class Vocabulary {
  private readonly surface = new Set<string>();
  private readonly stems = new Set<string>();

  constructor(lexicon?: TermMap) {
    for (const word of lexicon?.entries ?? []) this.add(word);
  }

  add(input: string): void {
    const word = lower(input);
    const folded = foldUmlauts(word);
    if (folded.length < MIN_PART || STOPWORDS.has(folded)) return;
    this.surface.add(folded);
    this.stems.add(stem(word));
  }

  addText(text: string): void {
    for (const w of words(text)) this.add(w);
  }

  knows(input: string): boolean {
    const word = lower(input);
    const folded = foldUmlauts(word);
    return this.surface.has(folded) || this.stems.has(stem(word)) || this.stems.has(folded);
  }

  /** True when the word itself is the stem of a corpus word ("förder" of "Förderung"). */
  isStem(input: string): boolean {
    return this.stems.has(foldUmlauts(lower(input)));
  }
}

/**
 * One word of a text turned into its index terms: the canonical stem, plus the stems of its compound parts
 * when the vocabulary can split it. Stop words give nothing.
 */
export function termsOfWord(input: string, vocabulary: Vocabulary | undefined, lexicon?: TermMap, options: { indexing?: boolean } = {}): string[] {
  const word = lower(input);
  const folded = foldUmlauts(word);
  const grouped = lexicon?.lookupAll(word);
  if (grouped !== undefined) return grouped;
  if (word.includes(' ')) return [];
  if (STOPWORDS.has(folded) || STOP_STEMS.has(stem(word))) return [];
  if (folded.length < 2 && !/\d/.test(folded)) return [];
  const terms = [stem(word)];
  if (vocabulary) {
    const known = (p: string) => vocabulary.knows(p);
    // Only the material's compounds split off a known first part alone: in a question that would make an
    // unknown word look known ("Sonnen|kraftwerk").
    const parts = splitCompound(word, known) ?? (options.indexing ? splitHead(word, known) : undefined);
    // A part is indexed under its own stem and, when it is the stem of a corpus word, under that too, so
    // "Fördergeld", "Förderprogramm" and "Förderung" meet.
    if (parts) for (const p of parts) terms.push(canonicalStem(p, lexicon), ...(vocabulary.isStem(p) ? [foldUmlauts(lower(p))] : []));
  }
  return [...new Set(terms)];
}
