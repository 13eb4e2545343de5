// Several scheduler instances on ONE real Azurite: exactly-once delivery per (job, conversation), resumption
// after a crash without loss or duplicates, and a slow instance overtaken after its lease expired.
import { describe, expect, it } from 'vitest';
import { TableStore } from '../../src/storage/tables.js';
import { ManualClock } from '../../src/shared/clock.js';
import { silentLogger } from '../../src/shared/log.js';
import { createDeliveryEngine, deliveryReport, MemoryAudience, type DeliveryEngine, type DeliverySettings } from '../../src/delivery/index.js';
import { createScheduler } from '../../src/scheduler/index.js';
import type { ConversationSender } from '../../src/delivery/sender.js';
import { failure, FakeConnector, personalChats } from './fakes.js';
import { useAzurite } from '../harness/azurite.js';

const storage = useAzurite('sch');

const NOW = '2026-10-25T08:00:00.000Z';
const LEASE_MS = 60_000;

function instance(opts: { store: TableStore; clock: ManualClock; audience: MemoryAudience; sender: ConversationSender; owner: string; settings?: Partial<DeliverySettings> }) {
  const engine = createDeliveryEngine({
    store: opts.store,
    sender: opts.sender,
    audience: opts.audience,
    builders: { test: (job) => ({ text: 'Erinnerung', summary: job.jobId }) },
    clock: opts.clock,
    logger: silentLogger,
    ownerId: opts.owner,
    settings: { baseBackoffMs: 5, maxBackoffMs: 20, maxAttempts: 8, leaseMs: LEASE_MS, maxRps: 1000, ...opts.settings },
  });
  return { engine, scheduler: createScheduler({ engine, logger: silentLogger }) };
}

function shared() {
  return {
    store: storage.store(),
    clock: new ManualClock(NOW),
  };
}

async function enqueue(engine: DeliveryEngine, ids: string[], dueAt = new Date(NOW)) {
  for (const jobId of ids) await engine.enqueue({ jobId, kind: 'test', payload: {}, audience: { purpose: 'announcement' }, dueAt });
}

