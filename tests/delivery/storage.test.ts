// Delivery storage over a long life (issue 17, point 9): a tick reads only due work, finished jobs and their
// records are summarized after the retention period, and jobs stored by the release before the due index
// are found after an upgrade, neither lost nor sent twice. Real Azurite.
import { describe, expect, it } from 'vitest';
import type { TableClient } from '@azure/data-tables';
import { safeKey, type TableStore } from '../../src/storage/tables.js';
import { ManualClock } from '../../src/shared/clock.js';
import { silentLogger } from '../../src/shared/log.js';
import { createDeliveryEngine, deliveryReport, MemoryAudience, DELIVERY_JOBS_TABLE, type JobSpec } from '../../src/delivery/index.js';
import { FakeConnector, personalChats } from './fakes.js';
import { useAzurite } from '../harness/azurite.js';

const storage = useAzurite('store');
const NOW = '2026-03-10T09:00:00.000Z';
const DAY = 86_400_000;

/** The store, with every query (not point read) it sends recorded per table. */
function watchedStore(): { store: TableStore; queries: { table: string; filter: string }[] } {
  const inner = storage.store();
  const queries: { table: string; filter: string }[] = [];
  const store = new Proxy(inner, {
    get(target, prop, receiver) {
      if (prop !== 'table') return Reflect.get(target, prop, receiver);
      return async (name: string) => {
        const client = await target.table(name);
        return new Proxy(client, {
          get(c, p, r) {
            if (p !== 'listEntities') return Reflect.get(c, p, r);
            return (options?: { queryOptions?: { filter?: string } }) => {
              queries.push({ table: name, filter: options?.queryOptions?.filter ?? '' });
              return c.listEntities(options);
            };
          },
        }) as TableClient;
      };
    },
  });
  return { store, queries };
}

function setup(store: TableStore, audience = new MemoryAudience(personalChats(3)), retentionDays = 90) {
  const clock = new ManualClock(NOW);
  const connector = new FakeConnector();
  const engine = createDeliveryEngine({
    store,
    sender: connector.sender(),
    audience,
    builders: { test: (job) => ({ text: 'x', summary: job.jobId }) },
    clock,
    logger: silentLogger,
    settings: { maxRps: 1000, retentionMs: retentionDays * DAY },
  });
  return { clock, connector, engine };
}

const job = (id: string, dueAt = NOW, extra: Partial<JobSpec> = {}): JobSpec => ({ jobId: id, kind: 'test', payload: { n: 1 }, audience: { purpose: 'announcement' }, dueAt: new Date(dueAt), ...extra });

async function tick(engine: ReturnType<typeof createDeliveryEngine>) {
  const due = await engine.startDue();
  return { started: due.started.map((h) => h.jobId), results: await Promise.all(due.started.map((h) => h.done)) };
}

