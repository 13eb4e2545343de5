// The service's entry point in the message benchmarks: src/index.ts as in production, after pointing the
// Bot Framework authentication at the local stand-ins (./local-channel.ts) and after counting the FAQ answer
// memo's hits. The memo (src/faq/engine.ts, keyed by the question's text) has no counter of its own, so its
// two methods are wrapped here: every ask() is a question, every resolve() a question the memo did not hold.
// It also counts the service's outgoing HTTP requests (storage and connector), by method and table, through
// Node's diagnostics channel: the round trips per activity are what the storage's and the service's CPU follow.
// On SIGUSR2 the process prints {"event":"bench.faqMemo","asks":…,"misses":…,"requests":{…}} on stdout
// (./setup.ts reads it).
import diagnostics from 'node:diagnostics_channel';
import { useLocalChannel } from './local-channel.js';
import { createFaqEngineFromKnowledgeBase } from '../../src/faq/engine.js';

type Method = (...args: unknown[]) => unknown;

function countFaqMemo(): void {
  const engine = Object.getPrototypeOf(createFaqEngineFromKnowledgeBase({ contentDir: '', passages: [], curated: [] })) as Record<string, unknown>;
  const ask = engine.ask;
  const resolve = engine.resolve;
  if (typeof ask !== 'function' || typeof resolve !== 'function') {
    throw new Error('the FAQ engine no longer has ask() and resolve(): update the memo counter in bench/support/service-main.ts');
  }
  const counts = { asks: 0, misses: 0 };
  engine.ask = function (this: unknown, ...args: unknown[]) {
    counts.asks++;
    return (ask as Method).apply(this, args);
  };
  engine.resolve = function (this: unknown, ...args: unknown[]) {
    counts.misses++;
    return (resolve as Method).apply(this, args);
  };
  process.on('SIGUSR2', () => process.stdout.write(`${JSON.stringify({ event: 'bench.faqMemo', ...counts, requests: Object.fromEntries(requests) })}\n`));
}

const requests = new Map<string, number>();

/** "POST $batch", "GET Registry", "POST connector": the table (first path segment after the account) or the connector. */
function requestKind(request: { method: string; path: string }): string {
  const table = /^\/devstoreaccount1\/([^/(?]+)/.exec(request.path)?.[1];
  return `${request.method} ${table ?? (request.path.startsWith('/v3/') ? 'connector' : 'other')}`;
}

function countRequests(): void {
  diagnostics.subscribe('http.client.request.start', (message) => {
    const kind = requestKind((message as { request: { method: string; path: string } }).request);
    requests.set(kind, (requests.get(kind) ?? 0) + 1);
  });
}

useLocalChannel();
countRequests();
countFaqMemo();
await import('../../src/index.js');
