// Schedule questions answered from the program's structured facts and the current time: next session,
// today, this week, a session by topic, first/last, how many, times, list, format, contacts.
//
// Detection is by cue words of both languages (folded, so typos in umlauts do not matter) plus a topic match
// of the question against the sessions (title, summary and the material passages about each session). A
// question is only treated as a schedule question when every remaining content word is known to the
// knowledge base, so "Wann ist das nächste Fußballspiel?" is not answered with the next session.
import { DateTime } from 'luxon';
import type { Program, Session } from '../program/model.js';
import { formatTimeRange, READER_ZONE, readerTime, sessionEnd, sessionStart, sortedSessions, zoneCityNames, zoneNames, type ZoneNames } from '../program/time.js';
import type { Locale } from '../i18n/locale.js';
import { faqTexts, type SessionLine } from '../i18n/faq.js';
import { sendsThere } from './question-types.js';
import { asksClockTime, BEGIN_END_VERBS, foldUmlauts, lower, MONTH_WORDS, monthNumber, termsOfWord, verbPositionWords, words } from './german.js';
import { hyphenated, PassageIndex, type QueryUnit, type RetrievalDoc } from './retrieval.js';
import { GENERAL_LEXICON, type Lexicon } from './lexicon.js';
import { countryNames } from './bilingual.js';
import type { Passage } from './knowledge-base.js';

export type ScheduleIntent =
  | { kind: 'contacts' }
  | { kind: 'format' }
  | { kind: 'count' }
  | { kind: 'session'; sessionId: string; withSummary?: boolean; duration?: boolean; namedLength?: boolean }
  | { kind: 'today'; offsetDays?: number }
  | { kind: 'week'; offsetWeeks?: number }
  | { kind: 'remaining' }
  | { kind: 'next'; duration?: boolean; namedLength?: boolean }
  | { kind: 'first'; duration?: boolean; namedLength?: boolean }
  | { kind: 'last'; duration?: boolean; namedLength?: boolean }
  | { kind: 'times'; duration?: boolean }
  | { kind: 'month'; month: number }
  | { kind: 'list' };

export interface ScheduleAnswer {
  intent: ScheduleIntent;
  answer: string;
  sources: { title: string; excerpt: string }[];
}

/** A set of cue words written with spaces between them, folded. */
export const set = (text: string) => new Set(text.split(/\s+/).filter(Boolean).map(foldUmlauts));

// Cue words (lower-case, umlauts folded). They decide the kind; they are not topic words.
const CUES = {
  // „Adresse“ alone is no contact: „Adresse Turnhalle?“ asks where a place is; „An welche Adresse schicke ich
  // …?“ asks whom to write to (sendsThere, ./question-types.ts).
  contacts: set('kontakt kontakte kontaktieren contact contacts ansprechpartner ansprechpartnerin ansprechpartnerinnen ansprechperson ansprechpersonen email mail mailadresse erreichen reach'),
  address: set('adresse address'),
  format: set('online virtuell virtuelle virtuellen virtual remote prasenz präsenz anreisen anreise onsite hybrid vorort ort person site presence location wo where place travel raum saal room venue'),
  formatPhrases: ['vor ort', 'in person', 'on site', 'in presence'],
  count: set('anzahl wieviele wievielen viele vielen viel many oft often'),
  countPhrases: ['wie viele', 'wie vielen', 'how many', 'number of', 'wie oft', 'how often', 'how many times'],
  today: set('heute today heutige tonight'),
  tomorrow: set('morgen tomorrow'),
  remaining: set('offen offenen remaining ubrig verbleibend verbleibenden ausstehend'),
  week: set('woche week'),
  next: set('nachste nachsten nachster nachstes next kommende kommenden kommender upcoming coming'),
  first: set('erste ersten erster erstes allererste allerersten allererster allererstes first'),
  last: set('letzte letzten letzter letztes allerletzte allerletzten allerletzter allerletztes last final zuletzt'),
  end: set('ende endet end ends finish finishes'),
  series: set('reihe series programm program programme peer learning'),
  times: set('uhrzeit uhrzeiten uhr time times lange lang long dauer dauert duration zeitzone timezone zone stunden stunde hours hour minuten minutes'),
  begin: set('beginnt beginn beginnen start starts begins anfang anfangen anfängt startet los losgehen'),
  months: new Set(MONTH_WORDS),
  timesPhrases: ['bis wann', 'time zone', 'wie spat'],
  sincePhrases: ['seit wann', 'since when', 'how long ago'],
  ordinals: new Set<string>(),
  list: set('liste list zeitplan schedule uberblick overview alle all termine dates sessions'),
  when: set('wann when datum date tag day termin uhr time welchem which wochentag wochentage weekday weekdays'),
  generic: set(
    'termin termine treffen sitzung session sessions meeting meetings veranstaltung event gruppe group kalender calendar date dates datum tag day stattfinden beginnt beginnen anfangen fangen starten start starts enden endet aufhoren geplant vorgesehen planned scheduled reihe series programm program peer learning take takes thema themen topic topics inhalt inhalte schwerpunkt schwerpunkte',
  ),
};

// Ordinal words pick a session by position. "erste"/"first" stay cues of their own (the first session).
const GERMAN_ORDINALS = [
  'zweit', 'dritt', 'viert', 'fünft', 'sechst', 'siebt', 'acht', 'neunt', 'zehnt', 'elft', 'zwölft', 'dreizehnt', 'vierzehnt',
  'fünfzehnt', 'sechzehnt', 'siebzehnt', 'achtzehnt', 'neunzehnt', 'zwanzigst',
];
const ENGLISH_ORDINALS = [
  'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth', 'thirteenth', 'fourteenth',
  'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'nineteenth', 'twentieth',
];
const ORDINAL: Record<string, number> = (() => {
  const map: Record<string, number> = {};
  GERMAN_ORDINALS.forEach((stemWord, i) => {
    for (const ending of ['e', 'en', 'er', 'es', 'em']) map[foldUmlauts(`${stemWord}${ending}`)] = i + 2;
  });
  ENGLISH_ORDINALS.forEach((w, i) => (map[w] = i + 2));
  // Written as numbers: "2." / "2nd" come through words() as "2" / "2nd".
  for (let n = 2; n <= 20; n++) map[`${n}${n === 2 ? 'nd' : n === 3 ? 'rd' : 'th'}`] = n;
  return map;
})();
CUES.ordinals = new Set(Object.keys(ORDINAL));

/**
 * Ordinals written with digits, as words() cannot see them: German "der 4. Termin" (a number with a full stop,
 * not a day before a month) and "Session 4" / "Termin 4" (a session word before a number) become "4th".
 */
export function ordinalNumbers(question: string): string {
  return question
    .replace(/(?<![\d.])(\d{1,2})\.(\s+)(\p{L}+)/gu, (all, n: string, space: string, next: string) =>
      CUES.months.has(foldUmlauts(lower(next))) ? all : `${ordinalSuffix(Number(n))}${space}${next}`,
    )
    .replace(/\b(termin|session|sitzung|treffen|meeting)\s+(\d{1,2})\b(?!\s*[.:])/giu, (_, w: string, n: string) => `${ordinalSuffix(Number(n))} ${w}`);
}

function ordinalSuffix(n: number): string {
  return n === 1 ? 'first' : `${n}${n === 2 ? 'nd' : n === 3 ? 'rd' : 'th'}`;
}

/** True when the words of the text hold one of the phrases (folded, words apart by single spaces). */
export function phrase(text: string, phrases: string[]): boolean {
  return phrases.some((p) => ` ${text} `.includes(` ${p} `));
}

/** True when a and b differ by at most one edit (insert, delete, substitute or swap of neighbours). */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** True when one of the tokens is a cue word of the set. */
export function has(tokens: string[], cue: ReadonlySet<string>): boolean {
  return tokens.some((t) => cue.has(t));
}

/**
 * Typos in cue words ("wan" for "wann") are accepted only for words the knowledge base does not know, so a
 * real word one letter away from a cue ("data" / "date") keeps its meaning.
 */
function correctCueTypos(tokens: string[], unknown: ReadonlySet<string>): string[] {
  const cues = Object.values(CUES).filter((c): c is Set<string> => c instanceof Set);
  return tokens.map((t) => {
    if (!unknown.has(t) || t.length < 3 || cues.some((c) => c.has(t))) return t;
    // Typos rarely hit the first letter; requiring it keeps "each" from becoming "reach".
    for (const c of cues) for (const w of c) if (w.length >= 4 && w[0] === t[0] && withinOneEdit(t, w)) return w;
    return t;
  });
}

export interface SessionMatcher {
  index: PassageIndex;
}

