// What kind of fact a question asks for (a cost, a recording, a contact, a place or format, a duration, a
// count, a date, a person, a definition), and whether a sentence holds such a fact. Used to pick the
// passage and the sentence that answer the question, not just the ones that repeat its words. General German
// and English only.
import { foldUmlauts, lower, MONTH_WORDS, STOPWORDS, words } from './german.js';
import type { Lexicon } from './lexicon.js';
import { BoundedCache } from '../shared/bounded-cache.js';

export type QuestionType = 'cost' | 'recording' | 'contact' | 'phone' | 'place' | 'address' | 'location' | 'where-to-find' | 'duration' | 'count' | 'date' | 'weekday' | 'person' | 'definition' | 'amount' | 'change' | 'price' | 'platform' | 'language';

const fold = (s: string) => foldUmlauts(lower(s));
const MONTHS = MONTH_WORDS.join('|');
const WEEKDAYS = 'montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|monday|tuesday|wednesday|thursday|friday|saturday|sunday';
// "beide"/"both" count two: "wer an beiden Terminen teilnimmt" answers "Wie oft ...?".
const NUMBER_WORDS = 'beide|beiden|both|zwei|drei|vier|funf|fuenf|sechs|sieben|acht|neun|zehn|elf|zwolf|zwoelf|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve';

/** Verbs that make an address one to write to (folded). */
const SENDING = new Set('schicke schicken schickt sende senden sendet schreibe schreiben schreibt richte richten wende wenden send sending write writing submit'.split(' '));
/** The sender is the asker: „An welche Adresse schicke ich …?“, not „Kannst du mir die Adresse schicken?“. */
const TO_ASKER = new Set('mir uns me us'.split(' '));
/** True when the question's folded words ask where the asker sends something. */
export function sendsThere(tokens: readonly string[]): boolean {
  return tokens.some((t) => SENDING.has(t)) && !tokens.some((t) => TO_ASKER.has(t));
}

/** The question's types, from its question words and concept words. */
export function questionTypes(question: string, lexicon: Lexicon): Set<QuestionType> {
  const tokens = words(question).map(fold);
  const text = ` ${tokens.join(' ')} `;
  const has = (...phrases: string[]) => phrases.some((p) => text.includes(` ${p} `));
  // Every group a word belongs to: "Anmeldeschluss" is a registration and a deadline.
  const terms = new Set(lexicon.tokens(question).flatMap((t) => lexicon.lookupAll(t) ?? []));
  const concept = (word: string) => {
    const term = lexicon.lookup(word);
    return !!term && terms.has(term);
  };
  const types = new Set<QuestionType>();
  // Also a compound whose last part is a cost ("Fahrtkosten", "Anmeldegebühr").
  if (concept('kosten') || tokens.some((t) => t.length > 7 && /(kosten|gebuhr|gebuhren|entgelt|(teilnahme|unkosten|kosten)beitrag(e)?)$/.test(t))) types.add('cost');
  // "How much is it for a researcher?" asks for a price without a word of costs.
  if (has('how much is it for', 'how much is that for', 'how much for', 'wie viel ist es für', 'wieviel ist es für')) types.add('cost').add('price');
  if (concept('aufzeichnung')) types.add('recording');
  if (concept('kontakt') || concept('email') || has('an wen', 'wen kann', 'who can i', 'who do i', 'who should i')) types.add('contact');
  // "Telefonnummer von Frau X?" asks for a number to call: a sentence with an e-mail address alone does not answer.
  // ("Can I dial in by phone?" asks no number.)
  if (has(...PHONE_NUMBER_ASKS) || tokens.some((t) => /^(tel|tele(f|ph)on|handy|mobil|ruf)(nummer|numer|nr)n?$/.test(t))) types.add('phone');
  if (has('wo', 'wohin', 'where') || concept('format') || concept('ort') || concept('adresse')) types.add('place');
  // „Adresse Feuerwehrhaus?“ asks for a street address; „An welche Adresse schicke ich …?“ for one to write to.
  if (concept('adresse')) types.add(sendsThere(tokens) ? 'contact' : 'address');
  // "Wo ist / liegt / findet ... statt" asks for a location; "Wo finde ich / kann ich" for a link or channel.
  if (has('wo ist', 'wo sind', 'wo liegt', 'wo liegen', 'wo befindet', 'wo findet', 'where is', 'where are', 'in welchem raum', 'which room')) types.add('location');
  if (has('wo finde', 'wo kann', 'wo gibt es', 'wo bekomme', 'where can', 'where do i find', 'where do i get')) types.add('where-to-find');
  if (concept('dauer')) types.add('duration');
  if (concept('plattform')) types.add('platform');
  if (concept('sprache') || concept('dolmetscher')) types.add('language');
  if (concept('betrag')) types.add('amount');
  // "Ab welchem Alter / welcher Dichte ...?" asks for a threshold: a figure.
  if (has('ab welcher', 'ab welchem', 'ab welchen', 'from what', 'from which', 'at what')) types.add('amount');
  // "Was kostet / Wie viel kostet / How much ...?" asks for the price itself, not whether costs arise.
  // ("Wie viel Prozent der Kosten ...?" asks for a share.)
  if (types.has('cost') && !concept('prozent') && has('wie viel', 'wieviel', 'was kostet', 'was kosten', 'how much', 'wie teuer', 'how expensive', 'what does', 'what do')) types.add('price');
  if (concept('veränderung') || concept('prozent')) types.add('change');
  if (has('wie viele', 'wie vielen', 'wieviele', 'wievielen', 'how many') || concept('anzahl')) types.add('count');
  if (concept('frist') || concept('wochentag')) types.add('date');
  // "An welchem Wochentag ...?" is answered by a day's name ("jeweils dienstags"), not by a date.
  if (concept('wochentag') || has('which day of the week', 'welchem wochentag', 'welchen wochentagen')) types.add('weekday');
  if (has('wann', 'when', 'bis wann', 'ab wann', 'seit wann', 'datum', 'frist', 'deadline', 'what date', 'welchem tag')) types.add('date');
  if (has('wer', 'who', 'wem', 'whom')) types.add('person');
  if (has('was ist', 'was sind', 'was bedeutet', 'was heisst', 'what is', 'what are', 'what does', 'was versteht man', 'definition')) types.add('definition');
  return types;
}

