// Soak: steady mixed traffic (60% FAQ questions, 30% votes, 10% commands) at a fixed rate against the service
// as a separate process (same setup as the message benchmark), for --minutes (default 10). Every
// --sample-seconds the service process is sampled from outside: VmRSS and VmData from /proc/<pid>/status,
// open descriptors from /proc/<pid>/fd, and the V8 heap after the latest full GC from the service's own
// --trace-gc output (nothing is added to src/). The voters are a fixed, installed population voting again
// and again (edits), so a steady state exists; the first fifth of the run is warm-up.
// Pass: RSS and heap grow <= 10% from the first to the last third after warm-up (medians), and the lowest
// descriptor count of the last third is not above that of the first.
// Usage: npm run bench -- soak [--minutes 10] [--rate 40] [--sample-seconds 15]
import * as A from '../tests/harness/activities.js';
import { flag, machine, option, percentile, procSample, stealMeter } from './support/load.js';
import { installUsers, startBenchService, waitForPoll } from './support/setup.js';
import { BENCH_SESSION, COMMAND_TEXTS, faqQuestions, serviceCheck } from './support/traffic.js';

const ASKERS = 200;
const VOTERS = 1000;
const VOTER_BASE = 10_000;

interface Sample {
  t_s: number;
  rss_mb: number;
  data_mb: number;
  heap_mb: number | null;
  fds: number;
  sent: number;
  errors: number;
  p50_ms: number;
  p99_ms: number;
}

// `[pid:0xISOLATE]  1234 ms: Mark-Compact 45.1 (60.2) -> 40.3 (58.1) MB, ...`. tsx's loader runs in a worker
// with its own isolate; the service's heap is the main isolate's, the one with the largest heap.
const GC_LINE = /\[\d+:(0x[0-9a-f]+)\][^\n]*?Mark-Compact[^\n]*?([\d.]+) \(([\d.]+)\) -> ([\d.]+) \(([\d.]+)\) MB/g;

/** Follows the --trace-gc output: the heap after the latest full GC of each isolate. */
function gcTracker() {
  const latest = new Map<string, number>();
  let partial = '';
  return {
    feed(chunk: string) {
      const text = partial + chunk;
      const cut = text.lastIndexOf('\n');
      partial = cut >= 0 ? text.slice(cut + 1) : text;
      for (const m of (cut >= 0 ? text.slice(0, cut) : '').matchAll(GC_LINE)) latest.set(m[1]!, Number(m[4]));
    },
    heapMb(): number | null {
      return latest.size ? Math.max(...latest.values()) : null;
    },
  };
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)]! : 0;
}

