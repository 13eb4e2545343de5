// A fake Teams connector in a process of its own, to measure pacing where Teams measures it: at the receiving
// end, after the network, with its own clock and event loop. It enforces a per-tenant sliding 1 s limit
// (every request counts, refused ones included: the strict reading of "requests per second"), answers over it
// with 429 and Retry-After: 1, injects seeded 429s (half with Retry-After: 1) and 503s, answers after a seeded
// 20-40 ms, and records every request with its arrival time and tenant. The parent (test or benchmark) talks
// to it over the IPC channel:
//   → {type:'expect', deliveries:[{conversationId, tenantId, text}]}   ← {type:'expected'}
//   → {type:'report'}                                                   ← {type:'report', report}
//   ← {type:'ready', url} once listening.
// Start: node --import tsx bench/support/pacing-receiver.ts '<json ReceiverOptions>' with an IPC channel.
import { spawnSync } from 'node:child_process';
import http from 'node:http';
import crypto from 'node:crypto';
import os from 'node:os';

export interface ReceiverOptions {
  /** Requests per tenant in any sliding 1 s window. */
  limit: number;
  p429: number;
  p503: number;
  latencyMs: [number, number];
  seed: number;
}

export interface ExpectedDelivery {
  conversationId: string;
  tenantId: string;
  /** The message text; one accepted message per (conversation, text) is one delivery. */
  text: string;
}

export interface TenantFigures {
  tenant: string;
  requests: number;
  accepted: number;
  refused_for_limit: number;
  injected_429: number;
  injected_503: number;
  /** Most requests in any 1 s window (every request counts). */
  peak_1s: number;
  /**
   * The mean request count of all 1 s windows from the tenant's first request to its last first attempt
   * (after it only retries waiting out their delays remain), divided by the limit: how much of its budget
   * the tenant used while it had work. null when that span is shorter than one window.
   */
  ratio: number | null;
  busy_seconds: number;
  /** Accepted deliveries per second from the first request to the last acceptance, divided by the limit. */
  delivered_ratio: number;
}

export interface ReceiverReport {
  /** How the receiver was scheduled: real-time (its main thread), at a raised priority, or as is. */
  scheduling: 'realtime' | 'nice' | 'normal';
  limit: number;
  requests: number;
  refused_for_limit: number;
  refused_share: number;
  peak_1s: number;
  min_ratio: number | null;
  duplicates: number;
  losses: number;
  unexpected: number;
  tenants: TenantFigures[];
}

interface Arrival {
  at: number;
  first: boolean;
  accepted: boolean;
}

const WINDOW_MS = 1000;

/** mulberry32: reproducible fault injection. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Arrivals in (now - window, now], as the connector counts them. */
class ArrivalWindow {
  private readonly stamps: number[] = [];
  private head = 0;
  add(now: number): number {
    this.stamps.push(now);
    while (this.stamps[this.head]! <= now - WINDOW_MS) this.head++;
    if (this.head > 4096) {
      this.stamps.splice(0, this.head);
      this.head = 0;
    }
    return this.stamps.length - this.head;
  }
}

const round = (n: number, digits = 3) => Math.round(n * 10 ** digits) / 10 ** digits;

/** Most arrivals in any window (t - 1 s, t]: the maximum is reached at an arrival. */
function peak(times: number[]): number {
  let best = 0;
  let lo = 0;
  for (let hi = 0; hi < times.length; hi++) {
    while (times[lo]! <= times[hi]! - WINDOW_MS) lo++;
    best = Math.max(best, hi - lo + 1);
  }
  return best;
}

/**
 * The mean count of the windows (s, s + 1 s] for s from `from` to `to` - 1 s: each arrival at t counts for
 * the part of [t - 1 s, t) that lies in that range of s.
 */
function meanWindowCount(times: number[], from: number, to: number): number | null {
  const span = to - from - WINDOW_MS;
  if (span <= 0) return null;
  let sum = 0;
  for (const t of times) sum += Math.max(0, Math.min(t, from + span) - Math.max(t - WINDOW_MS, from));
  return sum / span;
}

export function summarize(options: Pick<ReceiverOptions, 'limit'>, arrivals: Map<string, Arrival[]>, counters: Map<string, { refused: number; i429: number; i503: number; lastAccepted: number }>, accepted: Map<string, number>, expected: Map<string, string>): Omit<ReceiverReport, 'scheduling'> {
  const tenants: TenantFigures[] = [...arrivals.keys()].sort().map((tenant) => {
    const list = arrivals.get(tenant)!;
    const times = list.map((a) => a.at);
    const first = times[0]!;
    const lastFirst = Math.max(...list.filter((a) => a.first).map((a) => a.at));
    const c = counters.get(tenant)!;
    const acceptedCount = list.filter((a) => a.accepted).length;
    // The span ends just after the last first attempt, so that it counts in the last window.
    const mean = meanWindowCount(times, first, lastFirst + 1e-6);
    return {
      tenant,
      requests: list.length,
      accepted: acceptedCount,
      refused_for_limit: c.refused,
      injected_429: c.i429,
      injected_503: c.i503,
      peak_1s: peak(times),
      ratio: mean === null ? null : round(mean / options.limit),
      busy_seconds: round((lastFirst - first) / 1000, 2),
      delivered_ratio: round(acceptedCount / Math.max(1e-9, (c.lastAccepted - first) / 1000) / options.limit),
    };
  });
  const requests = tenants.reduce((n, t) => n + t.requests, 0);
  const refused = tenants.reduce((n, t) => n + t.refused_for_limit, 0);
  const ratios = tenants.map((t) => t.ratio).filter((r): r is number => r !== null);
  let losses = 0;
  for (const key of expected.keys()) if (!accepted.get(key)) losses++;
  return {
    limit: options.limit,
    requests,
    refused_for_limit: refused,
    refused_share: round(requests ? refused / requests : 0, 4),
    peak_1s: Math.max(0, ...tenants.map((t) => t.peak_1s)),
    min_ratio: ratios.length ? Math.min(...ratios) : null,
    duplicates: [...accepted.values()].filter((n) => n > 1).length,
    losses,
    unexpected: [...accepted.keys()].filter((k) => !expected.has(k)).length,
    tenants,
  };
}

