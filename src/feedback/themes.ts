// Recurring themes in free-text comments: words counted per comment after removing German and English
// stop words and merging inflected forms with the Snowball stemmers, so "Beispiel", "Beispiele" and
// "Beispielen" count as one theme. Each comment is stemmed in the language its stop words suggest.
import { createRequire } from 'node:module';

interface Stemmer {
  stem(word: string): string;
}
interface SnowballFactory {
  newStemmer(language: string): Stemmer;
}

// snowball-stemmers is CommonJS without type declarations; load it through require with a local type.
const snowball = createRequire(import.meta.url)('snowball-stemmers') as SnowballFactory;
const germanStemmer = snowball.newStemmer('german');
const englishStemmer = snowball.newStemmer('english');

const GERMAN_STOP_WORDS = new Set(
  `aber alle allem allen aller alles als also am an ander andere anderem anderen anderer anderes auch auf aus bei
  beim bin bis bisher bist da dabei damit dann das dass dem den denn der des dessen deshalb die dies diese diesem
  diesen dieser dieses doch dort du durch ein eine einem einen einer eines einige einmal er es etwas euch euer für
  gab gar gibt ging gut gute guten guter gutes hab habe haben hat hatte hätte hier hin hinter ich ihm ihn ihnen
  ihr ihre ihrem ihren ihrer im immer in ins ist ja jede jedem jeden jeder jedes jetzt kann kein keine keinem
  keinen keiner konnte könnte man manche mehr mein meine meinem meinen meiner mich mir mit muss musste nach nicht
  nichts noch nun nur ob oder ohne sehr sein seine seinem seinen seiner selbst sich sie sind so solche soll sollte
  sondern sonst über um und uns unser unsere unter viel viele vielen vom von vor war waren warum was weil weiter
  welche welchem welchen welcher wenn wer werde werden wie wieder will wir wird wo wurde wurden zu zum zur zwar
  zwischen mal etwa eher ganz gerne gern beim ebenfalls besser bitte danke fand finde fände toll super prima
  vielleicht wäre wären würde würden schon sowie einfach eigentlich wirklich`.split(/\s+/),
);

const ENGLISH_STOP_WORDS = new Set(
  `a about above after again against all am an and any are as at be because been before being below between both
  but by can could did do does doing down during each few for from further had has have having he her here hers
  him his how i if in into is it its itself just me more most my no nor not now of off on once only or other our
  ours out over own same she should so some such than that the their them then there these they this those
  through to too under until up very was we were what when where which while who whom why will with would you
  your yours also really great good better nice like liked think thanks thank maybe lot lots much many
  would could`.split(/\s+/),
);

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

function isEnglish(words: string[]): boolean {
  let en = 0;
  let de = 0;
  for (const w of words) {
    const lower = w.toLowerCase();
    if (ENGLISH_STOP_WORDS.has(lower)) en++;
    if (GERMAN_STOP_WORDS.has(lower)) de++;
  }
  return en > de;
}

function isStopWord(lower: string): boolean {
  return GERMAN_STOP_WORDS.has(lower) || ENGLISH_STOP_WORDS.has(lower);
}

export function extractThemes(comments: readonly string[], options: ThemeOptions = {}): Theme[] {
  const limit = options.limit ?? 8;
  const minCount = options.minCount ?? 2;

  const perComment: Array<Array<{ stem: string; word: string }>> = comments.map((comment) => {
    const words = tokens(comment);
    const stemmer = isEnglish(words) ? englishStemmer : germanStemmer;
    return words
      .filter((word) => {
        const lower = word.toLowerCase();
        return lower.length >= 3 && !/^[\p{N}'’-]+$/u.test(lower) && !isStopWord(lower);
      })
      .map((word) => ({ stem: stemmer.stem(word.toLowerCase()), word }));
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
