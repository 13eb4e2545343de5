// Tick benchmark (issue 17, point 9): what one scheduler tick costs with no finished jobs in storage and with
// 100,000 of them. Two stores in one in-memory Azurite: "empty" holds only the planned work, "full" holds the
// same plus N finished jobs (written as the service writes a finished job: status done, counts, no hint).
// The finished jobs belong to 1,000 earlier programs (100 each, listed in the program index as the service
// lists them). Each tick is what a scheduler tick reads when a program changed: announcements.sync() of
// one program (24 planned reminders, nothing to change), then engine.startDue() with one job due, which it
// claims and runs to one recipient; the figure is the time until startDue returns (reading and claiming, not
// the fan-out). Every read of the tick is counted per table (requests: point reads and queries; rows:
// entities read), and the counts must be the same for both stores. The ticks of the two stores alternate,
// so the machine's load affects both alike. For comparison it also times the query the release before the
// due index ran every tick (one partition, filtered on dueAt and status).
// Usage: npm run bench -- ticks [--finished 100000] [--ticks 20] [--legacy-layout]
//   --legacy-layout puts the finished jobs in the single partition of the release before (read by the
//   fallback), to show why the job rows are spread over buckets.
import type { TableClient } from '@azure/data-tables';
import { createAnnouncementService, type AnnouncementService } from '../src/announcements/index.js';
import { createDeliveryEngine, DELIVERY_JOBS_TABLE, MemoryAudience, type DeliveryEngine } from '../src/delivery/index.js';
import { DELIVERY_PROGRAM_JOBS_TABLE } from '../src/delivery/program-index.js';
import { parseProgramText, type Program } from '../src/program/index.js';
import { ManualClock } from '../src/shared/clock.js';
import { silentLogger } from '../src/shared/log.js';
import { startAzurite } from '../src/storage/azurite.js';
import { bucketOf, listAll, safeKey, TableStore, type StorageTarget } from '../src/storage/tables.js';
import { personalChats } from '../tests/delivery/fakes.js';

