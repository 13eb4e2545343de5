// German-aware text processing for FAQ retrieval: tokenizing, stop words, a small bilingual glossary of the
// domain's terms (synonyms and English→German), compound splitting against a vocabulary, Snowball German
// stemming and umlaut/ß folding. Index and query go through the same pipeline so that their terms meet.
import snowball from 'snowball-stemmers';

const stemmer = snowball.newStemmer('german');

/** Lower-case, ß→ss; umlauts stay so that the stemmer sees real German words. */
export function lower(text: string): string {
  return text.toLowerCase().replace(/ß/g, 'ss');
}

/** Umlauts and their two-letter spellings fold to the plain vowel ("Moenchengladbach" = "Mönchengladbach"). */
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
mache machen macht gemacht passiert passieren brauche brauchen braucht steht stehen stellt findet finden statt
wen wem wessen frau herr herrn bedeutet bedeuten heisst sagen sag sagt erzahl eigentlich denn mal genau
`;
const ENGLISH_STOPWORDS = `
a about an and any anything are as at be been but by can could do does did doing done going happen happens for from get getting got has have how i
each every need needs want wants must if in into is it its me my of on or our please should so that the their there these this to us was we were what
when where which who whom why will with would you your
`;
const list = (text: string) => text.split(/\s+/).filter(Boolean).map(foldUmlauts);
export const STOPWORDS: ReadonlySet<string> = new Set([...list(GERMAN_STOPWORDS), ...list(ENGLISH_STOPWORDS)]);
// Inflected forms of the German function words and generic verbs ("finde" beside "finden") are stop words too.
const STOP_STEMS: ReadonlySet<string> = new Set(list(GERMAN_STOPWORDS).map((w) => foldUmlauts(stemmer.stem(w))));

// The glossary: surface word (lower-case, umlauts folded) -> canonical German word. It unifies synonyms and
// carries English domain words over to the German material. Kept to the domain's vocabulary on purpose.
const GLOSSARY_GROUPS: Record<string, string[]> = {
  auftakt: ['kickoff', 'kick', 'auftakt', 'eroffnung', 'opening', 'launch'],
  termin: [
    'termin', 'termine', 'terminen', 'treffen', 'sitzung', 'sitzungen', 'session', 'sessions', 'meeting', 'meetings',
    'veranstaltung', 'veranstaltungen', 'appointment', 'appointments', 'event', 'events', 'call', 'calls', 'date',
    'dates', 'workshoptermin',
  ],
  virtuell: ['online', 'virtual', 'virtually', 'virtuell', 'virtuelle', 'virtuellen', 'virtuelles', 'remote', 'digital', 'digitale'],
  kontakt: [
    'kontakt', 'kontakte', 'contact', 'contacts', 'ansprechpartner', 'ansprechpartnerin', 'ansprechpartnerinnen',
    'ansprechperson', 'ansprechpersonen', 'ansprechpartnern',
  ],
  veranstalter: [
    'veranstalter', 'veranstalterin', 'organisator', 'organisatoren', 'organiser', 'organisers', 'organizer',
    'organizers', 'organisiert', 'organisieren', 'veranstaltet', 'organises', 'organizes', 'host', 'hosts', 'hosted',
  ],
  daten: ['data', 'daten'],
  strategie: ['strategy', 'strategies', 'strategie', 'strategien'],
  architektur: ['architecture', 'architektur'],
  frage: ['question', 'questions', 'frage', 'fragen'],
  beantworten: ['answer', 'answers', 'beantwortet', 'beantworten'],
  einbinden: ['involve', 'involving', 'involvement', 'einbinden', 'einbindung', 'eingebunden'],
  fruh: ['early', 'fruh', 'fruhzeitig', 'fruhzeitige'],
  skalierbar: ['scalable', 'scalability', 'skalierbar', 'skalierbare', 'skalierbaren'],
  kultur: ['culture', 'kultur'],
  zielbild: ['vision', 'zielbild', 'target', 'goal', 'goals'],
  stadt: ['city', 'stadt', 'town', 'municipality', 'kommune', 'kommunen'],
  lernen: ['learn', 'lernen', 'lerne', 'lernt'],
  stolperstein: ['pitfall', 'pitfalls', 'stolperstein', 'stolpersteine', 'stumbling'],
  hurde: ['hurdle', 'hurdles', 'obstacle', 'obstacles', 'hurde', 'hurden'],
  fertigstellung: ['completion', 'completing', 'finishing', 'fertigstellung'],
  finalisierung: ['finalisation', 'finalization', 'finalisierung', 'finalising', 'finalizing'],
  konflikt: ['conflict', 'conflicts', 'konflikt', 'konflikte', 'interessenskonflikte'],
  wegweiser: ['guide', 'guidepost', 'signpost', 'roadmap', 'wegweiser'],
  einstieg: ['start', 'started', 'beginning', 'einstieg', 'anfangen', 'anfang', 'fange', 'beginnen'],
  zielgruppe: ['audience', 'audiences', 'zielgruppe', 'zielgruppen'],
  abschluss: ['closing', 'abschluss', 'wrapup'],
  zeitzone: ['timezone', 'zeitzone'],
  reihe: ['series', 'reihe', 'programme', 'program', 'programm'],
  email: ['email', 'mail', 'mailadresse', 'emailadresse', 'adresse', 'address'],
  ablauf: ['ablauf', 'agenda', 'ablaufen', 'lauft', 'format'],
  kompetenz: ['competence', 'skills', 'literacy', 'kompetenz'],
  erfahrung: ['experience', 'experiences', 'erfahrung', 'erfahrungen'],
  methode: ['method', 'methods', 'methode', 'methoden'],
  wichtig: ['important', 'wichtig', 'matter', 'matters'],
  verwaltung: ['administration', 'verwaltung', 'government'],
  wasser: ['water', 'wasser'],
};

export const GLOSSARY: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  for (const [canonical, variants] of Object.entries(GLOSSARY_GROUPS)) {
    for (const v of variants) map.set(foldUmlauts(v), canonical);
  }
  return map;
})();

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

/** Maps a surface word through the glossary (after folding), then stems it. */
export function canonicalStem(word: string): string {
  const folded = foldUmlauts(lower(word));
  const canonical = GLOSSARY.get(folded);
  return stem(canonical ?? word);
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

/** A vocabulary of surface words and their stems, for compound splitting. */
export class Vocabulary {
  private readonly surface = new Set<string>();
  private readonly stems = new Set<string>();

  constructor() {
    for (const [word, canonical] of GLOSSARY) {
      this.add(word);
      this.add(canonical);
    }
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
    return this.surface.has(folded) || this.stems.has(stem(word));
  }
}

/**
 * One word of a text turned into its index terms: the canonical stem, plus the stems of its compound parts
 * when the vocabulary can split it. Stop words give nothing.
 */
export function termsOfWord(input: string, vocabulary: Vocabulary | undefined): string[] {
  const word = lower(input);
  const folded = foldUmlauts(word);
  if (STOPWORDS.has(folded) || (!GLOSSARY.has(folded) && STOP_STEMS.has(stem(word)))) return [];
  if (folded.length < 2 && !/\d/.test(folded)) return [];
  const terms = [canonicalStem(word)];
  if (vocabulary && !GLOSSARY.has(folded)) {
    const parts = splitCompound(word, (p) => vocabulary.knows(p));
    if (parts) for (const p of parts) terms.push(canonicalStem(p));
  }
  return [...new Set(terms)];
}
