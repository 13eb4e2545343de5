// Passage retrieval: a MiniSearch (BM25) index over passages and curated entries, fed through the German
// pipeline of german.ts, plus the confidence measure the answer threshold is applied to.
//
// Confidence is the IDF-weighted share of the question's content words that the best document matches
// (exactly, by stem, by compound part, by glossary or fuzzily). A word the whole knowledge base does not know
// (df = 0) weighs most, so "Wie wird das Wetter in Berlin?" stays far below the threshold although "Berlin"
// matches. BM25 only orders the candidates; the share is what is comparable across questions.
import MiniSearch, { type SearchResult } from 'minisearch';
import { isSoftWord, monthsOfDates, percentWords, Vocabulary, termsOfWord } from './german.js';
import { BoundedCache } from '../shared/bounded-cache.js';
import { GENERAL_LEXICON, type Lexicon } from './lexicon.js';
import type { DocumentLocator } from '../documents/office.js';

export interface RetrievalDoc {
  id: string;
  kind: 'passage' | 'curated';
  title: string;
  text: string;
  source: string;
  locator?: DocumentLocator;
  /** The file's top heading, searched with the file's name. */
  documentTitle?: string;
  /** From an older e-mail quoted below a newer one (material.ts): ranked after the newer wording. */
  quoted?: boolean;
}

/** One content word of the question and the index terms it stands for. */
export interface QueryUnit {
  word: string;
  terms: string[];
  /** Documents matching any of the terms (fuzzy included). */
  df: number;
  weight: number;
  /**
   * Documents matching the word itself (exactly, by stem or as a prefix; a typo only in words of 8 letters
   * or more): what "the corpus knows this word" means when judging scope. "gebaut" is not known because of
   * "Gebäude", although the search tolerates the edit.
   */
  knownDf: number;
  /** Like knownDf, but for the whole word only (not its compound parts). */
  wholeDf: number;
  /** A general verb or particle ("dürfen", "läuft ... ab"): it never names what the question is about. */
  soft?: boolean;
}

export interface RetrievalHit {
  doc: RetrievalDoc;
  score: number;
  /** IDF-weighted share of the question's units this document matches, 0..1. */
  coverage: number;
  matchedWords: string[];
}

export interface RetrievalResult {
  units: QueryUnit[];
  hits: RetrievalHit[];
}

const MAX_HITS = 5;
/** Sentences whose terms an index keeps (a corpus of 1,000 passages has a few thousand). */
const SENTENCE_TERM_ENTRIES = 50_000;
/** Words whose terms an index keeps. */
const WORD_TERM_ENTRIES = 100_000;
/** Particles a German separable verb leaves at the end of a question ("läuft ... ab", "meldet ... an"). */
const SEPARABLE_PARTICLES = new Set(['ab', 'an', 'auf', 'aus', 'ein', 'mit', 'vor', 'zu', 'teil', 'fest', 'vorbei']);

/**
 * Concepts of general verbs and adjectives of state ("bleiben", "verfügbar"): how long something stays
 * available is asked with them, while the material says "deleted after 30 days". Like the soft filler words
 * of german.ts, they count only where the material uses them. So does the series itself ("Was kostet das
 * Programm?"): every passage is about it, and the one with the price need not name it.
 */
const SOFT_CONCEPTS = ['bleiben', 'verfügbar', 'reihe'];

/** The file's words (name, first heading) weigh half a passage's own: they name the file's topic, not the passage's. */
const FILE_BOOST = 0.5;

/**
 * The words of a material file's name ("06-protokoll-auftakt.docx": "protokoll auftakt"): coordinators name
 * files by what they hold, and a passage deep in a file often no longer repeats it ("21 Teilnehmende" under
 * the heading "Teilnahme" of the kickoff's minutes). No extension, no numbering.
 */
export function fileWords(source: string): string {
  // Configuration files (program.yaml, faq.yaml) name no topic.
  if (/\.(ya?ml|json)$/i.test(source)) return '';
  return source
    .replace(/\.[a-z0-9]{2,5}$/i, '')
    .replace(/[-_.]+/g, ' ')
    .replace(/\b\d+\b/g, ' ')
    .trim();
}

/**
 * Hyphenated compounds joined into one word ("Once-Only-Prinzip" -> "onceonlyprinzip"), besides their parts:
 * a name made of general or English words ("once", "only" are stop words) is found as the whole it names.
 * A question's joined word counts only when the material has it.
 */
