// The program index shrinks: the retention sweep takes the ids of retired jobs (summaries of jobs that
// started) out of their program's row with conditional writes, so appends by other instances in between are
// kept, and a program with a long history keeps creating jobs. A full row refuses the job loudly. Real
// Azurite; concurrent writers are interleaved at a chosen moment (between a read and its write), not by timing.
import { describe, expect, it } from 'vitest';
import pino from 'pino';
import type { TableClient } from '@azure/data-tables';
import { isStatus, TableStore } from '../../src/storage/tables.js';
import { ManualClock } from '../../src/shared/clock.js';
import { silentLogger } from '../../src/shared/log.js';
import { AppError } from '../../src/shared/errors.js';
import { createDeliveryEngine, MemoryAudience, sweepDeliveries, type JobSpec } from '../../src/delivery/index.js';
import { DeliveryJobRepository } from '../../src/delivery/job-repository.js';
import { DELIVERY_PROGRAM_JOBS_TABLE, PROGRAM_INDEX_FULL } from '../../src/delivery/program-index.js';
import { TableRecordStore } from '../../src/delivery/record-repository.js';
import { FakeConnector, personalChats } from './fakes.js';
import { useAzurite } from '../harness/azurite.js';

const storage = useAzurite('pidx');
const NOW = '2026-03-10T09:00:00.000Z';
const DAY = 86_400_000;
const RETENTION = 30 * DAY;

const spec = (id: string, dueAt = NOW): JobSpec => ({
  jobId: id,
  kind: 'test',
  payload: { n: 1 },
  audience: { purpose: 'announcement', programId: 'p' },
  dueAt: new Date(dueAt),
});
const sorted = (ids: string[]) => [...ids].sort();

/**
 * The store, and a second instance on the same tables. `beforeNextWrite(fn)` runs fn once, right before the
 * next write to a program index row this store sends: after that write's read, before the write itself.
 */
function twoInstances() {
  const inner = storage.store();
  const other = new TableStore(inner.target, inner.prefix);
  let pending: (() => Promise<void>) | undefined;
  const outcomes: string[] = [];
  const store = new Proxy(inner, {
    get(target, prop, receiver) {
      if (prop !== 'table') return Reflect.get(target, prop, receiver);
      return async (name: string) => {
        const client = await target.table(name);
        if (name !== DELIVERY_PROGRAM_JOBS_TABLE) return client;
        return new Proxy(client, {
          get(c, p, r) {
            if (p !== 'updateEntity') return Reflect.get(c, p, r);
            return async (...args: Parameters<TableClient['updateEntity']>) => {
              const run = pending;
              pending = undefined;
              if (run) await run();
              try {
                const response = await c.updateEntity(...args);
                outcomes.push('written');
                return response;
              } catch (error) {
                outcomes.push(isStatus(error, 412) ? '412' : 'failed');
                throw error;
              }
            };
          },
        }) as TableClient;
      };
    },
  });
  const beforeNextWrite = (fn: () => Promise<void>) => {
    outcomes.length = 0;
    pending = fn;
  };
  return { store, other, outcomes, beforeNextWrite };
}

/** Runs each job as a worker would: claimed and finished at `at`. */
async function runAll(jobs: DeliveryJobRepository, ids: string[], at: Date): Promise<void> {
  for (const id of ids) {
    const claimed = await jobs.claim((await jobs.get(id))!, 'worker', at, 60_000);
    expect(claimed?.status).toBe('running');
    expect(await jobs.finish(id, 'worker', 'done', at)).toBe(true);
  }
}

function sweep(store: TableStore, jobs: DeliveryJobRepository, at: Date) {
  return sweepDeliveries({ jobs, records: new TableRecordStore(store) }, at, RETENTION);
}

function recordingLogger() {
  const lines: Array<Record<string, unknown>> = [];
  return { logger: pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) }), lines };
}

