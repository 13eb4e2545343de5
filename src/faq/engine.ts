// The FAQ engine: a question in, a short answer with cited sources out, or an honest decline. Schedule
// questions are answered from the program's facts (with the injected clock), everything else by quoting the
// best-matching passage or curated entry. Nothing is composed beyond the catalogue's sentence frames.
import fs from 'node:fs';
import path from 'node:path';
import type { Program } from '../program/model.js';
import type { Clock } from '../shared/clock.js';
import { systemClock } from '../shared/clock.js';
import type { Locale } from '../i18n/locale.js';
import { faqTexts } from '../i18n/faq.js';
import type { Logger } from '../shared/log.js';
import { htmlToMarkdown, loadKnowledgeBase, stripInlineMarkup, type CuratedEntry, type KnowledgeBase } from './knowledge-base.js';
import type { Passage } from './material.js';
import { fileWords, PassageIndex, type QueryUnit, type RetrievalDoc, type RetrievalHit } from './retrieval.js';
import { buildSessionMatcher, detectScheduleIntent, type SessionMatcher } from './schedule-intents.js';
import { clockAnswer, clockQuestion, clocksAnswer, type ClockQuestion } from './clock-changes.js';
import { answerScheduleQuestion, scheduleConflicts, type ScheduleConflicts } from './schedule-conflicts.js';
import { seriesNameWords, type ScheduleIntent } from './schedule-intents.js';
import { GENERAL_LEXICON, Lexicon, seriesSelfWords } from './lexicon.js';
import { isDictionaryNoun, loadThesaurus } from './thesaurus.js';
import { askedName, askedSubject, asksClockTime, BEGIN_END_VERBS, casedWords, foldUmlauts, isMonthName, isYear, lower, MONTH_WORDS, passiveParticiples, payers, selfDescription, stem, verbPositionWords, words } from './german.js';
import { guessLanguage, statedLanguage, withoutSalutation, type TextLanguage } from '../text/index.js';
import { countingNumbers, markerType, noteCommonNouns, questionTypes, sentenceAnswers, statesLength, type QuestionType } from './question-types.js';
import { bestSentenceScore, capAnswer, citation, excerpt, MAX_ANSWER_CHARS, rankHits, shortAnswer, splitSentences } from './compose.js';

export interface FaqSource {
  title: string;
  excerpt: string;
}

export interface FaqAnswer {
  answered: boolean;
  answer: string;
  sources: FaqSource[];
  /** 0..1; compared with the engine's threshold. */
  confidence: number;
  /** How the answer was found (for logs and the benchmark; not part of the CLI contract). */
  via?: 'schedule' | 'passage' | 'curated' | 'none';
}

export interface AskOptions {
  locale?: Locale;
  /** Overrides the engine's clock for this question (CLI --now). */
  now?: Date;
}

/**
 * A question is in scope when more than this share of its content words, weighted by rarity, is known to the
 * program's material (after stemming, compound splitting, the general and bilingual lexicon, the program's
 * synonyms and typo tolerance in long words), halved when the best passage lacks the question's rarest word.
 * A share, not a score, so it means the same for every program and corpus size. Set by the rule of
 * calibrateThreshold (evaluation.ts) on the tune split of all evaluation programs: 0.6455 in round 5 (eleven
 * tune suites), 0.7025 in round 15 (31 suites, after the twelfth rotation), 0.9455 in round 19 (39 suites, after
 * the sixteenth rotation). The programs' mean score is flat from 0.70 to 0.945 (within 0.2 points): between the
 * two, answers that rest on a half-known word (one the material has only in its compounds, or a compound it
 * has only in parts) are right about two times in three, and the two programs added last tipped the rule
 * towards declining them. A schedule answer (0.95) and an answer whose every word the material knows (1) pass.
 * tests/faq/eval.test.ts checks that it still sits near that rule.
 */
export const FAQ_CONFIDENCE_THRESHOLD = 0.9455;
/** The best passage must cover at least this share of the question's known words. */
const MIN_COVERAGE = 0.5;
/** General words for the series and its sessions: every passage is about them, named or not. */
const SERIES_TERMS: ReadonlySet<string> = new Set(['reihe', 'termin', 'format'].map((w) => GENERAL_LEXICON.lookup(w)!));
/**
 * The question's proper names that the material knows: a word written with a capital inside the sentence that
 * is neither a concept of the lexicon nor a noun of the thesaurus, known to the material as a whole word and
 * not split into parts ("Kirchbrunn", "Varunapuri", not "Leerstandsquote" or "Termin").
 */
