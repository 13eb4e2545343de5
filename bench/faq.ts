// FAQ benchmark: `npm run bench -- faq [--only=performance|quality] [--split=tune|heldout] [--failures]`.
// --split runs the quality suites of one split only (tune while developing: the held-out figures are for
// reporting, not for iterating); --failures adds the failed cases of the tune split, one line each (never of
// the held-out split, whose cases nobody should read while tuning). Prints one JSON object:
//   programs     — per evaluation program and split (tune / heldout, found on disk by tests/faq/suites.ts):
//                  cases, accuracy (all cases), answered_correctly (answerable ones), declined_correctly
//                  (out-of-scope ones), p50_ms / p99_ms per question (first ask)
//   splits       — the same figures pooled per split over the programs other than the example
//   baseline     — the example's tune set scored by plain BM25 (MiniSearch defaults, no German processing)
//   performance  — a generated knowledge base of 1,000 passages: index build ms, answer p50/p99 ms (target
//                  p99 <= 20 ms), CPU time per answer, and the machine's load
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createFaqEngine, createFaqEngineFromKnowledgeBase } from '../src/faq/engine.js';
import { loadEvalSet, percentile, runBaseline, summarise, type EvalOutcome, type EvalSet } from '../src/faq/evaluation.js';
import type { KnowledgeBase, Passage } from '../src/faq/knowledge-base.js';
import { discoverSuites, failures, runSuite, type Split } from '../tests/faq/suites.js';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function pick<T>(list: T[], seed: number): T {
  return list[seed % list.length]!;
}

/** A deterministic knowledge base of `count` German passages built from the domain's and everyday words. */
export function generateKnowledgeBase(count: number, base: KnowledgeBase): KnowledgeBase {
  const vocabulary = [
    ...new Set(
      base.passages
        .flatMap((p) => p.text.split(/\s+/))
        .map((w) => w.replace(/[^\p{L}-]/gu, ''))
        .filter((w) => w.length > 3),
    ),
  ];
  const extra = 'Haushalt Beschaffung Personal Bauamt Schule Verkehr Umwelt Klima Energie Wasser Abfall Friedhof Ordnung Bürgerbüro Kita Sport Kultur Tourismus Wirtschaft Förderung Digitalisierung Portal Formular Antrag Bescheid Gebühr Satzung Rat Ausschuss Sitzung Protokoll'.split(' ');
  const words = [...vocabulary, ...extra];
  let state = 42;
  const next = () => (state = (state * 1103515245 + 12345) & 0x7fffffff);
  const passages: Passage[] = [];
  for (let i = 0; i < count; i++) {
    const topic = `${pick(extra, next())} ${pick(words, next())}`;
    const sentences = Array.from({ length: 3 + (next() % 4) }, () =>
      `${Array.from({ length: 8 + (next() % 10) }, () => pick(words, next())).join(' ')}.`,
    );
    passages.push({ id: `gen-${i}`, title: `${topic} ${i}`, text: sentences.join(' '), source: `generated-${Math.floor(i / 50)}.md` });
  }
  return { ...base, passages: [...base.passages, ...passages].slice(0, Math.max(count, base.passages.length)) };
}

function figures(outcomes: EvalOutcome[]) {
  const s = summarise(outcomes);
  const times = outcomes.map((o) => o.ms);
  return {
    cases: s.cases,
    accuracy: s.accuracy,
    answered_correctly: s.in_scope_accuracy,
    declined_correctly: s.declined_correctly,
    p50_ms: percentile(times, 50),
    p99_ms: percentile(times, 99),
  };
}

async function quality(split: Split | undefined, withFailures: boolean) {
  const programs: Record<string, Record<string, ReturnType<typeof figures>>> = {};
  const pooled: Record<string, EvalOutcome[]> = {};
  const failed: Record<string, string[]> = {};
  for (const suite of discoverSuites().filter((s) => !split || s.split === split)) {
    await runSuite(suite); // warm-up (JIT); the engine remembers answers, so the timed run uses a fresh one
    const { summary } = await runSuite(suite);
    (programs[suite.program] ??= {})[suite.split] = figures(summary.outcomes);
    if (!suite.program.startsWith('example')) (pooled[suite.split] ??= []).push(...summary.outcomes);
    if (withFailures && suite.split === 'tune') failed[suite.program] = failures(summary);
  }
  const splits = Object.fromEntries(Object.entries(pooled).map(([split, outcomes]) => [split, figures(outcomes)]));
  const set = await loadEvalSet(path.join(root, 'tests/faq/eval.yaml'));
  const engine = await createFaqEngine({ contentDir: path.join(root, 'content') });
  const baseline = runBaseline(engine.knowledgeBase, set);
  return {
    programs,
    splits,
    ...(withFailures ? { tune_failures: failed } : {}),
    baseline: {
      method: 'example tune set, MiniSearch defaults (BM25, lower-case tokens, no German processing, no schedule facts); threshold chosen to maximise its own accuracy',
      accuracy: baseline.accuracy,
      declined_correctly: baseline.declined_correctly,
    },
  };
}

async function performance(set: EvalSet) {
  const engine = await createFaqEngine({ contentDir: path.join(root, 'content') });
  const big = generateKnowledgeBase(1000, engine.knowledgeBase);
  const buildStart = globalThis.performance.now();
  // Nothing remembered between questions: every ask does the whole work, as a question asked for the first time.
  const bigEngine = createFaqEngineFromKnowledgeBase(big, { remember: false });
  const buildMs = globalThis.performance.now() - buildStart;
  for (const c of set.cases) bigEngine.ask(c.q, { locale: c.lang, now: new Date(c.now ?? set.defaultNow) });
  const times: number[] = [];
  // CPU time of this process per answer: on a loaded shared machine wall time also counts waiting for a core.
  const cpuTimes: number[] = [];
  for (let round = 0; round < 5; round++) {
    for (const c of set.cases) {
      const cpu0 = process.cpuUsage();
      const t0 = globalThis.performance.now();
      bigEngine.ask(c.q, { locale: c.lang, now: new Date(c.now ?? set.defaultNow) });
      times.push(globalThis.performance.now() - t0);
      const cpu = process.cpuUsage(cpu0);
      cpuTimes.push((cpu.user + cpu.system) / 1000);
    }
  }
  return {
    passages: big.passages.length,
    index_build_ms: Math.round(buildMs * 10) / 10,
    answers: times.length,
    p50_ms: percentile(times, 50),
    p99_ms: percentile(times, 99),
    cpu_p50_ms: percentile(cpuTimes, 50),
    cpu_p99_ms: percentile(cpuTimes, 99),
    // Timings on a shared 2-core machine vary with its load; this is the 1-minute load average at the end.
    load_average: Math.round(os.loadavg()[0]! * 100) / 100,
  };
}

export async function run(args: string[] = []): Promise<unknown> {
  const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length);
  const split = args.find((a) => a.startsWith('--split='))?.slice('--split='.length);
  if (split !== undefined && split !== 'tune' && split !== 'heldout') throw new Error(`--split must be tune or heldout, not ${split}`);
  const set = await loadEvalSet(path.join(root, 'tests/faq/eval.yaml'));
  return {
    ...(only !== 'performance' ? await quality(split, args.includes('--failures')) : {}),
    ...(only !== 'quality' ? { performance: await performance(set) } : {}),
  };
}

export default run;

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  run(process.argv.slice(2)).then((r) => console.log(JSON.stringify(r, null, 2)));
}