function main(options: ReceiverOptions): void {
  // Teams runs on other machines: the receiver's arrival times must not depend on how busy this one is. A
  // receiver that waits for the CPU stamps requests late, in bunches, and counts requests together that
  // arrived apart: at a higher nice priority alone its stamps still came up to 23 ms after the request left its
  // sender, and the windows that went over the limit were those whose first request was stamped late (see
  // docs/benchmarks.md). So its main thread, which stamps, asks for real-time scheduling, which lets it run as
  // soon as a request is there (p99 0.6 ms, at most 2.5 ms after leaving); otherwise the process asks for a
  // higher priority (both need root or CAP_SYS_NICE; else it is measured as is). The report says which.
  let scheduling: ReceiverReport['scheduling'] = 'realtime';
  if (spawnSync('chrt', ['--fifo', '--pid', '10', String(process.pid)], { stdio: 'ignore' }).status !== 0) {
    try {
      os.setPriority(-10);
      scheduling = 'nice';
    } catch {
      scheduling = 'normal';
    }
  }
  const random = seeded(options.seed);
  const tenantOf = new Map<string, string>();
  const expected = new Map<string, string>();
  const windows = new Map<string, ArrivalWindow>();
  const arrivals = new Map<string, Arrival[]>();
  const counters = new Map<string, { refused: number; i429: number; i503: number; lastAccepted: number }>();
  const accepted = new Map<string, number>();
  const attempted = new Set<string>();

  const server = http.createServer((req, res) => {
    // Stamped before anything else: the arrival is when the request reached this process.
    const at = performance.now();
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const parts = new URL(req.url ?? '/', 'http://localhost').pathname.split('/').filter(Boolean).map(decodeURIComponent);
      if (req.method !== 'POST' || parts[0] !== 'v3' || parts[1] !== 'conversations' || parts[3] !== 'activities') {
        res.writeHead(404).end();
        return;
      }
      const conversationId = parts[2] ?? '';
      let text = '';
      try {
        text = String((JSON.parse(Buffer.concat(chunks).toString('utf8')) as { text?: unknown }).text ?? '');
      } catch {
        // counted with an empty text
      }
      const tenant = tenantOf.get(conversationId) ?? 'unknown';
      const key = `${conversationId}\u0000${text}`;
      let window = windows.get(tenant);
      if (!window) {
        windows.set(tenant, (window = new ArrivalWindow()));
        arrivals.set(tenant, []);
        counters.set(tenant, { refused: 0, i429: 0, i503: 0, lastAccepted: at });
      }
      const counter = counters.get(tenant)!;
      const arrival: Arrival = { at, first: !attempted.has(key), accepted: false };
      attempted.add(key);
      arrivals.get(tenant)!.push(arrival);
      let status = 200;
      let headers: Record<string, string> = {};
      if (window.add(at) > options.limit) {
        counter.refused++;
        status = 429;
        headers = { 'Retry-After': '1' };
      } else {
        const r = random();
        if (r < options.p429) {
          counter.i429++;
          status = 429;
          if (r < options.p429 / 2) headers = { 'Retry-After': '1' };
        } else if (r < options.p429 + options.p503) {
          counter.i503++;
          status = 503;
        }
      }
      const [lo, hi] = options.latencyMs;
      setTimeout(() => {
        if (status === 200) {
          arrival.accepted = true;
          counter.lastAccepted = performance.now();
          accepted.set(key, (accepted.get(key) ?? 0) + 1);
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: crypto.randomUUID() }));
        } else {
          res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify({ error: { code: 'Throttled', message: `fake ${status}` } }));
        }
      }, lo + (hi - lo) * random());
    });
  });
  // Idle connections stay open longer than an instance waits for a tenant's lease: a connection the server
  // closes just as the client reuses it breaks a request after it was written, an `uncertain` send that would
  // count here as lost though no pacing caused it.
  server.keepAliveTimeout = 120_000;

  process.on('message', (raw) => {
    const message = raw as { type: string; deliveries?: ExpectedDelivery[] };
    if (message.type === 'expect') {
      for (const d of message.deliveries ?? []) {
        tenantOf.set(d.conversationId, d.tenantId);
        expected.set(`${d.conversationId}\u0000${d.text}`, d.tenantId);
      }
      process.send!({ type: 'expected' });
    } else if (message.type === 'report') {
      process.send!({ type: 'report', report: { ...summarize(options, arrivals, counters, accepted, expected), scheduling } });
    }
  });
  process.on('disconnect', () => process.exit(0));
  server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    process.send!({ type: 'ready', url: `http://127.0.0.1:${port}/` });
  });
}

if (import.meta.url === `file://${process.argv[1]}`) main(JSON.parse(process.argv[2] ?? '{}') as ReceiverOptions);
