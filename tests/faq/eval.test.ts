// The quality gate: the evaluation set on the default content, and on the raw seed announcement alone.
import { describe, expect, it, beforeAll } from 'vitest';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createFaqEngine } from '../../src/faq/engine.js';
import { loadEvalSet, runEval, type EvalSet } from '../../src/faq/evaluation.js';

const root = path.resolve(import.meta.dirname, '../..');
// A verbatim copy of the seed announcement (shared/seed/000_4f8605784865f441.txt), kept in the repository
// so that the test does not depend on what lies beside the checkout.
const SEED = path.join(root, 'tests/program/announcements/seed.txt');
let set: EvalSet;

beforeAll(async () => {
  set = await loadEvalSet(path.join(root, 'tests/faq/eval.yaml'));
});

function failures(summary: ReturnType<typeof runEval>): string[] {
  return summary.outcomes.filter((o) => !o.correct).map((o) => `${o.case.q} -> ${o.answer.answered ? o.answer.answer.slice(0, 120) : 'declined'}`);
}

describe('FAQ evaluation set', () => {
  it('has at least 80 questions, 15 of them out of scope', () => {
    expect(set.cases.length).toBeGreaterThanOrEqual(80);
    expect(set.cases.filter((c) => c.declined).length).toBeGreaterThanOrEqual(15);
    expect(set.cases.filter((c) => c.lang === 'en').length).toBeGreaterThanOrEqual(10);
  });

  it('meets the targets on the default content (accuracy and declines >= 0.95)', async () => {
    const engine = await createFaqEngine({ contentDir: path.join(root, 'content') });
    expect(engine.knowledgeBase.program?.sessions.length).toBe(5);
    const summary = runEval(engine, set);
    expect(summary.accuracy, failures(summary).join('\n')).toBeGreaterThanOrEqual(0.95);
    expect(summary.declined_correctly).toBeGreaterThanOrEqual(0.95);
  });

  // Measured: accuracy 0.714, declined 1.0. The floor is lower than the target on purpose: the raw
  // announcement has wrong facts (16.12.2026, Thursday 26.08., "sechs Termine") and lacks the material's
  // explanations the set asks about, so many expected strings cannot appear; declining must not suffer.
  it('works with the raw seed announcement as the only material', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'faq-seed-'));
    try {
      await fs.mkdir(path.join(dir, 'material'));
      await fs.copyFile(SEED, path.join(dir, 'material', 'ankuendigung.txt'));
      const engine = await createFaqEngine({ contentDir: dir });
      expect(engine.knowledgeBase.programSource).toBe('material');
      const summary = runEval(engine, set);
      expect(summary.accuracy, failures(summary).join('\n')).toBeGreaterThanOrEqual(0.65);
      expect(summary.declined_correctly).toBeGreaterThanOrEqual(0.95);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
