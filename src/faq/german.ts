// German-aware text processing for FAQ retrieval: tokenizing, stop words, compound splitting against the
// corpus's own vocabulary, Snowball German stemming and umlaut/ß folding. Synonyms and general concepts live
// in lexicon.ts, general noun synonyms in thesaurus.ts. Index and query go through the same pipeline so that
// their terms meet.
import { nounSynonyms } from './thesaurus.js';
import { ENGLISH_STOP_WORDS, foldLoose, GERMAN_STOP_WORDS, guessLanguage, lowerGerman, stem as snowballStem, words as textWords } from '../text/index.js';

/** Lower-case, ß→ss; umlauts stay so that the stemmer sees real German words. */
export const lower = lowerGerman;

/**
 * The FAQ's comparison key: umlauts and their two-letter spellings fold to the plain vowel ("Koeln" = "Köln"
 * = "Koln"), because participants type all three. Lossy on purpose; both sides are folded the same way.
 */
export const foldUmlauts = foldLoose;

/** Words, lower-cased: letters and digits; everything else separates ("Change-Management" gives two words). */
export function words(text: string): string[] {
  return textWords(lower(text)).map((w) => w.replace(/\p{M}/gu, ''));
}

// Beyond the shared stop words (src/text): what questions to a FAQ say without naming a topic. They must
// neither match nor count as "unknown" when judging whether a question is in scope.
const FAQ_FILLER_DE = `
lautet lauten insgesamt funktioniert funktionieren beste besten bester bestes ungefähr erzähl erzählen worum wozu
wofür woran gilt gelten sollte gehört gehören hält halten spricht sprechen redet reden
wieviel wieviele wievielen gibts gehts brauch dran sich
tun tue tut nachher überhaupt nochmal nochmals irgendwie lieber liebsten möchte möchten selber
dr prof mag gewesen geworden worden besagt besagen
während wegen trotz anstatt innerhalb außerhalb bezüglich gemäß hinsichtlich betreffend übers fürs ans
ums aufs durchs vors unters hinters
dafür dazu davon darauf daran darüber darin dagegen dadurch daraus darunter hierfür hierzu hiervon
bzw usw etc ggf evtl bspw
trotzdem dennoch inzwischen mittlerweile darum deshalb deswegen wenigstens zumindest irgendwo irgendwann
`;
// General verbs and nouns of questions that carry a topic only when the material uses them ("Wie läuft ein
// Termin ab?" beside a heading "Wie läuft ein Termin ab?"): matched when the material has them, otherwise
// neither matched nor counted as unknown.
const SOFT_FILLER = `
versteht verstehen bekomme bekommen bekommt krieg kriege kriegen kriegt läuft laufen leute darf dürfen erfahre erfahren
kommt kommen klappt möglich people folks anyone someone somebody possible pro per jemand jemanden jemandem
umfasst umfassen beinhaltet beinhalten enthält enthalten besteht bestehen groß große großen großer großes klein kleine kleinen
kleiner kleines big small large last lasts take takes run runs running go goes happen happens happening
angegeben unterschied unterschiede unterscheiden unterscheidet difference differences
normal normale normalen normaler normales üblich übliche üblichen üblicher typisch typische typischen typischer
gewöhnlich regulär reguläre regulären normalerweise üblicherweise usual usually typical typically normally
ansehen anschauen angucken sehen schauen nachschauen nachsehen später wissen weiß schicken schicke schickt senden sende sendet send
benutzt benutzen benutze verwendet verwenden verwende eingesetzt einsetzen use uses used using weiter ende
bedingung bedingungen voraussetzung voraussetzungen nein conditions condition requirement requirements
zwei drei vier fünf sechs sieben neun zehn zwölf two three four five six seven eight nine ten twelve
zweimal dreimal viermal fünfmal sechsmal twice
nachts abends morgens vormittags nachmittags mittags tagsüber nightly
neu neue neuen neuer neues new
ganz ganze ganzen ganzer ganzes gesamt gesamte gesamten whole entire
nachträglich nachhinein vorher danach hinterher zwischendurch afterwards beforehand
extra eigens separat gesondert separately
watch watching view erlaubt erlauben zulässig allowed permitted
früh frühzeitig early
`;
const FAQ_FILLER_EN = 'best total overall work works tell explain talk talks speak speaks give gives hold holds held non myself yourself yourselves ourselves themselves himself herself itself still despite within regarding concerning via among throughout mean means meant meaning altogether one' +
  // Contractions typed without the apostrophe ("whats the next session", "dont know").
  ' whats whos wheres hows whens thats theres heres isnt arent wasnt werent dont doesnt didnt cant wont couldnt shouldnt wouldnt im ive youre' +
  // Prepositions the shared list lacks.
  ' onto upon toward towards across along around behind beside besides beyond inside outside without since';
const list = (text: string) => text.split(/\s+/).filter(Boolean).map((w) => foldUmlauts(w));
const GERMAN_STOP_LIST = [...[...GERMAN_STOP_WORDS].map((w) => foldUmlauts(w)), ...list(FAQ_FILLER_DE)];
const SOFT_STOPWORDS: ReadonlySet<string> = new Set(list(SOFT_FILLER));
export const STOPWORDS: ReadonlySet<string> = new Set([...GERMAN_STOP_LIST, ...[...ENGLISH_STOP_WORDS].map((w) => foldUmlauts(w)), ...list(FAQ_FILLER_EN)]);
// Inflected forms of the German function words and generic verbs ("finde" beside "finden") are stop words too.
const STOP_STEMS: ReadonlySet<string> = new Set(GERMAN_STOP_LIST.map((w) => foldUmlauts(snowballStem(w))));

/** A question for a clock time: "um wie viel Uhr", "um welche Zeit", "wie spät", "what time", "at what hour". */
const CLOCK_TIME_ASKED = /\b(um wie ?viel uhr|um welche (uhr)?zeit|wie spat|zu welcher (uhr)?zeit|what time|at what hour)\b/;
export function asksClockTime(question: string): boolean {
  return CLOCK_TIME_ASKED.test(foldUmlauts(lower(question)));
}

/** Verbs of beginning and ending, folded: in a question for a clock time they say nothing the time does not. */
export const BEGIN_END_VERBS: ReadonlySet<string> = new Set(list('beginnt beginnen begann fängt anfängt startet starten begins begin began starts start endet enden ends end finishes finish aufhört'));

/** True for a general verb or particle of questions that counts only where the material uses it ("dürfen", "pro"). */
export function isSoftWord(word: string): boolean {
  return SOFT_STOPWORDS.has(foldUmlauts(lower(word)));
}

// Particles of separable verbs, whose past participle puts "ge" after them ("ein|ge|reicht", "an|ge|meldet").
const SEPARABLE_PREFIXES = ['zurück', 'vorbei', 'heraus', 'hinein', 'ab', 'an', 'auf', 'aus', 'bei', 'ein', 'fest', 'mit', 'nach', 'teil', 'vor', 'weg', 'zu'];

/**
 * The infinitive of a separable verb's past participle ("eingereicht" -> "einreichen", "abgesagt" ->
 * "absagen"), when the word has that shape: the material names the act with the infinitive or the noun
 * ("Einreichen bis 13.04."), the question asks with the participle.
 */