/** An index over the sessions, each described by its title, summary and the material passages about it. */
export function buildSessionMatcher(program: Program, passages: Passage[], lexicon: Lexicon = GENERAL_LEXICON): SessionMatcher {
  const titles = program.sessions.map((s) => foldUmlauts(lower(s.title)).replace(/[?!.]/g, '').trim());
  const docs: RetrievalDoc[] = program.sessions.map((s, i) => {
    const title = titles[i]!;
    // A short passage that names the session is about it, unless it names another one too (a list of the
    // sessions says nothing of one of them); a title that holds this one ("… (Ersatztermin)") is no other.
    const others = titles.filter((t) => !t.includes(title) && !title.includes(t));
    // Another title as words of its own ("Abschluss", not the "Abschluss" of "Abschlussbericht").
    const spaced = (text: string) => ` ${text.replace(/[^\p{L}\d]+/gu, ' ')} `;
    const about = passages.filter((p) => {
      const t = foldUmlauts(lower(p.title));
      const text = foldUmlauts(lower(p.text));
      return t.includes(title) || (p.text.length < 400 && text.includes(title) && !others.some((o) => spaced(text).includes(spaced(o))));
    });
    // Its weekday in both languages: "Wann ist der Samstagstermin?", "When is the Saturday session?".
    const start = sessionStart(program, s);
    const weekdays = `${start.setLocale('de').toFormat('cccc')} ${start.setLocale('en').toFormat('cccc')}`;
    return {
      id: s.id,
      kind: 'passage',
      title: `${s.title} ${s.id.replace(/-/g, ' ')}`,
      text: [s.summary ?? '', weekdays, ...about.map((p) => p.text)].join('\n'),
      source: 'program',
    };
  });
  return { index: new PassageIndex(docs, lexicon) };
}

// General concept words say what is asked about a session, not which session: the parts of "Onlinetermine"
// must not pick the one hybrid session because "vor Ort" and "online" share a concept.
const NON_TOPIC_TERMS: ReadonlySet<string> = new Set(
  ['format', 'termin', 'kosten', 'aufzeichnung', 'kontakt', 'email', 'dauer', 'frist', 'wochentag', 'ort', 'teilnahme', 'anmeldung', 'reihe', 'frage', 'vorbereitung', 'unterlagen', 'voraussetzung'].map(
    (w) => GENERAL_LEXICON.lookup(w)!,
  ),
);

/** Words for a session, the series or its format, whatever the program calls them. */
const SESSION_TERMS: ReadonlySet<string> = new Set(['termin', 'reihe', 'format'].map((w) => GENERAL_LEXICON.lookup(w)!));
/** The series' own concept, which a program's name for itself ("the exchange") joins. */
const SERIES_TERM = GENERAL_LEXICON.lookup('reihe')!;

function isCueWord(word: string): boolean {
  const f = foldUmlauts(word);
  // The lexicon keeps "wie oft" and "how many times" as one word: a count cue.
  return Object.values(CUES).some((c) => c instanceof Set && c.has(f)) || CUES.countPhrases.includes(f);
}

/**
 * Recognises a schedule question. `known` tells whether the knowledge base knows a word; a question with
 * a content word nobody knows is left to retrieval (which declines it).
 */
