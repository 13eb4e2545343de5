// Turning retrieval hits into the answer a participant reads: the passage and the sentences that answer the
// question (its words and the kind of fact it asks for), each sentence once, under 700 characters, with the
// file and page or slide it came from.
import type { Locale } from '../i18n/locale.js';
import { faqTexts } from '../i18n/faq.js';
import type { DocumentLocator } from '../documents/office.js';
import type { PassageIndex, QueryUnit, RetrievalHit } from './retrieval.js';
import { holdsStreetAddress, sentenceAnswers, type QuestionType } from './question-types.js';
import { words } from './german.js';
import { BoundedCache } from '../shared/bounded-cache.js';

/** Hard limit of an answer's text (channel answers stay readable). */
export const MAX_ANSWER_CHARS = 699;
/** What one passage may fill of an answer (a second passage may add the rest up to the limit). */
export const SHORT_ANSWER_CHARS = 480;
const EXCERPT_CHARS = 240;
const MAX_SENTENCES = 3;

export function excerpt(text: string, max = EXCERPT_CHARS): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${cut.slice(0, space > max * 0.6 ? space : max)}…`;
}

// A full stop after these does not end a sentence ("Dr. Felix Ortmann", "z. B. Kiel").
const ABBREVIATION_END = /(?:^|[\s(])(?:dr|prof|nr|bzw|ca|vgl|ggf|inkl|evtl|usw|str|tel|hr|fr|st|z\.\s?b|d\.\s?h|u\.\s?a|e\.\s?g|i\.\s?e|etc|mr|mrs|ms|no)\.$/iu;

/**
 * Passages are split again for every question that finds them, so splits are kept (by text; bounded, since
 * answers and questions are split too).
 */
const SPLIT_MEMO_ENTRIES = 20_000;
const splitMemo = new BoundedCache<string, readonly string[]>(SPLIT_MEMO_ENTRIES);

export function splitSentences(text: string): string[] {
  return [...splitMemo.get(text, split)];
}

function split(text: string): string[] {
  const out: string[] = [];
  for (const part of text.split(/(?<=[.!?])\s+/u)) {
    const last = out[out.length - 1];
    if (last !== undefined && ABBREVIATION_END.test(last)) out[out.length - 1] = `${last} ${part}`;
    else out.push(part);
  }
  return out.filter((s) => s.trim());
}

const sentenceKey = (s: string) => words(s).join(' ');

/** Drops every sentence (and list line) that already appeared, keeping line breaks. */
export function withoutRepeats(text: string): string {
  const seen = new Set<string>();
  return text
    .split('\n')
    .map((line) =>
      splitSentences(line)
        .filter((s) => {
          const k = sentenceKey(s);
          if (!k) return true;
          if (seen.has(k)) return false;
          seen.add(k);
          return true;
        })
        .join(' '),
    )
    .filter((line, i) => line.trim() || i === 0)
    .join('\n');
}

/** Cuts an answer to the limit at a line or sentence end, saying how many lines were left out. */
export function capAnswer(text: string, locale: Locale): string {
  const clean = withoutRepeats(text);
  if (clean.length <= MAX_ANSWER_CHARS) return clean;
  const t = faqTexts[locale];
  const lines = clean.split('\n');
  if (lines.length > 2) {
    for (let keep = lines.length - 1; keep >= 1; keep--) {
      const candidate = `${lines.slice(0, keep).join('\n')}\n${t.moreLines(lines.length - keep)}`;
      if (candidate.length <= MAX_ANSWER_CHARS) return candidate;
    }
  }
  let out = '';
  for (const s of splitSentences(clean)) {
    if ((out ? out.length + 1 : 0) + s.length > MAX_ANSWER_CHARS) break;
    out = out ? `${out} ${s}` : s;
  }
  return out || excerpt(clean, MAX_ANSWER_CHARS - 1);
}

/** "Heading (file.pdf, S. 2)": the passage's heading and where it is. */
export function citation(title: string, source: string, locator: DocumentLocator | undefined, locale: Locale): string {
  const t = faqTexts[locale];
  const where = locator ? `${source}, ${locator.kind === 'page' ? t.citePage(locator.n) : t.citeSlide(locator.n)}` : source;
  return title && title !== source ? `${title} (${where})` : where;
}

function answersType(text: string, types: ReadonlySet<QuestionType>, index: PassageIndex): boolean {
  if (!types.size) return false;
  return splitSentences(text).some((s) => [...types].some((type) => sentenceAnswers(type, s, index.lexicon)));
}

/**
 * Orders the candidates: BM25 times the squared share of the question they cover (BM25 alone prefers one rare
 * word over a passage that matches the whole question), and a passage that holds the kind of fact asked for
 * ahead of one that only repeats the question's words.
 */
export function rankHits(hits: RetrievalHit[], types: ReadonlySet<QuestionType>, index: PassageIndex): RetrievalHit[] {
  // An older e-mail quoted below a newer one counts half: the newer one may correct it.
  // "Wo ist ...?", "Adresse ...?": a street address says where, more than a word of the format ("online") does.
  const address = (h: RetrievalHit) => ((types.has('location') || types.has('address')) && holdsStreetAddress(h.doc.text) ? 1.5 : 1);
  const value = (h: RetrievalHit) => h.score * h.coverage ** 2 * (answersType(`${h.doc.title}. ${h.doc.text}`, types, index) ? 1.5 : 1) * address(h) * (h.doc.quoted ? 0.5 : 1);
  return hits
    .map((h) => ({ h, v: value(h) }))
    .sort((a, b) => b.v - a.v)
    .map((x) => x.h);
}

/** A passage cut into its sentences, each knowing whether it starts a line (list items stay lines). */
function pieces(text: string): { s: string; line: boolean }[] {
  return text.split('\n').flatMap((line) => splitSentences(line.trim()).map((s, k) => ({ s, line: k === 0 })));
}

/**
 * The sentences of a passage that answer the question: the best ones (the question's words and the kind of
 * fact asked for), then the best sentence's neighbours, nearest first, while the answer stays within
 * `budget` characters; each sentence once, in the passage's order. A fact the question asks for is often in
 * the sentence after the one that repeats its words ("Wird aufgezeichnet? Ja, ...").
 */
/** How well the passage's best sentence answers the question (the score shortAnswer picks its first sentence by). */
export function bestSentenceScore(text: string, units: QueryUnit[], types: ReadonlySet<QuestionType>, index: PassageIndex): number {
  return Math.max(0, ...scoreSentences(pieces(text), units, types, index).map((x) => x.score));
}

function scoreSentences(sentences: { s: string; line: boolean }[], units: QueryUnit[], types: ReadonlySet<QuestionType>, index: PassageIndex) {
  const maxWeight = Math.max(0, ...units.map((u) => u.weight));
  return sentences.map(({ s, line }, i) => {
    const terms = index.sentenceTerms(s);
    // The whole word counts fully, a compound part half: "Datenkompetenz" prefers the sentence that names it.
    let score = units.reduce((sum, u) => sum + (terms.has(u.terms[0]!) ? u.weight : u.terms.some((t) => terms.has(t)) ? u.weight / 2 : 0), 0);
    if (score > 0 && [...types].some((type) => sentenceAnswers(type, s, index.lexicon))) score += maxWeight;
    return { s, line, i, score };
  });
}

export function shortAnswer(text: string, units: QueryUnit[], types: ReadonlySet<QuestionType>, index: PassageIndex, budget = SHORT_ANSWER_CHARS): string {
  if (text.length <= budget) return text;
  const sentences = pieces(text);
  const scored = scoreSentences(sentences, units, types, index);
  const ranked = [...scored].sort((a, b) => b.score - a.score || a.i - b.i);
  if (!ranked.length || ranked[0]!.score === 0) return excerpt(text, budget);
  const chosen = new Map<number, (typeof scored)[number]>();
  const seen = new Set<string>();
  let length = 0;
  const take = (x: (typeof scored)[number] | undefined): boolean => {
    if (!x || chosen.has(x.i)) return true;
    const k = sentenceKey(x.s);
    if (seen.has(k)) return true;
    if (chosen.size && length + x.s.length + 1 > budget) return false;
    chosen.set(x.i, x);
    seen.add(k);
    length += x.s.length + 1;
    return true;
  };
  const best = ranked[0]!;
  take(best);
  for (const r of ranked.slice(1, MAX_SENTENCES)) if (r.score > 0) take(r);
  for (let d = 1; d < sentences.length; d++) {
    const after = take(scored[best.i + d]);
    const before = take(scored[best.i - d]);
    if (!after && !before) break;
  }
  return [...chosen.values()]
    .sort((a, b) => a.i - b.i)
    .map((x, k) => (k === 0 ? x.s : `${x.line ? '\n' : ' '}${x.s}`))
    .join('');
}