export function separableInfinitive(input: string): string | undefined {
  const word = lower(input);
  for (const prefix of SEPARABLE_PREFIXES) {
    // The infinitive with "zu" puts it after the particle too ("mit|zu|machen", "an|zu|melden").
    if (word.startsWith(`${prefix}zu`)) {
      const zu = /^(.{3,})(en|ern|eln)$/.exec(word.slice(prefix.length + 2));
      if (zu) return `${prefix}${zu[1]}${zu[2]}`;
    }
    if (!word.startsWith(`${prefix}ge`)) continue;
    const m = /^(.{3,}?)(et|t|en)$/.exec(word.slice(prefix.length + 2));
    if (m) return `${prefix}${m[1]}en`;
  }
  return undefined;
}

/**
 * The past participle of a weak verb the material may have instead of the question's infinitive ("gearbeitet"
 * for "arbeiten", "angemeldet" for "anmelden", "gezählt" for "zählen"): the forms to look for, separable
 * particle first. Empty for a word that is no infinitive.
 */
export function participleForms(input: string): string[] {
  const word = lower(input);
  const m = /^(.{3,}?)(en|ern|eln)$/.exec(word);
  if (!m) return [];
  const base = m[2] === 'en' ? m[1]! : `${m[1]}${m[2]!.slice(0, -1)}`;
  const forms = [`ge${base}t`, `ge${base}et`];
  for (const prefix of SEPARABLE_PREFIXES) {
    if (!base.startsWith(prefix) || base.length - prefix.length < 3) continue;
    const rest = base.slice(prefix.length);
    forms.push(`${prefix}ge${rest}t`, `${prefix}ge${rest}et`);
  }
  return forms;
}

/** Snowball German stem, folded: the form terms are indexed and searched under (src/text caches it). */
export function stem(word: string): string {
  return foldUmlauts(snowballStem(word));
}

/** Anything that maps a word or phrase to a canonical term (the lexicon of general concepts and synonyms). */
export interface TermMap {
  lookup(input: string): string | undefined;
  lookupAll(input: string): string[] | undefined;
  /** The terms of the entry one edit away from a long word (a typo of a concept word), if exactly one group has it. */
  lookupTypo?(input: string): string[] | undefined;
  readonly entries: readonly string[];
}

/** The word's canonical term: its group's term when the lexicon holds it, else its stem. */
export function canonicalStem(word: string, lexicon?: TermMap): string {
  return lexicon?.lookup(word) ?? stem(word);
}

// German linking elements ("Fugen") a compound's first part may carry: Daten|strategie, Abschluss|treffen.
const LINKERS = ['', 's', 'n', 'en', 'es', 'e'];
const MIN_PART = 4;
/** Words from this length on are checked for a typo against the lexicon (shorter ones are too often real words). */
const MIN_TYPO_WORD = 8;

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
      // "Sicherheits|schuhe", not "Sicherheitss|chuhe": a linking "s" is never doubled.
      if (linker && base.endsWith(linker)) continue;
      if (base.length >= 5 && known(base)) return [base, word.slice(i)];
    }
  }
  return undefined;
}

/** A compound's last part shared with a corpus word's end counts from this length on ("neutral"). */
const MIN_HEAD_SUFFIX = 7;
/** Longer words are no words ("Rindfleischetikettierungsüberwachungsaufgabenübertragungsgesetz" has 63 letters). */
const MAX_WORD_LETTERS = 64;
/** A word that heads more of the corpus's compounds than this is not read as any of them. */
const MAX_COMPOUNDS = 3;
/** Cognates are compared from this length on: shorter words meet too many others ("rat", "rate"). */
const MIN_COGNATE = 6;

/**
 * A spelling key under which German and English cognates meet: "Indikatoren" / "indicators", "Kategorien" /
 * "categories", "Strategie" / "strategy", "Qualität" / "quality", "Resilienz" / "resilience",
 * "Digitalisierung" / "digitalisation" / "digitalization", "technische" / "technical". Regular correspondences
 * of the two spellings only (k/c, -enz/-ence, -ierung/-ation, -ität/-ity, -ie/-y, -isch/-ical, plural endings);
 * no word list.
 */
export function cognateKey(input: string): string {
  let w = foldUmlauts(lower(input));
  w = w
    .replace(/ierung(en)?$/, 'ation')
    // "-isch" meets "-ical", not the noun in "-ik" ("kritisch" is not "Kritik", "practical" not "practice").
    .replace(/isch(e|en|er|es|em)?$/, 'ical')
    .replace(/(ization|isation)s?$/, 'ation')
    .replace(/([ae])nz(en)?$/, '$1nce')
    .replace(/itat(en)?$/, 'iti')
    .replace(/ung(en)?$/, 'ing')
    .replace(/ities$/, 'iti')
    .replace(/ies$/, 'i')
    .replace(/(ie|ien|y)$/, 'i')
    .replace(/(en|es|er|e|s|n)$/, (ending, _e, at: number) => (at >= 5 ? '' : ending));
  return w.replace(/ph/g, 'f').replace(/k/g, 'c').replace(/cc/g, 'c').replace(/(.)\1/g, '$1');
}

/** Month names by number, German (with Austrian „Jänner“, „Feber“) and English: the one list the FAQ reads them by. */
const MONTH_NAMES: readonly (readonly string[])[] = [
  ['januar', 'jänner', 'january'], ['februar', 'feber', 'february'], ['märz', 'march'], ['april'], ['mai', 'may'], ['juni', 'june'],
  ['juli', 'july'], ['august'], ['september'], ['oktober', 'october'], ['november'], ['dezember', 'december'],
];
const MONTH_BY_WORD = new Map(MONTH_NAMES.flatMap((names, i) => names.map((n) => [foldUmlauts(n), i + 1] as const)));

/** Every month name, folded ("marz", "janner", "may"). */
export const MONTH_WORDS: readonly string[] = [...MONTH_BY_WORD.keys()];

/** The number (1–12) of a month's name in German or English ("Mai", "March", "Jänner"). */
export function monthNumber(word: string): number | undefined {
  return MONTH_BY_WORD.get(foldUmlauts(lower(word)));
}

/** True for a month's name in German or English. */
export function isMonthName(word: string): boolean {
  return monthNumber(word) !== undefined;
}

// A date in digits: "25.02.2027", "25.02.27", or a day and month after a word of dates ("am 25.02.", "bis 3.5.":
// "1.2." alone is a paragraph number, "um 9.10." a time), or "2027-02-25".
const NUMERIC_DATE = /(?<![\d.])(\d{1,2})\.(\d{1,2})\.\s?(?:\d{4}|\d{2})(?![\d.])|(?<=\b(?:am|vom|bis|ab|zum|dem|den|on|by|mo|di|mi|do|fr|sa|so)\.?\s)(\d{1,2})\.(\d{1,2})\.(?![\d.])|(?<!\d)\d{4}-(\d{2})-\d{2}(?!\d)/giu;

/**
 * The month names, German and English, of the numeric dates in a text: material writes dates in digits,
 * participants ask "im Februar", "in February". ("may" stays out: the English modal.)
 */
export function monthsOfDates(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(NUMERIC_DATE)) {
    const day = Number(m[1] ?? m[3] ?? 1);
    const month = Number(m[2] ?? m[4] ?? m[5]);
    if (month >= 1 && month <= 12 && day >= 1 && day <= 31) for (const name of MONTH_NAMES[month - 1]!) if (name !== 'may') out.add(name);
  }
  return [...out];
}

/**
 * The word a percent sign stands for ("23 %", "31%"): the material writes the sign, a question says "Prozent" or
 * "percent" (one group of the lexicon), so a figure in percent is found by either.
 */
