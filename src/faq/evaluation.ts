// Scoring the FAQ engine against an evaluation set (tests/faq/eval.yaml, tests/faq/programs/*/questions.*.yaml):
// shared by the vitest quality gate and bench/faq.ts, so both report the same figures.
import fs from 'node:fs/promises';
import { z } from 'zod';
import { parse as parseYaml } from 'yaml';
import type { FaqAnswer, FaqEngine } from './engine.js';
import type { KnowledgeBase } from './knowledge-base.js';
import { PlainBm25Index, type RetrievalDoc } from './retrieval.js';
import { monthNumber } from './german.js';

const caseSchema = z.object({
  q: z.string().min(1),
  lang: z.enum(['de', 'en']).default('de'),
  now: z.string().datetime({ offset: true }).optional(),
  expect: z.array(z.string().min(1)).optional(),
  declined: z.boolean().optional(),
});

const setSchema = z.object({
  defaultNow: z.string().datetime({ offset: true }),
  cases: z.array(caseSchema).min(1),
});

export type EvalCase = z.infer<typeof caseSchema>;
export type EvalSet = z.infer<typeof setSchema>;

export async function loadEvalSet(file: string): Promise<EvalSet> {
  return setSchema.parse(parseYaml(await fs.readFile(file, 'utf8')));
}

export interface EvalOutcome {
  case: EvalCase;
  answer: Pick<FaqAnswer, 'answered' | 'answer' | 'sources' | 'confidence'>;
  correct: boolean;
  ms: number;
}

export interface EvalSummary {
  cases: number;
  correct: number;
  accuracy: number;
  /** Share of out-of-scope cases that were declined. */
  declined_correctly: number;
  /** Share of in-scope cases answered correctly. */
  in_scope_accuracy: number;
  outcomes: EvalOutcome[];
}

/** Lower-case, single spaces, and long dates ("16. Dezember 2025", "16 December 2025") as 16.12.2025. */
const normalise = (s: string) =>
  s
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/\b(\d{1,2})\.? ([a-zäöü]+) (\d{4})\b/g, (whole, d: string, m: string, y: string) => {
      const month = monthNumber(m);
      return month ? `${d.padStart(2, '0')}.${String(month).padStart(2, '0')}.${y}` : whole;
    });

/** A case is correct when declined as required, or answered with every expected string in the answer or a source title. */
export function judge(c: EvalCase, a: Pick<FaqAnswer, 'answered' | 'answer' | 'sources'>): boolean {
  if (c.declined) return !a.answered;
  if (!a.answered) return false;
  const haystack = normalise([a.answer, ...a.sources.map((s) => s.title)].join('\n'));
  return (c.expect ?? []).every((e) => haystack.includes(normalise(e)));
}

export function summarise(outcomes: EvalOutcome[]): EvalSummary {
  const out = outcomes.filter((o) => o.case.declined);
  const inScope = outcomes.filter((o) => !o.case.declined);
  const correct = outcomes.filter((o) => o.correct).length;
  const ratio = (n: number, d: number) => (d ? Math.round((n / d) * 1000) / 1000 : 1);
  return {
    cases: outcomes.length,
    correct,
    accuracy: ratio(correct, outcomes.length),
    declined_correctly: ratio(out.filter((o) => o.correct).length, out.length),
    in_scope_accuracy: ratio(inScope.filter((o) => o.correct).length, inScope.length),
    outcomes,
  };
}

export function runEval(engine: FaqEngine, set: EvalSet): EvalSummary {
  const outcomes = set.cases.map((c) => {
    const started = performance.now();
    const answer = engine.ask(c.q, { locale: c.lang, now: new Date(c.now ?? set.defaultNow) });
    const ms = performance.now() - started;
    return { case: c, answer, correct: judge(c, answer), ms };
  });
  return summarise(outcomes);
}

/**
 * The same set scored by plain BM25 (MiniSearch defaults, no German processing, no schedule facts): the top
 * passage is the answer when its score clears a threshold. The threshold is the one that maximises the
 * baseline's own accuracy on the set, so the comparison is as kind to the baseline as it can be.
 */
export function runBaseline(knowledgeBase: KnowledgeBase, set: EvalSet): EvalSummary & { threshold: number } {
  const docs: RetrievalDoc[] = knowledgeBase.passages.map((p) => ({ id: p.id, kind: 'passage', title: p.title, text: p.text, source: p.source }));
  const index = new PlainBm25Index(docs);
  const raw = set.cases.map((c) => {
    const started = performance.now();
    const top = index.query(c.q);
    return { c, top, ms: performance.now() - started };
  });
  const candidates = [0, ...new Set(raw.map((r) => r.top?.score ?? 0))].sort((a, b) => a - b);
  let best: { threshold: number; summary: EvalSummary } | undefined;
  for (const threshold of candidates) {
    const outcomes = raw.map(({ c, top, ms }) => {
      const answered = !!top && top.score > threshold;
      const answer = {
        answered,
        answer: answered ? top!.doc.text : '',
        sources: answered ? [{ title: top!.doc.title, excerpt: top!.doc.text.slice(0, 240) }] : [],
        confidence: top?.score ?? 0,
      };
      return { case: c, answer, correct: judge(c, answer), ms };
    });
    const summary = summarise(outcomes);
    if (!best || summary.correct > best.summary.correct) best = { threshold, summary };
  }
  return { ...best!.summary, threshold: best!.threshold };
}

export function percentile(values: number[], p: number): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const idx = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Math.round(sorted[Math.max(0, idx)]! * 1000) / 1000;
}

/** One case scored without a threshold: out of scope or not, the engine's confidence, and whether the answer holds the fact. */
export interface CalibrationCase {
  out: boolean;
  confidence: number;
  correct: boolean;
}

/**
 * The rule the answer threshold is set by (FAQ_CONFIDENCE_THRESHOLD): on the tune split, the threshold that
 * maximises the mean over programs of (share of answerable questions answered correctly + share of
 * out-of-scope questions declined) / 2, and within the interval of equally good thresholds its midpoint, so
 * neither side's nearest case decides it alone. Programs weigh equally whatever their size.
 */
export function calibrateThreshold(programs: CalibrationCase[][]): number {
  const used = programs.filter((p) => p.length);
  const score = (t: number) =>
    used.reduce((sum, cases) => {
      const inScope = cases.filter((c) => !c.out);
      const out = cases.filter((c) => c.out);
      const answered = inScope.length ? inScope.filter((c) => c.correct && c.confidence > t).length / inScope.length : 1;
      const declined = out.length ? out.filter((c) => c.confidence <= t).length / out.length : 1;
      return sum + (answered + declined) / 2;
    }, 0) / Math.max(used.length, 1);
  const candidates = [...new Set([0, ...used.flat().map((c) => c.confidence)])].sort((a, b) => a - b);
  const scores = candidates.map(score);
  const best = Math.max(...scores);
  const first = scores.findIndex((v) => v >= best - 1e-9);
  let last = first;
  while (last + 1 < candidates.length && scores[last + 1]! >= best - 1e-9) last++;
  const next = candidates[last + 1];
  return next === undefined ? candidates[last]! : (candidates[first]! + next) / 2;
}

/** Runs a set with every question answered (no threshold), for calibrateThreshold. */
export function calibrationCases(engine: FaqEngine, set: EvalSet): CalibrationCase[] {
  return set.cases.map((c) => {
    const a = engine.ask(c.q, { locale: c.lang, now: new Date(c.now ?? set.defaultNow) });
    return { out: !!c.declined, confidence: a.confidence, correct: a.answered && judge({ ...c, declined: false }, a) };
  });
}
