// The realistic mix for the message benchmarks: 60% FAQ questions, 30% poll votes (each from a distinct
// person), 10% commands. Questions never repeat: each is one of the example program's evaluation questions
// (tests/faq/eval.yaml and its held-out set, German and English) in its own wording around it, as people
// write in a chat, so the FAQ's answer memo (keyed by the exact text) cannot serve them; a quarter of
// the askers use Teams in English and ask in English. Also the content directory with a session that ended
// yesterday, so the service's scheduler opens its poll on the first tick.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { DateTime } from 'luxon';
import * as A from '../../tests/harness/activities.js';
import { REPO_ROOT, type PostResult } from './load.js';

export const BENCH_SESSION = 'bench-sitzung';
export const COMMAND_TEXTS = ['termine', 'nächster termin', 'hilfe', 'ergebnisse', 'anmelden'];
const COMMAND_TEXTS_EN = ['sessions', 'next', 'help', 'results', 'subscribe'];

export type Language = 'de' | 'en';

interface EvalCase {
  q: string;
  lang?: Language;
}

function evalCases(file: string): EvalCase[] {
  const doc = parse(fs.readFileSync(path.join(REPO_ROOT, 'tests', 'faq', file), 'utf8')) as { cases: EvalCase[] };
  return doc.cases.filter((c) => typeof c.q === 'string' && c.q.trim());
}

/** The evaluation questions of tests/faq/eval.yaml as written (the soak repeats them on purpose). */
export function faqQuestions(): string[] {
  return evalCases('eval.yaml').map((c) => c.q);
}

/** The example program's questions of both evaluation sets, each once, by language. */
export function baseQuestions(): Record<Language, string[]> {
  const seen = new Set<string>();
  const out: Record<Language, string[]> = { de: [], en: [] };
  for (const c of [...evalCases('eval.yaml'), ...evalCases('heldout/example.yaml')]) {
    const q = c.q.trim();
    if (seen.has(q)) continue;
    seen.add(q);
    out[c.lang ?? 'de'].push(q);
  }
  return out;
}

// What people put around a question in a chat. Every word of them is a stop word of the FAQ (src/text), so
// the FAQ searches the question's own words and answers as it would the question as written; the variants
// differ in these, in the case of the question's first letter and in its question mark.
export const OPENINGS: Record<Language, readonly string[]> = {
  de: ['', 'Bitte:', 'Sag mal,', 'Sagen Sie mal,', 'Noch was:', 'Also,', 'Und', 'Nun,', 'Genau, und', 'Ich habe da was:', 'Super, und', 'Jetzt mal:'],
  en: ['', 'Please,', 'So,', 'Also,', 'And', 'Now,', 'So, just', 'Also, please:', 'Great, and', 'Good, and', 'Nice, so', 'I need this:'],
};
export const CLOSINGS: Record<Language, readonly string[]> = {
  de: ['', 'Danke!', 'Danke sehr!', 'Danke schon mal!', 'Bitte!', 'Danke euch!', 'Danke Ihnen!', 'Danke dir!', 'Wäre super!', 'Das wäre toll.', 'Das wäre prima, danke.', 'Danke, super!'],
  en: ['', 'Thanks!', 'Thank you!', 'Thanks a lot!', 'Thanks so much.', 'Please.', 'Thanks, great!', 'That would be nice.', 'That would be great, thanks.', 'Really, thanks!', 'Thanks to you all!', 'Many thanks!'],
};
const MARKS = ['', '??', ' ?'];

/** "Wann ist …" as "wann ist …" and "wann is …" as "Wann is …", as people type. */
function flipFirstLetter(text: string): string {
  const first = text.charAt(0);
  const flipped = first === first.toLowerCase() ? first.toUpperCase() : first.toLowerCase();
  if (flipped === first) throw new Error(`a benchmark question must start with a letter: ${text}`);
  return `${flipped}${text.slice(1)}`;
}

/**
 * Variant `k` of a question: `k` read as a mixed-radix number over opening, closing, case and question mark,
 * so two variants of one question always differ (variant 0 is the question as written). A stream that needs
 * more variants than there are says so rather than repeat one.
 */