export function percentWords(text: string): string[] {
  return /\d\s?%/.test(text) ? ['prozent'] : [];
}

/** A vocabulary of surface words and their stems, for compound splitting. */
export class Vocabulary {
  private readonly surface = new Set<string>();
  private readonly stems = new Set<string>();
  /** Cognate key -> the first corpus word with it. */
  private readonly cognates = new Map<string, string>();

  /** Words that only the lexicon gave, not the material (folded). */
  private readonly lexiconOnly = new Set<string>();

  constructor(lexicon?: TermMap) {
    for (const word of lexicon?.entries ?? []) this.add(word);
    for (const word of this.surface) this.lexiconOnly.add(word);
  }

  add(input: string): void {
    const word = lower(input);
    const folded = foldUmlauts(word);
    this.lexiconOnly.delete(folded);
    if (folded.length < MIN_PART || STOPWORDS.has(folded) || this.surface.has(folded)) return;
    this.surface.add(folded);
    this.stems.add(stem(word));
    if (folded.length >= MIN_COGNATE && !/\d/.test(folded)) {
      const k = cognateKey(folded);
      if (!this.cognates.has(k)) this.cognates.set(k, folded);
    }
  }

  /** Suffix (7 letters or more) -> a corpus word ending in it; built on first use. */
  private suffixes: Map<string, string> | undefined;
  /** Suffix (7 letters or more) -> the first material words ending in it, at most {@link MAX_COMPOUNDS} + 1; built on first use. */
  private heads: Map<string, string[]> | undefined;

  /**
   * The corpus word that shares the given compound's last part, its head in German ("klimaneutral" and
   * "treibhausgasneutral"), when the word's first part is at least 4 letters and the head at least 7: a kind
   * of the same thing, so the word counts as half known (its own stem stays its first term). A shorter head
   * is too common to vouch for the compound ("Schwamm|stadt" beside "Stadt").
   */
  headOf(input: string): string | undefined {
    const folded = foldUmlauts(lower(input));
    if (folded.length < MIN_PART + 5) return undefined;
    if (!this.suffixes) {
      this.suffixes = new Map();
      for (const w of this.surface) for (let i = MIN_PART; w.length - i >= MIN_HEAD_SUFFIX; i++) if (!this.suffixes.has(w.slice(i))) this.suffixes.set(w.slice(i), w);
    }
    for (let i = MIN_PART; folded.length - i >= MIN_HEAD_SUFFIX; i++) {
      const tail = folded.slice(i);
      if (tail.length >= MIN_HEAD_SUFFIX && this.surface.has(tail)) return tail;
      const word = tail.length >= MIN_HEAD_SUFFIX ? this.suffixes.get(tail) : undefined;
      if (word) return word;
    }
    return undefined;
  }

  /**
   * The material's compounds whose head is the given word ("Teilnahmebestätigung" for "Bestätigung"), when it
   * has 7 letters or more and at most {@link MAX_COMPOUNDS} compounds end in it: German names a thing by its
   * compound where a participant asks for the plain word. More compounds name too many things to say which.
   */
  compoundsOf(input: string): string[] {
    const folded = foldUmlauts(lower(input));
    if (folded.length < MIN_HEAD_SUFFIX) return [];
    if (!this.heads) {
      this.heads = new Map();
      for (const w of this.surface) {
        if (this.lexiconOnly.has(w)) continue;
        for (let i = MIN_PART; w.length - i >= MIN_HEAD_SUFFIX; i++) {
          // The first part is a word of its own ("Teilnahme|bestätigung", "Friedhofs|begehung"), not a prefix
          // ("Über|prüfung", "Durch|führung").
          const first = w.slice(0, i);
          const base = first.endsWith('s') ? first.slice(0, -1) : first;
          if (![first, base].some((f) => f.length >= MIN_PART && !STOPWORDS.has(f) && (this.surface.has(f) || this.stems.has(f)))) continue;
          const list = this.heads.get(w.slice(i));
          if (!list) this.heads.set(w.slice(i), [w]);
          else if (list.length <= MAX_COMPOUNDS) list.push(w);
        }
      }
    }
    const found = this.heads.get(folded) ?? [];
    return found.length <= MAX_COMPOUNDS ? found : [];
  }

  /** Corpus words by first letter, for typo lookups; built on first use. */
  private byInitial: Map<string, string[]> | undefined;

  /**
   * The one corpus word a single edit away from a long word the corpus lacks ("skatierung" for "skartierung"),
   * with the same first letter; none when two or more are.
   */
  typoOf(input: string): string | undefined {
    const folded = foldUmlauts(lower(input));
    if (folded.length < MIN_TYPO_WORD || this.surface.has(folded)) return undefined;
    if (!this.byInitial) {
      this.byInitial = new Map();
      for (const w of this.surface) if (w.length >= MIN_TYPO_WORD - 1) this.byInitial.set(w[0]!, [...(this.byInitial.get(w[0]!) ?? []), w]);
    }
    const near = (this.byInitial.get(folded[0]!) ?? []).filter((w) => Math.abs(w.length - folded.length) <= 1 && editDistance(folded, w, 1) <= 1);
    return near.length === 1 ? near[0] : undefined;
  }

  /** The corpus word that is the given word in the other language's spelling ("indicators" for "Indikatoren"). */
  cognateOf(input: string): string | undefined {
    const folded = foldUmlauts(lower(input));
    if (folded.length < MIN_COGNATE) return undefined;
    const found = this.cognates.get(cognateKey(folded));
    return found && found !== folded ? found : undefined;
  }

  addText(text: string): void {
    for (const w of [...words(text), ...monthsOfDates(text)]) this.add(w);
  }