describe('delivery storage', () => {
  it('a tick reads the due index, never the job table, whatever finished jobs it holds', async () => {
    const { store, queries } = watchedStore();
    const { engine, clock } = setup(store);
    for (let i = 0; i < 10; i++) await engine.enqueue(job(`old-${i}`, '2026-03-01T09:00:00.000Z'));
    expect((await tick(engine)).started).toHaveLength(10);
    await engine.enqueue(job('due-now'));
    await engine.enqueue(job('later', '2026-03-10T10:00:00.000Z'));
    queries.length = 0;
    const now = await tick(engine);
    expect(now.started).toEqual(['due-now']);
    expect(queries.map((q) => q.table)).not.toContain(DELIVERY_JOBS_TABLE);
    expect(queries.filter((q) => q.table === 'deliverydue')).toHaveLength(1);
    clock.advance(3_600_000);
    expect((await tick(engine)).started).toEqual(['later']);
    // Nothing is due any more: the index holds no finished job.
    expect(await engine.jobs.due.list()).toEqual([]);
  });

  it('keeps the index in step with re-planning: a moved job is due at its new time, a cancelled one never', async () => {
    const { store } = watchedStore();
    const { engine, clock, connector } = setup(store);
    await engine.enqueue(job('moved', '2026-03-10T09:30:00.000Z'));
    await engine.enqueue(job('dropped', '2026-03-10T09:30:00.000Z'));
    await engine.jobs.mutate('moved', () => ({ dueAt: '2026-03-10T11:00:00.000Z' }), clock.now());
    await engine.jobs.mutate('dropped', (j) => (j.status === 'planned' ? { status: 'cancelled', reason: 'session-cancelled' } : null), clock.now());
    expect((await engine.jobs.list({ statuses: ['planned'] })).map((j) => j.jobId)).toEqual(['moved']);
    clock.advance(3_600_000);
    expect((await tick(engine)).started).toEqual([]);
    clock.advance(3_600_000);
    expect((await tick(engine)).started).toEqual(['moved']);
    expect(connector.duplicateMessages()).toEqual([]);
    // A cancelled job brought back (revive) is due again.
    await engine.jobs.mutate('dropped', () => ({ status: 'planned', dueAt: '2026-03-10T11:00:00.000Z' }), clock.now());
    expect((await tick(engine)).started).toEqual(['dropped']);
  });

  it('after the retention period a finished job keeps only its summary: records deleted, report and id kept', async () => {
    const { store } = watchedStore();
    const { engine, clock, connector } = setup(store, new MemoryAudience(personalChats(3)), 30);
    await engine.enqueue(job('old', NOW, { group: 'p/s' }));
    await engine.enqueue(job('recent', '2026-04-05T09:00:00.000Z', { group: 'p/s' }));
    await tick(engine);
    clock.set('2026-04-05T09:00:00.000Z');
    await tick(engine);
    clock.set('2026-04-10T09:00:00.000Z');
    const swept = await engine.sweep({ force: true });
    expect(swept).toMatchObject({ summarized: 1, recordsDeleted: 3 });
    expect(await engine.records.list('old')).toEqual([]);
    expect(await engine.records.list('recent')).toHaveLength(3);
    const old = await engine.jobs.get('old');
    expect(old).toMatchObject({ status: 'done', summarized: true, payload: {} });
    const reports = await deliveryReport(engine, { group: 'p/s' });
    expect(reports.map((r) => [r.jobId, r.sent, r.planned])).toEqual([['old', 3, 3], ['recent', 3, 3]]);
    // The id stays taken: a re-plan of the same job is refused, and nothing goes out again.
    expect(await engine.enqueue(job('old'))).toBe(false);
    expect((await tick(engine)).started).toEqual([]);
    expect(connector.duplicateMessages()).toEqual([]);
    // A second sweep has nothing left to do; the periodic one waits for its interval.
    expect(await engine.sweep({ force: true })).toMatchObject({ summarized: 0, recordsDeleted: 0 });
    expect(await engine.sweep()).toBeNull();
  });

  it('after an upgrade, jobs stored before the due index are found: none lost, none sent twice', async () => {
    const { store } = watchedStore();
    // Rows as the previous release wrote them: one partition, no due index.
    const table = await store.table(DELIVERY_JOBS_TABLE);
    const row = (jobId: string, dueAt: string, status: string, extra: Record<string, unknown> = {}) => ({
      partitionKey: 'job',
      rowKey: safeKey(jobId),
      jobId,
      kind: 'test',
      action: 'send',
      payload: '{}',
      audience: JSON.stringify({ purpose: 'announcement' }),
      dueAt,
      status,
      claims: 0,
      createdAt: '2026-03-01T00:00:00.000Z',
      updatedAt: '2026-03-01T00:00:00.000Z',
      ...extra,
    });
    await table.createEntity(row('ann|p|s|P1D', '2026-03-10T08:00:00.000Z', 'planned'));
    await table.createEntity(row('ann|p|s|PT1H', '2026-03-10T12:00:00.000Z', 'planned'));
    await table.createEntity(row('done-before', '2026-03-09T08:00:00.000Z', 'done', { finishedAt: '2026-03-09T08:01:00.000Z' }));
    await table.createEntity(row('crashed', '2026-03-10T07:00:00.000Z', 'running', { claims: 1, leaseOwner: 'old-host#1', leaseUntil: '2026-03-10T07:05:00.000Z' }));
    const { engine, clock, connector } = setup(store);
    // An id taken in the old layout stays taken: planning it again is refused.
    expect(await engine.enqueue(job('done-before', '2026-03-10T08:00:00.000Z'))).toBe(false);
    expect(await engine.enqueue(job('ann|p|s|P1D', '2026-03-10T08:00:00.000Z'))).toBe(false);
    const first = await tick(engine);
    expect(first.started.sort()).toEqual(['ann|p|s|P1D', 'crashed']);
    expect((await engine.jobs.list({ statuses: ['planned'] })).map((j) => j.jobId)).toEqual(['ann|p|s|PT1H']);
    expect((await tick(engine)).started).toEqual([]);
    clock.set('2026-03-10T12:00:00.000Z');
    expect((await tick(engine)).started).toEqual(['ann|p|s|PT1H']);
    expect(connector.duplicateMessages()).toEqual([]);
    expect(connector.acceptedMessages.size).toBe(9);
    // A second instance (or a restart) does not index again, and finds nothing more to send.
    const again = setup(store);
    again.clock.set('2026-03-10T12:30:00.000Z');
    expect((await tick(again.engine)).started).toEqual([]);
  });

  it('a job written by an instance of the older release during a rolling upgrade is indexed by the sweep', async () => {
    const { store } = watchedStore();
    const { engine, clock } = setup(store);
    await tick(engine);
    const table = await store.table(DELIVERY_JOBS_TABLE);
    await table.createEntity({
      partitionKey: 'job', rowKey: 'late-writer', jobId: 'late-writer', kind: 'test', action: 'send', payload: '{}',
      audience: JSON.stringify({ purpose: 'announcement' }), dueAt: NOW, status: 'planned', claims: 0, createdAt: NOW, updatedAt: NOW,
    });
    expect((await tick(engine)).started).toEqual([]);
    clock.advance(60_000);
    expect(await engine.sweep({ force: true })).toMatchObject({ hintsRepaired: 1 });
    expect((await tick(engine)).started).toEqual(['late-writer']);
  });
});