const DATE_RE = new RegExp(`\\b\\d{1,2}\\.\\s?(\\d{1,2}\\.|${MONTHS})|\\b(${MONTHS}|(${WEEKDAYS})s?)\\b|\\b\\d{4}-\\d{2}-\\d{2}\\b|(?<!\\d[\\s/-]?)\\b(19|20)\\d{2}\\b(?![\\s/-]?\\d)`, 'i');
// A number of time units, also in a compound ("9 Arbeitstage", "3 Werktagen", "2 Kalenderwochen").
const SPAN_RE = /\b\d+([.,]\d+)?\s*(\p{L}*(tage?n?|wochen?|monate?n?|stunden?|minuten?|jahren?)|days?|weeks?|months?|hours?|minutes?|years?)\b/iu;
const WEEKDAY_RE = new RegExp(`\\b(${WEEKDAYS})s?\\b|\\b(mo|di|mi|do|fr|sa|so)\\.?,? \\d{1,2}\\.`, 'i');
const TIME_RANGE_RE = /\b\d{1,2}([:.]\d{2})?\s*(uhr\s*)?(–|-|bis|to)\s*\d{1,2}([:.]\d{2})?/i;
const CLOCK_RE = /\b\d{1,2}([:.]\d{2})?\s*uhr\b|\b\d{1,2}:\d{2}\b|\b\d{1,2}\s*(am|pm)\b/i;
// A street with its house number, written as a name and standing as an address, before a comma, a full stop, a
// postcode or "in" ("Marktplatz 1, Sitzungssaal", "Am Weiherdamm 4a in Kemnathbach", "Am Ring 7"; not "during
// 2026", "Monitoring 2", "Platz 3 von 40 Städten", "Parkplatz 20 ist reserviert" or "Marktplatz 1.000 Besucher"),
// or a postcode before a place's name ("83512 Steinreith").
const STREET_NAME_RE =
  /(?<!\p{L})(?!(?:Park|Stell|Sitz|Arbeits|Spiel|Binnen|Wohnungs|Finanz|Super)(?:platz|markt))(\p{Lu}\p{L}*(straße|strasse|str\.|platz|weg|allee|gasse|damm|ufer|markt)|(?<=\b(?:Am|Im|An der|Auf dem|Zum|Zur) )(?:Ring|Markt|Platz|Weg|Damm|Ufer|Anger))\s+\d{1,3}[a-z]?(?=\s*(?:$|[,;)\n]|\.(?!\d)|\s(?:in|im|bei|\()|\s\d{5}\s))/u;