function intOption(args: string[], name: string, fallback: number): number {
  const i = args.indexOf(`--${name}`);
  const raw = i >= 0 ? args[i + 1] : args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const n = Number(raw ?? fallback);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} expects a whole number`);
  return n;
}

const START = Date.parse('2026-03-10T09:00:00.000Z');
const MINUTE = 60_000;
const OLD_PROGRAMS = 1000;

interface TableReads {
  requests: number;
  rows: number;
}

/** A store that counts, per table, read requests (point reads, query pages) and the rows they return. */
class CountingStore extends TableStore {
  reads = new Map<string, TableReads>();
  counting = false;

  constructor(target: StorageTarget, prefix: string) {
    super(target, prefix);
  }

  override async table(name: string): Promise<TableClient> {
    const client = await super.table(name);
    const count = (requests: number, rows: number) => {
      if (!this.counting) return;
      const entry = this.reads.get(name) ?? { requests: 0, rows: 0 };
      entry.requests += requests;
      entry.rows += rows;
      this.reads.set(name, entry);
    };
    return new Proxy(client, {
      get(target, property, receiver) {
        if (property === 'getEntity') {
          return async (...args: Parameters<TableClient['getEntity']>) => {
            try {
              const row = await target.getEntity(...args);
              count(1, 1);
              return row;
            } catch (error) {
              count(1, 0);
              throw error;
            }
          };
        }
        if (property === 'listEntities') {
          return (...args: Parameters<TableClient['listEntities']>) => {
            const inner = target.listEntities(...args);
            return {
              async *[Symbol.asyncIterator]() {
                count(1, 0);
                for await (const entity of inner) {
                  count(0, 1);
                  yield entity;
                }
              },
              byPage: inner.byPage.bind(inner),
            };
          };
        }
        const value = Reflect.get(target, property, receiver) as unknown;
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
  }
}

/** The program planned every tick: 12 sessions with two reminders each, in the next year (never due here). */
const PROGRAM_YAML = [
  'program:',
  '  id: bench-program',
  '  title: "Bench"',
  '  timezone: Europe/Berlin',
  '  language: de',
  '  format: virtual',
  '  reminders: [P1D, PT1H]',
  'sessions:',
  ...Array.from({ length: 12 }, (_, k) => [`  - id: s${k}`, `    title: "Sitzung ${k}"`, `    date: 2027-0${1 + (k % 9)}-1${k % 10}`, '    start: "10:00"', '    end: "12:00"']).flat(),
  '',
].join('\n');

function stats(ms: number[]): { median: number; p95: number; max: number } {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (q: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! * 100) / 100;
  return { median: at(0.5), p95: at(0.95), max: at(1) };
}

/**
 * N finished jobs as finish() leaves them, 100 rows per transaction. `legacy` writes them where the release
 * before the job buckets kept every job (one partition), to show what that layout costs.
 */
async function seedFinished(store: TableStore, count: number, layout: 'buckets' | 'legacy'): Promise<void> {
  const client = await store.table(DELIVERY_JOBS_TABLE);
  const counts = JSON.stringify({ planned: 50, pending: 0, sending: 0, sent: 50, failed: 0, skipped: 0, unreachable: 0, uncertain: 0 });
  const payloadOf = (programId: string) => JSON.stringify({ programId, sessionId: 's', text: 'x'.repeat(200) });
  const ids = new Map<string, string[]>();
  const byPartition = new Map<string, Record<string, unknown>[]>();
  for (let j = 0; j < count; j++) {
    const at = new Date(START - (j + 1) * MINUTE).toISOString();
    const programId = `old-${j % OLD_PROGRAMS}`;
    const jobId = `ann|${programId}|s${Math.floor(j / OLD_PROGRAMS)}|P1D`;
    const partitionKey = layout === 'legacy' ? 'job' : `job|${bucketOf(jobId, 256)}`;
    const rows = byPartition.get(partitionKey) ?? [];
    rows.push({
      partitionKey, rowKey: safeKey(jobId), jobId, kind: 'announcement', action: 'send', payload: payloadOf(programId),
      audience: JSON.stringify({ purpose: 'announcement', programId }), group: `${programId}/s`, dueAt: at, status: 'done', claims: 1, total: 50,
      createdAt: at, updatedAt: at, startedAt: at, finishedAt: at, leaseUntil: at, counts,
    });
    byPartition.set(partitionKey, rows);
    ids.set(programId, [...(ids.get(programId) ?? []), jobId]);
  }
  // The program index as create() leaves it (the previous layout had none: the upgrade writes it).
  if (layout === 'buckets') {
    const programs = new (await import('../src/delivery/program-index.js')).ProgramJobIndex(store);
    for (const [programId, jobIds] of ids) await programs.add(programId, jobIds);
  }
  const began = performance.now();
  let written = 0;
  for (const rows of byPartition.values()) {
    for (let i = 0; i < rows.length; i += 100) {
      const chunk = rows.slice(i, i + 100);
      await client.submitTransaction(chunk.map((entity) => ['create', entity as { partitionKey: string; rowKey: string }]));
      written += chunk.length;
      if (Math.floor(written / 10_000) !== Math.floor((written - chunk.length) / 10_000)) process.stderr.write(`seeded ${written} finished jobs (${Math.round((performance.now() - began) / 1000)} s)\n`);
    }
  }
}

interface Bed {
  store: CountingStore;
  engine: DeliveryEngine;
  announcements: AnnouncementService;
  program: Program;
  clock: ManualClock;
  client: Awaited<ReturnType<TableStore['table']>>;
  tickMs: number[];
  legacyQueryMs: number[];
  /** Reads of each tick, per table; every tick's must be alike. */
  reads: string[];
}

async function prepare(store: CountingStore, ticks: number): Promise<Bed> {
  const clock = new ManualClock(new Date(START));
  const engine: DeliveryEngine = createDeliveryEngine({
    store,
    sender: { send: async (c) => ({ activityId: `a-${c.conversationId}` }), update: async () => undefined },
    audience: new MemoryAudience(personalChats(1)),
    builders: { bench: () => ({ text: 'x' }), announcement: () => ({ text: 'x' }) },
    clock,
    logger: silentLogger,
    settings: { maxRps: 1000 },
  });
  for (let t = 0; t < ticks; t++) {
    await engine.enqueue({ jobId: `due|${t}`, kind: 'bench', payload: {}, audience: { purpose: 'announcement' }, dueAt: new Date(START + t * MINUTE) });
  }
  const program = parseProgramText(PROGRAM_YAML);
  const announcements = createAnnouncementService({
    engine, store, clock, logger: silentLogger, publicBaseUrl: 'https://bench.example',
    programs: { active: () => program, onChange: () => () => undefined, version: () => 1 },
  });
  // Warm-up: tables created, the index layout checked once, the program planned (as in a running service).
  await announcements.sync();
  await engine.startDue().then((d) => Promise.all(d.started.map((h) => h.done)));
  for (const table of [DELIVERY_JOBS_TABLE, DELIVERY_PROGRAM_JOBS_TABLE, 'deliverydue', 'deliveryrecords']) await store.table(table);
  return { store, engine, announcements, program, clock, client: await store.table(DELIVERY_JOBS_TABLE), tickMs: [], legacyQueryMs: [], reads: [] };
}

/** One tick: startDue() timed, its run awaited, then the previous release's tick query timed. */
async function tickOnce(bed: Bed, t: number): Promise<void> {
  bed.clock.set(new Date(START + t * MINUTE));
  bed.store.reads.clear();
  bed.store.counting = true;
  const began = performance.now();
  // What a tick does when a program changed: plan it (here: nothing to change), then start what is due.
  const planned = await bed.announcements.sync(bed.program);
  const due = await bed.engine.startDue();
  bed.tickMs.push(performance.now() - began);
  if (planned.created) throw new Error(`tick ${t}: the unchanged program planned ${planned.created} new jobs`);
  if (due.started.length !== 1) throw new Error(`tick ${t}: expected one due job, got ${due.started.length}`);
  // Counted until the run has ended (its reads of the job's records included), timed until startDue returned.
  await Promise.all(due.started.map((h) => h.done));
  bed.store.counting = false;
  bed.reads.push(JSON.stringify(Object.fromEntries([...bed.store.reads].sort(([a], [b]) => a.localeCompare(b)))));
  const now = bed.clock.now().toISOString();
  const legacy = performance.now();
  await listAll(bed.client, `PartitionKey eq 'job' and dueAt le '${now}' and (status eq 'planned' or status eq 'running')`);
  bed.legacyQueryMs.push(performance.now() - legacy);
}

export default async function run(args: string[]): Promise<unknown> {
  const finished = intOption(args, 'finished', 100_000);
  const layout = args.includes('--legacy-layout') ? 'legacy' : 'buckets';
  const ticks = intOption(args, 'ticks', 20);
  const azurite = await startAzurite();
  try {
    const connection = { kind: 'connectionString' as const, connectionString: azurite.connectionString };
    const empty = new CountingStore(connection, 'tickempty');
    const full = new CountingStore(connection, 'tickfull');
    const seeding = performance.now();
    await seedFinished(full, finished, layout);
    const seedSeconds = Math.round((performance.now() - seeding) / 100) / 10;
    const none = await prepare(empty, ticks);
    const many = await prepare(full, ticks);
    // Interleaved, order alternating, so that a change in the machine's load falls on both alike.
    for (let t = 1; t < ticks; t++) {
      for (const bed of t % 2 ? [none, many] : [many, none]) await tickOnce(bed, t);
    }
    // Tick t of one store is compared with tick t of the other (the planned jobs left shrink tick by tick).
    const unequalTicks = none.reads.filter((r, t) => r !== many.reads[t]).length;
    const readsNone = JSON.parse(none.reads[0]!) as Record<string, TableReads>;
    const readsFull = JSON.parse(many.reads[0]!) as Record<string, TableReads>;
    const withNone = { tickMs: stats(none.tickMs), legacyQueryMs: stats(none.legacyQueryMs) };
    const withFinished = { tickMs: stats(many.tickMs), legacyQueryMs: stats(many.legacyQueryMs) };
    return {
      benchmark: 'ticks',
      finishedJobs: finished,
      finishedJobsLayout: layout,
      ticksMeasured: ticks - 1,
      seedSeconds,
      tickMs: { noFinishedJobs: withNone.tickMs, [`${finished}FinishedJobs`]: withFinished.tickMs },
      ratioMedian: Math.round((withFinished.tickMs.median / withNone.tickMs.median) * 100) / 100,
      firstTickReads: { noFinishedJobs: readsNone, [`${finished}FinishedJobs`]: readsFull },
      ticksWithUnequalReads: unequalTicks,
      previousReleaseTickQueryMs: { noFinishedJobs: withNone.legacyQueryMs, [`${finished}FinishedJobs`]: withFinished.legacyQueryMs },
    };
  } finally {
    await azurite.stop();
  }
}