export function hyphenated(text: string): string[] {
  return (text.match(/\p{L}+(?:-\p{L}+)+/gu) ?? []).map((w) => w.toLowerCase().replace(/-/g, ''));
}

/** Typo tolerance grows with the term: none below 5 letters, one edit up to 6, two from 7. */
export function fuzziness(term: string): number | false {
  if (term.length < 5 || /\d/.test(term)) return false;
  return term.length >= 7 ? 2 : 1;
}

function idf(df: number, n: number): number {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

export class PassageIndex {
  private readonly search: MiniSearch<RetrievalDoc>;
  readonly vocabulary: Vocabulary;
  private readonly docs = new Map<string, RetrievalDoc>();
  /**
   * Questions bring new words (and typos) for as long as the index lives, so the caches they reach are
   * bounded; indexTermCache holds the material's own words only.
   */
  private readonly termCache = new BoundedCache<string, string[]>(WORD_TERM_ENTRIES);
  private readonly indexTermCache = new Map<string, string[]>();
  private readonly sentenceTermCache = new BoundedCache<string, ReadonlySet<string>>(SENTENCE_TERM_ENTRIES);
  private readonly knownCache = new BoundedCache<string, boolean>(WORD_TERM_ENTRIES);
  /** Concept terms of general verbs and adjectives of state, which count only where the material uses them. */
  private readonly softTerms: ReadonlySet<string>;

  /** Whether a question's noun the material lacks stands for its general synonyms (german.ts TermOptions). */
  private readonly synonyms: boolean;

  constructor(
    docs: RetrievalDoc[],
    readonly lexicon: Lexicon = GENERAL_LEXICON,
    options: { synonyms?: boolean } = {},
  ) {
    this.synonyms = options.synonyms ?? true;
    this.vocabulary = new Vocabulary(lexicon);
    this.softTerms = new Set(SOFT_CONCEPTS.map((w) => lexicon.lookup(w)).filter((t): t is string => !!t));
    // A passage is also searched under its file: the file's name and top heading, which name the whole file
    // ("Protokoll des Auftakts") where later passages only say "Teilnahme".
    const fileField = (d: RetrievalDoc) => (d.kind === 'passage' ? `${fileWords(d.source)} ${d.documentTitle && d.documentTitle !== d.title ? d.documentTitle : ''}`.trim() : '');
    for (const d of docs) {
      this.vocabulary.addText(d.title);
      this.vocabulary.addText(d.text);
      for (const w of hyphenated(`${d.title}\n${d.text}`)) this.vocabulary.add(w);
      this.vocabulary.addText(fileField(d));
      this.docs.set(d.id, d);
    }
    this.search = new MiniSearch<RetrievalDoc>({
      fields: ['title', 'text', 'file'],
      storeFields: [],
      // The file's name is searched as a third field (the docs keep their shape).
      extractField: (doc, field) => (field === 'file' ? fileField(doc) : field === 'title' ? doc.title : field === 'text' ? doc.text : String(doc[field as keyof RetrievalDoc] ?? '')),
      tokenize: (text) => [...this.lexicon.tokens(text), ...hyphenated(text), ...monthsOfDates(text), ...percentWords(text)],
      processTerm: (word) => this.indexTermsOf(word),
      searchOptions: { boost: { title: 2, file: FILE_BOOST } },
    });
    this.search.addAll(docs);
  }

  get size(): number {
    return this.docs.size;
  }

  /** Index terms of a question, one unit per content word. */
  units(question: string): QueryUnit[] {
    return this.analyse(question).units;
  }

  /**
   * One search for all of the question's terms: gives the units with their document frequencies (counted
   * from the same result list, typo matches included) and the results the ranking reuses.
   */
  analyse(question: string): { units: QueryUnit[]; results: SearchResult[] } {
    const seen = new Set<string>();
    const raw: { word: string; terms: string[]; soft: boolean }[] = [];
    const apart = this.writtenApart(question);
    const parts = new Set(apart.flatMap(([a, b]) => [a, b]));
    const { tokens, joined } = this.joinSeparableVerb([
      ...this.lexicon.tokens(question).filter((w) => !parts.has(w.toLowerCase())),
      ...hyphenated(question).filter((w) => this.vocabulary.knows(w)),
      ...apart.map(([a, b]) => `${a}${b}`),
    ]);
    for (const word of tokens) {
      const terms = this.termsOf(word);
      const key = terms.join('|');
      if (!terms.length || seen.has(key)) continue;
      seen.add(key);
      raw.push({ word, terms, soft: isSoftWord(word) || (word === joined?.form && isSoftWord(joined.verb)) || this.softTerms.has(terms[0]!) });
    }
    let allTerms = [...new Set(raw.flatMap((u) => u.terms))];
    let results = allTerms.length ? this.searchTerms(allTerms) : [];
    // A word the material lacks but has as the head of its compounds ("Bestätigung" beside
    // "Teilnahmebestätigung") stands for them too, after its own terms: it is a kind of the same thing.
    const found = new Set(results.flatMap((r) => r.queryTerms));
    let widened = false;
    for (const u of raw) {
      if (u.soft || u.terms.some((t) => found.has(t))) continue;
      const compounds = this.vocabulary.compoundsOf(u.word).map((c) => this.indexTermsOf(c)[0]!);
      if (!compounds.length) continue;
      u.terms = [...new Set([...u.terms, ...compounds])];
      widened = true;
    }
    if (widened) {
      allTerms = [...new Set(raw.flatMap((u) => u.terms))];
      results = this.searchTerms(allTerms);
    }
    const n = Math.max(this.docs.size, 1);
    const units = raw.flatMap(({ word, terms, soft }) => {
      const matching = results.filter((r) => terms.some((t) => r.queryTerms.includes(t)));
      // A verb form whose stem is a little longer than the material's ("betreut" beside "betreuen") counts too.
      const strict = (t: string) => (key: string) =>
        key === t || (t.length >= 6 && key.startsWith(t)) || (key.length >= 5 && t.startsWith(key) && t.length - key.length <= 3) || (t.length >= 8 && key[0] === t[0]);
      const knownDf = matching.filter((r) => Object.keys(r.match).some((k) => terms.some((t) => strict(t)(k)))).length;
      // A word of two concept groups ("how many places": seats, and the material's "places") is whole in each.
      const whole = this.lexicon.lookupAll(word) ?? [terms[0]!];
      const wholeDf = matching.filter((r) => Object.keys(r.match).some((k) => whole.some((t) => strict(t)(k)))).length;
      // A general verb of state the material does not use ("bleiben ... verfügbar"), or a soft word of a concept
      // group ("Voraussetzungen" beside "Vorkenntnisse"), neither matches nor is unknown.
      if (soft && !matching.length) return [];
      return [{ word, terms, df: matching.length, weight: idf(matching.length, n), knownDf, wholeDf, ...(soft ? { soft } : {}) }];
    });
    return { units, results };
  }

  /**
   * Two neighbouring words of the question that the material writes as one ("Risiko Management" beside
   * "Risikomanagement", "Förder Programm" beside "Förderprogramm"), joined: the compound is what the material
   * names. Only words the material has as written (not by stem), so that no two words join by chance; the parts
   * then stand for nothing of their own.
   */
  private writtenApart(question: string): [string, string][] {
    // Words as written, apart by a space only: never across a comma, nor a hyphenated pair (hyphenated() has
    // those), nor a short first word ("vor Ort" is no "Vorort").
    const list = question.split(/\s+/).map((w) => w.toLowerCase());
    const out: [string, string][] = [];
    for (let i = 0; i + 1 < list.length; i++) {
      const a = list[i]!;
      const b = list[i + 1]!.replace(/[.,;:!?)"'“”]+$/u, '');
      if (/^\p{L}{4,}$/u.test(a) && /^\p{L}{3,}$/u.test(b) && this.vocabulary.hasWord(`${a}${b}`)) {
        out.push([a, b]);
        i++;
      }
    }
    return out;
  }

  /**
   * A German separable verb leaves its particle at the end ("Wie läuft ein Termin ab?"): particle and verb
   * joined ("abläuft") stand for the noun the material uses ("Ablauf") when the material knows that word.
   */
  private joinSeparableVerb(tokens: string[]): { tokens: string[]; joined?: { form: string; verb: string } } {
    const particle = tokens[tokens.length - 1];
    if (tokens.length < 3 || !particle || !SEPARABLE_PARTICLES.has(particle)) return { tokens };
    for (let i = 0; i < tokens.length - 1; i++) {
      const joined = `${particle}${tokens[i]}`;
      const form = [joined, joined.replace(/e?n$|e?t$/, '')].find((f) => f.length > particle.length + 2 && this.vocabulary.knows(f));
      // The verb without its particle ("fangen" of "fangen ... an") means something else; the joined form
      // stands for it unless the material uses the verb too.
      const verb = tokens[i]!;
      if (form) return { tokens: [...tokens.slice(0, i), ...(this.vocabulary.knows(verb) ? [verb] : []), form, ...tokens.slice(i + 1)], joined: { form, verb } };
    }
    return { tokens };
  }

  /** The index terms of one word (memoised: the vocabulary is fixed once the index is built). */
  termsOf(word: string): string[] {
    return this.termCache.get(word, (w) => termsOfWord(w, this.vocabulary, this.lexicon, { synonyms: this.synonyms }));
  }

  /**
   * The index terms of a sentence of the material, kept: every question that finds the passage scores its
   * sentences again. Bounded, because the cache lives as long as the index.
   */
  sentenceTerms(sentence: string): ReadonlySet<string> {
    // Hyphenated compounds also as one word, as the index has them ("dark-sky" for "dark sky ordinance").
    return this.sentenceTermCache.get(sentence, (s) => new Set([...this.lexicon.tokens(s), ...hyphenated(s), ...percentWords(s)].flatMap((w) => this.termsOf(w))));
  }

  /** The index terms of a word of the material: compounds also split off a known first part alone. */
  private indexTermsOf(word: string): string[] {
    let terms = this.indexTermCache.get(word);
    if (!terms) {
      terms = termsOfWord(word, this.vocabulary, this.lexicon, { indexing: true });
      this.indexTermCache.set(word, terms);
    }
    return terms;
  }

  private searchTerms(terms: string[]): SearchResult[] {
    return this.search.search(
      { combineWith: 'OR', queries: terms },
      {
        tokenize: (s) => [s],
        processTerm: (t) => t,
        fuzzy: (t) => fuzziness(t),
        prefix: (t) => t.length >= 6,
        weights: { fuzzy: 0.5, prefix: 0.4 },
      },
    );
  }

  /** True when any document has the word (after the German pipeline; typos tolerated only in long words). */
  knows(word: string): boolean {
    return this.knownCache.get(word, (w) => this.analyse(w).units.some((u) => u.knownDf > 0));
  }

  query(question: string, options: { units?: QueryUnit[]; analysed?: { units: QueryUnit[]; results: SearchResult[] }; limit?: number } = {}): RetrievalResult {
    const analysed = options.units ? undefined : (options.analysed ?? this.analyse(question));
    const units = options.units ?? analysed!.units;
    const allTerms = [...new Set(units.flatMap((u) => u.terms))];
    if (!allTerms.length) return { units, hits: [] };
    const totalWeight = units.reduce((s, u) => s + u.weight, 0);
    const results = analysed ? analysed.results : this.searchTerms(allTerms);
    const hits: RetrievalHit[] = [];
    for (const r of results.slice(0, 30)) {
      const doc = this.docs.get(String(r.id));
      if (!doc) continue;
      const matched = new Set(r.queryTerms);
      const matchedUnits = units.filter((u) => u.terms.some((t) => matched.has(t)));
      const coverage = totalWeight > 0 ? matchedUnits.reduce((s, u) => s + u.weight, 0) / totalWeight : 0;
      hits.push({ doc, score: r.score, coverage, matchedWords: matchedUnits.map((u) => u.word) });
    }
    // BM25 alone can prefer one rare word over a passage that matches the whole question.
    hits.sort((a, b) => b.score * b.coverage ** 2 - a.score * a.coverage ** 2);
    // compose.ts re-ranks these candidates by the kind of fact the question asks for.
    return { units, hits: hits.slice(0, options.limit ?? MAX_HITS) };
  }
}

/** The baseline for the benchmark: MiniSearch defaults (lower-case words, BM25), no German processing. */
export class PlainBm25Index {
  private readonly search: MiniSearch<RetrievalDoc>;
  private readonly docs = new Map<string, RetrievalDoc>();

  constructor(docs: RetrievalDoc[]) {
    for (const d of docs) this.docs.set(d.id, d);
    this.search = new MiniSearch<RetrievalDoc>({ fields: ['title', 'text'] });
    this.search.addAll(docs);
  }

  query(question: string): { doc: RetrievalDoc; score: number } | undefined {
    const top = this.search.search(question)[0];
    const doc = top ? this.docs.get(String(top.id)) : undefined;
    return top && doc ? { doc, score: top.score } : undefined;
  }
}