describe('planning reads', () => {
  it('planning a program reads the live jobs and that program\'s own jobs, never the job table', async () => {
    const { store, queries } = watchedStore();
    const { engine, clock } = setup(store);
    const of = (programId: string): Partial<JobSpec> => ({ audience: { purpose: 'announcement', programId } });
    await engine.enqueue(job('ann|p|s1|P1D', NOW, of('p')));
    await engine.enqueue(job('ann|q|s1|P1D', NOW, of('q')));
    await engine.enqueue(job('no-program', NOW));
    await tick(engine);
    await engine.enqueue(job('ann|p|s2|P1D', '2026-03-11T09:00:00.000Z', of('p')));
    await engine.enqueue(job('ann|q|s2|P1D', '2026-03-11T09:00:00.000Z', of('q')));
    clock.advance(60_000);
    queries.length = 0;
    const read = (await engine.jobs.listLiveAndPrograms(['p'])).map((j) => [j.jobId, j.status]);
    // p's finished job and every live job; q's and the program-less finished jobs are not read.
    expect(read).toEqual([['ann|p|s1|P1D', 'done'], ['ann|p|s2|P1D', 'planned'], ['ann|q|s2|P1D', 'planned']]);
    expect(queries.map((q) => q.table)).not.toContain(DELIVERY_JOBS_TABLE);
  });

  it('after an upgrade from the due-index layout, a program\'s earlier jobs are found for planning', async () => {
    const { store } = watchedStore();
    const first = setup(store);
    await first.engine.enqueue(job('ann|p|s1|P1D', NOW, { audience: { purpose: 'announcement', programId: 'p' } }));
    await tick(first.engine);
    // The previous release kept no program index and marked the due index as layout 2.
    await (await store.table('deliveryprogramjobs')).deleteEntity('prog|' + (await import('../../src/storage/tables.js')).bucketOf('p', 16), 'p');
    await (await store.table('deliverydue')).upsertEntity({ partitionKey: 'meta', rowKey: 'layout', layout: 2 }, 'Replace');
    const upgraded = setup(store);
    expect((await upgraded.engine.jobs.listLiveAndPrograms(['p'])).map((j) => [j.jobId, j.status])).toEqual([['ann|p|s1|P1D', 'done']]);
    expect(await upgraded.engine.jobs.due.layout()).toBe(3);
  });
});

describe('retention from the scheduler', () => {
  it('the tick runs the sweep once per interval, after starting the due jobs', async () => {
    const { createScheduler } = await import('../../src/scheduler/index.js');
    const { store } = watchedStore();
    const { engine, clock } = setup(store, new MemoryAudience(personalChats(2)), 1);
    const scheduler = createScheduler({ engine, logger: silentLogger });
    await engine.enqueue(job('short-lived'));
    expect((await scheduler.tick()).started).toEqual(['short-lived']);
    expect(await engine.records.list('short-lived')).toHaveLength(2);
    clock.advance(2 * DAY);
    await scheduler.tick();
    expect(await engine.records.list('short-lived')).toEqual([]);
    expect(await engine.jobs.get('short-lived')).toMatchObject({ summarized: true, counts: { sent: 2 } });
  });
});