export function detectScheduleIntent(
  question: string,
  program: Program,
  matcher: SessionMatcher,
  known: (unit: QueryUnit) => boolean,
  passageUnits: QueryUnit[],
  /** True for a word of the series' own name (title, subtitle): it names the series, not a session. */
  series?: (unit: QueryUnit) => boolean,
  /** The participant's own names for the series in the question ({@link seriesNameWords}), folded. */
  seriesNames: ReadonlySet<string> = new Set(),
): ScheduleIntent | undefined {
  // Only a word neither the material nor the program knows may be a typo of a cue: "Zeiten" is not "zweiten".
  const unknownWords = new Set(passageUnits.filter((u) => u.knownDf === 0 && !known(u)).map((u) => foldUmlauts(u.word)));
  // "day of the week" asks for a weekday, and names no week.
  const original = words(ordinalNumbers(question).replace(/\bdays? of the week\b/gi, 'weekday')).map(foldUmlauts);
  // "How long does one session last?": the verb at the end, not the last session.
  const typed = correctCueTypos(original, unknownWords);
  const tokens = typed.at(-1) === 'last' && ` ${typed.join(' ')} `.includes(' how long ') ? typed.slice(0, -1) : typed;
  const correctedTypos = new Set(original.filter((t, i) => t !== tokens[i]));
  const text = tokens.join(' ');
  if (!tokens.length || !program.sessions.length) return undefined;
  // "Seit wann gibt es ...?" asks for the history of a thing, never for a session; "Warum ist der dritte
  // Termin an einem Dienstag?" asks for a reason, which only the material can give.
  if (phrase(text, CUES.sincePhrases) || has(tokens, WHY)) return undefined;

  const countAsked = has(tokens, CUES.count) || phrase(text, CUES.countPhrases);
  const byTime = [CUES.next, CUES.first, CUES.last, CUES.remaining, CUES.today, CUES.tomorrow, CUES.week].some((c) => has(tokens, c));
  const titleWords = new Set(program.sessions.flatMap((s) => words(s.title).map(foldUmlauts)));
  const compactTitles = program.sessions.map((s) => foldUmlauts(lower(s.title)).replace(/[^\p{L}\d]/gu, ''));
  const formatInTitle = (word: string) => {
    const w = foldUmlauts(lower(word)).replace(/[^\p{L}\d]/gu, '');
    return (CUES.format.has(w) || CUES.formatPhrases.some((p) => p.replace(/ /g, '') === w)) && compactTitles.filter((t) => t.includes(w)).length === 1;
  };
  // A word of a title, or a part of a compound there ("Kosten" of "Kostenschätzung", "Fristen" of "Fristenmanagement").
  const inTitle = (w: string) => wordOrPart(titleWords, w);
  const inTitles = (word: string) => word.split(' ').every((w) => inTitle(foldUmlauts(lower(w))));
  const verbs = verbPositionWords(question);
  // A word for sessions or the series: all its groups are, or its first one is where the program names itself
  // so ("the exchange" of a program that calls itself an exchange; its other meaning comes after).
  const namesSessions = (u: QueryUnit) => u.terms.every((t) => SESSION_TERMS.has(t)) || SESSION_TERMS.has(matcher.index.lexicon.lookup(u.word) ?? '');
  // "nach deutscher Zeit", "in Tokio", "Ortszeit" ask in which clock, not which session. The zone's city only
  // with a question for a time, and only where its clock is not Germany's: "Wann ist das Treffen in Wien?"
  // asks for the session in Vienna.
  const readerAsked = phrase(text, READER_PHRASES);
  const asksClock = has(tokens, CUES.times) || has(tokens, CUES.begin) || has(tokens, CUES.end) || phrase(text, CUES.timesPhrases);
  const abroad = programClock(program);
  const foreign = asksClock && abroad;
  const cities = foreign ? zoneCityNames(program.program.timezone) : [];
  // "in CET", "MEZ", "PT", "Pacific time", "in India": a clock's abbreviation or name, or the country it is named
  // after, the participants' or the program's.
  const clockNames = [READER_CLOCK, ...(foreign ? [abroad] : [])];
  // "Wann trifft sich die Gruppe mit Indien?", "with the Netherlands": the other side of the exchange, the country
  // of the program's clock or one its title names, unless a session's title has it ("mit Kenia" where the material
  // tells of a partnership with Kenya stays a topic).
  const partners = [...(abroad?.countries ?? []), ...titleCountries(program)].filter((n) => !inTitles(n));
  const partner = partners.filter((n) => ['mit', 'mit der', 'mit den', 'with', 'with the'].some((before) => phrase(text, [`${before} ${n}`]))).flatMap((n) => n.split(' '));
  // An abbreviation only as written in capitals ("PT", not "pt"; Nairobi's "EAT", not "eat"); the country of the
  // clock only by its whole name, after "in", in a question for a clock time, and where no session's title has it
  // ("Fallstudie Indien" is a topic; "Wie lange dauert die Anreise nach Japan?" asks for no clock).
  const capitals = new Set((question.match(/\b[A-Z]{2,5}\b/g) ?? []).map((a) => a.toLowerCase()));
  const said = (names: readonly string[]) => names.filter((n) => phrase(text, [n])).flatMap((n) => n.split(' '));
  const clockCountries = foreign && asksClockTime(question) ? abroad.countries.filter((n) => !inTitles(n) && phrase(text, [`in ${n}`])) : [];
  const zoneWords = new Set([
    ...LOCAL_TIME_WORDS,
    ...cities.flatMap((c) => words(c).map(foldUmlauts)).filter((w) => w.length >= 4 && !CITY_PARTS.has(w)),
    ...clockNames.flatMap((c) => [...c.abbreviations.filter((a) => capitals.has(a)), ...said(c.names)]),
    ...clockCountries.flatMap((n) => n.split(' ')),
    ...(abroad ? readerRegions(text, question, (w) => inTitles(w) || passageUnits.some((u) => foldUmlauts(lower(u.word)) === w && (u.knownDf > 0 || known(u)))) : []),
    ...partner,
    // "Wie spät ist es, wenn …?" asks for the time ("zu spät" does not).
    ...(phrase(text, ['wie spat']) ? ['spat'] : []),
  ]);
  const clockWord = (word: string) => (readerAsked && READER_WORDS.has(foldUmlauts(word))) || zoneWords.has(foldUmlauts(word));
  // "the market sessions", "die Abfall-Termine": a word of the series' name before the word for the sessions,
  // where no session's title has it or all do ("the Hamburg session(s)" of a series with study visits to Hamburg
  // name those).
  const sessionTitleWords = program.sessions.map((s) => new Set(words(s.title).map(foldUmlauts)));
  const titlesWith = (w: string) => sessionTitleWords.filter((t) => wordOrPart(t, w)).length;
  const beforeSessionWord = (word: string) => {
    const folded = foldUmlauts(lower(word));
    const at = original.indexOf(folded);
    const next = at >= 0 ? original[at + 1] : undefined;
    const titled = titlesWith(folded);
    return !!next && termsOfWord(next, undefined, GENERAL_LEXICON).some((t) => SESSION_TERMS.has(t)) && (titled === 0 || titled === program.sessions.length);
  };
  // Topic match against the sessions, on the words that are not cues or generic.
  const topicUnits = matcher.index
    .units(question)
    // An unknown word at a verb's place ("When do we go to Malmö?") says what is done, not which session.
    .filter((u) => !(u.knownDf === 0 && verbs.has(foldUmlauts(u.word))) && !clockWord(u.word))
    // A format word that one session's title has ("Vor-Ort" in "Vor-Ort-Workshop") names that session.
    .filter((u) => (!isCueWord(u.word) || formatInTitle(u.word)) && !CUES.generic.has(foldUmlauts(u.word)) && !correctedTypos.has(foldUmlauts(u.word)))
    // A general concept ("wie lange", "mitbringen") names no session, unless a session's title says it.
    .filter((u) => !u.terms.every((t) => NON_TOPIC_TERMS.has(t)) || inTitles(u.word))
    .map((u) => ({ ...u, terms: u.terms.filter((t, i) => i === 0 || !NON_TOPIC_TERMS.has(t)) }))
    // "online" or "Termin" names no session, unless a session's title says it ("Vor-Ort-Tag").
    .filter((u) => !namesSessions(u) || inTitles(u.word))
    // With a cue that picks the session by time ("das nächste Treffen der Reihe X") or counts them ("Aus wie
    // vielen Terminen besteht die Reihe X?"), the series' own name names no session; nor where it stands
    // before the word for the sessions ("the market sessions", "die Abfall-Termine").
    .filter((u) => !series?.(u) || !(byTime || countAsked || beforeSessionWord(u.word)));
  let session: Session | undefined;
  const matchedWords = new Set<string>();
  // A session's title quoted whole ("Wann ist der Termin 'Was machen wir daraus?'") names it, even a title of
  // question words that the topic search cannot see.
  const compactQuestion = foldUmlauts(lower(question)).replace(/[^\p{L}\d]/gu, '');
  const quoted = program.sessions.filter((s, i) => compactTitles[i]!.length >= 8 && compactQuestion.includes(compactTitles[i]!));
  if (quoted.length === 1) {
    session = quoted[0]!;
    // Its words, also joined as a separable verb ("an|fange" of "fange ich an").
    const quotedWords = new Set(words(session.title).map(foldUmlauts));
    const ofTitle = (w: string) => quotedWords.has(w) || [...w].some((_, i) => i > 0 && quotedWords.has(w.slice(0, i)) && quotedWords.has(w.slice(i)));
    for (const u of passageUnits) if (ofTitle(foldUmlauts(lower(u.word)))) matchedWords.add(u.word);
  } else if (topicUnits.length) {
    const { hits } = matcher.index.query(question, { units: topicUnits });
    const [top, second] = hits;
    // A month the question names that the session is not in ("Uhrzeit in Deutschland im März" meeting a May
    // session whose page says "German time") says the topic search found the wrong one.
    const askedMonth = tokens.map((t) => monthNumber(t)).find((m) => m !== undefined);
    const found = top && program.sessions.find((s) => s.id === top.doc.id);
    const inAskedMonth = !found || askedMonth === undefined || sessionStart(program, found).month === askedMonth;
    // A cancelled session and the one that replaces it share their title: the question means the topic, and the
    // cancelled one's answer names both dates.
    const pair = top && second && second.coverage === top.coverage ? cancelledOfPair(program, top.doc.id, second.doc.id) : undefined;
    if (top && pair && top.coverage >= 0.5 && inAskedMonth) {
      session = pair;
      for (const w of top.matchedWords) matchedWords.add(w);
    } else if (top && top.coverage >= 0.5 && (!second || top.coverage > second.coverage || top.score >= 1.3 * second.score) && inAskedMonth) {
      session = found;
      for (const w of top.matchedWords) matchedWords.add(w);
    }
  }
  // "Abschlusstreffen", "kick-off" name the last or the first session when no title says which.
  if (!session) {
    const held = sortedSessions(program).filter((s) => s.status !== 'cancelled');
    const closing = original.find((t) => CLOSING.has(t));
    const opening = original.find((t) => OPENING.has(t));
    if (closing && !opening) session = held.at(-1);
    if (opening && !closing) session = held[0];
    if (session) matchedWords.add((closing ?? opening)!);
  }
  // "Wann ist der Praxistag?" where the material says neither: a compound of a kind of session ("…tag",
  // "…treffen") names the one session whose title has a word of that kind ("Übungs- und Austauschtag").
  if (!session) {
    const named = sessionByKind(program, passageUnits, tokens);
    if (named) {
      session = named.session;
      matchedWords.add(named.word);
    }
  }
  // "Findet der Termin am 4.2. statt?", "Is the session on 4 February still on?": the one session on that day,
  // also a cancelled one (its answer says so and names what replaces it).
  const dated = session ? undefined : sessionOnDay(program, question);
  if (dated) session = dated;
  // "Wann geht es nach der Sommerpause weiter?": the session after (or before) the series' break.
  // "Wann treffen wir uns nach dem Auftakt wieder?", "When is the session after the kick-off?": the one after
  // (or before) the session the question names.
  const beside = session ? sessionBeside(program, session, original, matchedWords) : undefined;
  if (beside && !beside.session) return undefined;
  const aroundBreak = beside?.session ? { session: beside.session, words: beside.words } : session ? undefined : (sessionByBreak(program, original) ?? sessionByFeast(program, original));
  if (aroundBreak) {
    session = aroundBreak.session;
    for (const w of aroundBreak.words) matchedWords.add(w);
  }

  // Every content word must be a cue, a session topic word or known to the program's facts; words of the
  // latter kind make the question about something more specific than a count or the format.
  let leftover = 0;
  let namedLength = false;
  // Leftover words that are no compound of a session or format word ("Deutschland", not "Onlinetermine").
  let specific = 0;
  // A hyphenated compound joined into one word stands for its parts, which are judged one by one.
  const joinedCompounds = new Set(hyphenated(question));
  const ordinalDigits = new Set(tokens.filter((t) => /^\d+(st|nd|rd|th)$/.test(t) && ORDINAL[t] !== undefined).map((t) => t.replace(/\D/g, '')));
  const dayOfDate = new Set(tokens.filter((t, i) => /^\d{1,2}$/.test(t) && (CUES.months.has(tokens[i + 1] ?? '') || CUES.months.has(tokens[i - 1] ?? ''))));
  // The numbers of a date written in digits ("4.2.", "04.02.2027") say which day, like a month's name.
  for (const m of question.matchAll(NUMERIC_DAY)) for (const n of m.slice(1)) if (n) dayOfDate.add(String(Number(n))).add(n);
  for (const unit of passageUnits) {
    const w = foldUmlauts(unit.word);
    if (joinedCompounds.has(unit.word)) continue;
    if (isCueWord(unit.word) || CUES.generic.has(w) || matchedWords.has(unit.word) || correctedTypos.has(w)) continue;
    // A word of the named session's title, or a part of a compound there ("Friedhof" of "Friedhofsbegehung"
    // when "Rundgang" named it), names that session again.
    if (session && wordOrPart(new Set(words(session.title).map(foldUmlauts)), w)) continue;
    if (namesSessions(unit)) continue;
    // A general verb ("kommt", "läuft") asks nothing beyond the cues, nor does an unknown word at a verb's
    // place ("When do we meet next?").
    if (unit.soft || (unit.knownDf === 0 && verbs.has(w))) continue;
    // A weekday ("Samstag", "Donnerstagstermine") says which sessions, like a month; "day of the week" asks for one.
    if (WEEKDAY_START.test(w) || unit.terms[0] === WEEKDAY_TERM) continue;
    // "nach deutscher Zeit", "in Germany": the answers give German time anyway; "in Toronto", "Ortszeit": and
    // the program's own clock time first.
    if (clockWord(w)) continue;
    // "Wie lange dauert ein Termin?": the program knows how long its sessions are. Of a session named by its
    // topic the material may say more ("fünfeinhalb Stunden mit Mittagspause"): the engine asks it first.
    if (DURATION_PHRASES.has(w)) {
      if (session) namedLength = true;
      continue;
    }
    // The day of a date ("am 2. März") says nothing beyond the month; the number of an ordinal is a cue.
    if (dayOfDate.has(w) || ordinalDigits.has(w)) continue;
    // The participant's own name for the series ("Abfallreihe", "Abfall-Reihe") asks nothing beyond the series.
    if (seriesNames.has(w)) continue;
    const ofSeries = series?.(unit) ?? false;
    if (!known(unit) && !ofSeries) return undefined;
    // A word of the series' name ("Wie viele Termine hat <Titel der Reihe>?") asks for nothing beyond the series
    // (a count or the format stay possible), but it may still be what a question about the material is about
    // ("Wann wurde <Titelwort> beschlossen?").
    if (!ofSeries) leftover++;
    if (!unit.terms.some((t) => SESSION_TERMS.has(t)) && !(ofSeries && beforeSessionWord(unit.word))) specific++;
  }
  // The program knows a session's format, not its platform: "Über welche Plattform laufen die Termine?" is
  // for the material.
  if (passageUnits.some((u) => (u.terms[0] === FORMAT_TERM && !isCueWord(u.word) && !phrase(text, CUES.formatPhrases)) || u.terms[0] === PLATFORM_TERM)) return undefined;
  // "Mit welchem Programm finden die Online-Treffen statt?", "Which platform ...?": the noun after the
  // interrogative is what is asked for; a word of the format or the series there asks for a tool, not the schedule.
  const asked = tokens.findIndex((t) => /^welch(e|er|es|em|en)?$/.test(t) || t === 'which');
  const askedNoun = asked >= 0 ? tokens[asked + 1] : undefined;
  if (askedNoun && (CUES.format.has(askedNoun) || CUES.series.has(askedNoun))) return undefined;

  // The words that named the session are not cues: "Wo findet der Vor-Ort-Tag statt?" has no "Tag" cue.
  const named = new Set([...matchedWords, ...(session ? words(session.title) : [])].flatMap((w) => w.split(' ').map(foldUmlauts)));
  const cues = session ? tokens.filter((t) => !named.has(t)) : tokens;
  // A word for a session, or the verb of meeting ("Wie oft treffen wir uns?", "How many times do we meet?").
  const sessionWord = tokens.some((t) => MEET_VERBS.has(t) || termsOfWord(t, undefined, GENERAL_LEXICON).includes(GENERAL_LEXICON.lookup('termin')!));
  // "Wie spät ist es gerade?" asks for no session's time, "Wie spät darf ich zum Termin kommen?" for a rule.
  if (phrase(text, ['wie spat']) && ((!session && !sessionWord) || !(phrase(text, ['wie spat ist es']) || tokens.some((t) => BEGIN_END_VERBS.has(t))))) return undefined;
  // Registration and its deadline are the material's ("Last day to sign up?" asks no session's date).
  const byPosition = has(tokens, CUES.first) || has(tokens, CUES.last);
  if (!session && byPosition && passageUnits.some((u) => u.terms.some((t) => MATERIAL_CONCEPTS.has(t)))) return undefined;
  // "Was brauche ich für die Werkstatt am 12. April?" asks what, not when: a verb beside "was"/"what" other
  // than "ist"/"is" asks something of the session that the material says.
  const asksWhat = (tokens[0] === 'was' || tokens[0] === 'what') && [...verbs].some((v) => !LINKING_VERBS.has(v));
  if (session && asksWhat && !has(tokens, ASKS_WHEN) && !aroundBreak) return undefined;
  // "Was kommt nach der Sommerpause?" asks which session it is: its date and what it is about.
  if (aroundBreak && !leftover) return { kind: 'session', sessionId: aroundBreak.session.id, withSummary: !has(tokens, ASKS_WHEN) };
  // The series by the name the program gives itself ("the exchange").
  const seriesNamed = cues.some((t) => matcher.index.lexicon.lookup(t) === SERIES_TERM);
  const intent = intentFromCues(cues, text, { program, session, leftover, specific, sessionWord, contentWords: passageUnits.length, seriesNamed, dated: !!dated });
  // "Wie lange dauert die letzte Sitzung?": one session, and how long it lasts.
  // Not "Wie lange noch bis zum nächsten Termin?" or "How long ago was the last session?": a span to or since it.
  const asksLength = (has(cues, DURATION_WORDS) || phrase(text, [...DURATION_PHRASES])) && !has(cues, SPAN_WORDS);
  // A named session's length comes from the schedule only where the session's title (or a word for the closing or
  // opening session) has every word that named it: "Wie lange dauert die Vorschlagsphase in Bergheim?" finds a
  // session by "Vorschlag" and asks about Bergheim.
  if (namedLength && session) {
    const ownTitle = new Set(words(session.title).map(foldUmlauts));
    const ownWord = (w: string) => CLOSING.has(w) || OPENING.has(w) || wordOrPart(ownTitle, w);
    if (leftover || specific || ![...matchedWords].every((w) => ownWord(foldUmlauts(lower(w))))) return undefined;
  }
  return intent && asksLength && (intent.kind === 'session' || intent.kind === 'next' || intent.kind === 'first' || intent.kind === 'last')
    ? { ...intent, duration: true, ...(namedLength ? { namedLength } : {}) }
    : intent;
}