  /** True when the corpus has this very word (folded), not only its stem. */
  hasWord(input: string): boolean {
    return this.surface.has(foldUmlauts(lower(input)));
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

export interface TermOptions {
  /** A word of the material being indexed (else a word of a question). */
  indexing?: boolean;
  /**
   * A question's noun the material lacks stands for its general synonyms that the material has (thesaurus.ts).
   * Off where the question is checked against the program's own words (a synonym is not the program's word).
   */
  synonyms?: boolean;
}

/**
 * One word of a text turned into its index terms: the canonical stem, plus the stems of its compound parts
 * when the vocabulary can split it. Stop words give nothing.
 */
export function termsOfWord(input: string, vocabulary: Vocabulary | undefined, lexicon?: TermMap, options: TermOptions = {}): string[] {
  // No word of either language is this long: a run of letters pasted or typed by mistake is no content, and
  // splitting it into parts would take seconds.
  if (input.length > MAX_WORD_LETTERS) return [];
  const word = lower(input);
  const folded = foldUmlauts(word);
  const grouped = lexicon?.lookupAll(word);
  if (grouped !== undefined) return grouped;
  if (word.includes(' ')) return [];
  if (STOPWORDS.has(folded) || STOP_STEMS.has(stem(word))) return [];
  if (folded.length < 2 && !/\d/.test(folded)) return [];
  if (SOFT_STOPWORDS.has(folded) && !vocabulary?.knows(word)) return [];
  // A participle the material has only as infinitive or noun ("eingereicht" beside "Einreichen").
  // Where the material has both, the participle stands for both ("abgestimmt" and "Abstimmen dürfen alle").
  if (vocabulary && !options.indexing) {
    const infinitive = separableInfinitive(word);
    if (infinitive && vocabulary.knows(infinitive)) {
      const forInfinitive = termsOfWord(infinitive, vocabulary, lexicon, options);
      return vocabulary.knows(word) ? [...new Set([stem(word), ...forInfinitive])] : forInfinitive;
    }
  }
  // An infinitive the material has only as past participle ("arbeiten" beside "gearbeitet"), and a participle
  // without particle the material has only as infinitive ("gezählt" beside "zählen").
  if (vocabulary && !options.indexing && !vocabulary.knows(word)) {
    const participle = participleForms(word).find((f) => vocabulary.hasWord(f));
    if (participle) return [...new Set([...termsOfWord(participle, vocabulary, lexicon, options), stem(word)])];
    const weak = /^ge(.{3,}?)(et|t)$/.exec(word);
    if (weak && vocabulary.hasWord(`${weak[1]}en`)) return [...new Set([...termsOfWord(`${weak[1]}en`, vocabulary, lexicon, options), stem(word)])];
  }
  // A word the material has in the other language's spelling ("Indikatoren" beside "indicators") stands for it.
  if (vocabulary && !options.indexing && !vocabulary.knows(word)) {
    const cognate = vocabulary.cognateOf(word);
    if (cognate) return [...new Set([...termsOfWord(cognate, vocabulary, lexicon, options), stem(word)])];
  }
  // A long word neither the material nor the lexicon knows may be a typo of a concept word ("anmeldeschlus"),
  // or of one word of the material ("Skatierung" for "Skartierung").
  if (vocabulary && !options.indexing && folded.length >= MIN_TYPO_WORD && !vocabulary.knows(word)) {
    const typo = lexicon?.lookupTypo?.(word);
    if (typo) return typo;
    const corrected = vocabulary.typoOf(word);
    if (corrected) return termsOfWord(corrected, vocabulary, lexicon, options);
  }
  // A noun of action the material has only as its verb ("Messung" beside "messen").
  if (vocabulary && !options.indexing && !vocabulary.knows(word)) {
    const verb = verbOfNoun(folded, vocabulary);
    if (verb) return [verb, stem(word)];
  }
  // A noun the material has only under another name ("Bücherei" beside "Bibliothek"). Its own stem comes
  // first: the word itself stays unknown, so it weighs as half known, like a compound known in parts.
  const synonyms = vocabulary && options.synonyms && !options.indexing && !vocabulary.knows(word) ? knownSynonyms(word, vocabulary) : [];
  if (synonyms.length) return [...new Set([stem(word), ...synonyms.flatMap((s) => termsOfWord(s, vocabulary, lexicon, { ...options, synonyms: false }))])];
  const terms = [stem(word)];
  if (vocabulary) {
    // In a question, a part may be known in the other language's spelling ("Hochwasser|warnungen" beside
    // "flood warnings").
    const cognate = (p: string) => (options.indexing || vocabulary.knows(p) ? undefined : vocabulary.cognateOf(p));
    const verb = (p: string) => (options.indexing || vocabulary.knows(p) ? undefined : verbOfNoun(foldUmlauts(lower(p)), vocabulary));
    // A part is no part when it is only known as the stem of the word itself ("Mobilitätsw|ende": the
    // stemmer cuts "Mobilitätswende" to "mobilitatsw").
    const whole = stem(word);
    const known = (p: string) => stem(p) !== whole && (vocabulary.knows(p) || !!cognate(p) || !!verb(p));
    // Only the material's compounds split off a known first part alone: in a question that would make an
    // unknown word look known ("Sonnen|kraftwerk").
    const parts = splitCompound(word, known) ?? (options.indexing ? splitHead(word, known) : undefined);
    // A part is indexed under its own stem and, when it is the stem of a corpus word, under that too, so
    // "Fördergeld", "Förderprogramm" and "Förderung" meet.
    if (parts) for (const p of parts.map((x) => cognate(x) ?? verb(x) ?? x)) terms.push(canonicalStem(p, lexicon), ...(vocabulary.isStem(p) ? [foldUmlauts(lower(p))] : []));
    // A question's compound the material has only with another first part: its head, half known.
    if (!parts && !options.indexing && !vocabulary.knows(word)) {
      // A session word as head says the compound is a session ("Bibliotheks|treffen" is a Treffen), whatever
      // longer corpus word shares the head ("Abschlusstreffen").
      const head = sessionHead(folded, lexicon) ?? vocabulary.headOf(word);
      if (head) terms.push(canonicalStem(head, lexicon));
    }
  }
  return [...new Set(terms)];
}

/**
 * The lexicon's word for a session ("treffen", "termin", "sitzung") that ends a compound after a first part of
 * 4 letters or more. Only a session: other concepts' words also end compounds of another meaning
 * ("Sprech|stunde" is no duration).
 */
function sessionHead(folded: string, lexicon: TermMap | undefined): string | undefined {
  const session = lexicon?.lookup('termin');
  if (!session) return undefined;
  for (let i = MIN_PART; folded.length - i >= 5; i++) {
    const tail = folded.slice(i);
    if (lexicon!.lookupAll(tail)?.includes(session)) return tail;
  }
  return undefined;
}

/**
 * A word with more synonyms than this in the material is not read as any of them: the thesaurus lists one
 * word's several meanings, and the material would then pick one by chance.
 */
const MAX_KNOWN_SYNONYMS = 3;

/** The word's noun synonyms that the material has, when few enough to say which meaning is asked. */
function knownSynonyms(word: string, vocabulary: Vocabulary): string[] {
  const known = nounSynonyms(word).filter((s) => vocabulary.knows(s));
  return known.length <= MAX_KNOWN_SYNONYMS ? known : [];
}

/**
 * The verb stem of a noun of action in -ung ("messung" -> "mess") when the material has the verb but not
 * the noun: German forms such nouns from the verb's stem.
 */
function verbOfNoun(folded: string, vocabulary: Vocabulary): string | undefined {
  const m = /^(.{3,})ung(en)?$/.exec(folded);
  return m && vocabulary.isStem(m[1]!) ? m[1] : undefined;
}

/**
 * Damerau-Levenshtein distance (adjacent transposition counts as one edit), or max + 1 when larger: cheap
 * enough to compare a word against every lexicon entry of similar length.
 */
export function editDistance(a: string, b: string, max = 2): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length]!;
}

// Subject pronouns: the word beside one in a question is its verb ("Krieg ich ...?", "An welche Adresse
// schicke ich ...?", "Who do I write to ...?", "How long can we watch ...?").
const SUBJECT_PRONOUNS_DE = new Set(['ich', 'du', 'er', 'es', 'wir', 'ihr', 'man']);
const SUBJECT_PRONOUNS_EN = new Set(['i', 'we', 'you', 'they', 'he', 'she']);
const WH_EN = new Set(['who', 'what', 'which']);
const MODALS_EN = new Set(['can', 'could', 'should', 'would', 'will', 'must', 'might', 'shall']);
const AUX_EN = new Set(['did', 'does', 'do']);
// As folded words: foldUmlauts reads the "oe" of "does" as an umlaut ("dos"). (verbPositionWords keeps the
// written forms: there "does" reading its next words as verbs answered near misses such as "What percentage of
// applications does X reject?".)
const AUX_EN_FOLDED = new Set([...AUX_EN].map((w) => foldUmlauts(w)));
const BE_EN = new Set(['is', 'are', 'was', 'were']);
const PREPOSITIONS_EN = new Set(['in', 'on', 'at', 'for', 'by', 'to', 'with', 'during', 'after', 'before', 'from']);
const DETERMINERS_EN = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'our', 'your', 'my', 'their', 'his', 'her', 'its']);

