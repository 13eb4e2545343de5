// The FAQ evaluation suites, one per program and split, found on disk so that added question files count
// without code changes:
//  - example: content/ with tests/faq/eval.yaml (tune: the set the engine was developed on) and
//    tests/faq/heldout/example.yaml (held out);
//  - example-announcement: only the raw seed announcement as material, with the same tune set and
//    tests/faq/heldout/example-announcement.yaml;
//  - every folder tests/faq/programs/<id>/ (program.yaml, material/, optional faq.yaml) with
//    questions.tune.yaml and questions.heldout.yaml.
// The engine's clock is each set's defaultNow, so a program derived from the material reads its dates the
// same way on every run.
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ManualClock } from '../../src/shared/clock.js';
import { createFaqEngine, type FaqEngine } from '../../src/faq/engine.js';
import { calibrationCases, loadEvalSet, runEval, type CalibrationCase, type EvalSet, type EvalSummary } from '../../src/faq/evaluation.js';

export const root = path.resolve(import.meta.dirname, '../..');
export type Split = 'tune' | 'heldout';

export interface Suite {
  program: string;
  split: Split;
  setFile: string;
  /** The program's folder, or a function that lays one out (and a clean-up). */
  content: string | (() => Promise<{ dir: string; cleanup: () => Promise<void> }>);
}

/** A content folder whose only material is the raw seed announcement (no program.yaml, no faq.yaml). */
async function announcementOnly(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'faq-announcement-'));
  await fsp.mkdir(path.join(dir, 'material'));
  await fsp.copyFile(path.join(root, 'tests/program/announcements/seed.txt'), path.join(dir, 'material', 'ankuendigung.txt'));
  return { dir, cleanup: () => fsp.rm(dir, { recursive: true, force: true }) };
}

export function discoverSuites(): Suite[] {
  const suites: Suite[] = [];
  const add = (program: string, split: Split, setFile: string, content: Suite['content']) => {
    if (fs.existsSync(setFile)) suites.push({ program, split, setFile, content });
  };
  const content = path.join(root, 'content');
  add('example', 'tune', path.join(root, 'tests/faq/eval.yaml'), content);
  add('example', 'heldout', path.join(root, 'tests/faq/heldout/example.yaml'), content);
  add('example-announcement', 'tune', path.join(root, 'tests/faq/eval.yaml'), announcementOnly);
  add('example-announcement', 'heldout', path.join(root, 'tests/faq/heldout/example-announcement.yaml'), announcementOnly);
  const programs = path.join(root, 'tests/faq/programs');
  for (const id of fs.existsSync(programs) ? fs.readdirSync(programs).sort() : []) {
    const dir = path.join(programs, id);
    if (!fs.existsSync(path.join(dir, 'material'))) continue;
    add(id, 'tune', path.join(dir, 'questions.tune.yaml'), dir);
    add(id, 'heldout', path.join(dir, 'questions.heldout.yaml'), dir);
  }
  return suites;
}

export interface SuiteResult {
  suite: Suite;
  set: EvalSet;
  summary: EvalSummary;
  engine: FaqEngine;
}

export async function runSuite(suite: Suite): Promise<SuiteResult> {
  const set = await loadEvalSet(suite.setFile);
  const laid = typeof suite.content === 'string' ? { dir: suite.content, cleanup: async () => {} } : await suite.content();
  try {
    const engine = await createFaqEngine({ contentDir: laid.dir, clock: new ManualClock(set.defaultNow) });
    return { suite, set, summary: runEval(engine, set), engine };
  } finally {
    await laid.cleanup();
  }
}

/** The failed cases of a run, one line each (for assertion messages and tuning). */
export function failures(summary: EvalSummary): string[] {
  return summary.outcomes
    .filter((o) => !o.correct)
    .map((o) => `${o.case.declined ? '[out] ' : ''}${o.case.q} -> ${o.answer.answered ? o.answer.answer.replace(/\n/g, ' ').slice(0, 160) : 'declined'} (conf ${o.answer.confidence})`);
}

/** A suite answered without a threshold (every question answered), for calibrateThreshold. */
export async function calibrationRun(suite: Suite): Promise<CalibrationCase[]> {
  const set = await loadEvalSet(suite.setFile);
  const laid = typeof suite.content === 'string' ? { dir: suite.content, cleanup: async () => {} } : await suite.content();
  try {
    const engine = await createFaqEngine({ contentDir: laid.dir, clock: new ManualClock(set.defaultNow), threshold: -1 });
    return calibrationCases(engine, set);
  } finally {
    await laid.cleanup();
  }
}