const STREET_RE = new RegExp(`${STREET_NAME_RE.source}|(?<![\\d.])\\b\\d{5}\\s+\\p{Lu}\\p{Ll}`, 'u');

/** True when a text gives a street address by its name and house number ("Marktplatz 1", "Am Weiherdamm 4"). */
export function holdsStreetAddress(text: string): boolean {
  return STREET_NAME_RE.test(text);
}
const URL_RE = /\bhttps?:\/\/\S+|\bwww\.\S+|\b[\w-]+(\.[\w-]+)+\/[\w\/-]*/i;
// An amount of money: a figure with a currency after or before it, also with a multiplier ("1,2 Millionen
// Euro", "CHF 48’000"), in the currencies of any country's programs ("185 NZ-Dollar", "NZ$ 185", "2.500 pesos",
// "₹ 40,000", "120 SEK per person"). Currency words
// stand alone ("3 Pesos-Münzen", "40 Kronen von Straßenbäumen" are none); the three-letter codes count only in
// capitals, before the figure or after it where the amount ends ("3 CAD drawings", "Sek 1" are none).
const CURRENCY_WORDS = '€|euros?|eur|chf|franken|usd|(?:[a-z]{1,3}-)?dollars?|gbp|pfund|£|rupien|rupees|yen|¥|₹|₩|pesos|reais|kronor|kroner';
const DOLLAR_SIGN = '(?:US|NZ|AU|A|CA|C|S|R|MX|HK)?\\$';
const CODES = 'USD|GBP|NZD|AUD|CAD|SGD|INR|JPY|KES|ZAR|MXN|BRL|COP|CLP|KRW|NOK|SEK|DKK';
const FIGURE = "\\d([.,’'\\d]*\\d)?";
const MONEY_WORDS_SOURCE = `${FIGURE}\\s*((mio|mrd|tsd)\\.?|millionen|milliarden|tausend|million|billion)?\\s*(${CURRENCY_WORDS})(?![-\\p{L}])|(?<![\\p{L}])(€|eur|chf|fr\\.|usd|£|₹|¥|₩)\\s*${FIGURE}`;
const MONEY_SIGNS_SOURCE = `${FIGURE}\\s*(${DOLLAR_SIGN}|(${CODES})(?=\\s*($|[.,;:)/]|\\s(per|pro|je|each|a|an|for|für|im|in|or|oder|und|and)\\b)))|(?<![\\p{L}])(${DOLLAR_SIGN}|${CODES})\\s*${FIGURE}`;
const MONEY_RE = new RegExp(MONEY_WORDS_SOURCE, 'iu');
/** Dollar signs and currency codes: in capitals only. */
const MONEY_SIGNS_RE = new RegExp(MONEY_SIGNS_SOURCE, 'u');
const hasMoney = (sentence: string) => MONEY_RE.test(sentence) || MONEY_SIGNS_RE.test(sentence);
// Video-conference products (general, not one program's): a sentence naming one says where a session runs.
const PLATFORM_RE = /\b(teams|zoom|webex|jitsi|bigbluebutton|big blue button|gotomeeting|goto meeting|skype|google meet|alfaview|whereby|opentalk|bluejeans|adobe connect|clickmeeting|edudip|wonder\.me)\b/;
// A language named as one (folded): "auf Englisch", "in German", "deutschsprachig", "English". Not the
// adjective of a country ("deutsche Kommunen", "German time").
const LANGUAGE_NAMES_DE = 'deutsch|deutsche|englisch|englische|franzosisch|spanisch|italienisch|niederlandisch|polnisch|tschechisch|danisch|schwedisch|japanisch';
const LANGUAGE_NAMES_EN = 'german|english|french|spanish|italian|dutch|polish|czech|danish|swedish|japanese';
const LANGUAGE_RE = new RegExp(`\\b(auf|in|ins)\\s+(${LANGUAGE_NAMES_DE})\\b|\\b(deutsch|englisch)sprachig|\\bin\\s+(${LANGUAGE_NAMES_EN})\\b|\\benglish\\b|\\b(${LANGUAGE_NAMES_EN})[- ]speaking\\b`);
const EMAIL_RE = /[\w.+-]+@[\w-]+(\.[\w-]+)+/;
// A telephone number: an international prefix, or a run of at least six digits in groups ("0471 123 456",
// "(030) 1234-567", "+39 0471 555 210", a two-digit area code as in "(08) 9461 2273", "08 9461 2273" or
// "01 23 45 67 89"), not a date, an amount or a postcode alone. A North American number without the country's
// code, with its area code in brackets („(907) 555-0143“), or as „907-555-0143“ right after a word for the
// telephone („phone 907-555-0143“; a reference, meeting or case number of that shape is none), standing alone.
const PHONE_RE = /(\+|\b00)\d{1,3}[\s./-]?\(?\d+\)?([\s./-]?\d+){1,5}|\(?\b0\d{2,5}\)?[\s/-]\d{2,}([\s./-]?\d{2,}){0,3}\b|\(0\d\)\s?(?!(19|20)\d\d\b)\d{4}[\s.-](?!(19|20)\d\d\b)\d{4}(?!\d)|\b0\d\s(?!(19|20)\d\d\b)\d{4}\s(?!(19|20)\d\d\b)\d{4}(?!\d)|\b0\d(\s\d{2}){4}(?!\d)|(?<![\d.-])\(\d{3}\)\s?\d{3}[\s.-]\d{4}(?![.-]?\d)|(?<=\b(?:[Pp]hone|[Tt]el|[Tt]elephone|[Cc]all|[Mm]obile|[Cc]ell|[Tt]elefon)\.?:?\s?)\d{3}[.-]\d{3}[.-]\d{4}(?![.-]?\d)/;
const PHONE_WORD_RE = /\b(tel|telefon\p{L}*|phone|telephone|mobil\p{L}*|handy|rufnummer|call)\b|\+\d/iu;
const NOT_PHONE_RE = /\b(iban|bic|aktenzeichen|az|konto)\b/;
/** How a question asks for a telephone number (folded). */
const PHONE_NUMBER_ASKS = ['phone number', 'telephone number', 'mobile number', 'cell number', 'unter welcher nummer', 'welche nummer', 'which number do', 'what number'];
// Two capitalised words; overlapping pairs are all tried ("Kommunales Bildungswerk Leine").
const NAME_RE = /\b(\p{Lu}\p{Ll}+)(?= \p{Lu}\p{Ll}+)/gu;
const PERSON_TITLE_RE = /\b(Dr|Prof|Frau|Herr|Mr|Mrs|Ms)\.?\s+\p{Lu}/u;
// An organisation's short name after an article ("das DIKS", "the OCDN").
const ACRONYM_RE = /\b(der|die|das|dem|den|des|vom|beim|the)\s+\p{Lu}{3,6}\b/u;