/** True for one of the (folded) words, or the first or last part of a compound among them (4 letters or more). */
function wordOrPart(words: ReadonlySet<string>, folded: string): boolean {
  return words.has(folded) || (folded.length >= 4 && [...words].some((t) => t.startsWith(folded) || t.endsWith(folded)));
}

const FORMAT_TERM = GENERAL_LEXICON.lookup('format')!;
const PHONE_TERM = GENERAL_LEXICON.lookup('telefon')!;
const PLATFORM_TERM = GENERAL_LEXICON.lookup('plattform')!;
const WEEKDAY_TERM = GENERAL_LEXICON.lookup('wochentag')!;
/** How participants ask for their own clock time; every schedule answer gives German time (program/time.ts). */
const READER_PHRASES = ['deutscher zeit', 'deutsche zeit', 'german time', 'in deutschland', 'in germany', 'bei uns'];
const READER_WORDS = set('deutscher deutsche zeit german time deutschland germany');
/**
 * The German-speaking countries that keep German time and their regions (Germany's Länder, Austria's
 * Bundesländer, Switzerland's cantons), in German and English: "Um wie viel Uhr beginnt das Kick-off bei uns in
 * Bayern?" asks for German time, as "in Deutschland" does. Not the cantons whose names are everyday words („im
 * Zug“ is on the train, „Jura“ the law degree, „Uri“ an English abbreviation).
 */
const READER_REGION_NAMES: readonly string[] = `österreich, austria, schweiz, switzerland, liechtenstein,
baden-württemberg, bayern, bavaria, berlin, brandenburg, bremen, hamburg, hessen, hesse, mecklenburg-vorpommern,
niedersachsen, lower saxony, nordrhein-westfalen, north rhine-westphalia, nrw, rheinland-pfalz, rhineland-palatinate,
saarland, sachsen, saxony, sachsen-anhalt, saxony-anhalt, schleswig-holstein, thüringen, thuringia,
burgenland, kärnten, carinthia, niederösterreich, lower austria, oberösterreich, upper austria, salzburg, steiermark,
styria, tirol, tyrol, vorarlberg, wien, vienna,
aargau, appenzell, basel, bern, freiburg, fribourg, genf, geneva, glarus, graubünden, grisons, luzern, lucerne,
neuenburg, neuchâtel, nidwalden, obwalden, schaffhausen, schwyz, solothurn, st. gallen, tessin, ticino, thurgau,
waadt, vaud, wallis, valais, zürich, zurich`
  .split(/,\s*/)
  .map((n) => words(n).map(foldUmlauts).join(' '));

/**
 * The words of a region of READER_REGION_NAMES that a question for a clock time of a program in another clock names
 * as where the asker is: „bei uns in Bayern“, „bei uns im Aargau“, or „in der Schweiz“, „im Aargau“ where neither
 * the material nor a session's title names the region. A place the material or a title names is where something
 * happens („Um wie viel Uhr beginnt die Hafenführung in Hamburg?“, "What time is the session in Tyrol?").
 */