/**
 * A separable verb's infinitive as folded ("nachschauen" folds to "nachschaun", "herunterladen"), not a meal
 * ("Abendessen").
 */
const NOMINAL_INFINITIVE = /^(?!abend)(ab|an|auf|aus|ein|mit|nach|vor|durch|herunter|runter|weiter|wieder|zuruck|rein|raus)\p{L}{3,}n$/u;

/**
 * The question's words that stand where a sentence has its verb: beside a subject pronoun ("Krieg ich",
 * "parkt man", "do I write"), after an English modal ("should go") or "did"/"does" and a name ("did
 * Lindau spend"), after "who"/"what" with the -s of a verb, or with -ing before a particle, and the German
 * infinitive that ends a clause after "zu" ("... zu formulieren") or "zum"/"beim" ("zum Nachschauen"); never a word
 * capitalised inside the sentence (a German noun or a name). Such a word says what is done, not what
 * the question is about: when the material lacks it ("anschauen", "write"), the question is not out of scope
 * for that reason alone. Syntax of both languages, no word list beyond function words.
 */
/**
 * German passive participles: the lower-case word ending a clause that has "wird"/"werden"/"wurde"/"wurden"
 * ("Werden Fahrtkosten ... übernommen?"), in a question that writes its nouns with capitals. It says what is
 * done with the subject, so it never names the subject, and one the material lacks ("eingereicht" where it
 * says "geht bis ... an") does not count against the scope. With a modal verb it stands before "werden"
 * ("Bis wann muss die Notiz eingereicht werden?"), and so does a state after a modal verb ("Bis wann soll die
 * Umfrage ausgefüllt sein?"). (Not the perfect: in "Wer hat die Heizzentrale gebaut?" the verb is the question.)
 */
export function passiveParticiples(question: string): Set<string> {
  const out = new Set<string>();
  for (const clause of question.split(/[,;:?!.]+/)) {
    const tokens = words(clause).map((w) => foldUmlauts(w));
    const last = tokens.at(-1);
    if (tokens.length >= 3 && last && /t$|en$/.test(last) && casedWords(clause).has(last) && tokens.slice(0, -1).some((w) => PASSIVE_DE.has(w))) out.add(last);
    // With a modal verb the passive ends "... eingereicht werden" ("Bis wann muss die Notiz eingereicht werden?").
    const before = tokens.at(-2);
    if (tokens.length >= 4 && (last === 'werden' || last === 'sein') && before && /t$/.test(before) && casedWords(clause).has(before)) out.add(before);
  }
  return out;
}
const PASSIVE_DE = new Set(['wird', 'werden', 'wurde', 'wurden']);

/**
 * The thing a question of measure asks for: the noun after "Wie hoch / Wie viel / Was ist der ..." and a
 * copula and any adjectives ("Wie hoch ist die Strafe, wenn ...?", "What is the exact fine?"). The answer is a figure of it, so
 * a material that never names it cannot answer, whatever else the question shares with it.
 */
export function askedSubject(question: string): string | undefined {
  const clause = question.split(/[,;:?!.]+/)[0] ?? '';
  const tokens = words(clause).map((w) => foldUmlauts(w));
  // As written, for the capital of a German noun.
  const raw = clause.match(/[\p{L}\d]+/gu) ?? [];
  // "Wie viel CO2 spart ...?", "How much CO2 does ...?": the noun right after the measure.
  if ((tokens[0] === 'wie' && tokens[1] === 'viel') || (tokens[0] === 'how' && tokens[1] === 'much')) {
    const next = tokens[2];
    const isNoun = tokens[0] === 'wie' ? /^\p{Lu}/u.test(raw[2] ?? '') : !!next && ![AUX_EN, BE_EN, MODALS_EN].some((c) => c.has(next)) && !['did', 'has', 'have', 'had'].includes(next);
    if (next && isNoun && next.length >= 3 && !FIGURE_NOUNS.has(next)) return next;
  }
  let i = 0;
  if ((tokens[0] === 'wie' || tokens[0] === 'how') && MEASURES.has(tokens[1] ?? '')) i = 2;
  else if (tokens[0] === 'was' || tokens[0] === 'what') i = 1;
  else return undefined;
  if (!COPULAS.has(tokens[i] ?? '')) return undefined;
  i++;
  if (ARTICLES.has(tokens[i] ?? '')) i++;
  // An adjective before the noun ("die genaue Adresse", "the latest date") is no thing: the noun follows it.
  const lowerWritten = casedWords(clause);
  const english = tokens[0] === 'what' || tokens[0] === 'how';
  const content = (w: string | undefined) => !!w && /^\p{L}+$/u.test(w) && !STOPWORDS.has(w);
  const written = words(clause).map((w) => lower(w));
  const adjective = (j: number) => (lowerWritten.size ? lowerWritten.has(tokens[j]!) : english ? ADJECTIVE_EN.test(tokens[j]!) || isSoftWord(tokens[j]!) : /(e|en|er|es|em)$/.test(written[j] ?? ''));
  while (content(tokens[i + 1]) && adjective(i)) i++;
  const noun = tokens[i];
  // "Wie hoch ist die Zahl der ...?": a word for a figure says how it is measured, the thing comes after it.
  return noun && noun.length >= 4 && !FIGURE_NOUNS.has(noun) ? noun : undefined;
}
/** English adjectives by their endings, and the general ones that end otherwise ("the exact address"). */
const ADJECTIVE_EN = /^(?:\p{L}+(?:est|al|ous|ive|ful|ic|ible|able|ary)|exact|next|last|first|full|main|usual|actual|precise|current|expected|planned|required|official|average|maximum|minimum|overall)$/u;
const FIGURE_NOUNS = new Set(['zahl', 'anzahl', 'anteil', 'summe', 'betrag', 'hohe', 'menge', 'quote', 'wert', 'prozentsatz', 'prozent', 'geld', 'zeit', 'number', 'share', 'amount', 'total', 'percentage', 'percent', 'rate', 'value', 'level', 'size', 'money', 'time']);
/**
 * The role whose holder a question asks to name: "Wie heißt der Gutachter ...?", "Wer ist die
 * Ansprechpartnerin ...?", "Who is the data protection officer?", with the words of its phrase. A passage that
 * mentions the role without a name answers another question. A role is a noun for a person or a body by its
 * ending or a general noun for an organisation; the name of a thing ("Wie heißt der Friedhof ...?") is no person's.
 */