/**
 * A person or an organisation named: a title before a name ("Dr. Weber", "Frau Kaya"), an organisation's short
 * name, or two capitalised words of which the first is no function word and no common noun of the material:
 * German capitalises its nouns, so "Welche Daten" and "Handlungsplan Termin" name nobody.
 */
function namesSomeone(sentence: string, commonNouns: ReadonlySet<string>): boolean {
  if (PERSON_TITLE_RE.test(sentence) || ACRONYM_RE.test(sentence)) return true;
  for (const m of sentence.matchAll(NAME_RE)) {
    const first = foldUmlauts(lower(m[1]!));
    if (!STOPWORDS.has(first) && !commonNouns.has(first)) return true;
  }
  return false;
}

/**
 * Capitalised words that the material writes after an article somewhere ("der Steckbrief", "zum Handlungsplan",
 * "the Plaza"): common nouns, so a pair they start ("Steckbrief Anwendungsfall") names no one. A given name
 * stands without an article. Kept per lexicon, which each index build makes anew.
 */
const commonNounsOf = new WeakMap<Lexicon, Set<string>>();

/** Notes the material's common nouns for the sentence tests of this lexicon (see {@link commonNounsOf}). */
export function noteCommonNouns(lexicon: Lexicon, texts: Iterable<string>): void {
  const nouns = new Set<string>();
  for (const text of texts) for (const m of text.matchAll(AFTER_WORD_RE)) if (DETERMINERS.has(lower(m[1]!))) nouns.add(foldUmlauts(lower(m[2]!)));
  commonNounsOf.set(lexicon, nouns);
}
const AFTER_WORD_RE = /(\p{L}+)\s+(\p{Lu}\p{Ll}+)/gu;
const DETERMINERS = new Set(['der', 'die', 'das', 'den', 'dem', 'des', 'ein', 'eine', 'einen', 'einem', 'einer', 'eines', 'zum', 'zur', 'im', 'am', 'vom', 'beim', 'ins', 'the', 'a', 'an', 'this', 'these', 'that', 'those', 'our', 'unser', 'unsere', 'unseren', 'unserem', 'unserer']);
const NUMBER_RE = new RegExp(`\\b(\\d+|${NUMBER_WORDS})\\b`, 'i');
// Numbers that are part of a date, a clock time or a year: they count nothing ("19.01.2027, 14:00 Uhr").
const DATE_NUMBERS_RE = new RegExp(`\\b\\d{1,2}\\.\\s?\\d{1,2}\\.(\\d{2,4})?|\\b\\d{1,2}\\.?\\s(${MONTHS})\\b(\\s\\d{4})?|\\b\\d{1,2}[:.]\\d{2}\\b|\\b\\d{1,2}\\s?(uhr|am|pm)\\b|\\b(19|20)\\d{2}\\b`, 'gi');

