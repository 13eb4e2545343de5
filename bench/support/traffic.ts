// The realistic mix for the message benchmarks: 60% FAQ questions drawn from tests/faq/eval.yaml, 30% poll
// votes (each from a distinct person), 10% commands. Also the content directory with a session that ended
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

export function faqQuestions(): string[] {
  const doc = parse(fs.readFileSync(path.join(REPO_ROOT, 'tests', 'faq', 'eval.yaml'), 'utf8')) as { cases: Array<{ q: string }> };
  return doc.cases.map((c) => c.q).filter((q) => typeof q === 'string' && q.trim());
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

/** `n` activities in a fixed interleaving of 6 questions, 3 votes and 1 command per 10. */
export function mixedActivities(n: number, options: TrafficOptions, questions = faqQuestions()): Array<{ kind: TrafficKind; body: unknown }> {
  const where = { serviceUrl: options.serviceUrl };
  const out: Array<{ kind: TrafficKind; body: unknown }> = [];
  let voter = 0;
  for (let i = 0; i < n; i++) {
    const slot = i % 10;
    const asker = A.user(1 + (i % options.askers));
    if (slot < 6) out.push({ kind: 'faq', body: A.personalMessage(where, asker, questions[i % questions.length]!) });
    else if (slot < 9) {
      const person = A.user(options.voterBase + voter++);
      out.push({ kind: 'vote', body: A.cardAction(where, person, 'feedback.submit', { sessionId: BENCH_SESSION, rating: 1 + (i % 5), good: `Gut ${i}`, better: '' }) });
    } else out.push({ kind: 'command', body: A.personalMessage(where, asker, COMMAND_TEXTS[Math.floor(i / 10) % COMMAND_TEXTS.length]!) });
  }
  return out;
}

/** Our service: every answer must be 200, and a vote must come back as the thank-you card. */
export function serviceCheck(kind: string, result: PostResult): string | undefined {
  if (result.status === 0) return `connection:${result.body.trim().split(' ')[0] || 'error'}`;
  if (result.status !== 200) return `http-${result.status}`;
  if (kind === 'vote' && !result.body.includes('Danke für Ihr Feedback')) return 'vote-not-accepted';
  return undefined;
}
