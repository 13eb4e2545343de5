// Fuzzing program.yaml through the loader, the lint and the `lint` CLI command: the shipped program with
// fields deleted, retyped or replaced by hostile strings, text cut and spliced at random places, YAML
// oddities (anchors and alias bombs, tags, duplicate keys, tabs, BOM), and plain garbage. Every outcome
// must be a Program with lint findings or a ProgramLoadError with one clear line; never another exception
// or a stack trace.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { lintProgram, parseProgramText, ProgramLoadError, programCliCommands } from '../../src/program/index.js';
import { ManualClock } from '../../src/shared/clock.js';
import type { CliContext } from '../../src/cli/types.js';
import { REPO_ROOT } from '../harness/service.js';
import { jsonish, oddString } from './arbitraries.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 250);
const SEED_TEXT = fs.readFileSync(path.join(REPO_ROOT, 'content', 'program.yaml'), 'utf8');
const SEED = parse(SEED_TEXT) as Record<string, any>;

const PATHS = [
  'program',
  'program.id',
  'program.title',
  'program.timezone',
  'program.language',
  'program.format',
  'program.reminders',
  'program.feedback',
  'program.feedback.closeAfter',
  'program.feedback.minResponses',
  'program.contacts',
  'program.contacts.0.email',
  'program.announcedSessionCount',
  'sessions',
  'sessions.0',
  'sessions.0.id',
  'sessions.0.date',
  'sessions.0.start',
  'sessions.0.end',
  'sessions.0.weekday',
  'sessions.1.title',
  'sessions.1.joinUrl',
  'sessions.2.status',
  'sessions.3.summary',
  'sessions.4.date',
];

const value = fc.oneof(jsonish, oddString, fc.constantFrom('2025-02-30', '25:00', '24:00', 'P-1D', 'PT0S', 'Mars/Olympus', 'http://x', '', '00:00', '2025-13-01', 'Montag'));
const edit = fc.record({ path: fc.constantFrom(...PATHS), how: fc.oneof(fc.constant<'delete'>('delete'), value.map((v) => ({ value: v }))) });

function applyEdits(edits: Array<{ path: string; how: 'delete' | { value: unknown } }>): string {
  const doc = structuredClone(SEED);
  for (const { path: p, how } of edits) {
    const keys = p.split('.');
    let target: any = doc;
    for (const k of keys.slice(0, -1)) {
      if (target[k] === null || typeof target[k] !== 'object') target[k] = {};
      target = target[k];
    }
    if (how === 'delete') delete target[keys.at(-1)!];
    else target[keys.at(-1)!] = how.value;
  }
  return stringify(doc);
}

const spliced = fc
  .tuple(fc.nat(SEED_TEXT.length), fc.nat(200), fc.oneof(oddString, fc.constantFrom('\t', ':', '- ', '&a ', '*a', '!!binary ', '? ', '|', '>', '{', '[', '"', "'", '\n  ', '\uFEFF', '%YAML 1.1\n---\n')))
  .map(([at, cut, insert]) => SEED_TEXT.slice(0, at) + insert + SEED_TEXT.slice(Math.min(SEED_TEXT.length, at + cut)));

const oddities = fc.constantFrom(
  '',
  '---\n...\n',
  '~',
  '[]',
  '42',
  '"program"',
  'program: &p {id: a}\nsessions: *p\n',
  'a: &a ["x","x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\nprogram: *d\n',
  'program:\n  id: a\nprogram:\n  id: b\n',
  'program: !!js/function "function(){}"\n',
  '\uFEFFprogram:\n\tid: x\n',
  'program:\n  id: x\nsessions:\n  - id: a\n    date: 2025-01-01\n    start: "10:00"\n    end: "09:00"\n    title: t\n',
  '__proto__:\n  polluted: true\nprogram: {}\n',
  'constructor:\n  prototype:\n    polluted: true\n',
);

const programText = fc.oneof(
  { weight: 4, arbitrary: fc.array(edit, { minLength: 1, maxLength: 4 }).map(applyEdits) },
  { weight: 3, arbitrary: spliced },
  { weight: 1, arbitrary: oddities },
  { weight: 1, arbitrary: oddString },
);

function checkOne(text: string): void {
  let program;
  try {
    program = parseProgramText(text, 'program.yaml');
  } catch (error) {
    expect(error, `not a ProgramLoadError for ${JSON.stringify(text).slice(0, 400)}: ${(error as Error)?.stack}`).toBeInstanceOf(ProgramLoadError);
    const message = (error as Error).message;
    expect(message).toMatch(/^program\.yaml(:\d+)?: /);
    expect(message).not.toMatch(/\n\s+at /);
    return;
  }
  const findings = lintProgram(program, { now: new Date('2025-08-01T08:00:00Z') });
  for (const f of findings) {
    expect(typeof f.code).toBe('string');
    expect(typeof f.message).toBe('string');
    expect(f.message).not.toMatch(/\n\s+at /);
  }
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}

describe('program.yaml fuzzing', () => {
  it('the loader and the lint give a program with findings or one clear error, never an exception', () => {
    fc.assert(fc.property(programText, (text) => checkOne(text)), { numRuns: RUNS * 8, interruptAfterTimeLimit: 25_000 });
  }, 40_000);

  it('the lint command exits 0 or 1 with readable output and never throws', async () => {
    const lint = programCliCommands.find((c) => c.name === 'lint')!;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plb-fuzz-lint-'));
    try {
      await fc.assert(
        fc.asyncProperty(programText, async (text) => {
          fs.writeFileSync(path.join(dir, 'program.yaml'), text);
          const out: string[] = [];
          const err: string[] = [];
          const ctx: CliContext = {
            out: (t) => out.push(t),
            err: (t) => err.push(t),
            env: {},
            contentDir: dir,
            storage: () => Promise.reject(new Error('lint needs no storage')),
            clock: new ManualClock('2025-08-01T08:00:00Z'),
          };
          const code = await lint.run([], ctx);
          expect([0, 1]).toContain(code);
          const all = [...out, ...err].join('\n');
          expect(all.trim().length).toBeGreaterThan(0);
          expect(all).not.toMatch(/\n\s+at /);
          if (code === 1 && err.length) expect(err.join('\n')).toContain('program.yaml');
        }),
        { numRuns: RUNS, interruptAfterTimeLimit: 15_000 },
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});