export default async function run(args: string[]): Promise<unknown> {
  const minutes = option(args, 'minutes', 10);
  const rate = option(args, 'rate', 40);
  const sampleSeconds = option(args, 'sample-seconds', minutes < 3 ? 5 : 15);
  const concurrencyCap = 32;
  const questions = faqQuestions();
  const before = machine();
  const steal = stealMeter();
  const gc = gcTracker();
  const bench = await startBenchService({ concurrency: concurrencyCap, nodeArgs: ['--trace-gc'], onOutput: (chunk) => gc.feed(chunk) });
  const samples: Sample[] = [];
  let totalSent = 0;
  let totalErrors = 0;
  const errorKinds: Record<string, number> = {};
  try {
    await waitForPoll(bench);
    await installUsers(bench, 1, ASKERS, 16);
    await installUsers(bench, VOTER_BASE, VOTERS, 16);
    const where = { serviceUrl: bench.connector.url };
    let i = 0;
    const nextActivity = (): { kind: string; body: unknown } => {
      const n = i++;
      const slot = n % 10;
      const asker = A.user(1 + (n % ASKERS));
      if (slot < 6) return { kind: 'faq', body: A.personalMessage(where, asker, questions[n % questions.length]!) };
      if (slot < 9) {
        const voter = A.user(VOTER_BASE + (n % VOTERS));
        return { kind: 'vote', body: A.cardAction(where, voter, 'feedback.submit', { sessionId: BENCH_SESSION, rating: 1 + (n % 5), good: `Runde ${n}`, better: '' }) };
      }
      return { kind: 'command', body: A.personalMessage(where, asker, COMMAND_TEXTS[n % COMMAND_TEXTS.length]!) };
    };

    let inFlight = 0;
    let windowLatencies: number[] = [];
    let windowErrors = 0;
    let windowSent = 0;
    const send = async () => {
      const a = nextActivity();
      inFlight++;
      const result = await bench.client.post('/api/messages', a.body);
      inFlight--;
      windowLatencies.push(result.ms);
      windowSent++;
      totalSent++;
      const problem = serviceCheck(a.kind, result);
      if (problem) {
        windowErrors++;
        totalErrors++;
        errorKinds[`${a.kind}:${problem}`] = (errorKinds[`${a.kind}:${problem}`] ?? 0) + 1;
      }
    };

    const start = Date.now();
    const end = start + minutes * 60_000;
    let nextSample = start + sampleSeconds * 1000;
    let due = 0;
    while (Date.now() < end) {
      due += rate / 10;
      while (due >= 1) {
        due -= 1;
        // Bounded: if the service falls behind, the backlog shows up as latency, not as unbounded sockets.
        if (inFlight < concurrencyCap) void send();
      }
      await new Promise((r) => setTimeout(r, 100));
      if (Date.now() >= nextSample) {
        nextSample += sampleSeconds * 1000;
        const proc = procSample(bench.service.pid);
        const sorted = windowLatencies.sort((a, b) => a - b);
        samples.push({
          t_s: Math.round((Date.now() - start) / 1000),
          ...proc,
          heap_mb: gc.heapMb(),
          sent: windowSent,
          errors: windowErrors,
          p50_ms: percentile(sorted, 50),
          p99_ms: percentile(sorted, 99),
        });
        windowLatencies = [];
        windowErrors = 0;
        windowSent = 0;
      }
    }
    while (inFlight > 0) await new Promise((r) => setTimeout(r, 50));
  } finally {
    await bench.stop();
  }

  const warm = Math.max(1, Math.floor(samples.length / 5));
  const steady = samples.slice(warm);
  // Medians of the first and last third of the steady part: RSS swings by a third between full GCs and
  // the descriptor count with the sockets in flight, so single samples at either end measure the moment,
  // not growth.
  const third = Math.max(1, Math.floor(steady.length / 3));
  const head = steady.slice(0, third);
  const tail = steady.slice(-third);
  const growth = (pick: (s: Sample) => number | null) => {
    const a = median(head.map(pick).filter((v): v is number => v !== null));
    const b = median(tail.map(pick).filter((v): v is number => v !== null));
    return a ? Math.round(((b - a) / a) * 1000) / 10 : null;
  };
  const rssGrowth = growth((s) => s.rss_mb);
  const heapGrowth = growth((s) => s.heap_mb);
  // A leaked descriptor never closes, so it raises the lowest count; sockets in flight only add above it.
  const fdStart = Math.min(...head.map((s) => s.fds));
  const fdEnd = Math.min(...tail.map((s) => s.fds));
  return {
    minutes,
    rate_per_s: rate,
    sent: totalSent,
    errors: totalErrors,
    ...(totalErrors ? { error_kinds: errorKinds } : {}),
    warmup_samples: warm,
    rss_growth_pct: rssGrowth,
    heap_growth_pct: heapGrowth,
    fds_after_warmup: fdStart,
    fds_at_end: fdEnd,
    pass: {
      rss: rssGrowth !== null && rssGrowth <= 10,
      heap: heapGrowth === null || heapGrowth <= 10,
      fds: fdEnd <= fdStart,
      errors: totalErrors === 0,
    },
    samples: flag(args, 'quiet') ? undefined : samples,
    machine: { ...before, loadavg_after: machine().loadavg, cpu_steal_pct: steal() },
  };
}