function readerRegions(text: string, question: string, named: (word: string) => boolean): string[] {
  if (!asksClockTime(question)) return [];
  const asker = (n: string) => ['bei uns in', 'bei uns im', 'bei uns in der'].some((before) => phrase(text, [`${before} ${n}`]));
  const unnamed = (n: string) => !n.split(' ').some(named) && ['in', 'in der', 'im', 'aus'].some((before) => phrase(text, [`${before} ${n}`]));
  return READER_REGION_NAMES.filter((n) => asker(n) || unnamed(n)).flatMap((n) => n.split(' '));
}
/** Concepts whose facts only the material gives: registration and deadlines. */
const MATERIAL_CONCEPTS: ReadonlySet<string> = new Set(['anmeldung', 'frist'].map((w) => GENERAL_LEXICON.lookup(w)!));
/** Verbs that ask what a session is, not what it needs ("Was ist am 12. April?"). */
const LINKING_VERBS = set('ist sind war gibt gibts passiert lauft findet steht is are was happens');
/** Verbs of meeting: with a count cue they ask how many sessions there are. */
const MEET_VERBS = set('treffen trifft treffe meet meets');
/** Words before "Woche"/"week" that make it a rate. */
const RATE_WORDS = set('a per pro je jede every each die');
/** Words that ask how long something lasts. */
const DURATION_WORDS = set('lange lang long dauer dauert dauern duration');
/** Words that ask when something happens once more. */
const AGAIN_WORDS = set('wieder again');
/** Words of a span until or since a session, not of its length. */
const SPAN_WORDS = set('bis noch her seit until till ago since');
/** The phrase tokens of the lexicon for a duration question. */
const DURATION_PHRASES = new Set(['wie lange', 'wie lang', 'how long']);
/** Words for the closing and the opening session of a series (folded). */
const CLOSING = set('abschluss abschlusstreffen abschlusssitzung abschlussveranstaltung abschlusstermin abschlusstermins abschlussrunde closing');
const OPENING = set('auftakt auftakttreffen auftaktsitzung auftaktveranstaltung auftakttermin kickoff opening');
/** Words for a series' break in summer or over the new year, and which side of it is asked for. */
const SUMMER_BREAK = set('sommerpause sommerferien sommer summer');
const WINTER_BREAK = set('winterpause weihnachtspause weihnachtsferien jahreswechsel winter christmas');
const BREAK_WORDS = set('pause break holidays ferien');
const AFTER_WORDS = set('nach after danach');
const BEFORE_WORDS = set('vor before');

/**
 * The first session after the series' summer or winter break, or the last one before it: the break is the
 * longest gap between two sessions that spans 1 August (summer) or 1 January (winter). None when the series
 * has no such gap; then the material may say what happens.
 */
export function sessionByBreak(program: Program, tokens: string[]): { session: Session; words: string[] } | undefined {
  const summer = tokens.find((t) => SUMMER_BREAK.has(t));
  const winter = tokens.find((t) => WINTER_BREAK.has(t));
  const named = summer ?? winter;
  if (!named || (summer && winter)) return undefined;
  // A compound names the break itself ("Sommerpause"); "summer"/"Sommer" needs a word for a break beside it.
  const breakWord = tokens.find((t) => BREAK_WORDS.has(t));
  if (!/pause|ferien|wechsel/.test(named) && !breakWord) return undefined;
  const after = tokens.some((t) => AFTER_WORDS.has(t));
  const before = tokens.some((t) => BEFORE_WORDS.has(t));
  if (after === before) return undefined;
  const held = sortedSessions(program).filter((s) => s.status !== 'cancelled');
  let best: { from: Session; to: Session; days: number } | undefined;
  for (let i = 0; i + 1 < held.length; i++) {
    const from = sessionStart(program, held[i]!);
    const to = sessionStart(program, held[i + 1]!);
    const august = (year: number) => DateTime.fromObject({ year, month: 8, day: 1 }, { zone: from.zone });
    const spans = summer ? [from.year, to.year].some((y) => from < august(y) && to >= august(y)) : to.year > from.year;
    const days = to.diff(from, 'days').days;
    if (spans && (!best || days > best.days)) best = { from: held[i]!, to: held[i + 1]!, days };
  }
  if (!best) return undefined;
  return { session: after ? best.to : best.from, words: [named, ...(breakWord ? [breakWord] : [])] };
}
/**
 * The session held after (or before) the given one, when the question says "nach"/"after" (or "vor"/"before")
 * right before the words that named it ("nach dem Auftakt", "after the kick-off", "vor der Exkursion"): an
 * article or two may stand between. Its session is undefined when the named one is the last (or first): then
 * no session answers. Undefined when the question does not ask so.
 */
function sessionBeside(program: Program, session: Session, tokens: string[], named: ReadonlySet<string>): { session: Session | undefined; words: string[] } | undefined {
  // A hyphenated name stands in the tokens as its parts ("kick", "off" of "kick-off").
  const forms = [...named].map((w) => foldUmlauts(lower(w)).replace(/[^\p{L}\d]/gu, ''));
  const namedAt = tokens.findIndex((t, i) => forms.some((w) => w === t || w === `${t}${tokens[i + 1] ?? ''}`));
  if (namedAt < 0) return undefined;
  // Only a question for the session itself: "Was soll ich vor dem Parkraum-Termin vorbereiten?" asks what to do.
  if (!has(tokens, ASKS_WHEN) && !has(tokens, CUES.next) && !has(tokens, MEET_VERBS) && !has(tokens, COMES)) return undefined;
  const distance = [1, 2, 3].find((d) => AFTER_WORDS.has(tokens[namedAt - d] ?? '') || BEFORE_WORDS.has(tokens[namedAt - d] ?? ''));
  if (!distance) return undefined;
  const by = tokens[namedAt - distance]!;
  const between = tokens.slice(namedAt - distance + 1, namedAt);
  // German "nach" without an article goes to a place ("Wann fahren wir nach Hohenbruch?").
  if (between.some((t) => !ARTICLES.has(t)) || (!between.length && !ENGLISH_BESIDE.has(by))) return undefined;
  const held = sortedSessions(program).filter((s) => s.status !== 'cancelled');
  const at = held.findIndex((s) => s.id === session.id);
  const beside = at < 0 ? undefined : held[AFTER_WORDS.has(by) ? at + 1 : at - 1];
  // "nach dem Abschluss" of the last session: there is none, and the named one is not the answer.
  return { session: beside, words: [by] };
}
const ARTICLES = set('dem der den die das des the');
const ENGLISH_BESIDE = set('after before');
/** Verbs that ask which session comes ("Was kommt nach dem Auftakt?", "What's coming up after ...?"). */
const COMES = set('kommt kommen folgt folgen weiter comes coming follows continue continues');

/** Words that may stand capitalised before „Reihe“ or „series“ without naming it („Die Reihe“, „Which series“). */
const STOP_BEFORE_SERIES = set('die der den dem des zur diese dieser eine unsere eure ihre ganze gesamte neue nächste welche welcher jede the this that which our your whole new next another any what each every');

/**
 * Words by which a participant names the series itself: a compound ending in „Reihe“ or „Austausch“
 * („Abfallreihe“, „Indien-Austausch“) and both parts of such a hyphenated name („Abfall“ and „Reihe“ of
 * „Abfall-Reihe“, also „the Landarzt series“), folded. A compound the material has as a word is its topic („Datenaustausch“, „Messreihe“),
 * not a name for the series: `inMaterial` tells, for a folded word; `knownWord` whether the knowledge base knows a
 * word at all (also by its parts).
 */
export function seriesNameWords(question: string, inMaterial: (folded: string) => boolean, knownWord: (folded: string) => boolean = () => true): Set<string> {
  const out = new Set<string>();
  for (const w of words(question).map(foldUmlauts)) if (/^\p{L}{3,}-?(reihe|austausch)$/u.test(w) && !inMaterial(w)) out.add(w);
  // „Abfall-Reihe“, „die Abfall Reihe“, „the Landarzt series“, „the Cyber exchange“: a name written apart from
  // the word for a series (with a hyphen, or with a space after a capital).
  for (const m of question.matchAll(/(?:(\p{L}{3,})-|(?<!\p{L})(\p{Lu}\p{L}{2,}) )([Rr]eihe|[Aa]ustausch|[Ss]eries|[Ee]xchange)(?!\p{L})/gu)) {
    const [first, head] = [foldUmlauts(lower(m[1] ?? m[2]!)), foldUmlauts(lower(m[3]!))];
    // Written apart, the name must be a word the knowledge base knows, at least by its parts: "the Podcast series"
    // of a program without one is a topic the material lacks.
    if (m[2] && (STOP_BEFORE_SERIES.has(first) || !knownWord(first))) continue;
    if (!inMaterial(`${first}${head}`)) out.add(first).add(head);
  }
  return out;
}

/** A day and month in digits, with or without the year ("4.2.", "04.02.2027", "4.2.27"). */
const NUMERIC_DAY = /(?<![\d.])(\d{1,2})\.\s?(\d{1,2})\.(?:\s?(\d{4}|\d{2})(?!\d))?/g;