function variant(lang: Language, question: string, k: number): string {
  const openings = OPENINGS[lang];
  const closings = CLOSINGS[lang];
  if (k >= openings.length * closings.length * 2 * MARKS.length) throw new Error(`only ${k} variants of each question exist: ask for fewer questions`);
  const opening = openings[k % openings.length]!;
  const closing = closings[Math.floor(k / openings.length) % closings.length]!;
  const cased = Math.floor(k / (openings.length * closings.length)) % 2 ? flipFirstLetter(question) : question;
  const mark = MARKS[Math.floor(k / (openings.length * closings.length * 2))]!;
  const marked = mark && cased.endsWith('?') ? `${cased.slice(0, -1).trimEnd()}${mark}` : `${cased}${mark.trim()}`;
  return `${opening} ${marked} ${closing}`.trim();
}

/** Questions that do not repeat, per language, in a fixed order (the same in every run). */
export class QuestionStream {
  private readonly drawn: Record<Language, number> = { de: 0, en: 0 };

  constructor(private readonly bases = baseQuestions()) {}

  next(lang: Language): string {
    const list = this.bases[lang];
    const i = this.drawn[lang]++;
    return variant(lang, list[i % list.length]!, Math.floor(i / list.length));
  }
}

/** Every fourth person uses Teams in English. */
export function languageOf(userNumber: number): Language {
  return userNumber % 4 === 0 ? 'en' : 'de';
}

export function localeOf(userNumber: number): string {
  return languageOf(userNumber) === 'en' ? 'en-US' : 'de-DE';
}

/** CONTENT_DIR: the shipped program and material plus one session that ended yesterday (poll due now). */
export function benchContentDir(now = DateTime.now().setZone('Europe/Berlin')): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plb-bench-content-'));
  fs.cpSync(path.join(REPO_ROOT, 'content'), dir, { recursive: true });
  const file = path.join(dir, 'program.yaml');
  const yesterday = now.minus({ days: 1 }).toISODate();
  const program = fs
    .readFileSync(file, 'utf8')
    .replace(/^\s*announcedSessionCount:.*\n/m, '')
    .concat(`\n  - id: ${BENCH_SESSION}\n    title: Lasttest-Sitzung\n    date: ${yesterday}\n    start: "10:00"\n    end: "12:00"\n`);
  fs.writeFileSync(file, program);
  return dir;
}

export type TrafficKind = 'faq' | 'vote' | 'command';

export interface TrafficOptions {
  serviceUrl: string;
  /** First user number of the voters (each vote is a new person). */
  voterBase: number;
  /** People who ask questions and send commands (installed beforehand). */
  askers: number;
}

/**
 * `n` activities in a fixed interleaving of 6 questions, 3 votes and 1 command per 10. Questions come from
 * `questions`: draw every phase of one run from the same stream, so no question is asked twice in a process.
 */
export function mixedActivities(n: number, options: TrafficOptions, questions: QuestionStream): Array<{ kind: TrafficKind; body: unknown }> {
  const out: Array<{ kind: TrafficKind; body: unknown }> = [];
  let voter = 0;
  for (let i = 0; i < n; i++) {
    const slot = i % 10;
    const askerNumber = 1 + (i % options.askers);
    const asker = A.user(askerNumber);
    const lang = languageOf(askerNumber);
    const where = { serviceUrl: options.serviceUrl, locale: localeOf(askerNumber) };
    if (slot < 6) out.push({ kind: 'faq', body: A.personalMessage(where, asker, questions.next(lang)) });
    else if (slot < 9) {
      const voterNumber = options.voterBase + voter++;
      const data = { sessionId: BENCH_SESSION, rating: 1 + (i % 5), good: `Gut ${i}`, better: '' };
      out.push({ kind: 'vote', body: A.cardAction({ serviceUrl: options.serviceUrl, locale: localeOf(voterNumber) }, A.user(voterNumber), 'feedback.submit', data) });
    } else {
      const commands = lang === 'en' ? COMMAND_TEXTS_EN : COMMAND_TEXTS;
      out.push({ kind: 'command', body: A.personalMessage(where, asker, commands[Math.floor(i / 10) % commands.length]!) });
    }
  }
  return out;
}

/** The share of texts in `texts` that an earlier one already had (what an exact-text cache could serve). */
export function repeatedShare(texts: string[]): number {
  return texts.length ? 1 - new Set(texts).size / texts.length : 0;
}

/** Our service: every answer must be 200, and a vote must come back as the thank-you card (German or English). */
export function serviceCheck(kind: string, result: PostResult): string | undefined {
  if (result.status === 0) return `connection:${result.body.trim().split(' ')[0] || 'error'}`;
  if (result.status !== 200) return `http-${result.status}`;
  if (kind === 'vote' && !/Danke für Ihr Feedback|Thank you for your feedback/.test(result.body)) return 'vote-not-accepted';
  return undefined;
}