describe('program index retention', () => {
  it('the sweep removes the ids of retired jobs and keeps live, revivable and in-flight ones', async () => {
    const store = storage.store();
    const clock = new ManualClock(NOW);
    const connector = new FakeConnector();
    const engine = createDeliveryEngine({
      store,
      sender: connector.sender(),
      audience: new MemoryAudience(personalChats(2)),
      builders: { test: (job) => ({ text: 'x', summary: job.jobId }) },
      clock,
      logger: silentLogger,
      settings: { maxRps: 1000, retentionMs: RETENTION },
    });
    const jobs = engine.jobs;
    for (const id of ['ann|p|s1|P1D', 'ann|p|s2|P1D']) await engine.enqueue(spec(id));
    await engine.enqueue(spec('ann|p|s3|P1D', '2026-03-20T09:00:00.000Z'));
    await engine.enqueue(spec('ann|p|s9|P1D', '2026-09-01T09:00:00.000Z'));
    // s3 is cancelled before it ever started: planning may revive it, so its id must stay.
    await jobs.mutate('ann|p|s3|P1D', () => ({ status: 'cancelled', reason: 'session-cancelled', finishedAt: NOW }), clock.now());
    // An id whose job is being written by another instance right now (the id goes first).
    await jobs.programs.add('p', ['ann|p|inflight|P1D']);
    const due = await engine.startDue();
    await Promise.all(due.started.map((h) => h.done));
    expect(sorted(due.started.map((h) => h.jobId))).toEqual(['ann|p|s1|P1D', 'ann|p|s2|P1D']);

    clock.set(new Date(Date.parse(NOW) + RETENTION + DAY).toISOString());
    expect(await engine.sweep({ force: true })).toMatchObject({ summarized: 3, programIdsRemoved: 2 });
    expect(sorted(await jobs.programs.list('p'))).toEqual(['ann|p|inflight|P1D', 'ann|p|s3|P1D', 'ann|p|s9|P1D']);
    // The retired jobs' rows stay, so their ids stay taken; a re-plan neither sends nor re-indexes them.
    expect(await jobs.get('ann|p|s1|P1D')).toMatchObject({ status: 'done', summarized: true });
    expect(await engine.enqueue(spec('ann|p|s1|P1D'))).toBe(false);
    expect(await jobs.programs.list('p')).not.toContain('ann|p|s1|P1D');
    expect((await jobs.listLiveAndPrograms(['p'])).map((j) => j.jobId)).toEqual(['ann|p|s3|P1D', 'ann|p|s9|P1D']);
    // The revivable summary is still found by planning and can be planned again.
    const revived = await jobs.mutate('ann|p|s3|P1D', () => ({ status: 'planned', dueAt: '2026-05-01T09:00:00.000Z', payload: { n: 2 } }), clock.now());
    expect(revived).toMatchObject({ status: 'planned', summarized: false });
    expect(connector.duplicateMessages()).toEqual([]);
  });

  it('an append by another instance between the sweep\'s read and write is kept', async () => {
    const { store, other, outcomes, beforeNextWrite } = twoInstances();
    const jobs = new DeliveryJobRepository(store);
    const elsewhere = new DeliveryJobRepository(other);
    const old = ['ann|p|a|P1D', 'ann|p|b|P1D', 'ann|p|c|P1D'];
    for (const id of old) expect(await jobs.create(spec(id), new Date(NOW))).toBe(true);
    await runAll(jobs, old, new Date(NOW));
    const later = new Date(Date.parse(NOW) + RETENTION + DAY);

    beforeNextWrite(async () => {
      expect(await elsewhere.create(spec('ann|p|new|P1D', later.toISOString()), later)).toBe(true);
    });
    expect(await sweep(store, jobs, later)).toMatchObject({ summarized: 3 });
    // The sweep's first write met the other instance's append (412), read again and kept it.
    expect(outcomes).toEqual(['412', 'written']);
    expect(await jobs.programs.list('p')).toEqual(['ann|p|new|P1D']);
    expect((await jobs.listLiveAndPrograms(['p'])).map((j) => j.jobId)).toEqual(['ann|p|new|P1D']);
  });

  it('a sweep between another instance\'s read and write does not bring retired ids back', async () => {
    const { store, other, outcomes, beforeNextWrite } = twoInstances();
    const jobs = new DeliveryJobRepository(store);
    const sweeper = new DeliveryJobRepository(other);
    const old = ['ann|p|a|P1D', 'ann|p|b|P1D'];
    for (const id of old) expect(await jobs.create(spec(id), new Date(NOW))).toBe(true);
    await runAll(jobs, old, new Date(NOW));
    const later = new Date(Date.parse(NOW) + RETENTION + DAY);

    beforeNextWrite(async () => {
      expect(await sweep(other, sweeper, later)).toMatchObject({ summarized: 2 });
    });
    expect(await jobs.create(spec('ann|p|new|P1D', later.toISOString()), later)).toBe(true);
    expect(outcomes).toEqual(['412', 'written']);
    expect(await jobs.programs.list('p')).toEqual(['ann|p|new|P1D']);
  });

  it('a full row refuses the job with a logged error; after retention the program creates jobs again', async () => {
    const store = storage.store();
    const { logger, lines } = recordingLogger();
    const jobs = new DeliveryJobRepository(store, { logger, programIndexCapacityChars: 1000 });
    const id = (n: number) => `ann|p|s${String(n).padStart(3, '0')}|P1D`;
    const created: string[] = [];
    let refused: unknown;
    for (let n = 0; n < 200 && refused === undefined; n++) {
      try {
        expect(await jobs.create(spec(id(n)), new Date(NOW))).toBe(true);
        created.push(id(n));
      } catch (error) {
        refused = error;
      }
    }
    // 1000 characters of JSON hold 58 ids of 14 characters: 1 + 58 × 17 = 987.
    expect(created).toHaveLength(58);
    const first = id(created.length);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe(PROGRAM_INDEX_FULL);
    // Nothing of the refused job was written: no row, no due hint, no id. The caller saw the error.
    expect(await jobs.get(first)).toBeUndefined();
    expect((await jobs.due.list()).map((h) => h.jobId)).not.toContain(first);
    expect(await jobs.programs.list('p')).toEqual(created);
    expect(lines.filter((l) => l.event === 'delivery.program_index_full')).toEqual([
      expect.objectContaining({ level: 50, programId: 'p', ids: 58, adding: 1, capacityChars: 1000, firstJobId: first }),
    ]);

    await runAll(jobs, created, new Date(NOW));
    const later = new Date(Date.parse(NOW) + RETENTION + DAY);
    expect(await sweep(store, jobs, later)).toMatchObject({ summarized: 58, programIdsRemoved: 58 });
    expect(await jobs.programs.list('p')).toEqual([]);
    // The program's next 58 jobs fit again, the refused one first; the retired ids stay taken.
    const next = Array.from({ length: 58 }, (_, i) => id(created.length + i));
    for (const jobId of next) expect(await jobs.create(spec(jobId, later.toISOString()), later)).toBe(true);
    expect(await jobs.programs.list('p')).toEqual(next);
    expect(await jobs.create(spec(created[0]!), later)).toBe(false);
  });

  it('a row the sweep cannot fill is logged, the other programs are still pruned, and the sweep fails', async () => {
    const store = storage.store();
    const { logger, lines } = recordingLogger();
    const writer = new DeliveryJobRepository(store);
    const live = Array.from({ length: 40 }, (_, n) => `ann|p|s${String(n).padStart(3, '0')}|P1D`);
    for (const id of live) await writer.create(spec(id, '2026-09-01T09:00:00.000Z'), new Date(NOW));
    const retired = ['ann|q|s1|P1D', 'ann|q|s2|P1D'];
    for (const id of retired) await writer.create({ ...spec(id), audience: { purpose: 'announcement', programId: 'q' } }, new Date(NOW));
    await runAll(writer, retired, new Date(NOW));
    // p's row is lost (as after an upgrade from a release without it): the sweep must index 40 live jobs.
    await writer.programs.remove('p');
    const sweeper = new DeliveryJobRepository(store, { logger, programIndexCapacityChars: 300 });
    const failure = await sweep(store, sweeper, new Date(Date.parse(NOW) + RETENTION + DAY)).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect((failure as AppError).code).toBe(PROGRAM_INDEX_FULL);
    expect(lines.filter((l) => l.event === 'delivery.program_index_full')).toEqual([expect.objectContaining({ level: 50, programId: 'p', jobs: 40 })]);
    // The summaries were made, and q's row (after p's in program order) shrank before the sweep gave up.
    expect(await sweeper.get('ann|q|s1|P1D')).toMatchObject({ summarized: true });
    expect(await sweeper.programs.list('q')).toEqual([]);
    expect(await sweeper.programs.list('p')).toEqual([]);
  });
});