export function askedName(question: string): { role: string; phrase: string[] } | undefined {
  const clause = question.split(/[,;:?!.]+/)[0] ?? '';
  const tokens = words(clause).map((w) => foldUmlauts(w));
  const naming = (tokens[0] === 'wie' && NAMING.has(tokens[1] ?? '')) || ((tokens[0] === 'wer' || tokens[0] === 'who') && COPULAS.has(tokens[1] ?? ''));
  if (!naming || !DEFINITE_ARTICLES.has(tokens[2] ?? '')) return undefined;
  let i = 3;
  const content = (w: string | undefined) => !!w && /^\p{L}+$/u.test(w) && !STOPWORDS.has(w);
  if (!content(tokens[i])) return undefined;
  if (tokens[0] === 'who') {
    // English names a role by its last noun ("the data protection officer").
    while (content(tokens[i + 1])) i++;
  } else {
    // German puts adjectives, written in lower case, before the noun ("die zuständige Ansprechpartnerin").
    const lowerWritten = casedWords(clause);
    while (content(tokens[i + 1]) && lowerWritten.has(tokens[i]!)) i++;
  }
  const noun = tokens[i]!;
  // Only a role, whose holder has a name ("Gutachter", "Ansprechpartnerin", "officer", "Agentur"): a thing
  // ("die Adresse", "die Plattform", "die Zielgruppe") is answered otherwise.
  return noun.length >= 4 && (ROLE_SHAPE.test(noun) || BODIES.has(noun)) ? { role: noun, phrase: tokens.slice(3, i + 1) } : undefined;
}
/** Endings of nouns for people and bodies: agents, their female forms, offices. */
const ROLE_SHAPE = /(er|ern|erin|erinnen|in|innen|ent|enten|or|oren|ant|anten|ist|isten|ee|ees|ian|person|personen|partner|leitung|buro|amt|team|beauftragte|beauftragter|vorsitzende|vorsitzender|head|lead|chair|contact)$/;
/** General nouns for organisations, which go by a name. */
const BODIES = new Set(['agentur', 'firma', 'behorde', 'stelle', 'gesellschaft', 'stiftung', 'organisation', 'einrichtung', 'institution', 'institut', 'verband', 'verein', 'unternehmen', 'hochschule', 'universitat', 'kanzlei', 'agency', 'company', 'firm', 'office', 'organization', 'institute', 'foundation', 'association', 'authority', 'university', 'consultancy']);
const NAMING = new Set(['heisst', 'heissen', 'lautet']);
const DEFINITE_ARTICLES = new Set(['der', 'die', 'das', 'the']);
const MEASURES = new Set(['hoch', 'viel', 'gross', 'lang', 'teuer', 'breit', 'schnell', 'alt', 'much', 'high', 'big', 'large', 'long', 'expensive', 'old', 'wide', 'fast']);
const COPULAS = new Set(['ist', 'sind', 'war', 'waren', 'betragt', 'betragen', 'is', 'are', 'was', 'were']);
const ARTICLES = new Set(['der', 'die', 'das', 'the', 'a', 'an', 'ein', 'eine']);
const MODALS_DE = new Set(['muss', 'mussen', 'musst', 'kann', 'konnen', 'kannst', 'soll', 'sollen', 'sollte', 'sollten', 'darf', 'durfen', 'will', 'wollen', 'mochte', 'mochten', 'konnte', 'konnten', 'musste', 'mussten'].map((w) => foldUmlauts(w)));
/**
 * A German question for a thing, a person or a measure ("Was sollen wir vorbereiten?", "Wie oft muss man ...
 * überarbeiten?"); not "wie" alone or "wo", whose verb is the topic ("Wie kann ich mich abmelden?").
 */
function asksForThing(tokens: string[]): boolean {
  return THING_QUESTIONS_DE.has(tokens[0] ?? '') || (tokens[0] === 'wie' && (MEASURES.has(tokens[1] ?? '') || HOW_OFTEN_DE.has(tokens[1] ?? '')));
}
const THING_QUESTIONS_DE = new Set(['was', 'wen', 'wem', 'welche', 'welcher', 'welches', 'welchen']);
const HOW_OFTEN_DE = new Set(['oft', 'lange', 'viele', 'fruh', 'spat']);
const SUBORDINATORS_DE = new Set(['wenn', 'falls', 'ob', 'dass', 'weil', 'obwohl', 'nachdem', 'bevor', 'sobald', 'solange', 'damit']);

/**
 * Who pays, in a question about the fee: the noun after "zahlt"/"pay" ("Was zahlt ein Ingenieurbüro?", "Do
 * consultants have to pay?") or after "für" with an indefinite article or none ("Kostet das was für eine
 * Stadtbücherei?", "Is it free for volunteers?"). The question asks for the fee; the material names its payers
 * by groups ("Beratungsbüros, Unternehmen ... zahlen 90 Euro"), so the payer names no subject the answering
 * passage must repeat. A definite article names a thing that costs ("für die Exkursion"), not a payer, and so does
 * "für" after a noun ("Gebühr für Parkplätze", "fee for parking").
 * Syntax of both languages, no word list beyond function words and the verbs and nouns of paying.
 */