describe('scheduler on shared storage', () => {
  it('two instances ticking together deliver each (job, conversation) exactly once, with 429 and 503 injected', async () => {
    const { store, clock } = shared();
    const audience = new MemoryAudience(personalChats(60));
    const connector = new FakeConnector();
    connector.script = (id, call) => {
      const n = Number(id.slice(-2));
      if (call === 1 && n % 10 === 3) return { fail: failure.throttled(20) };
      if (call === 1 && n % 10 === 7) return { fail: failure.unavailable() };
      return undefined;
    };
    const a = instance({ store, clock, audience, sender: connector.sender(), owner: 'instance-a' });
    const b = instance({ store, clock, audience, sender: connector.sender(), owner: 'instance-b' });
    const jobs = ['j-1', 'j-2', 'j-3', 'j-4'];
    await enqueue(a.engine, jobs);
    await enqueue(b.engine, jobs); // idempotent: same ids
    const [ta, tb] = await Promise.all([a.scheduler.tick(), b.scheduler.tick()]);
    expect([...ta.started, ...tb.started].sort()).toEqual(jobs);
    expect(connector.duplicateMessages()).toEqual([]);
    expect(connector.acceptedMessages.size).toBe(60 * jobs.length);
    const reports = await deliveryReport(a.engine);
    expect(reports.map((r) => [r.status, r.sent, r.failed, r.uncertain])).toEqual(jobs.map(() => ['done', 60, 0, 0]));
    // A later tick finds nothing to do.
    const again = await b.scheduler.tick();
    expect(again.started).toEqual([]);
  });

  it('a job is not claimed before it is due', async () => {
    const { store, clock } = shared();
    const connector = new FakeConnector();
    const a = instance({ store, clock, audience: new MemoryAudience(personalChats(2)), sender: connector.sender(), owner: 'a' });
    await enqueue(a.engine, ['later'], new Date(clock.now().getTime() + 5 * 60_000));
    expect((await a.scheduler.tick()).started).toEqual([]);
    clock.advance(5 * 60_000);
    expect((await a.scheduler.tick()).started).toEqual(['later']);
    expect(connector.acceptedMessages.size).toBe(2);
  });

  it('an instance that dies mid-fan-out is resumed by another after its lease expires: no loss, no duplicate', async () => {
    const { store, clock } = shared();
    const audience = new MemoryAudience(personalChats(30));
    const connector = new FakeConnector();
    let victim: DeliveryEngine | undefined;
    // The 7th accepted message never gets its answer: the process dies between send and outcome write.
    const dying = connector.sender((count) => {
      if (count === 7) {
        victim?.halt();
        return { hang: true };
      }
      return undefined;
    });
    const a = instance({ store, clock, audience, sender: dying, owner: 'dies', settings: { concurrencyPerTenant: 1 } });
    victim = a.engine;
    await enqueue(a.engine, ['crash-job']);
    const ta = await a.scheduler.tick();
    expect(ta.results.map((r) => r.outcome)).toEqual(['halted']);
    expect(connector.acceptedMessages.size).toBe(7);

    const b = instance({ store, clock, audience, sender: connector.sender(), owner: 'survivor' });
    // Lease still held: nothing to claim yet.
    expect((await b.scheduler.tick()).started).toEqual([]);
    clock.advance(LEASE_MS + 1);
    const tb = await b.scheduler.tick();
    expect(tb.started).toEqual(['crash-job']);
    expect(connector.duplicateMessages()).toEqual([]);
    expect(connector.acceptedMessages.size).toBe(30);
    const [report] = await deliveryReport(b.engine, { jobId: 'crash-job' });
    // The interrupted recipient did get its message, but nobody can know: reported, not resent.
    expect(report).toMatchObject({ status: 'done', planned: 30, sent: 29, uncertain: 1 });
    const uncertain = (await b.engine.records.list('crash-job')).filter((r) => r.status === 'uncertain');
    expect(uncertain.map((r) => r.conversationId)).toEqual(['chat-0006']);
  });

  it('a slow instance overtaken after its lease expired never causes a duplicate', async () => {
    const { store, clock } = shared();
    const audience = new MemoryAudience(personalChats(40));
    const connector = new FakeConnector();
    connector.script = () => ({ delayMs: 15 });
    const slow = instance({ store, clock, audience, sender: connector.sender(), owner: 'slow', settings: { concurrencyPerTenant: 2 } });
    const fast = instance({ store, clock, audience, sender: connector.sender(), owner: 'fast', settings: { concurrencyPerTenant: 4 } });
    await enqueue(slow.engine, ['race']);
    const slowTick = slow.scheduler.tick();
    while (connector.acceptedMessages.size < 5) await new Promise((r) => setTimeout(r, 5));
    clock.advance(LEASE_MS + 1);
    const fastTick = fast.scheduler.tick();
    await Promise.all([slowTick, fastTick]);
    expect(connector.duplicateMessages()).toEqual([]);
    expect(connector.acceptedMessages.size).toBe(40);
    const records = await fast.engine.records.list('race');
    expect(records.every((r) => r.status === 'sent' || r.status === 'uncertain')).toBe(true);
    expect(records.filter((r) => r.status === 'sent').length).toBeGreaterThanOrEqual(38);
  });

  it('node-cron drives ticks in real time', async () => {
    const { store, clock } = shared();
    const connector = new FakeConnector();
    const { engine } = instance({ store, clock, audience: new MemoryAudience(personalChats(3)), sender: connector.sender(), owner: 'cron' });
    const scheduler = createScheduler({ engine, logger: silentLogger, settings: { tick: '* * * * * *' } });
    expect(scheduler.nextRuns(2)).toHaveLength(2);
    await enqueue(engine, ['cron-job']);
    scheduler.start();
    try {
      for (let i = 0; i < 60 && (await engine.jobs.get('cron-job'))?.status !== 'done'; i++) await new Promise((r) => setTimeout(r, 100));
    } finally {
      await scheduler.stop();
    }
    expect((await engine.jobs.get('cron-job'))?.status).toBe('done');
    expect(connector.acceptedMessages.size).toBe(3);
    expect(() => createScheduler({ engine, logger: silentLogger, settings: { tick: 'every minute' } })).toThrow(/SCHEDULER_TICK/);
  });

  it('a direct tick waits for a run that a cron tick of the same instance started a moment before', async () => {
    const { store, clock } = shared();
    const connector = new FakeConnector();
    // Slow sends: the cron tick's run is still fanning out when the direct tick comes.
    connector.script = () => ({ delayMs: 300 });
    const { engine } = instance({ store, clock, audience: new MemoryAudience(personalChats(3)), sender: connector.sender(), owner: 'cron-and-tick' });
    const scheduler = createScheduler({ engine, logger: silentLogger, settings: { tick: '* * * * * *' } });
    await enqueue(engine, ['claimed-by-cron']);
    scheduler.start();
    try {
      for (let i = 0; i < 60 && !(await engine.jobs.get('claimed-by-cron'))?.leaseOwner; i++) await new Promise((r) => setTimeout(r, 20));
      // The job is the cron tick's: this tick claims nothing, and still returns only when its messages are out.
      const tick = await scheduler.tick();
      expect(tick.started).toEqual([]);
      expect(connector.acceptedMessages.size).toBe(3);
    } finally {
      await scheduler.stop();
    }
  });
});