/**
 * The one session on the day a question names by its date: digits ("am 4.2.") or a month's name beside the day
 * ("am 4. Februar", "on 4 February", "February 4th"). A year, when given, must be the session's.
 */
function sessionOnDay(program: Program, question: string): Session | undefined {
  const days: { day: number; month: number; year?: number }[] = [];
  for (const m of question.matchAll(NUMERIC_DAY)) {
    const year = m[3] ? Number(m[3].length === 2 ? `20${m[3]}` : m[3]) : undefined;
    days.push({ day: Number(m[1]), month: Number(m[2]), ...(year ? { year } : {}) });
  }
  const tokens = words(question);
  tokens.forEach((t, i) => {
    const month = monthNumber(t);
    if (month === undefined) return;
    const day = [tokens[i - 1], tokens[i + 1]].map((w) => /^(\d{1,2})(st|nd|rd|th)?$/.exec(w ?? '')?.[1]).find(Boolean);
    if (day) days.push({ day: Number(day), month });
  });
  const on = program.sessions.filter((s) => {
    const start = sessionStart(program, s);
    return days.some((d) => d.day === start.day && d.month === start.month && (d.year === undefined || d.year === start.year));
  });
  return on.length === 1 ? on[0] : undefined;
}

/** Movable feasts participants date sessions by, with their offset from Easter Sunday in days. */
const FEASTS: ReadonlyMap<string, number> = new Map([
  ...[...set('ostern easter')].map((w) => [w, 0] as [string, number]),
  ...[...set('pfingsten pentecost whitsun')].map((w) => [w, 49] as [string, number]),
]);

/** Easter Sunday of a year in the Gregorian calendar (the anonymous Gregorian algorithm). */
export function easterSunday(year: number): { month: number; day: number } {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { month, day };
}

/**
 * "What's the next session after Easter?", "Ist vor Pfingsten noch ein Termin?": the first session after the
 * feast (Easter or Whitsun of a year the series runs in), or the last one before it. None when the feast falls
 * outside the series.
 */
export function sessionByFeast(program: Program, tokens: string[]): { session: Session; words: string[] } | undefined {
  const named = tokens.find((t) => FEASTS.has(t));
  if (!named) return undefined;
  const after = tokens.some((t) => AFTER_WORDS.has(t));
  const before = tokens.some((t) => BEFORE_WORDS.has(t));
  if (after === before) return undefined;
  const held = sortedSessions(program).filter((s) => s.status !== 'cancelled');
  if (!held.length) return undefined;
  const first = sessionStart(program, held[0]!);
  const last = sessionStart(program, held.at(-1)!);
  for (let year = first.year; year <= last.year; year++) {
    const { month, day } = easterSunday(year);
    const feast = DateTime.fromObject({ year, month, day }, { zone: first.zone }).plus({ days: FEASTS.get(named)! });
    if (feast < first.startOf('day') || feast > last.endOf('day')) continue;
    const session = after ? held.find((s) => sessionStart(program, s) > feast.endOf('day')) : [...held].reverse().find((s) => sessionStart(program, s) < feast.startOf('day'));
    if (session) return { session, words: [named] };
  }
  return undefined;
}

/**
 * A zone's abbreviations and names as a question's folded words ("pt", "pacific time"), and the country its
 * clock is named after, by its English and German name ("India Standard Time": "india", "indien").
 */
function clockNamesOf(zone: string): ZoneNames & { countries: string[] } {
  const { abbreviations, names } = zoneNames(zone);
  const countries = names.flatMap((n) => countryNames(n.replace(/( (standard|daylight|summer))? time$/, '')) ?? []);
  const folded = (n: string) => words(n).map(foldUmlauts).join(' ');
  return { abbreviations, names: names.map(folded), countries: [...new Set(countries.map(folded))] };
}

const programClocks = new WeakMap<Program, ReturnType<typeof clockNamesOf> | null>();
/** The names of a program's clock where it is not German time (worked out once per program). */
function programClock(program: Program): ReturnType<typeof clockNamesOf> | undefined {
  let clock = programClocks.get(program);
  if (clock === undefined) programClocks.set(program, (clock = foreignClock(program, program.sessions) ? clockNamesOf(program.program.timezone) : null));
  return clock ?? undefined;
}

const titleCountriesMemo = new WeakMap<Program, string[]>();
/**
 * Countries the program's title or subtitle names ("Deutsch-indischer Austausch": none; "… mit Kenia": kenia,
 * kenya), worked out once per program.
 */
function titleCountries(program: Program): string[] {
  let countries = titleCountriesMemo.get(program);
  if (!countries) {
    const found = words(`${program.program.title} ${program.program.subtitle ?? ''}`).map(foldUmlauts);
    countries = [...new Set(found.flatMap((w, i) => countryNames(w) ?? countryNames(`${w} ${found[i + 1] ?? ''}`) ?? []).map((n) => words(n).map(foldUmlauts).join(' ')))];
    titleCountriesMemo.set(program, countries);
  }
  return countries;
}

/** The participants' clock: "CET", "MESZ", "mitteleuropäische Zeit" always ask for German time. */
const READER_CLOCK = clockNamesOf(READER_ZONE);
/** General words of a zone's city name ("Mexico City", "Mexiko-Stadt") that name no city alone. */
const CITY_PARTS = set('city stadt saint sankt santa');
/** How participants ask for the program's own clock time, besides the zone's city ("in Toronto"). */
const LOCAL_TIME_WORDS = set('ortszeit local lokale lokaler lokalen zeit');
/** Questions for the day of the week. */
const WEEKDAY_ASK = set('wochentag wochentage wochentagen weekday weekdays');
/** The program's contacts the question names by a word of their name (or, `withOrganization`, of their organisation). */
function namedContacts(program: Program, tokens: readonly string[], withOrganization: boolean) {
  const asked = new Set(tokens.map(foldUmlauts).filter((w) => w.length >= 3));
  return program.program.contacts.filter((c) =>
    words(withOrganization ? `${c.name} ${c.organization ?? ''}` : c.name)
      .map(foldUmlauts)
      .some((w) => w.length >= 3 && asked.has(w)),
  );
}
/** Questions for a reason. */
export const WHY = set('warum wieso weshalb why');
/** The when-cues that ask for a date or time themselves ("Termin" or "welchem" may only name the session). */
const ASKS_WHEN = set('wann when datum date tag day wochentag weekday uhr uhrzeit time');
const WEEKDAY_START = /^(montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonnabend|sonntag|monday|tuesday|wednesday|thursday|friday|saturday|sunday)/;

