// Vote benchmark: N people vote at the same moment on one session's poll (default 500), through the same
// FeedbackService.submitVote the invoke handler calls, against a fresh in-memory Azurite. Then the stored
// rows are counted: `lost` must be 0. Latency is per submitVote call (store + live aggregate + card).
// Usage: npm run bench -- votes [--votes 500] [--edits 50]
import { pathToFileURL } from 'node:url';
import { FeedbackService, PollLifecycle } from '../src/feedback/index.js';
import { programSchema } from '../src/program/model.js';
import { ManualClock } from '../src/shared/clock.js';
import { startAzurite } from '../src/storage/azurite.js';
import { listAll, TableStore } from '../src/storage/tables.js';

function option(args: string[], name: string, fallback: number): number {
  const i = args.indexOf(`--${name}`);
  const raw = i >= 0 ? args[i + 1] : args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const n = raw === undefined ? fallback : Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} expects a whole number`);
  return n;
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Math.round(sorted[Math.max(0, index)]! * 10) / 10;
}

export default async function run(args: string[]): Promise<unknown> {
  const votes = option(args, 'votes', 500);
  const edits = option(args, 'edits', 50);
  const azurite = await startAzurite();
  try {
    const store = new TableStore({ kind: 'connectionString', connectionString: azurite.connectionString }, 'bench');
    const program = programSchema.parse({
      program: { id: 'bench', title: 'Benchmark', timezone: 'Europe/Berlin', feedback: { closeAfter: 'P7D', minResponses: 3 } },
      sessions: [{ id: 'session', title: 'Benchmark-Termin', date: '2025-12-16', start: '10:00', end: '12:00' }],
    });
    const clock = new ManualClock('2025-12-16T11:05:00Z');
    const service = new FeedbackService({ store, program, clock });
    await new PollLifecycle({ store, program, clock }).openPoll('session', 'timer');
    // Warm the table clients and the responder secret, as a running service would have them.
    await service.repository.responderKey('warm-up');
    await store.table('feedbackResponses');
    await store.table('feedbackVoters');

    const latencies: number[] = [];
    const errors: Record<string, number> = {};
    const vote = async (person: string, userId: string, rating: number, good: string) => {
      const t0 = performance.now();
      const outcome = await service.submitVote({ responderAadId: person, responderUserId: userId, locale: 'de', data: { sessionId: 'session', rating, good } });
      latencies.push(performance.now() - t0);
      if ('error' in outcome) errors[outcome.error.code] = (errors[outcome.error.code] ?? 0) + 1;
      return !('error' in outcome);
    };

    const wall0 = performance.now();
    const accepted = await Promise.all(
      Array.from({ length: votes }, (_, i) => vote(`00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, `29:bench-${i}`, (i % 5) + 1, `Kommentar ${i}`)),
    );
    const wallMs = performance.now() - wall0;
    const editResults = await Promise.all(Array.from({ length: edits }, (_, i) => vote('ffffffff-0000-4000-8000-000000000000', '29:editor', (i % 5) + 1, `Fassung ${i}`)));

    const rows = await listAll<{ rating: number }>(await store.table('feedbackResponses'));
    const stored = rows.length - (edits > 0 ? 1 : 0);
    const sorted = [...latencies].sort((a, b) => a - b);
    return {
      votes,
      stored,
      lost: accepted.filter(Boolean).length - stored,
      p50_ms: percentile(sorted, 50),
      p99_ms: percentile(sorted, 99),
      rejected: votes - accepted.filter(Boolean).length,
      wall_ms: Math.round(wallMs),
      votes_per_s: Math.round((votes / wallMs) * 1000),
      edits,
      edit_rows: edits > 0 ? rows.length - stored : 0,
      edits_rejected: editResults.filter((ok) => !ok).length,
      ...(Object.keys(errors).length ? { errors } : {}),
    };
  } finally {
    await azurite.stop();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  run(process.argv.slice(2)).then(
    (result) => console.log(JSON.stringify(result)),
    (error: unknown) => {
      console.error((error as Error).message);
      process.exitCode = 1;
    },
  );
}