/** The text, folded, with dates, clock times and years blanked out, so that the numbers left are quantities. */
export function withoutDates(text: string): string {
  return fold(text).replace(DATE_NUMBERS_RE, ' ');
}

const MONEY_ALL_RE = new RegExp(MONEY_RE.source, 'giu');
// Stripped from counts in any case: the text may come lower-cased ("cad 60 per person" counts no persons).
const MONEY_SIGNS_ALL_RE = new RegExp(MONEY_SIGNS_SOURCE, 'giu');

/** The text, folded, with dates, times, years and amounts of money blanked out: the numbers left count things. */
export function countingNumbers(text: string): string {
  return withoutDates(text).replace(MONEY_SIGNS_ALL_RE, ' ').replace(MONEY_ALL_RE, ' ');
}

/**
 * Concept groups whose words ask for a kind of fact ("deadline?" asks for a date): a passage that holds such a
 * fact answers them even when it does not repeat the word.
 */
const TYPE_MARKERS: Record<string, QuestionType> = {
  kosten: 'cost',
  aufzeichnung: 'recording',
  kontakt: 'contact',
  email: 'contact',
  telefon: 'phone',
  format: 'place',
  ort: 'place',
  adresse: 'address',
  dauer: 'duration',
  plattform: 'platform',
  sprache: 'language',
  dolmetscher: 'language',
  // "Wird ins Deutsche gedolmetscht?": a language named is answered by the sentence that names the languages.
  deutsch: 'language',
  englisch: 'language',
  frist: 'date',
  wochentag: 'date',
  anzahl: 'count',
  betrag: 'amount',
  veranderung: 'change',
  prozent: 'change',
  referent: 'person',
  // A talk has a speaker: "Wer hält den Vortrag zu X?" is answered by the passage naming who presents X.
  vortrag: 'person',
};

/** The kind of fact a concept term asks for, if it is a marker. */
export function markerType(term: string, lexicon: Lexicon): QuestionType | undefined {
  for (const [word, type] of Object.entries(TYPE_MARKERS)) if (lexicon.lookup(word) === term) return type;
  return undefined;
}

const NO_NOUNS: ReadonlySet<string> = new Set();

/** What a sentence's tests need, worked out once: its folded text, its concept terms and the answers so far. */
interface SentenceFacts {
  folded: string;
  terms: Set<string | undefined>;
  answers: Map<QuestionType, boolean>;
}

/**
 * The same passage sentences are tested for every question that finds them, and their facts do not change
 * while the lexicon lives (an index rebuild makes a new one), so the results are kept per lexicon. Bounded,
 * because questions' own sentences may pass through too.
 */
const SENTENCE_MEMO_ENTRIES = 50_000;
const sentenceMemos = new WeakMap<Lexicon, BoundedCache<string, SentenceFacts>>();

function factsOf(sentence: string, lexicon: Lexicon): SentenceFacts {
  let memo = sentenceMemos.get(lexicon);
  if (!memo) sentenceMemos.set(lexicon, (memo = new BoundedCache(SENTENCE_MEMO_ENTRIES)));
  return memo.get(sentence, (s) => ({ folded: fold(s), terms: new Set(lexicon.tokens(s).map((t) => lexicon.lookup(t))), answers: new Map() }));
}

/** True when a sentence says how long something lasts in words ("dauert fünfeinhalb Stunden", "3 hours"), not only by its clock times. */
export function statesLength(sentence: string, lexicon: Lexicon): boolean {
  const facts = factsOf(sentence, lexicon);
  return facts.terms.has(lexicon.lookup('dauer')) || SPAN_RE.test(facts.folded);
}