function intentFromCues(
  tokens: string[],
  text: string,
  { program, session, leftover, specific, sessionWord, contentWords, seriesNamed, dated }: { program: Program; session: Session | undefined; leftover: number; specific: number; sessionWord: boolean; contentWords: number; seriesNamed: boolean; dated: boolean },
): ScheduleIntent | undefined {
  const contactCue = has(tokens, CUES.contacts) || (tokens.includes('e') && tokens.includes('mail')) || (has(tokens, CUES.address) && (sendsThere(tokens) || namedContacts(program, tokens, false).length > 0));
  // The program's contacts have no telephone numbers: "Unter welcher Telefonnummer erreiche ich …?" asks the material.
  if (contactCue && tokens.some((t) => GENERAL_LEXICON.lookup(t) === PHONE_TERM)) return undefined;
  if (contactCue) return { kind: 'contacts' };
  const formatCue = has(tokens, CUES.format) || phrase(text, CUES.formatPhrases);
  // "Um wie viel Uhr ...?" asks for a time, not a count.
  const countCue = (has(tokens, CUES.count) || phrase(text, CUES.countPhrases)) && !phrase(text, ['wie viel uhr', 'wieviel uhr']);
  // "Wie viele Termine sind online?" asks the material, not the count or the format alone.
  if (formatCue && countCue) return undefined;
  // "How many times do we meet?" counts; "times" there is no clock time.
  const timesCue = has(tokens.filter((t, i) => !(t === 'times' && tokens[i - 1] === 'many')), CUES.times);
  // "What time do the online sessions start?": with a question for a time, "online" says which sessions.
  if (!leftover && !session && formatCue && !timesCue && !has(tokens, CUES.when)) return { kind: 'format' };
  // A count beside a session's topic ("Ab wie vielen Terminen bekomme ich ein Zertifikat?") asks the material.
  if (!timesCue && !leftover && !session && (sessionWord || !contentWords) && countCue) return { kind: 'count' };
  // A date asked of a session ("Findet <Termin> am 2. März statt?") asks when it is.
  const whenCue = has(tokens, CUES.when) || timesCue || phrase(text, ['wie spat']) || (!!session && has(tokens, CUES.months)) || dated;
  // "Wie viele Stunden umfasst die Bescheinigung?" asks for an amount of time of something, not when a
  // session is or what the series' times are.
  const countsTime = (phrase(text, CUES.countPhrases) || tokens.includes('wieviele')) && timesCue;
  if (countsTime && (session || specific)) return undefined;
  // Words beyond the session's topic ("Wann wurde der Wärmeplan in Neustadt beschlossen?") ask about something
  // the material says, not when the session about it is.
  if (session && whenCue && specific) return undefined;
  // "Findet der Termin zum Heizungsersatz online statt?", "In welchem Saal treffen wir uns am 20. März?" ask
  // where, not when: where a session takes place is in the material (the program knows the series' format).
  if (session && formatCue && !has(tokens, ASKS_WHEN)) return undefined;
  if (session && whenCue) return { kind: 'session', sessionId: session.id };
  // Where a session takes place is in the material (the program knows only the series' format).
  if (session && formatCue) return undefined;
  const ordinal = tokens.map((t) => ORDINAL[t]).find((n) => n !== undefined);
  // "Was soll ich zum zweiten Termin mitbringen?" asks something of that session that the material says.
  if (ordinal !== undefined && !has(tokens, CUES.week) && !(specific && !has(tokens, ASKS_WHEN) && !timesCue)) {
    const nth = sortedSessions(program).filter((s) => s.status !== 'cancelled')[ordinal - 1];
    if (nth) return { kind: 'session', sessionId: nth.id, withSummary: !has(tokens, CUES.when) };
  }
  if (has(tokens, CUES.today)) return { kind: 'today' };
  if (has(tokens, CUES.tomorrow)) return { kind: 'today', offsetDays: 1 };
  // "how many hours a week", "zweimal pro Woche": a rate, not this week's sessions.
  const perWeek = tokens.some((t, i) => CUES.week.has(t) && RATE_WORDS.has(tokens[i - 1] ?? ''));
  if (has(tokens, CUES.week) && !perWeek) return { kind: 'week', offsetWeeks: has(tokens, CUES.next) ? 1 : 0 };
  if (perWeek) return undefined;
  if (has(tokens, CUES.remaining)) return { kind: 'remaining' };
  // "Wann treffen wir uns wieder?", "When do we meet again?": the next session.
  if (has(tokens, CUES.next) || (has(tokens, AGAIN_WORDS) && sessionWord && has(tokens, ASKS_WHEN))) return { kind: 'next' };
  const seriesCue = has(tokens, CUES.series) || seriesNamed;
  if (has(tokens, CUES.first) || (has(tokens, CUES.begin) && seriesCue)) return { kind: 'first' };
  if (has(tokens, CUES.last) || (has(tokens, CUES.end) && seriesCue)) return { kind: 'last' };
  const month = tokens.find((t) => CUES.months.has(t));
  if (month) return { kind: 'month', month: monthNumber(month)! };
  // The series' times answer no question about something more specific ("... bei uns in Deutschland?").
  const askedTimes = timesCue || phrase(text, CUES.timesPhrases);
  if (askedTimes && specific) return undefined;
  if (askedTimes) return has(tokens, DURATION_WORDS) ? { kind: 'times', duration: true } : { kind: 'times' };
  // "An welchem Wochentag trifft sich die Gruppe?" asks for the sessions' days: their list gives them.
  if (!specific && !session && has(tokens, WEEKDAY_ASK)) return { kind: 'list' };
  // "Werden die Termine aufgezeichnet?" asks something of the sessions (a word beyond the cues, or one that
  // only matched a session's description), not for their list.
  if (specific || session) return undefined;
  if ((has(tokens, CUES.list) && (sessionWord || tokens.includes('dates'))) || (sessionWord && asksWhichSessions(tokens))) return { kind: 'list' };
  return undefined;
}

/**
 * "Welche Termine gibt es?" asks for the sessions; "Über welche Plattform laufen die Termine?" asks which
 * platform: the word after "welche" says what is asked for.
 */
function asksWhichSessions(tokens: string[]): boolean {
  const at = tokens.indexOf('welche');
  if (at < 0) return false;
  const next = tokens[at + 1];
  return !next || CUES.generic.has(next) || CUES.list.has(next) || termsOfWord(next, undefined, GENERAL_LEXICON).includes(GENERAL_LEXICON.lookup('termin')!);
}

/** A day as answers write it: "Dienstag, 16.12.2025" / "Tuesday, 16 December 2025", or without the weekday. */
export function dayText(day: DateTime, locale: Locale, withWeekday: boolean): string {
  const local = day.setLocale(locale);
  const date = local.toFormat(locale === 'de' ? 'dd.MM.yyyy' : 'd LLLL yyyy');
  return withWeekday ? `${local.toFormat('cccc')}, ${date}` : date;
}

/** Sessions whose date or time the program's lint calls contradictory or missing (see schedule-conflicts.ts). */
export interface DisputedSessions {
  dates: ReadonlySet<string>;
  times: ReadonlySet<string>;
}

/**
 * One session's title, date and time. A session whose date lint calls contradictory is shown with the date as
 * written and a mark instead of a weekday: naming the computed weekday would silently replace the one the
 * material gives. A session without a valid time shows a mark instead of an empty slot.
 */
function line(program: Program, s: Session, locale: Locale, disputed?: DisputedSessions): SessionLine {
  const start = sessionStart(program, s);
  const end = sessionEnd(program, s);
  const date = disputed?.dates.has(s.id) ? faqTexts[locale].dateDisputed(dayText(start, locale, false)) : dayText(start, locale, true);
  if (disputed?.times.has(s.id)) return { title: s.title, date, time: faqTexts[locale].timeUnclear };
  // Participants read times as German time: a program in another zone ("17:30 Tokyo") gives that too. In
  // English the zone is always named, as the reader may be anywhere.
  const range = `${start.toFormat('HH:mm')}–${end.toFormat('HH:mm')}`;
  const reader = readerTime(start, end, locale);
  const time = locale === 'de' || reader ? formatTimeRange(start, end, locale) : `${range} (${program.program.timezone})`;
  return { title: s.title, date, time };
}

/** True when some session's time in the program's zone is not the participants' clock time. */
function foreignClock(program: Program, sessions: readonly Session[]): boolean {
  return sessions.some((s) => {
    const start = sessionStart(program, s);
    return start.offset !== start.setZone(READER_ZONE).offset;
  });
}

/**
 * The session held instead of a cancelled one: a later session that is not cancelled and whose title holds the
 * cancelled one's title ("Posteingang und Scannen (Ersatztermin)" for "Posteingang und Scannen").
 */
function replacementOf(program: Program, cancelled: Session): Session | undefined {
  const key = (title: string) => foldUmlauts(lower(title)).replace(/[^\p{L}\d]+/gu, ' ').trim();
  const wanted = key(cancelled.title);
  return sortedSessions(program).find((s) => s.status !== 'cancelled' && s.id !== cancelled.id && sessionStart(program, s) > sessionStart(program, cancelled) && ` ${key(s.title)} `.includes(` ${wanted} `));
}

/** Kinds of session a German compound may end in ("Praxistag", "Abschlusstreffen", "Lernwerkstatt"). */
const SESSION_KINDS = ['tag', 'treffen', 'workshop', 'werkstatt', 'sitzung', 'abend', 'exkursion', 'begehung', 'rundgang'];
/**
 * What a compound of those kinds says of a session when it names one ("Praxistag", "Austauschtreffen",
 * "Vor-Ort-Tag"): words of practice, exchange, learning or place, not of deadlines or the calendar
 * ("Abgabetag", "Stichtag", "Feiertag", "Dienstag"), folded.
 */
const SESSION_KIND_MODIFIERS = [
  'praxis', 'ubung', 'austausch', 'prasenz', 'vorort', 'fach', 'lern', 'werkstatt', 'workshop', 'exkursion', 'erfahrung', 'netzwerk', 'vernetzung',
  'projekt', 'themen', 'studien', 'info', 'information', 'besichtigung', 'feld', 'schulung', 'training', 'seminar', 'arbeit', 'vertiefung', 'besuch',
];

/**
 * The session named by a compound the material and program lack whose last part is a kind of session: the one
 * session (or a cancelled one and its replacement) with a title word of that kind and no other.
 */
function sessionByKind(program: Program, units: QueryUnit[], tokens: string[]): { session: Session; word: string } | undefined {
  // Only a question for when ("Wann ist der Praxistag?"), not "Gibt es am Dienstag einen Termin?".
  if (!has(tokens, ASKS_WHEN)) return undefined;
  for (const u of units) {
    const w = foldUmlauts(lower(u.word)).replace(/-/g, '');
    const kind = u.knownDf === 0 ? SESSION_KINDS.find((k) => w.endsWith(k) && SESSION_KIND_MODIFIERS.some((m) => w.startsWith(m) && w.length - k.length - m.length <= 2)) : undefined;
    if (!kind) continue;
    const withKind = program.sessions.filter((s) => words(s.title).some((t) => !WEEKDAY_START.test(foldUmlauts(t)) && foldUmlauts(t).endsWith(kind)));
    const [first, second] = withKind;
    const one = withKind.length === 1 ? first : withKind.length === 2 ? cancelledOfPair(program, first!.id, second!.id) : undefined;
    if (one) return { session: one, word: u.word };
  }
  return undefined;
}