export function payers(question: string): Set<string> {
  const out = new Set<string>();
  for (const clause of question.split(/[,;:?!]+|\.(?!\d)/)) {
    const tokens = words(clause).map((w) => foldUmlauts(w));
    // ("How much is it for a researcher?" asks for a price without a word of paying.)
    const paying = tokens.some((t) => PAY_WORDS.has(t)) || tokens.join(' ').includes('how much');
    if (!paying) continue;
    // Nouns as written inside the clause ("Gebühr" in "Gibt es eine Gebühr für ..."), folded.
    const capitalised = new Set((clause.match(/(?<=\s)\p{Lu}\p{L}*/gu) ?? []).map((w) => foldUmlauts(lower(w))));
    // The noun of a phrase starting at i: articles, "jemand von", adjectives in lower case are skipped.
    const nounAt = (i: number, indefiniteOnly: boolean): string | undefined => {
      let j = i;
      if (tokens[j] && DEFINITE.has(tokens[j]!)) {
        if (indefiniteOnly) return undefined;
        j++;
      } else if (tokens[j] && (INDEFINITE.has(tokens[j]!) || OWN.has(tokens[j]!))) j++;
      if (tokens[j] && SOMEONE.has(tokens[j]!) && tokens[j + 1] && FROM.has(tokens[j + 1]!)) {
        j += 2;
        if (tokens[j] && (INDEFINITE.has(tokens[j]!) || DEFINITE.has(tokens[j]!))) j++;
      }
      const noun = tokens[j];
      if (!noun || PAY_WORDS.has(noun) || FUNCTION_AFTER_PAY.has(noun) || noun.length < 4 || /(kosten|gebuhr|gebuhren|costs?|fees?)$/.test(noun)) return undefined;
      return noun;
    };
    tokens.forEach((t, i) => {
      // "Was zahlt ein Ingenieurbüro", "Zahlen Vereine etwas?"
      // ("Wer zahlt die Fahrtkosten?" asks for the payer: what follows is paid for.)
      if (PAY_VERBS.has(t) && tokens[0] !== 'wer' && tokens[0] !== 'who' && (i <= 2 || tokens[i - 1] === 'was' || tokens[i - 1] === 'viel')) {
        const n = nounAt(i + 1, false);
        if (n) out.add(n);
        // "Was zahlen Gäste aus Ingenieurbüros?": where the payers come from names them too.
        const at = n ? tokens.indexOf(n, i + 1) : -1;
        if (at >= 0 && FROM.has(tokens[at + 1] ?? '')) {
          const from = nounAt(at + 2, false);
          if (from) out.add(from);
        }
      }
      // "Do consultants have to pay?", "Müssen Vereine zahlen?": the subject between the auxiliary and the verb.
      // "What do guests from consultancies pay?", "How much does a consultant pay?": after "what"/"how much".
      const opening = i === 0 || (i === 1 && tokens[0] === 'what') || (i === 2 && tokens[0] === 'how' && tokens[1] === 'much');
      if (opening && (AUX_EN_FOLDED.has(t) || MODALS_EN.has(t) || t === 'muss' || t === 'mussen') && tokens.slice(i + 2).some((w) => PAY_VERBS.has(w))) {
        // The subject up to the verb, with what it says of itself ("Müssen ganz kleine Gemeinden mit 800
        // Einwohnern auch zahlen?", "Do consultants from abroad have to pay?"). It ends where an object starts:
        // an article or a preposition other than "mit"/"aus"/"von" after its first word ("Müssen Teilnehmende
        // die Anreise selbst bezahlen?", "Müssen Kommunen für das Mittagessen zahlen?"). A passive ("Muss das
        // Mittagessen bezahlt werden?") names what is paid for, and a year ("Müssen Kommunen 2028 zahlen?") when.
        const subject: string[] = [];
        for (let j = i + 1; j < tokens.length && !PAY_WORDS.has(tokens[j]!) && !NEED.has(tokens[j]!); j++) {
          const w = tokens[j]!;
          if (subject.length && (DEFINITE.has(w) || INDEFINITE.has(w) || OBJECT_START.has(w))) break;
          subject.push(w);
        }
        const passiveClause = tokens.some((w) => PASSIVE_DE.has(w));
        if (!passiveClause && !subject.some((w) => SUBJECT_PRONOUNS_EN.has(w) || SUBJECT_PRONOUNS_DE.has(w))) {
          for (const w of subject) if (/^\d+$/.test(w) ? !YEAR.test(w) : w.length >= 4 && !FUNCTION_AFTER_PAY.has(w) && !ARTICLES.has(w) && !FROM.has(w)) out.add(w);
        }
      }
      // "... für eine Stadtbücherei", "... for volunteers". After a noun the phrase says what the noun is for
      // ("Gebühr für Parkplätze", "fee for parking"): only "jemand von ..." names a payer there.
      if ((t === 'fur' || t === 'for') && i > 0) {
        // After "Teilnahme"/"participation" an article says who takes part ("für eine Stadtverwaltung"), while
        // a bare noun is what one takes part in ("für Workshops").
        const prev = tokens[i - 1]!;
        const afterNoun = !PARTICIPATION.has(prev) && (capitalised.has(prev) || THING_PAID_EN.has(prev));
        // A bare plural of organisations or people ("für Bauämter", "for researchers") names who pays anywhere.
        const next = tokens[i + 1] ?? '';
        const who = ORGANISATION_OR_PEOPLE.test(next);
        const n = who ? nounAt(i + 1, true) : afterNoun && !SOMEONE.has(next) && !OWN.has(next) ? undefined : PARTICIPATION.has(prev) && !INDEFINITE.has(next) && !OWN.has(next) && !SOMEONE.has(next) ? undefined : nounAt(i + 1, true);
        if (n && !SUBJECT_PRONOUNS_EN.has(n) && !SUBJECT_PRONOUNS_DE.has(n) && !OBJECT_PRONOUNS.has(n)) {
          out.add(n);
          // An English compound of two nouns at the clause's end whose head is a person or an organisation:
          // "for a university researcher" (not "for staff parking": parking is what is paid for).
          const at = tokens.indexOf(n, i + 1);
          const head = tokens[at + 1];
          if (head && at + 2 === tokens.length && ORGANISATION_OR_PEOPLE.test(head)) out.add(head);
        }
      }
      // "Müssen wir als kleine Gemeinde mit 3.200 Einwohnern zahlen?", "Do we as a small town pay?": what the
      // asker says they are, up to the verb of paying.
      if ((t === 'als' || t === 'as') && SELF.has(tokens[i - 1] ?? '')) {
        for (let j = i + 1; j < tokens.length && !PAY_WORDS.has(tokens[j]!) && !MODALS_EN.has(tokens[j]!) && !AUX_EN.has(tokens[j]!) && !MODALS_DE.has(tokens[j]!) && !NEED.has(tokens[j]!); j++) {
          const w = tokens[j]!;
          if (/^\d+$/.test(w) ? !YEAR.test(w) : w.length >= 4 && !FUNCTION_AFTER_PAY.has(w)) out.add(w);
        }
      }
    });
  }
  return out;
}
const PAY_VERBS = new Set(['zahlt', 'zahlen', 'zahle', 'bezahlt', 'bezahlen', 'bezahle', 'pay', 'pays', 'paying']);
const PAY_WORDS = new Set([...PAY_VERBS, 'kostet', 'kosten', 'kostenlos', 'kostenfrei', 'kostenpflichtig', 'gebuhr', 'teilnahmegebuhr', 'gratis', 'umsonst', 'free', 'fee', 'fees', 'cost', 'costs', 'charge', 'charged']);
const DEFINITE = new Set(['der', 'die', 'das', 'den', 'dem', 'des', 'the', 'this', 'that', 'these', 'those']);
const INDEFINITE = new Set(['ein', 'eine', 'einen', 'einem', 'einer', 'unser', 'unsere', 'unseren', 'unserer', 'a', 'an', 'our']);
/**
 * What the asker says of themselves in a clause of its own before or after the question ("Wir sind eine Gemeinde
 * mit 6.000 Einwohnern, müssen wir zahlen?", "I work for a Brazilian municipality - who do I register with?"):
 * the words of that clause, folded. They tell who asks, not what is asked: the material need not name them.
 * Only a clause opened by the asker and a verb of being or working; the question itself is another clause.
 */
export function selfDescription(question: string): Set<string> {
  const out = new Set<string>();
  const clauses = question.split(/[,;:?!]+|\.(?!\d)|\s[-–—]\s/).map((c) => words(c).map((w) => foldUmlauts(w))).filter((c) => c.length);
  if (clauses.length < 2) return out;
  for (const tokens of clauses) {
    const opener = SELF_CLAUSE.find((o) => o.every((w, i) => tokens[i] === w));
    if (!opener) continue;
    for (const w of tokens.slice(opener.length)) if (/^\d+$/.test(w) ? !YEAR.test(w) : w.length >= 4 && !STOPWORDS.has(w) && !FROM.has(w) && !FUNCTION_AFTER_PAY.has(w)) out.add(w);
  }
  return out;
}
/** How a clause about the asker opens (folded). */
const SELF_CLAUSE = [
  ['wir', 'sind'], ['ich', 'bin'], ['wir', 'arbeiten'], ['ich', 'arbeite'], ['wir', 'kommen', 'aus'], ['ich', 'komme', 'aus'],
  ['we', 'are'], ['i', 'am'], ['i', 'work'], ['we', 'work'], ['we', 'come', 'from'], ['i', 'come', 'from'],
].map((o) => o.map((w) => foldUmlauts(w)));

/** Words that start what a subject does or pays for, not more of the subject (folded): prepositions and "selbst". */
const OBJECT_START = new Set(['fur', 'am', 'im', 'beim', 'zum', 'zur', 'in', 'an', 'auf', 'bei', 'nach', 'uber', 'wahrend', 'selbst', 'for', 'at', 'on', 'during', 'themselves', 'ourselves']);
/** A year, not a size. */
const YEAR = /^(19|20)\d\d$/;
/** True for a word that is a year ("2026"), not a size or a count. */
export const isYear = (word: string): boolean => YEAR.test(word);
/**
 * Organisations and kinds of people, also as a compound's head ("Bauämter", "Hochschulen", "researchers"), folded.
 * English singulars only for people (a "university researcher", not a "town"), German plurals and singulars.
 */
const ORGANISATION_OR_PEOPLE =
  /(researcher|student|member|guest|gust|employee|consultant|volunteer|trainee|amt|amter|behorde|behorden|verwaltung|verwaltungen|buro|buros|verein|vereine|gemeinde|gemeinden|kommune|kommunen|stadte|firma|firmen|unternehmen|betrieb|betriebe|hochschule|hochschulen|universitat|universitaten|institut|institute|verband|verbande|trager|ministerium|ministerien|kreise|studierende|mitglieder|teilnehmende|mitarbeitende|gaste|offices|authorities|departments|agencies|councils|cities|towns|municipalities|firms|companies|consultancies|universities|associations|organisations|organizations|ngos|students|researchers|members|guests|gusts|employees|staff)$/;