/** True when the sentence holds a fact of the given type. */
export function sentenceAnswers(type: QuestionType, sentence: string, lexicon: Lexicon): boolean {
  const facts = factsOf(sentence, lexicon);
  let answers = facts.answers.get(type);
  if (answers === undefined) {
    answers = holdsFact(type, sentence, facts, lexicon);
    facts.answers.set(type, answers);
  }
  return answers;
}

function holdsFact(type: QuestionType, sentence: string, facts: SentenceFacts, lexicon: Lexicon): boolean {
  const { folded, terms } = facts;
  const concept = (word: string) => terms.has(lexicon.lookup(word));
  switch (type) {
    case 'cost':
      return concept('kosten') || hasMoney(sentence);
    case 'recording':
      return concept('aufzeichnung');
    case 'contact':
      return EMAIL_RE.test(sentence) || concept('kontakt') || /\b(tel|telefon|phone)\b/.test(folded);
    case 'phone':
      // A number with a word for the telephone beside it: a file number ("Aktenzeichen 0815/2024") or an IBAN is none.
      return PHONE_WORD_RE.test(sentence) && !NOT_PHONE_RE.test(folded) && PHONE_RE.test(sentence);
    case 'place':
      // A street address answers "Adresse?" too ("Lindenweg 12, 71234 Brunnfeld").
      return concept('format') || concept('ort') || /\b(strasse|str|platz|weg|allee)\b/.test(sentence.toLowerCase()) || STREET_RE.test(sentence) || /\bin (der|dem|raum|saal)\b/.test(folded);
    case 'address':
      // A place's street address, or an address to write to („An welche Adresse schicke ich …?“).
      return concept('adresse') || holdsFact('place', sentence, facts, lexicon) || EMAIL_RE.test(sentence);
    case 'location':
      return STREET_RE.test(sentence) || /\b(raum|saal|rathaus|gebäude|gebaeude|etage|stock|online|virtuell|teams|zoom|webex|room|building|floor)\b/.test(folded) || /\b(im|in der|in dem|auf der|unter) \p{Lu}/u.test(sentence) || URL_RE.test(sentence);
    case 'where-to-find':
      return URL_RE.test(sentence) || EMAIL_RE.test(sentence) || /\b(kanal|website|webseite|seite|portal|link|channel|page|plattform|platform|teams)\b/.test(folded);
    case 'platform':
      return concept('plattform') || PLATFORM_RE.test(folded);
    case 'language':
      return concept('sprache') || concept('dolmetscher') || LANGUAGE_RE.test(folded);
    case 'duration':
      return concept('dauer') || TIME_RANGE_RE.test(sentence) || SPAN_RE.test(folded);
    case 'count':
      // A quantity, not the number of a date or a time: "Wie viele waren beim Auftakt dabei?" is not
      // answered by "Auftakt, 19.01.2027", nor a number of francs ("CHF 350 pro Person").
      return NUMBER_RE.test(countingNumbers(sentence));
    case 'amount':
      // An amount of money or a quantity (not the number of a date or a time).
      return hasMoney(sentence) || NUMBER_RE.test(withoutDates(folded));
    case 'price':
      // An amount of money, or that it is free.
      return hasMoney(sentence) || /\b(kostenlos|kostenfrei|gratis|unentgeltlich|gebuhrenfrei|free|keine (kosten|gebuhr|teilnahmegebuhr)|no (fee|charge|cost))\b/.test(folded);
    case 'change':
      // A share ("18%", "70 Prozent") or a figure before and after ("von 21 auf 9", "from 4 to 11").
      return /\d\s?(%|prozent|percent)/.test(folded) || /\b(von|from) \d[\d.,]*\D{0,20}\b(auf|to) \d/.test(folded);
    case 'date':
      return DATE_RE.test(folded) || TIME_RANGE_RE.test(sentence) || CLOCK_RE.test(sentence);
    case 'weekday':
      return WEEKDAY_RE.test(folded);
    case 'person':
      return namesSomeone(sentence, commonNounsOf.get(lexicon) ?? NO_NOUNS) || EMAIL_RE.test(sentence);
    case 'definition':
      // "X ist ...", or a glossary line "X: ..." (not a time "10:30 Uhr: ...").
      return /\b(ist|sind|bedeutet|bezeichnet|meint|heisst|is|are|means|refers)\b/.test(folded) || /^\p{L}[^:\d]{1,60}:\s/u.test(sentence);
  }
}