/** Of two sessions, the cancelled one when the other replaces it; otherwise none. */
function cancelledOfPair(program: Program, a: string, b: string): Session | undefined {
  const [x, y] = [a, b].map((id) => program.sessions.find((s) => s.id === id));
  if (!x || !y) return undefined;
  const [cancelled, other] = x.status === 'cancelled' ? [x, y] : [y, x];
  return cancelled.status === 'cancelled' && replacementOf(program, cancelled)?.id === other.id ? cancelled : undefined;
}

function excerptOf(text: string): string {
  const flat = text.replace(/\n- /g, '; ').replace(/\n/g, ' ');
  return flat.length > 300 ? `${flat.slice(0, 297)}…` : flat;
}

function formatName(program: Program, locale: Locale): string {
  const t = faqTexts[locale];
  return program.program.format === 'onsite' ? t.formatOnsite : program.program.format === 'hybrid' ? t.formatHybrid : t.formatVirtual;
}

/** Answers a recognised schedule intent from the program at instant `now`. */
export function answerScheduleIntent(
  intent: ScheduleIntent,
  program: Program,
  now: Date,
  locale: Locale,
  question = '',
  /** Sessions whose date or time lint calls contradictory or missing. */
  disputed?: DisputedSessions,
): ScheduleAnswer {
  const t = faqTexts[locale];
  const zone = program.program.timezone;
  const sessions = sortedSessions(program).filter((s) => s.status !== 'cancelled');
  const nowDt = DateTime.fromJSDate(now).setZone(zone);
  const L = (s: Session) => line(program, s, locale, disputed);
  const lines = (list: Session[]) => list.map((s) => t.listLine(L(s))).join('\n');
  const source = (excerpt: string, title?: string) => ({ title: title ? `${t.sourceProgram}: ${title}` : `${t.sourceProgram}: ${program.program.title}`, excerpt });
  const last = sessions[sessions.length - 1];
  const upcoming = sessions.find((s) => sessionEnd(program, s) > nowDt);
  const answer = (text: string, sourceTitle?: string): ScheduleAnswer => ({ intent, answer: text, sources: [source(excerptOf(text), sourceTitle)] });
  const overOr = (text: () => string): string => (!upcoming && last ? t.seriesOver(L(last)) : text());
  // How long one session lasts, after the text, when asked and unless lint calls its time unclear.
  const withLength = (text: string, s: Session) =>
    'duration' in intent && intent.duration && !disputed?.times.has(s.id) ? `${text} ${t.sessionLength(Math.round(sessionEnd(program, s).diff(sessionStart(program, s), 'minutes').minutes))}` : text;

  switch (intent.kind) {
    case 'session': {
      const s = program.sessions.find((x) => x.id === intent.sessionId)!;
      const l = L(s);
      const replacement = s.status === 'cancelled' ? replacementOf(program, s) : undefined;
      const text =
        s.status === 'cancelled'
          ? [t.sessionCancelled(l), ...(replacement ? [t.sessionReplaced(L(replacement))] : [])].join(' ')
          : sessionEnd(program, s) <= nowDt
            ? t.sessionPast(l)
            : sessionStart(program, s) <= nowDt
              ? t.sessionRunning(l)
              : t.sessionFuture(l, formatName(program, locale));
      const timed = withLength(text, s);
      const full = intent.withSummary && s.summary ? `${timed}\n${s.summary}` : timed;
      return { intent, answer: full, sources: [{ title: `${t.sourceProgram}: ${s.title}`, excerpt: excerptOf(s.summary ? `${text} ${s.summary}` : text) }] };
    }
    case 'next':
      return answer(overOr(() => withLength(sessionStart(program, upcoming!) <= nowDt ? t.sessionRunning(L(upcoming!)) : t.next(L(upcoming!), formatName(program, locale)), upcoming!)));
    case 'today': {
      const day = nowDt.plus({ days: intent.offsetDays ?? 0 });
      const onDay = sessions.filter((s) => sessionStart(program, s).hasSame(day, 'day'));
      const tomorrow = (intent.offsetDays ?? 0) > 0;
      if (onDay.length) return answer(onDay.map((s) => (tomorrow ? t.tomorrow(L(s)) : t.today(L(s)))).join('\n'));
      return answer(overOr(() => `${tomorrow ? t.noneTomorrow : t.noneToday} ${t.next(L(upcoming!), formatName(program, locale))}`));
    }
    case 'week': {
      const ref = nowDt.plus({ weeks: intent.offsetWeeks ?? 0 });
      const nextWeek = (intent.offsetWeeks ?? 0) > 0;
      const week = sessions.filter((s) => sessionStart(program, s).hasSame(ref, 'week'));
      if (week.length) return answer(nextWeek ? t.nextWeek(lines(week)) : t.week(lines(week)));
      const after = sessions.find((s) => sessionStart(program, s) > ref.endOf('week'));
      if (!after) return answer(overOr(() => (nextWeek ? t.noneNextWeek : t.noneThisWeek)));
      return answer(`${nextWeek ? t.noneNextWeek : t.noneThisWeek} ${t.next(L(after), formatName(program, locale))}`);
    }
    case 'remaining': {
      const rest = sessions.filter((s) => sessionEnd(program, s) > nowDt);
      return answer(overOr(() => t.remaining(lines(rest))));
    }
    case 'first': {
      const first = sessions[0]!;
      return answer(withLength(t.first(L(first), sessionEnd(program, first) <= nowDt), first));
    }
    case 'last':
      return answer(overOr(() => withLength(t.last(L(last!), false), last!)));
    case 'count':
      return answer(t.count(sessions.length, lines(sessions)));
    case 'times': {
      // With a time lint calls unclear, the times answer below says so; a length would hide it.
      if (intent.duration && !sessions.some((s) => disputed?.times.has(s.id))) return answer(durationText(program, sessions, locale));
      const ranges = new Set(
        sessions.map((s) => `${sessionStart(program, s).toFormat('HH:mm')}–${sessionEnd(program, s).toFormat('HH:mm')}${locale === 'de' ? ' Uhr' : ''}`),
      );
      const text = ranges.size === 1 && !foreignClock(program, sessions) ? t.timesUniform([...ranges][0]!, zone) : t.timesVarying(lines(sessions), zone);
      return answer(text);
    }
    case 'list':
      return answer(t.list(lines(sessions)));
    case 'month': {
      const inMonth = sessions.filter((s) => sessionStart(program, s).month === intent.month);
      const name = DateTime.fromObject({ year: 2000, month: intent.month, day: 1 }).setLocale(locale).toFormat('LLLL');
      return answer(inMonth.length ? t.month(name, lines(inMonth)) : `${t.noneInMonth(name)}\n${t.list(lines(sessions))}`);
    }
    case 'format':
      return answer(t.format(formatName(program, locale), program.program.location));
    case 'contacts': {
      const contacts = program.program.contacts;
      if (!contacts.length) return answer(t.noContacts);
      // Narrow to the person or organisation the question names, when it names one.
      const named = namedContacts(program, words(question), true);
      const chosen = named.length ? named : contacts;
      return answer(t.contacts(chosen.map((c) => t.contactLine(c.name, c.organization, c.email)).join('\n')));
    }
  }
}

/**
 * How long the sessions last: one length for all ("Ein Termin dauert 90 Minuten (14:30–16:00 Uhr)."), the
 * length most have and the others ("In der Regel dauert ein Termin 90 Minuten. Anders: ..."), else each one's.
 */
function durationText(program: Program, sessions: readonly Session[], locale: Locale): string {
  const t = faqTexts[locale];
  const minutes = (s: Session) => Math.round(sessionEnd(program, s).diff(sessionStart(program, s), 'minutes').minutes);
  const lengths = new Set(sessions.map(minutes));
  if (lengths.size > 1) {
    // The length most sessions have ("in der Regel 90 Minuten"), then the others by name.
    const count = (m: number) => sessions.filter((s) => minutes(s) === m).length;
    const usual = [...lengths].sort((a, b) => count(b) - count(a))[0]!;
    const others = sessions.filter((s) => minutes(s) !== usual);
    return count(usual) > others.length ? t.durationMostly(usual, others.map((s) => t.durationLine(s.title, minutes(s))).join('\n')) : t.durationVarying(sessions.map((s) => t.durationLine(s.title, minutes(s))).join('\n'));
  }
  const ranges = new Set(sessions.map((s) => formatTimeRange(sessionStart(program, s), sessionEnd(program, s), locale)));
  return t.durationUniform([...lengths][0]!, ranges.size === 1 ? [...ranges][0] : undefined);
}