/**
 * The asker's own: "für unsere Stadtverwaltung", "for our city", "für meine Kollegin". (INDEFINITE reads the
 * commonest of them like an article already; this set says which words name the asker's own.)
 */
const OWN = new Set(['unser', 'unsere', 'unseren', 'unserem', 'unserer', 'unseres', 'mein', 'meine', 'meinen', 'meinem', 'meiner', 'meines', 'our', 'my']);
/** Verbs of having to ("have to pay"), where what the asker says they are ends. */
const NEED = new Set(['have', 'has', 'need', 'needs', 'must', 'brauchen', 'brauche']);
/** Who asks, before "als"/"as" and what they are. */
const SELF = new Set(['wir', 'ich', 'we', 'i', 'uns', 'mich', 'us', 'me']);
const SOMEONE = new Set(['jemand', 'jemanden', 'leute', 'mitarbeitende', 'beschaftigte', 'someone', 'people', 'staff']);
const FROM = new Set(['von', 'aus', 'vom', 'from', 'of', 'at']);
/** English nouns whose "for" names what is paid for ("the fee for parking"), not who pays. */
const THING_PAID_EN = new Set(['fee', 'fees', 'cost', 'costs', 'charge', 'charges', 'price', 'prices', 'ticket', 'tickets', 'admission']);
/** Nouns of taking part, after which "für/for" with an article names who takes part. */
const PARTICIPATION = new Set(['teilnahme', 'anmeldung', 'participation', 'registration', 'attendance']);
const OBJECT_PRONOUNS = new Set(['mich', 'uns', 'euch', 'sie', 'ihn', 'me', 'us', 'them', 'him', 'alle', 'all', 'everyone']);
/** Words that may follow a verb of paying without naming a payer ("Was zahlt man dafür", "pay extra"). */
const FUNCTION_AFTER_PAY = new Set(['etwas', 'extra', 'mehr', 'dafur', 'trotzdem', 'auch', 'noch', 'also', 'still', 'anything', 'something', 'much', 'more', 'teilnahme', 'participation']);

export function verbPositionWords(question: string, options: { besidePronoun?: boolean } = {}): Set<string> {
  const out = new Set<string>();
  // Whether the question writes its nouns with capitals shows in the whole question, not in a clause of it
  // ("..., wenn ich zweimal fehle?" has none of its own).
  const lowerInCased = casedWords(question);
  for (const clause of question.split(/[,;:?!.]+/)) {
    const tokens = words(clause).map((w) => foldUmlauts(w));
    // A capitalised word inside a sentence is a noun or a name, never the verb.
    const capitalised = new Set((clause.match(/(?<=\s)\p{Lu}\p{L}*/gu) ?? []).map((w) => foldUmlauts(lower(w))).filter((w) => w !== 'i'));
    tokens.forEach((t, i) => {
      const next = tokens[i + 1];
      const prev = tokens[i - 1];
      // A reflexive "sich" follows its verb ("Wann trifft sich die Gruppe?").
      if (next && (SUBJECT_PRONOUNS_DE.has(next) || SUBJECT_PRONOUNS_EN.has(next) || next === 'sich')) out.add(t);
      if (prev && SUBJECT_PRONOUNS_EN.has(prev)) out.add(t);
      if (!options.besidePronoun && prev && WH_EN.has(prev) && i === 1 && /[^s]s$/.test(t)) out.add(t);
      // "Which session comes next?": after "which"/"what" and a noun, a word in -s at the clause's third place.
      if (!options.besidePronoun && i === 2 && (tokens[0] === 'which' || tokens[0] === 'what') && !/s$/.test(prev!) && /[^s]s$/.test(t) && ![DETERMINERS_EN, AUX_EN, BE_EN, MODALS_EN].some((c) => c.has(prev!))) out.add(t);
      // English: the word after a modal ("should go") or after "did"/"does" and one word ("did Lindau spend").
      if (!options.besidePronoun && prev && MODALS_EN.has(prev)) out.add(t);
      if (!options.besidePronoun && i >= 2 && AUX_EN.has(tokens[i - 2]!) && !DETERMINERS_EN.has(prev!)) out.add(t);
      // English passive: the participle in a question opened by "is"/"are"/"was"/"were", at its end or before a
      // preposition ("Is lunch provided in ...?"); before a noun it is an adjective ("Is the advanced course ...?").
      if (!options.besidePronoun && i >= 2 && BE_EN.has(tokens[0]!) && t.length >= 5 && /[^e]ed$/.test(t) && (!next || PREPOSITIONS_EN.has(next))) out.add(t);
      if (!options.besidePronoun && /ing$/.test(t) && next && ['up', 'in', 'on', 'out', 'off'].includes(next)) out.add(t);
      // German: the infinitive after "zu" at the end of a clause ("..., eine Ausschreibung zu formulieren"), in a
      // question that writes its nouns with capitals (else "zu terminen" may be a noun).
      if (!options.besidePronoun && i === tokens.length - 1 && i >= 2 && prev === 'zu' && /(en|ern|eln)$/.test(t) && lowerInCased.has(t)) out.add(t);
      // A verb made a noun after "zum"/"beim" at the clause's end ("Aufnahmen zum Nachschauen", "beim
      // Anmelden") says what is done, not what about.
      if (!options.besidePronoun && i === tokens.length - 1 && (prev === 'zum' || prev === 'beim') && NOMINAL_INFINITIVE.test(t)) {
        out.add(t);
        return;
      }
      // German: a clause opened by a subordinating conjunction ends with its verb ("..., wenn ich mir nur die
      // Aufzeichnung anschaue?"), in a question that writes its nouns with capitals.
      if (!options.besidePronoun && i === tokens.length - 1 && i >= 2 && SUBORDINATORS_DE.has(tokens[0]!) && lowerInCased.has(t)) out.add(t);
      // German: the infinitive that ends a question for a thing or a manner with a modal verb ("Was sollen wir
      // vor dem Auftakt einschicken?", "Wie oft muss man die Erklärung überarbeiten?"): what is asked for is the
      // thing, the verb says what is done with it. (In a yes/no question, "Kann ich mich per Telefon
      // einwählen?", the verb is what is asked.)
      if (!options.besidePronoun && i === tokens.length - 1 && i >= 2 && /(en|ern|eln)$/.test(t) && lowerInCased.has(t) && asksForThing(tokens) && tokens.slice(1, i - 1).some((w) => MODALS_DE.has(w))) out.add(t);
      if (capitalised.has(t)) out.delete(t);
    });
  }
  return out;
}

/**
 * The words a German question writes in lower case inside the sentence, when it writes some word there with a
 * capital (so capitals mark its nouns); empty for a question in lower case throughout or in English.
 */
export function casedWords(question: string): Set<string> {
  const inner = question.match(/(?<=[\s„"'(])\p{L}[\p{L}-]*/gu) ?? [];
  if (guessLanguage(words(question)) !== 'de' || !inner.some((w) => /^\p{Lu}/u.test(w))) return new Set();
  return new Set(inner.filter((w) => /^\p{Ll}/u.test(w)).map((w) => foldUmlauts(w.toLowerCase())));
}
