// Optional generative mode of the FAQ: a language model rewrites an offline answer from the passages the
// engine retrieved, citing them as [n]. This module owns the contract around the model — which answers may
// be composed, the prompt, the citation check and the fallback — so that the model itself (behind the
// AnswerComposer port, implemented in src/teams/) can be swapped or be absent. The offline answer is always
// the fallback: the product never invents an answer and never fails because the model did.
import type { Logger } from '../shared/log.js';
import type { Locale } from '../i18n/locale.js';
import type { FaqAnswer, FaqSource } from './engine.js';

/** Rewrites an offline answer from its sources. Implementations may throw; withComposer falls back. */
export interface AnswerComposer {
  compose(question: string, locale: Locale, offline: FaqAnswer): Promise<FaqAnswer>;
}

export interface ComposePrompt {
  /** Instructions and the numbered passages. */
  system: string;
  /** The participant's question, verbatim. */
  user: string;
}

/** The model answers within this time or the offline answer is sent (a chat reply should not keep people waiting). */
export const COMPOSE_TIMEOUT_MS = 8000;
/** Longer output is not a short answer; it is dropped rather than cut mid-sentence. */
export const MAX_COMPOSED_CHARS = 1200;

const LANGUAGE: Record<Locale, string> = { de: 'German', en: 'English' };
const DONT_KNOW: Record<Locale, string> = { de: 'Das weiß ich nicht.', en: "I don't know." };

/**
 * The prompt is part of the contract checked by validateComposed: passages are numbered from 1 in the
 * order of offline.sources, and the model must cite them as [n]. The question goes in its own message so
 * that it cannot rewrite the instructions around the passages.
 */
export function buildComposePrompt(question: string, locale: Locale, sources: readonly FaqSource[]): ComposePrompt {
  const passages = sources.map((s, i) => `[${i + 1}] ${s.title}\n${s.excerpt}`).join('\n\n');
  const system = [
    'You answer questions of participants in a peer-learning program of the public administration.',
    'Answer only from the numbered passages below; use no other knowledge and do not guess.',
    `Answer in ${LANGUAGE[locale]}, the language of the user, in at most three short sentences.`,
    'Cite the passage behind every statement as [n], for example [1] or [2], using only the numbers below.',
    `If the passages do not contain the answer, say so: reply exactly "${DONT_KNOW[locale]}" and cite nothing.`,
    '',
    'Passages:',
    passages,
  ].join('\n');
  return { system, user: question };
}

/** The passage numbers an answer cites: [1], [2] and also [1, 2]. */
export function citedNumbers(text: string): number[] {
  const cited = new Set<number>();
  for (const m of text.matchAll(/\[(\d+(?:\s*[,;]\s*\d+)*)\]/g)) {
    for (const n of m[1]!.split(/[,;]/)) cited.add(Number(n.trim()));
  }
  return [...cited].sort((a, b) => a - b);
}

export type ComposeRejection = 'empty' | 'too_long' | 'no_citation' | 'unknown_citation';

/**
 * Checks a composed answer against the sources it was given. Valid: non-empty, short, citing at least one
 * passage and none outside 1..sources.length. Returns the answer with only the cited sources, each titled
 * with its number so that the card shows what [n] refers to.
 */
export function validateComposed(text: string, sources: readonly FaqSource[]): { ok: true; answer: string; sources: FaqSource[] } | { ok: false; reason: ComposeRejection } {
  const answer = text.trim();
  if (!answer) return { ok: false, reason: 'empty' };
  if (answer.length > MAX_COMPOSED_CHARS) return { ok: false, reason: 'too_long' };
  const cited = citedNumbers(answer);
  if (!cited.length) return { ok: false, reason: 'no_citation' };
  if (cited.some((n) => !Number.isInteger(n) || n < 1 || n > sources.length)) return { ok: false, reason: 'unknown_citation' };
  return { ok: true, answer, sources: cited.map((n) => ({ ...sources[n - 1]!, title: `[${n}] ${sources[n - 1]!.title}` })) };
}

/**
 * Only answers quoted from the material are composed. A declined question is never sent (nothing to
 * answer from); schedule answers are computed from the program and the clock, and curated answers are the
 * coordinators' own words — a model could only make those worse.
 */
export function shouldCompose(offline: FaqAnswer): boolean {
  return offline.answered && offline.sources.length > 0 && offline.via !== 'schedule' && offline.via !== 'curated';
}

export type AskFaq = (question: string, options: { locale: Locale; now?: Date }) => FaqAnswer | Promise<FaqAnswer>;

export interface WithComposerOptions {
  logger: Logger;
  timeoutMs?: number;
}

class ComposeTimeout extends Error {}

/**
 * Wraps the offline ask: when shouldCompose, the composer rewrites the answer; on any error, timeout or
 * invalid output the offline answer is returned unchanged. Logs carry reasons, never texts.
 */
export function withComposer(ask: AskFaq, composer: AnswerComposer, options: WithComposerOptions): (question: string, askOptions: { locale: Locale; now?: Date }) => Promise<FaqAnswer> {
  const timeoutMs = options.timeoutMs ?? COMPOSE_TIMEOUT_MS;
  const log = options.logger;
  return async (question, askOptions) => {
    const offline = await ask(question, askOptions);
    if (!shouldCompose(offline)) return offline;
    const started = Date.now();
    let timer: NodeJS.Timeout | undefined;
    try {
      const composed = await Promise.race([
        composer.compose(question, askOptions.locale, offline),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new ComposeTimeout()), timeoutMs);
        }),
      ]);
      const checked = validateComposed(composed.answer, offline.sources);
      if (!checked.ok) {
        log.warn({ event: 'faq.compose_rejected', reason: checked.reason, ms: Date.now() - started }, 'composed answer rejected; offline answer used');
        return offline;
      }
      log.info({ event: 'faq.composed', cited: checked.sources.length, ms: Date.now() - started }, 'answer composed');
      return { ...offline, answer: checked.answer, sources: checked.sources };
    } catch (error) {
      const reason = error instanceof ComposeTimeout ? 'timeout' : 'error';
      log.warn({ event: 'faq.compose_failed', reason, err: error instanceof Error ? error.name : typeof error, ms: Date.now() - started }, 'composer failed; offline answer used');
      return offline;
    } finally {
      clearTimeout(timer);
    }
  };
}