function properNames(question: string, units: readonly QueryUnit[], lexicon: Lexicon): QueryUnit[] {
  // A noun after an article ("für den Rundgang") is a common noun whatever the dictionaries say.
  const capitalised = new Set((question.match(/(?<=[\s(„"'])\p{Lu}[\p{L}-]{3,}/gu) ?? []).map((w) => foldUmlauts(lower(w))));
  const afterArticle = new Set((question.match(/\b(der|die|das|den|dem|des|ein|eine|einen|einem|einer|the|a|an)\s+\p{Lu}[\p{L}-]*/giu) ?? []).map((m) => foldUmlauts(lower(m.split(/\s+/)[1]!))));
  for (const w of afterArticle) capitalised.delete(w);
  return units.filter((u) => capitalised.has(foldUmlauts(lower(u.word))) && u.terms.length === 1 && u.wholeDf > 0 && !u.soft && mayBeName(u.word, lexicon));
}
/** A word that may be a name: no concept of the lexicon, no noun of the thesaurus, no month or weekday. */
function mayBeName(word: string, lexicon: Lexicon): boolean {
  return !lexicon.lookup(word) && !isDictionaryNoun(word) && !isMonthName(word) && !WEEKDAY_NAME.test(foldUmlauts(lower(word)));
}
const WEEKDAY_NAME = /^(montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonnabend|sonntag|monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?$/;

/**
 * A heading that names two places or persons side by side ("Session 2: Varunapuri and Ahrweiden") names the
 * subject of none of its paragraphs alone: a paragraph that names the other one (as written, with its capital)
 * and never the question's is about the other one, and so are its figures.
 */
function aboutRival(h: RetrievalHit, named: readonly QueryUnit[], index: PassageIndex): boolean {
  if (h.doc.kind !== 'passage') return false;
  const text = h.doc.text;
  // A paragraph about both ("In beiden Orten …", "both towns") is about the question's too.
  if (BOTH_WORDS.test(text)) return false;
  // The other name as written inside a sentence: a capitalised noun may start a sentence ("Parken ist …"), a name
  // stands anywhere.
  const written = (w: string) => new RegExp(`(?<![.!?:]\\s*|^\\s*|\\p{L})${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?!\\p{L})`, 'u');
  const textTerms = index.sentenceTerms(text);
  return named.some((u) => {
    if (textTerms.has(u.terms[0]!)) return false;
    // The heading's word for the question's name, and the capitalised word beside it across "and"/"und"/"&".
    const pair = new RegExp(`(\\p{Lu}[\\p{L}-]{3,})\\s+(?:and|und|&|vs\\.?|/)\\s+(\\p{Lu}[\\p{L}-]{3,})`, 'gu');
    for (const m of h.doc.title.matchAll(pair)) {
      const [a, b] = [m[1]!, m[2]!];
      const isNamed = (w: string) => index.sentenceTerms(w).has(u.terms[0]!);
      const rival = isNamed(a) ? b : isNamed(b) ? a : undefined;
      if (rival && mayBeName(rival, index.lexicon) && written(rival).test(text)) return true;
    }
    return false;
  });
}
/** Words that say a statement holds for two or more places at once. */
const BOTH_WORDS = /(?<!\p{L})(?:beide|beiden|beider|both|jeweils|each)(?!\p{L})/iu;

/** Top candidates whose best sentences compete for the answer. */
const SENTENCE_PEERS = 3;
/** How far down the ranking a passage in the question's language may stand to answer in its words. */
const LANGUAGE_PEERS = 8;
/** Candidates after the answer's passage that may join it for answering as well (not only for scoring close). */
const SECOND_PEERS = 4;
/** What the confidence keeps when the best passage lacks the question's rarest known word. */
const RAREST_MISSED = 0.5;
/** Passages considered for an answer (ranked by words, then by the kind of fact asked for). */
const CANDIDATES = 8;
/** A year as a question gives it ("2016"). */
const YEAR_RE = /\b(19|20)\d{2}\b/;
/**
 * The year a table's first row gives for all rows ("Kennzahl 2025 | Lindenegg | Rüttigen"): a passage of short
 * lines whose first line holds the year and no other figure, and not as its value ("Gegründet: 1998" is a row).
 */
function tableYearOf(text: string, year: string): boolean {
  const lines = text.split('\n');
  return lines.length >= 3 && lines.every((l) => l.length <= TABLE_LINE_CHARS) && headsYear(lines[0]!, year);
}

/** A heading or first row that gives the year for what follows: no other figure, and the year no row's value. */
function headsYear(line: string, year: string): boolean {
  return line.includes(year) && !/\d/.test(line.replace(year, '')) && !new RegExp(`[:|]\\s*${year}\\s*$`).test(line);
}
/** Lines up to this length are a table's rows, not a paragraph's. */
const TABLE_LINE_CHARS = 120;
/** The thing a count question counts ("Wie viele Grabstellen …", "How many inhabitants …"). */
const COUNTED_RE = /\b(?:wie viele|wieviele|wie vielen|how many)\s+(\p{L}+)(?:\s+(\p{L}+))?(?:\s+(\p{L}+))?/iu;
/** Kinds of fact that are figures, which hold for a year. */
const FIGURE_TYPES = new Set<QuestionType>(['count', 'amount', 'price', 'change']);
/** Kinds of fact a passage must hold to answer a question that asks for one. */
const FACT_TYPES = new Set<QuestionType>(['count', 'cost', 'price', 'date', 'weekday', 'duration', 'location', 'amount', 'platform', 'language', 'phone', 'recording']);
/** Why one contacts someone, in a question for a contact ("An wen wende ich mich bei Rückfragen?"). */
const CONTACT_REASONS: ReadonlySet<string> = new Set(['frage', 'fragen', 'rückfrage', 'rückfragen', 'anliegen', 'question', 'questions', 'query', 'queries'].map(foldUmlauts));
/** Question words that ask for a date alone, whatever else the question names ("Bis wann muss die Rechnung bezahlt sein?"). */
const DEADLINE_WORDS = /\b(bis wann|by when|until when)\b/;
/** Sentences on either side of one naming the question's subject that may hold the fact asked for. */
const FACT_REACH = 1;
/** Concepts that name a role a person holds (leads, moderates, organises, presents). */
const ROLE_CONCEPTS = ['leitung', 'veranstalter', 'referent'];
/** Confidence reported for a recognised schedule question (all its words accounted for). */
const SCHEDULE_CONFIDENCE = 0.95;
/** A second passage adds to the answer only when at least this much room is left for it. */
const MIN_SECOND_ANSWER = 80;
/** Longer messages are cut: the first part carries the question, and latency stays bounded. */
const MAX_QUESTION_CHARS = 1000;
/** Questions whose analysis is remembered (a burst after a reminder repeats the same few questions). */
const MEMO_ENTRIES = 1000;
/**
 * Kinds of fact that any amount answers: a compound that has one only as a part („Fördergeld“, „Reisekostenzuschuss“)
 * asks for more than an amount, so the part does not make it known.
 */
const MONEY_TYPES: ReadonlySet<QuestionType> = new Set(['cost', 'amount']);

/**
 * What a question resolves to before the clock is consulted: a schedule intent (answered afresh with the
 * current time on every ask) or a finished passage/curated answer or decline per locale. It depends only on
 * the question and the index, so it is kept until the index is rebuilt.
 */
type Resolution =
  | { kind: 'schedule'; intent: ScheduleIntent }
  | { kind: 'clocks'; asked: ClockQuestion }
  | { kind: 'answer'; byLocale: Partial<Record<Locale, FaqAnswer>> };

export interface FaqEngineOptions {
  contentDir: string;
  /** A program given by the caller wins over content/program.yaml. */
  program?: Program;
  clock?: Clock;
  /** Curated entries from storage, used on top of content/faq.yaml. */
  curated?: CuratedEntry[];
  threshold?: number;
  /** Derive the schedule from the material when no program.yaml exists (default true). */
  deriveProgram?: boolean;
  /** Where skipped material files are reported (one line each). */
  logger?: Logger;
  /** An earlier knowledge base: a file that has become unreadable keeps its passages from it. */
  previous?: KnowledgeBase;
  /** Remember each question's analysis and answers (default true); the benchmark turns it off to time the work. */
  remember?: boolean;
}

export interface FaqEngine {
  ask(question: string, options?: AskOptions): FaqAnswer;
  /** Re-reads the content directory and rebuilds the index. */
  reload(): Promise<void>;
  /** Adds curated entries (e.g. saved by a coordinator) and rebuilds the index in place. */
  addCurated(entries: CuratedEntry[]): void;
  /** Watches the content directory and reloads on changes; call stop() to end it. */
  watch(options?: { debounceMs?: number; onReload?: (error?: Error) => void }): { stop(): void };
  readonly knowledgeBase: KnowledgeBase;
  readonly threshold: number;
}

class Engine implements FaqEngine {
  private index!: PassageIndex;
  private matcher: SessionMatcher | undefined;
  /** The program's own words (title, contacts, sessions), so questions about them count as known. */
  private programIndex: PassageIndex | undefined;
  /** The series' own words (title, subtitle, session titles): every passage is about them, named or not. */
  private seriesIndex: PassageIndex | undefined;
  /** The series' name alone (title and subtitle). */
  private seriesNameIndex: PassageIndex | undefined;
  /** The series' place (program.yaml's `location`). */
  private placeIndex: PassageIndex | undefined;
  /** The passages of each section (file and heading), for words a section says once for all its paragraphs. */
  private sectionDocs = new Map<string, RetrievalDoc[]>();
  private curatedById = new Map<string, CuratedEntry>();
  private extraCurated: CuratedEntry[];
  /** Least recently used first (a Map keeps insertion order); emptied whenever the index is rebuilt. */
  private readonly memo = new Map<string, Resolution>();
  /** The program's date contradictions per answer language (lint is run once per build and language). */
  private readonly conflicts = new Map<Locale, ScheduleConflicts | undefined>();

  constructor(
    public knowledgeBase: KnowledgeBase,
    private readonly options: FaqEngineOptions,
  ) {
    this.extraCurated = [...(options.curated ?? [])];
    this.build();
  }

  get threshold(): number {
    return this.options.threshold ?? FAQ_CONFIDENCE_THRESHOLD;
  }

  private build(): void {
    const kb = this.knowledgeBase;
    const docs: RetrievalDoc[] = sections(kb.passages).map((p) => ({ id: `p:${p.id}`, kind: 'passage', title: p.title, text: p.text, source: p.source, ...(p.locator ? { locator: p.locator } : {}), ...(p.documentTitle ? { documentTitle: p.documentTitle } : {}), ...(p.quoted ? { quoted: true } : {}) }));
    this.curatedById = new Map();
    for (const entry of kb.curated) {
      this.curatedById.set(entry.id, entry);
      docs.push({ id: `c:${entry.id}`, kind: 'curated', title: entry.questions[0]!, text: `${entry.questions.join('\n')}\n${entry.answer}`, source: entry.source ?? 'faq.yaml' });
    }
    const lexicon = new Lexicon(kb.synonyms ?? [], kb.program ? seriesSelfWords(`${kb.program.program.title}\n${kb.program.program.subtitle ?? ''}`) : []);
    this.sectionDocs = new Map();
    for (const d of docs) if (d.kind === 'passage') this.sectionDocs.set(sectionKey(d), [...(this.sectionDocs.get(sectionKey(d)) ?? []), d]);
    loadThesaurus();
    noteCommonNouns(lexicon, docs.flatMap((d) => [d.title, d.text]));
    this.index = new PassageIndex(docs, lexicon);
    this.matcher = kb.program ? buildSessionMatcher(kb.program, kb.passages, lexicon) : undefined;
    // These say whether a word is the program's own: a general synonym of it is not.
    const own = { synonyms: false };
    this.programIndex = kb.program ? new PassageIndex([programFactsDoc(kb.program)], lexicon, own) : undefined;
    // Where the series takes place: general passages (travel, costs) do not repeat it.
    const places = kb.program?.program.location?.trim() ?? '';
    this.placeIndex = places ? new PassageIndex([{ id: 'places', kind: 'passage', title: '', text: places, source: 'program.yaml' }], lexicon, own) : undefined;
    this.seriesIndex = kb.program ? new PassageIndex([{ id: 'series', kind: 'passage', title: kb.program.program.title, text: [kb.program.program.subtitle ?? '', ...kb.program.sessions.map((x) => x.title)].join('\n'), source: 'program.yaml' }], lexicon, own) : undefined;
    this.seriesNameIndex = kb.program ? new PassageIndex([{ id: 'series', kind: 'passage', title: kb.program.program.title, text: kb.program.program.subtitle ?? '', source: 'program.yaml' }], lexicon, own) : undefined;
    this.memo.clear();
    this.conflicts.clear();
  }

  async reload(): Promise<void> {
    const kb = await loadKnowledgeBase(this.options.contentDir, { ...loadOptions(this.options), curated: this.extraCurated, previous: this.knowledgeBase });
    reportProblems(kb, this.options.logger);
    this.knowledgeBase = kb;
    this.build();
  }

  addCurated(entries: CuratedEntry[]): void {
    const ids = new Set(entries.map((e) => e.id));
    this.extraCurated = [...this.extraCurated.filter((e) => !ids.has(e.id)), ...entries];
    this.knowledgeBase = { ...this.knowledgeBase, curated: [...this.knowledgeBase.curated.filter((e) => !ids.has(e.id)), ...entries] };
    this.build();
  }

  watch(options: { debounceMs?: number; onReload?: (error?: Error) => void } = {}): { stop(): void } {
    const dirs = [this.options.contentDir, path.join(this.options.contentDir, 'material')].filter((d) => fs.existsSync(d));
    let timer: NodeJS.Timeout | undefined;
    const schedule = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        this.reload().then(
          () => options.onReload?.(),
          (error: Error) => options.onReload?.(error),
        );
      }, options.debounceMs ?? 200);
    };
    const watchers = dirs.map((d) => fs.watch(d, schedule));
    return {
      stop: () => {
        clearTimeout(timer);
        for (const w of watchers) w.close();
      },
    };
  }

  ask(input: string, options: AskOptions = {}): FaqAnswer {
    const locale = options.locale ?? 'de';
    const question = cleanQuestion(input.slice(0, MAX_QUESTION_CHARS));
    const program = this.knowledgeBase.program;
    const remember = this.options.remember ?? true;
    let resolution = remember ? this.memo.get(question) : undefined;
    let analysed: ReturnType<PassageIndex['analyse']> | undefined;
    if (resolution) {
      this.memo.delete(question);
    } else {
      analysed = this.index.analyse(question);
      resolution = this.resolve(question, analysed.units);
      if (this.memo.size >= MEMO_ENTRIES) this.memo.delete(this.memo.keys().next().value!);
    }
    if (remember) this.memo.set(question, resolution);
    if (resolution.kind === 'schedule') {
      const now = options.now ?? (this.options.clock ?? systemClock).now();
      const a = answerScheduleQuestion(resolution.intent, program!, now, locale, question, this.conflictsOf(program!, locale));
      return { answered: true, answer: capAnswer(a.answer, locale), sources: a.sources, confidence: SCHEDULE_CONFIDENCE, via: 'schedule' };
    }
    if (resolution.kind === 'clocks') {
      const now = options.now ?? (this.options.clock ?? systemClock).now();
      const answer = clockAnswer(program!, resolution.asked, locale, now, this.disputedSessions(program!))!;
      const source = { title: `${faqTexts[locale].sourceProgram}: ${program!.program.title}`, excerpt: excerpt(answer) };
      return { answered: true, answer: capAnswer(answer, locale), sources: [source], confidence: SCHEDULE_CONFIDENCE, via: 'schedule' };
    }
    const cached = resolution.byLocale[locale];
    if (cached) return cloneAnswer(cached);
    const answer = this.answerFromIndex(question, locale, analysed ?? this.index.analyse(question));
    resolution.byLocale[locale] = answer;
    return cloneAnswer(answer);
  }

  /** Sessions whose date or time lint disputes (the same in either language). */
  private disputedSessions(program: Program): Set<string> {
    const disputed = this.conflictsOf(program, 'de')?.disputed;
    return new Set([...(disputed?.dates ?? []), ...(disputed?.times ?? [])]);
  }

  private conflictsOf(program: Program, locale: Locale): ScheduleConflicts | undefined {
    if (!this.conflicts.has(locale)) this.conflicts.set(locale, scheduleConflicts(program, locale, this.knowledgeBase.programFindings));
    return this.conflicts.get(locale);
  }

  /** The participant's own names for the series in a question: compounds the material does not have as words. */
  private seriesNames(question: string, units: readonly QueryUnit[]): Set<string> {
    const known = new Set(units.filter((u) => u.knownDf > 0).map((u) => foldUmlauts(lower(u.word))));
    return seriesNameWords(question, (w) => this.index.vocabulary.knows(w), (w) => known.has(w));
  }

  /** The time-independent part of ask(): is this a schedule question, and if so which. */
  private resolve(question: string, units: QueryUnit[]): Resolution {
    const program = this.knowledgeBase.program;
    // "Warum ist der Termin im April bei uns eine Stunde später?": the time zone rules answer, when the
    // program's clock is not German time (clock-changes.ts). A question for the clocks themselves
    // ("Zeitunterschied", "Sommerzeit") comes after the schedule intents, which may ask for a session by it.
    const clocks = program ? clockQuestion(question) : undefined;
    const byClocks = (asked: ClockQuestion | undefined) => !!asked && clocksAnswer(program!, asked, this.disputedSessions(program!));
    if (clocks === 'why-shifted' && byClocks(clocks)) return { kind: 'clocks', asked: clocks };
    if (program && this.matcher) {
      const programIndex = this.programIndex;
      // Words beyond the cues must be the program's own (title, contacts, sessions): "Wie viele Onlinedienste
      // hat die Stadt?" asks the material, not the schedule.
      const known = (u: QueryUnit) => programIndex?.knows(u.word) ?? false;
      const series = (u: QueryUnit) => this.seriesNameIndex?.knows(u.word) ?? false;
      const intent = detectScheduleIntent(question, program, this.matcher, known, units, series, this.seriesNames(question, units));
      // "Wie lange dauert der Geländetag?": the material may say more of a named session's length than its times
      // ("fünfeinhalb Stunden mit Mittagspause"); where its answer says no length, the schedule tells it.
      if (intent && 'namedLength' in intent && intent.namedLength && this.materialTellsLength(question)) return { kind: 'answer', byLocale: {} };
      if (intent) return { kind: 'schedule', intent };
    }
    if (clocks === 'clocks' && byClocks(clocks)) return { kind: 'clocks', asked: clocks };
    return { kind: 'answer', byLocale: {} };
  }

  /**
   * True when the material's answer to a question for a session's length says one in words, not only by clock
   * times, in a sentence with a word that named the session ("Der Geländetag … dauert fünfeinhalb Stunden").
   */
  private materialTellsLength(question: string): boolean {
    const analysed = this.index.analyse(question);
    const answer = this.answerFromIndex(question, 'de', analysed);
    if (!answer.answered) return false;
    const lexicon = this.index.lexicon;
    const naming = analysed.units.filter((u) => !u.soft && u.knownDf > 0 && markerType(u.terms[0]!, lexicon) !== 'duration');
    return splitSentences(answer.answer).some((s) => {
      const terms = this.index.sentenceTerms(s);
      return statesLength(s, lexicon) && naming.some((u) => u.terms.some((t) => terms.has(t)));
    });
  }

  private answerFromIndex(question: string, locale: Locale, analysed: ReturnType<PassageIndex['analyse']>): FaqAnswer {
    const lexicon = this.index.lexicon;
    const types = questionTypes(question, lexicon);
    // "Wie viele Gebiete hat die Stadt ausgewiesen?": in a question after a number, the participle at the end
    // only says how the number came about; one the material never uses names nothing it must say.
    const last = words(question).at(-1);
    const units = types.has('count') || types.has('amount') ? analysed.units.filter((u) => !(u.knownDf === 0 && u.word === last && PARTICIPLE.test(u.word))) : analysed.units;
    if (!units.length) return this.decline(locale, 0);
    // The analysis's search results serve unless a word was dropped (a word the material never uses changes no result).
    const { hits } = this.index.query(question, units === analysed.units ? { analysed, limit: CANDIDATES } : { units, limit: CANDIDATES });
    const ranked = preferLanguage(rankHits(hits, types, this.index), guessLanguage(words(question)));
    // A question after a number, an amount, a date or a duration is answered only by a passage that holds one.
    // The price is asked for, not that costs arise; a deadline, not what is due.
    const deadline = types.has('date') && DEADLINE_WORDS.test(foldUmlauts(question.toLowerCase()));
    // "Wer organisiert / leitet / moderiert ...?" asks for someone in a role: a passage that names nobody ("Wie
    // werden die Daten organisiert?") answers another question.
    const asksRole = types.has('person') && units.some((u) => ROLE_CONCEPTS.some((w) => lexicon.lookup(w) === u.terms[0]));
    const gate = deadline ? ['date' as const] : [...[...types].filter((t) => FACT_TYPES.has(t) && !(t === 'cost' && types.has('price'))), ...(asksRole ? ['person' as const] : [])];
    // "Wie viele Gemeinden ...?" is answered only by a passage with a number of that noun ("14 Gemeinden"): a
    // passage with other numbers answers a neighbouring question ("Wie viele Städte sind Mitglied?" met by
    // "Mitglieder zahlen 50 Euro").
    const counted = types.has('count') ? countedTerms(question, this.index) : undefined;
    const countsNoun = (h: RetrievalHit) => !counted || splitSentences(`${h.doc.title}. ${h.doc.text}`).some((s) => countsTerms(s, counted, this.index));
    const holdsFact = (h: RetrievalHit) => splitSentences(`${h.doc.title}. ${h.doc.text}`).some((s) => gate.some((t) => sentenceAnswers(t, s, lexicon))) && countsNoun(h);
    // Among the passages that hold the fact, the one that covers most of the question; an older e-mail quoted
    // below a newer one only when the newer one holds no such fact (its deadline may be the corrected one).
    const factHits = gate.length ? ranked.filter(holdsFact) : [];
    const current = factHits.filter((h) => !h.doc.quoted);
    let top = gate.length ? (current.length ? current : factHits).reduce<RetrievalHit | undefined>((best, h) => (!best || h.coverage > best.coverage ? h : best), undefined) : ranked[0];
    // A word is known when the material has it (typos only in long words) or the program's facts do; a word
    // that asks for a kind of fact ("Frist", "deadline") is known when the best passage holds such a fact, and
    // so is a word that reads as such a kind besides its own sense ("Video", „Einwohnerzahl“), save money.
    const answersMarker = (u: QueryUnit, h: RetrievalHit | undefined = top) => {
      const type = markerType(u.terms[0]!, lexicon) ?? (u.knownDf > 0 ? u.terms.slice(1).map((t) => markerType(t, lexicon)).find((t) => t && !MONEY_TYPES.has(t)) : undefined);
      return !!h && !!type && splitSentences(h.doc.text).some((s) => sentenceAnswers(type, s, lexicon));
    };
    const known = units.filter((u) => u.knownDf > 0 || (this.programIndex?.knows(u.word) ?? false) || answersMarker(u));
    // A compound the material has only in parts ("deutschland|weit") is half known: its parts exist, the word
    // itself may mean something the material never says.
    // It is whole where the best passage has all its parts ("Verpflegungskosten" beside "Verpflegungspauschale
    // von 35 Euro für Mittagessen"): the passage says what the compound asks about.
    // A part that asks for a kind of fact ("kosten") is there when the passage holds such a fact ("12 Euro").
    const partsInTop = (u: QueryUnit) =>
      !!top &&
      u.terms.length > 2 &&
      termsIn(
        `${top.doc.title}\n${top.doc.text}`,
        u.terms.slice(1).filter((t) => {
          const type = markerType(t, lexicon);
          return !type || !splitSentences(top!.doc.text).some((s) => sentenceAnswers(type, s, lexicon));
        }),
        this.index,
      );
    const credit = (u: QueryUnit) => (u.wholeDf > 0 || u.knownDf === 0 || (this.programIndex?.knows(u.word) ?? false) || answersMarker(u) || partsInTop(u) ? 1 : 0.5);
    // Weighted like BM25's IDF, by the documents that know the word itself: a word no passage has weighs most.
    const n = Math.max(this.index.size, 1);
    // A word at a verb's place that the material lacks ("Wie lange kann ich mir die Aufzeichnungen anschauen?")
    // says what is done with the topic, not what the topic is: it neither counts for nor against the scope.
    const noTopic = verbPositionWords(question);
    // So does a passive participle the material lacks ("eingereicht"), unless it asks for a kind of fact
    // ("aufgezeichnet": a recording).
    for (const w of passiveParticiples(question)) if (!markerType(lexicon.lookup(w) ?? '', lexicon)) noTopic.add(w);
    // In a question for a clock time ("Um wie viel Uhr beginnt die Mittagspause?") a verb of beginning or ending
    // the material lacks says nothing the time does not; in "Wann endet die Förderung?" it is the point.
    if (asksClockTime(question)) for (const w of words(question)) if (BEGIN_END_VERBS.has(foldUmlauts(w))) noTopic.add(foldUmlauts(w));
    // A word of one or two letters in lower case that the material lacks is a typo or a particle ("Brauch ich
    // en Teams-Konto?"), never a topic; an abbreviation is written in capitals ("KI", "EU").
    for (const w of question.match(/(?<![\p{L}\d])\p{Ll}{1,2}(?![\p{L}\d])/gu) ?? []) noTopic.add(foldUmlauts(w));
    // Who pays ("Was zahlt ein Ingenieurbüro?") asks for the fee: the material names its payers by groups, so a
    // payer it does not name word for word neither counts against the scope nor names the subject.
    // So does what the asker says of themselves in a clause of its own, in a question for a fee or a contact
    // ("Wir sind eine Gemeinde mit 6.000 Einwohnern, …", "I work for a … municipality - who do I register
    // with?"); in other questions that clause may hold the topic ("Ich bin an Blockchain interessiert, gibt es
    // dazu einen Termin?").
    const fee = types.has('cost') || types.has('price');
    const aboutAsker = fee || types.has('contact') || types.has('person') ? selfDescription(question) : [];
    // Whom to ask "bei Fragen"/"if I have questions": the questions are why one calls, not what about.
    const reasons = types.has('contact') || types.has('phone') ? words(question).map((w) => foldUmlauts(lower(w))).filter((w) => CONTACT_REASONS.has(w)) : [];
    const payer = new Set([...(fee ? payers(question) : []), ...aboutAsker, ...reasons]);
    const scopeWeight = (u: QueryUnit) => ((u.knownDf === 0 && noTopic.has(foldUmlauts(u.word))) || (u.wholeDf === 0 && payer.has(foldUmlauts(u.word))) ? 0 : Math.log(1 + (n - u.knownDf + 0.5) / (u.knownDf + 0.5)));
    const totalWeight = units.reduce((s, u) => s + scopeWeight(u), 0);
    const knownShare = totalWeight > 0 ? known.reduce((s, u) => s + credit(u) * scopeWeight(u), 0) / totalWeight : 0;
    // A general verb or particle ("dürfen", "pro") the passage lacks costs no coverage: it names nothing the
    // passage must say ("Wieviele Leute pro Gemeinde dürfen mitmachen?" meets "max. 2 Personen pro Gemeinde").
    const passive = passiveParticiples(question);
    const knownCoverage = (h: RetrievalHit | undefined) => {
      if (!h) return 0;
      const counted = known.filter((u) => h.matchedWords.includes(u.word) || answersMarker(u, h));
      // A passive participle ("... übernommen?") says what is done; a passage may say it in other words.
      const weight = known.filter((u) => !(u.soft || passive.has(foldUmlauts(u.word)) || payer.has(foldUmlauts(u.word))) || counted.includes(u)).reduce((s, u) => s + u.weight, 0);
      return weight > 0 ? counted.reduce((s, u) => s + u.weight, 0) / weight : 0;
    };
    let coverage = knownCoverage(top);
    // The known share of the question, cut down when the best passage covers less than half of the known words.
    // The question's rarest known word names what it is about ("Mitarbeitende" in "Wie viele Mitarbeitende hat
    // das Bürgerbüro?"): a best passage without it answers a neighbouring question, so the share counts half.
    // General verbs and particles ("dürfen", "pro") never name what a question is about, nor does the verb
    // beside a subject pronoun ("Which platform do you use?").
    const besidePronoun = new Set([...verbPositionWords(question, { besidePronoun: true }), ...passive, ...payer]);
    // Numbers are checked on their own (below): a year names no subject, nor does a month (a date's part).
    // Nor do the series and its sessions ("Who moderates the sessions?"): every passage is about them.
    const namesSubject = (u: QueryUnit) => !markerType(u.terms[0]!, lexicon) && !SERIES_TERMS.has(u.terms[0]!) && !u.soft && !/^\d+$/.test(u.word) && !isMonthName(u.word) && !besidePronoun.has(foldUmlauts(u.word));
    const rarest = known.filter(namesSubject).reduce<QueryUnit | undefined>((r, u) => (!r || u.knownDf < r.knownDf ? u : r), undefined);
    // "Wer leitet X?" / "Who moderates X?": the person is asked for in a role, so the passage must name the
    // role too, not only X (a passage about X with some name in it answers who presents X, not who leads it).
    const roleWords = types.has('person') ? known.filter((u) => u !== rarest && ROLE_CONCEPTS.some((w) => lexicon.lookup(w) === u.terms[0])) : [];
    const covers = (h: RetrievalHit | undefined) =>
      !rarest || known.length < 2 || (!!h && (h.matchedWords.includes(rarest.word) || answersMarker(rarest, h)) && roleWords.every((u) => h.matchedWords.includes(u.word) || answersMarker(u, h)));
    // Another candidate that has the rarest word and covers half the question answers it better.
    if (!covers(top)) {
      const alternative = ranked.find((h) => covers(h) && knownCoverage(h) >= MIN_COVERAGE && (!gate.length || holdsFact(h)));
      if (alternative) {
        top = alternative;
        coverage = knownCoverage(top);
      }
    }
    // A section names its subject once and gives the figures in a later paragraph ("... the city set up the
    // service ... about EUR 15,000 per year" after "... warning texts to residents"): the rarest word in
    // another paragraph of the same section counts for the passage.
    const inSection = (h: RetrievalHit) =>
      !!rarest && h.doc.kind === 'passage' && (this.sectionDocs.get(sectionKey(h.doc)) ?? []).some((d) => d.id !== h.doc.id && termsIn(`${d.title}\n${d.text}`, [rarest.terms[0]!], this.index));
    const viaSection = !!top && !covers(top) && roleWords.length === 0 && inSection(top);
    const coversRarest = covers(top) || viaSection;
    // A number the question names ("2027", "5000 Einwohner") that the answering passage lacks: the passage
    // answers a neighbouring question (another year, another size), like a missing rarest word.
    // (Not a number of who pays or of what the asker says they are, "wir als Gemeinde mit 3.200 Einwohnern";
    // those never hold a year.)
    const numbers = units.filter((u) => /^\d{2,}$/.test(u.word) && !payer.has(u.word)).map((u) => u.word);
    const namesNumbers = !numbers.length || (!!top && numbers.every((x) => words(`${top!.doc.title} ${top!.doc.text}`).includes(x)));
    // The fact asked for must be said of the question's subject: a passage about the subject whose amount or
    // date belongs to another sentence's subject ("Was hat der Trinkbrunnen gekostet?" beside "ein
    // Bürgerbudget von 250.000 Euro ... Umgesetzt wurden ein Trinkbrunnen ...") answers a neighbouring question.
    // Of two passages that cover the question alike, the one that says the fact of the subject answers it
    // ("Please register by 29 January", not a session page that mentions registration beside its own date).
    // (Not for a bare number: any figure is one, and a figure of another thing would win.)
    if (top && gate.some((t) => t !== 'amount' && t !== 'count') && rarest && coversRarest && !viaSection && !factNearSubject(top, rarest, gate, this.index)) {
      const saying = factHits.find((h) => h !== top && covers(h) && knownCoverage(h) >= coverage && factNearSubject(h, rarest, gate, this.index));
      if (saying) {
        top = saying;
        coverage = knownCoverage(top);
      }
    }
    // A telephone number belongs to the person in its own sentence, not to a neighbour's ("Fragen: Jana Berger, …
    // Am Tag der Begehung ist Tim Vogt unter Tel. … erreichbar").
    const factOfSubject = !top || !gate.length || !rarest || !coversRarest || viaSection || factNearSubject(top, rarest, gate, this.index, gate.includes('phone') ? 0 : undefined);
    // The words the question names that the answer's passage lacks (weighed as for the scope): a passage with
    // some of them is about the question's topic, one with all of them answers it. "Wie viele Einwohner hat
    // Lindau?" meets a passage on Lindau's bus and one on another town's residents. Function words, kinds of fact, general verbs and the program's own words
    // (every passage is about the program) are not asked of the passage.
    // In a question that writes nouns with capitals, a word in lower case is a verb, adjective or adverb
    // ("nutzen", "früh"): it says how, not what the passage must name.
    const lowerCased = casedWords(question);
    // The participant's own name for the series ("Abfallreihe", "Indien-Austausch") names what every passage is about.
    const seriesNames = this.seriesNames(question, units);
    // A compound of a topic and a kind of fact ("Reise|kosten", "Fahrt|kosten") asks for that fact of its
    // topic: the passage must name the topic, a cost alone ("free of charge") answers another question.
    // (The word's own stem is no part where the question asks for the word's kind of fact: a misspelt word read as
    // its lexicon word keeps it, „Telefonnumer“, and the fact asked for is checked on its own.)
    const ownStem = (u: QueryUnit, t: string) => t === stem(u.word) && types.has(markerType(u.terms[0]!, lexicon)!);
    const topicParts = (u: QueryUnit) => u.terms.slice(1).filter((t) => !markerType(t, lexicon) && !SERIES_TERMS.has(t) && !ownStem(u, t));
    const topTerms = top ? splitSentences(`${top.doc.title}\n${top.doc.text}`).map((x) => this.index.sentenceTerms(x)) : [];
    const lacksTopic = (u: QueryUnit) => topicParts(u).length > 0 && !topicParts(u).some((t) => topTerms.some((set) => set.has(t)));
    const lacking = !top
      ? []
      : known.filter((u) =>
          !u.soft && markerType(u.terms[0]!, lexicon)
            ? lacksTopic(u) && !lowerCased.has(foldUmlauts(u.word))
            : !u.soft && !top!.matchedWords.includes(u.word) && !answersMarker(u, top) && !(this.seriesIndex?.knows(u.word) ?? false) && !SERIES_TERMS.has(u.terms[0]!) && !seriesNames.has(foldUmlauts(lower(u.word))) && !lowerCased.has(foldUmlauts(u.word)) && !noTopic.has(foldUmlauts(u.word)) && !payer.has(foldUmlauts(u.word)),
        );
    const lackShare = totalWeight > 0 ? lacking.reduce((s, u) => s + scopeWeight(u), 0) / totalWeight : 0;
    // "Wie hoch ist die Strafe ...?": a figure of a thing the material never names is nowhere in it. A kind of
    // fact ("Was ist die genaue Frist ...?") is named by the fact, not by its word.
    const subject = askedSubject(question);
    // "Wie heißt der Gutachter ...?": the passage must give a name beside the role, not only mention the role.
    const role = askedName(question);
    // A concept of the lexicon is a role only as one ("Termin" is none, "Referent" is). The passage may name the
    // role by any word of it ("Programme coordination: <name>" for "the programme coordinator").
    const roleTerm = role ? lexicon.lookup(role.role) : undefined;
    const isRole = !roleTerm || markerType(roleTerm, lexicon) === 'person' || ROLE_CONCEPTS.some((w) => lexicon.lookup(w) === roleTerm);
    const roleUnits = role && isRole ? units.filter((u) => role.phrase.includes(foldUmlauts(u.word)) && u.wholeDf > 0) : [];
    const namesAsked =
      (!subject || !units.some((u) => foldUmlauts(u.word) === subject && u.knownDf === 0 && !u.soft && !markerType(u.terms[0]!, lexicon))) && (!top || !roleUnits.length || roleUnits.some((u) => factNearSubject(top!, u, ['person'], this.index, 0)));
    // A name the question gives ("Leerstandsquote in Kirchbrunn") must stand in the answer's passage or its
    // heading: a passage with another town's figures answers a neighbouring question.
    // (Not the series' place or a word of its titles, which general passages about the series do not repeat.)
    const named = properNames(question, units, lexicon).filter((u) => !(this.seriesIndex?.knows(u.word) ?? false) && !this.placeIndex?.knows(u.word));
    const namesNamed =
      !top ||
      (named.every((u) => top!.matchedWords.includes(u.word) || termsIn(`${top!.doc.title} ${top!.doc.documentTitle ?? ''} ${fileWords(top!.doc.source)}`, [u.terms[0]!], this.index)) &&
        !aboutRival(top, named, this.index));
    // "Wie viele Grabstellen hatte Völsegg 2016?": a year the question gives must stand in a sentence with the thing
    // counted; a passage with that figure for another year, and the year for another figure, answers a neighbour.
    const year = YEAR_RE.exec(question)?.[0];
    // The thing counted: the first content word after "wie viele" ("Wie viele neue Heizzentralen …").
    const countedWords = subject ? [subject] : (COUNTED_RE.exec(question)?.slice(1) ?? []).filter((w): w is string => !!w);
    const subjectUnit = countedWords.map((w) => units.find((u) => !u.soft && foldUmlauts(lower(u.word)) === foldUmlauts(lower(w)))).find((u) => !!u);
    const yearOfSubject =
      !top || !year || !subjectUnit || !gate.some((t) => FIGURE_TYPES.has(t)) ||
      // A year in the heading or a table's first row ("Kennzahl 2025 | Lindenegg | Rüttigen") holds for all below.
      headsYear(top.doc.title, year) ||
      tableYearOf(top.doc.text, year) ||
      splitSentences(`${top.doc.title}\n${top.doc.text}`)
        // A table's row is its own statement ("Einwohner (31.12.2026) | 92.400" above "Online-Anteil 2022 | 38 %").
        .flatMap((x) => x.split('\n'))
        .some((x) => x.includes(year) && subjectUnit.terms.some((t) => this.index.sentenceTerms(x).has(t)));
    const confidence =
      (yearOfSubject ? 1 : RAREST_MISSED) *
      (namesNamed ? 1 : RAREST_MISSED) * (coverage >= MIN_COVERAGE ? knownShare : knownShare * coverage) * (coversRarest ? 1 : RAREST_MISSED) * (namesNumbers ? 1 : RAREST_MISSED) * (factOfSubject ? 1 : RAREST_MISSED) * (namesAsked ? 1 : RAREST_MISSED) * (1 - lackShare);
    if (!top || confidence <= this.threshold) return this.decline(locale, confidence);
    // Sentence scores of this question's candidates, each computed once (the costliest step per candidate).
    const headedScores = new Map<RetrievalHit, number>();
    const headed = (h: RetrievalHit) => {
      let v = headedScores.get(h);
      if (v === undefined) headedScores.set(h, (v = headedSentenceScore(h, units, types, this.index)));
      return v;
    };
    // Among passages that cover the question as well as the best one, the one whose best sentence answers it
    // best ("In welchem Raum treffen wir uns?": the sentence with "treffen" and the room, not the list of dates).
    if (top.doc.kind === 'passage') {
      const peers = ranked.slice(0, SENTENCE_PEERS).filter((h) => h.doc.kind === 'passage' && knownCoverage(h) >= coverage && covers(h) && (!gate.length || holdsFact(h)));
      const best = peers.reduce<{ h: RetrievalHit; v: number } | undefined>((b, h) => {
        const v = headed(h);
        return !b || v > b.v ? { h, v } : b;
      }, undefined);
      if (best && best.h !== top && best.v > headed(top)) top = best.h;
      // Material in two languages says the same twice: a passage in the question's language that covers it as
      // well and whose best sentence answers it as well answers in the asker's words („3 der 4“ beside „3 of the 4“).
      // The decision to answer stays the best passage's.
      // Both passages must be in a language (not a table of names and figures), and the other one's answer must
      // give every figure of the best one's (years and dates aside) and hold the kind of fact asked for: it says
      // the same, not something else („im Herbst 2027, gegen 4 Euro“ is no „3 of the 4 sessions by 30 June 2027“).
      const asked = statedLanguage(words(question)) ?? locale;
      const topLanguage = languageOf(top.doc);
      if (topLanguage && topLanguage !== asked) {
        const figures = figuresOf(shortAnswer(top.doc.text, units, types, this.index));
        const sameFigures = (h: RetrievalHit) => {
          const answer = shortAnswer(h.doc.text, units, types, this.index);
          const own = figuresOf(answer);
          return [...figures].every((f) => own.has(f)) && (!types.size || splitSentences(answer).some((x) => [...types].some((type) => sentenceAnswers(type, x, lexicon))));
        };
        const own = ranked
          .slice(0, LANGUAGE_PEERS)
          .find((h) => h !== top && h.doc.kind === 'passage' && !h.doc.quoted && languageOf(h.doc) === asked && knownCoverage(h) >= coverage && covers(h) && (!gate.length || holdsFact(h)) && headed(h) >= headed(top!) && sameFigures(h));
        if (own) top = own;
      }
    }
    const answerTop = top;
    // A second passage among the first few whose best sentence answers the question as well as the answer's
    // own holds the same kind of fact for another case (two deadlines, two places to register): the
    // participant sees both.
    const topSentence = types.size && top.doc.kind === 'passage' ? headed(top) : Infinity;
    const candidates = ranked
      // An older e-mail's passage never stands beside the newer one's: it may hold what the newer corrects.
      .filter((h) => h !== answerTop && h.doc.kind === 'passage' && knownCoverage(h) >= coverage && (!h.doc.quoted || !!answerTop.doc.quoted))
      .filter((h, i) => h.score >= top.score * 0.6 || (i < SECOND_PEERS && topSentence !== Infinity && (!gate.length || holdsFact(h)) && headed(h) >= topSentence));
    // In rank order, but the first that has the question's words in its text (not only in its heading or
    // file name) comes first: only the first one adds to the answer.
    const first = candidates.length > 1 ? candidates.find((h) => bestSentenceScore(h.doc.text, units, types, this.index) > 0) : undefined;
    const supporting = first ? [first, ...candidates.filter((h) => h !== first)] : candidates;
    return this.fromHit(top, supporting.slice(0, 2), units, types, locale, confidence);
  }

  /**
   * The best passage's answering sentences with their neighbours, and when a second passage covers the
   * question as well and scores close to it, its answering sentences below: the fact asked for is often in the
   * other of two near-equal passages ("Wie lange dauern die Online-Sitzungen?" meets an FAQ about recordings
   * and the overview that says "90 Minuten").
   */
  private passageAnswer(top: RetrievalHit, second: RetrievalHit | undefined, units: QueryUnit[], types: ReadonlySet<QuestionType>, prefix: string): string {
    const first = `${prefix}${shortAnswer(top.doc.text, units, types, this.index)}`;
    const room = MAX_ANSWER_CHARS - first.length - 1;
    if (!second || room < MIN_SECOND_ANSWER) return first;
    const more = shortAnswer(second.doc.text, units, types, this.index, room);
    return more.length <= room ? `${first}\n${more}` : first;
  }

  private decline(locale: Locale, confidence: number): FaqAnswer {
    const t = faqTexts[locale];
    return { answered: false, answer: `${t.noAnswer} ${t.forwardOffer}`, sources: [], confidence: round(confidence), via: 'none' };
  }

  private fromHit(top: RetrievalHit, supporting: RetrievalHit[], units: QueryUnit[], types: ReturnType<typeof questionTypes>, locale: Locale, confidence: number): FaqAnswer {
    const t = faqTexts[locale];
    if (top.doc.kind === 'curated') {
      const entry = this.curatedById.get(top.doc.id.slice(2));
      if (entry) {
        return {
          answered: true,
          answer: capAnswer(entry.answer, locale),
          sources: [{ title: entry.source ? `${t.sourceCurated} (${entry.source})` : t.sourceCurated, excerpt: excerpt(entry.questions[0]!) }],
          confidence: round(confidence),
          via: 'curated',
        };
      }
    }
    return {
      answered: true,
      // "(in German)" only where the passage is German: English material needs no such note, nor does a row of
      // names and figures, which is in no language.
      answer: capAnswer(this.passageAnswer(top, supporting[0], units, types, (statedLanguage(words(top.doc.text)) ?? locale) === locale ? '' : t.fromMaterial), locale),
      sources: [top, ...supporting].map((h) => ({ title: citation(h.doc.title, h.doc.source, h.doc.locator, locale), excerpt: excerpt(h.doc.text) })),
      confidence: round(confidence),
      via: 'passage',
    };
  }
}

function loadOptions(options: FaqEngineOptions) {
  return {
    ...(options.program ? { program: options.program } : {}),
    ...(options.deriveProgram === false ? { deriveProgram: false } : {}),
    now: (options.clock ?? systemClock).now(),
    ...(options.previous ? { previous: options.previous } : {}),
  };
}

/** One log line per material file that could not be read. */
function reportProblems(kb: KnowledgeBase, logger: Logger | undefined): void {
  for (const p of kb.problems ?? []) logger?.warn({ event: 'faq.material_skipped', file: p.file, code: p.code }, `material file skipped: ${p.file} (${p.message})`);
}

/**
 * The index terms of the noun a "how many" question counts ("Wie viele Gemeinden ...": gemeind), if any; the
 * first is the whole word's, the others its compound parts'.
 */
export function countedTerms(question: string, index: PassageIndex): string[] | undefined {
  const tokens = words(question);
  // "Mit wie vielen Gemeinden ...?" counts in the dative.
  const at = tokens.findIndex((t, i) => ((t === 'viele' || t === 'vielen') && tokens[i - 1] === 'wie') || t === 'wieviele' || t === 'wievielen' || (t === 'many' && tokens[i - 1] === 'how'));
  if (at < 0) return undefined;
  // A counted noun the lexicon reads as a phrase ("how many places" are seats) counts under its groups.
  for (const phrase of [`${tokens[at - 1]} ${tokens[at]} ${tokens[at + 1]}`, `${tokens[at]} ${tokens[at + 1]}`]) {
    const grouped = index.lexicon.lookupAll(phrase);
    if (grouped) return grouped;
  }
  for (const t of tokens.slice(at + 1, at + 3)) {
    // "Wie viele Leute ...?" counts people, whatever the material calls them ("40 Teilnehmende", "2 Personen").
    if (PEOPLE.includes(t)) return [...new Set(PEOPLE.flatMap((w) => index.termsOf(w)))];
    const terms = index.termsOf(t);
    // A noun the material never uses ("Laternen" where it says "Leuchten") cannot be looked for beside a
    // number: the scope judges that word, and any passage with a count may answer.
    if (terms.length) return index.knows(t) ? terms : undefined;
  }
  return undefined;
}

/** General words for people in a count (German and English); participants' words join through the lexicon. */
const PEOPLE = ['leute', 'personen', 'menschen', 'teilnehmende', 'people', 'folks', 'persons', 'participants'];

/** Units of time, money and measure: a number before one of them counts the unit. */
const UNIT_AFTER_NUMBER = /^(jahr(e|en)?|monat(e|en)?|woche(n)?|tag(e|en)?|stunde(n)?|minute(n)?|prozent|euro|eur|chf|franken|dollar|km|m|kg|kwh|mwh|years?|months?|weeks?|days?|hours?|minutes?|percent)$/;

const COUNT_NUMBER = /^(\d+|zwei|drei|vier|funf|fünf|sechs|sieben|acht|neun|zehn|elf|zwolf|zwölf|zwanzig|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty)$/;

/** A table cell whose value (after its column's name) is a figure: "Kerstenbrück: 640", "rund 1.200"; not "KitaNet 4", not a year. */
const isFigureCell = (cell: string) => {
  const value = cell.slice(cell.lastIndexOf(': ') + 1).trim();
  return /^(?:rund|ca\.?|about|approx\.?|~)?\s*\d[\d.,' ]*\s*(?:%|\p{L}{1,12})?$/u.test(value) && !isYear(value);
};

/**
 * True when the sentence has a number within three words before one of the terms ("14 Gemeinden") or after
 * it ("Die Zahl der Plätze ist auf 30 begrenzt"). Numbers of dates and times count nothing.
 */
export function countsTerms(sentence: string, terms: readonly string[], index: PassageIndex): boolean {
  // A table row ("Noise complaints per year (2026) | Bukit Cerah: 2,360 | Auenfels: 1,180") counts what its first
  // cell names in every other cell.
  // (Rows of one section come joined, a line each.)
  for (const row of sentence.split('\n')) {
    const cells = row.split(' | ');
    if (cells.length >= 2 && words(cells[0]!).some((t) => index.termsOf(t).some((x) => terms.includes(x))) && cells.slice(1).some(isFigureCell)) return true;
  }
  const tokens = words(countingNumbers(sentence));
  // After the number, a compound sharing a part counts ("4 Eignungsgebiete" for "Wärmenetzgebiete"); before
  // it, only the word itself: "Die Stadt Mühlheide (68.000 ...)" counts no "Mitgliedsstädte".
  const whole = terms[0];
  for (let i = 0; i < tokens.length; i++) {
    if (!COUNT_NUMBER.test(tokens[i]!)) continue;
    for (const t of tokens.slice(i + 1, i + 4)) if (index.termsOf(t).some((x) => terms.includes(x))) return true;
    // A number before a unit counts the unit: "Einwohner ab 14 Jahren" counts years, not residents.
    if (UNIT_AFTER_NUMBER.test(tokens[i + 1] ?? '')) continue;
    for (const t of tokens.slice(Math.max(0, i - 3), i)) if (index.termsOf(t)[0] === whole) return true;
  }
  return false;
}

function sectionKey(d: RetrievalDoc): string {
  return `${d.source}\u0000${d.title}\u0000${d.locator?.kind ?? ''}${d.locator?.n ?? ''}`;
}

/** True when the text has every one of the terms, each as a word or as the start of a compound. */
function termsIn(text: string, terms: readonly string[], index: PassageIndex): boolean {
  const have = splitSentences(text).map((s) => index.sentenceTerms(s));
  return terms.every((t) => have.some((set) => set.has(t) || (t.length >= 6 && [...set].some((x) => x.startsWith(t)))));
}

/**
 * True when a sentence of the passage holds a fact of one of the types within FACT_REACH sentences of one that
 * names the subject (the question's rarest word), or anywhere when the passage's heading names it.
 */
export function factNearSubject(h: RetrievalHit, subject: QueryUnit, types: readonly QuestionType[], index: PassageIndex, reach = FACT_REACH): boolean {
  // As the search finds it: the term itself, or as the start of a compound ("Einführung" in "Einführungskosten").
  const names = (text: string) => {
    const terms = index.sentenceTerms(text);
    return subject.terms.some((t) => terms.has(t) || (t.length >= 6 && [...terms].some((x) => x.startsWith(t))));
  };
  // A telephone number belongs to the line that names its person ("Korea: Seo Min-ji, phone +82 …" above
  // "Germany: Dr. Henrike Stolz, …"), even where lines run on without a full stop, and to its item of a list
  // read as one line ("- Marcus Okafor, …, phone (907) 555-0143 - Kelsey Brandt, …": a dash before a name of two
  // capitalised words, "Dr. Tobias …" too; not "Frau Meier - Telefon 0471 …" or "Programmleitung - Tel. 0471 …").
  const sentences = splitSentences(h.doc.text).flatMap((s) => (types.includes('phone') ? s.split(/\n| - (?=\p{Lu}\p{Ll}+\.? \p{Lu}\p{Ll})/u) : [s]));
  const holds = (s: string) => types.some((t) => sentenceAnswers(t, s, index.lexicon));
  // The heading, the file's name or its top heading ("06-protokoll-auftakt.docx") name the subject of every sentence.
  if (names(`${h.doc.title} ${fileWords(h.doc.source)} ${h.doc.documentTitle ?? ''}`)) return sentences.some(holds);
  const near = sentences.map((s) => names(s));
  return sentences.some((s, i) => holds(s) && near.slice(Math.max(0, i - reach), i + reach + 1).some(Boolean));
}

/**
 * Neighbouring short paragraphs under the same heading of the same file (and slide or page) are searched and
 * quoted as one section, up to this length: a slide's bullets, a table's cells or a list split by blank lines
 * are one statement in parts ("Vorlage: Steckbrief Anwendungsfall" / "Einreichen bis 13.04.2027"), and a
 * question about the whole is answered by no part alone.
 */
const MAX_SECTION_CHARS = 400;
/** Only parts up to this length join: a bullet or a cell, not a paragraph that stands on its own. */
const MAX_PART_CHARS = 100;

/** The passages with consecutive short ones of one section joined (one line each). */
export function sections(passages: readonly Passage[]): Passage[] {
  const out: Passage[] = [];
  const sameSection = (a: Passage, b: Passage) =>
    a.source === b.source && a.title === b.title && a.locator?.kind === b.locator?.kind && a.locator?.n === b.locator?.n && a.quoted === b.quoted;
  for (const p of passages) {
    const last = out[out.length - 1];
    const short = (text: string) => text.length <= MAX_PART_CHARS;
    if (last && sameSection(last, p) && short(p.text) && short(last.text.slice(last.text.lastIndexOf('\n') + 1)) && last.text.length + 1 + p.text.length <= MAX_SECTION_CHARS)
      out[out.length - 1] = { ...last, text: `${last.text}\n${p.text}` };
    else out.push(p);
  }
  return out;
}

/**
 * How well a passage's best sentence answers the question, its heading read as the start of its first
 * sentence: under "Vor-Ort-Tag" the sentence "Am Freitag ... Marktplatz 1" says where the Vor-Ort-Tag is.
 */
function headedSentenceScore(h: RetrievalHit, units: QueryUnit[], types: ReadonlySet<QuestionType>, index: PassageIndex): number {
  return bestSentenceScore(h.doc.kind === 'passage' && h.doc.title ? `${h.doc.title}: ${h.doc.text}` : h.doc.text, units, types, index);
}

/** A German past participle: "ausgewiesen", "geplant", "abgestimmt" (with a separable particle or none). */
const PARTICIPLE = /^(ab|an|auf|aus|bei|ein|mit|nach|vor|zu|zurück|zuruck|heraus|fest|teil|weg|zusammen)?ge\p{L}{3,}(t|en)$/u;

/** The language a passage is written in (none for a table of names and figures), worked out once per passage. */
const passageLanguages = new WeakMap<RetrievalDoc, TextLanguage | null>();
function languageOf(doc: RetrievalDoc): TextLanguage | undefined {
  let language = passageLanguages.get(doc);
  if (language === undefined) passageLanguages.set(doc, (language = statedLanguage(words(doc.text)) ?? null));
  return language ?? undefined;
}

/**
 * The figures a text gives, without thousands separators, leaving out dates, years and clock times ("3 of the 4
 * sessions by 30 June 2027": 3, 4; "400 Euro": 400).
 */
function figuresOf(text: string): Set<number> {
  const months = MONTH_WORDS.join('|');
  const plain = foldUmlauts(lower(text))
    .replace(/\b\d{1,2}\.\s?\d{1,2}\.(\s?\d{2,4})?/g, ' ')
    .replace(new RegExp(`\\b\\d{1,2}\\.?\\s+(${months})\\b|\\b(${months})\\s+\\d{1,2}\\b`, 'g'), ' ')
    .replace(/\b\d{1,2}[:.]\d{2}\b/g, ' ')
    .replace(/\b(19|20)\d{2}\b/g, ' ');
  return new Set((plain.match(/\d+(?:[.,’']\d{3})*/g) ?? []).map((n) => Number(n.replace(/[.,’']/g, ''))));
}

/** A passage in the question's language may take the first place from one this close to it in score. */
const SAME_LANGUAGE_SCORE = 0.8;

/**
 * Material in two languages often says the same twice ("at least 3 of the 4 sessions" and "mindestens 3 von
 * 4 Terminen"): of near-equal candidates, the one in the question's language answers it in its own words.
 */
export function preferLanguage(ranked: RetrievalHit[], language: string | undefined): RetrievalHit[] {
  const [top] = ranked;
  if (!top || !language || top.doc.kind !== 'passage' || guessLanguage(words(top.doc.text)) === language) return ranked;
  const peer = ranked.find((h) => h !== top && h.doc.kind === 'passage' && h.coverage >= top.coverage && h.score >= top.score * SAME_LANGUAGE_SCORE && guessLanguage(words(h.doc.text)) === language);
  return peer ? [peer, ...ranked.filter((h) => h !== peer)] : ranked;
}

/** A question pasted with HTML or Markdown is read as its text (scripts and styles dropped), without the greeting
 * and thanks around it. */
function cleanQuestion(text: string): string {
  const plain = /[<>*_`[\]&]/.test(text) ? stripInlineMarkup(htmlToMarkdown(text).replace(/\n+/g, ' ')) : text;
  return withoutSalutation(plain);
}

function programFactsDoc(program: Program): RetrievalDoc {
  const p = program.program;
  const text = [
    p.subtitle ?? '',
    p.location ?? '',
    ...p.contacts.map((c) => [c.name, c.organization ?? '', c.role ?? '', c.email ?? ''].join(' ')),
    ...program.sessions.map((s) => `${s.title} ${s.summary ?? ''}`),
  ].join('\n');
  return { id: 'program', kind: 'passage', title: p.title, text, source: 'program.yaml' };
}

/** Callers may change what they get; the remembered answer stays as it was. */
function cloneAnswer(a: FaqAnswer): FaqAnswer {
  return { ...a, sources: a.sources.map((s) => ({ ...s })) };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** Builds an engine over an already loaded knowledge base (benchmarks, tests). */
export function createFaqEngineFromKnowledgeBase(knowledgeBase: KnowledgeBase, options: Omit<FaqEngineOptions, 'contentDir'> & { contentDir?: string } = {}): FaqEngine {
  return new Engine(knowledgeBase, { ...options, contentDir: options.contentDir ?? knowledgeBase.contentDir });
}

export async function createFaqEngine(options: FaqEngineOptions): Promise<FaqEngine> {
  const kb = await loadKnowledgeBase(options.contentDir, { ...loadOptions(options), ...(options.curated ? { curated: options.curated } : {}) });
  reportProblems(kb, options.logger);
  // The engine keeps its options; the earlier knowledge base is needed only for this load.
  const { previous: _previous, ...kept } = options;
  return new Engine(kb, kept);
}
