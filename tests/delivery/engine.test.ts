// The delivery engine against real Azurite and a scripted connector: pacing, retries, unreachable
// conversations, update jobs, deadlines and crash recovery.
import { describe, expect, it } from 'vitest';
import { TableStore } from '../../src/storage/tables.js';
import { ManualClock } from '../../src/shared/clock.js';
import { silentLogger } from '../../src/shared/log.js';
import { createDeliveryEngine, deliveryReport, MemoryAudience, type DeliveryEngineDeps, type JobSpec } from '../../src/delivery/index.js';
import { conversation, failure, FakeConnector, personalChats } from './fakes.js';
import { useAzurite } from '../harness/azurite.js';

const storage = useAzurite('eng');

/** A fresh set of tables per test, in the one Azurite of this file. */
function freshStore(): TableStore {
  return storage.store();
}

const NOW = '2026-03-10T09:00:00.000Z';
const fastRetries = { baseBackoffMs: 10, maxBackoffMs: 40, maxAttempts: 4, maxRps: 1000 };

function setup(audience: MemoryAudience, connector: FakeConnector, extra: Partial<DeliveryEngineDeps> = {}) {
  const clock = new ManualClock(NOW);
  const store = freshStore();
  const engine = createDeliveryEngine({
    store,
    sender: connector.sender(),
    audience,
    builders: { test: (job, c, target) => ({ text: `hello ${c.conversationId} ${target.activityId ?? ''}`.trim(), summary: job.kind }) },
    clock,
    logger: silentLogger,
    settings: fastRetries,
    ...extra,
  });
  return { clock, store, engine };
}

function job(id: string, overrides: Partial<JobSpec> = {}): JobSpec {
  return { jobId: id, kind: 'test', payload: {}, audience: { purpose: 'announcement' }, dueAt: new Date(NOW), ...overrides };
}

async function runNow(engine: ReturnType<typeof createDeliveryEngine>, id: string) {
  const handle = await engine.start(id);
  if (!handle) throw new Error(`job ${id} not claimable`);
  return handle.done;
}

describe('delivery engine', () => {
  it('delivers once to every eligible conversation and nothing to unsubscribed, removed or inactive ones', async () => {
    const audience = new MemoryAudience([
      ...personalChats(5),
      conversation('unsubscribed', { unsubscribed: true }),
      conversation('removed', { removed: true }),
      conversation('inactive', { inactive: true }),
      conversation('team-general', { kind: 'channel', teamId: 'team-1', announcementChannelId: 'team-announce' }),
      conversation('group-1', { kind: 'groupChat' }),
    ]);
    const connector = new FakeConnector();
    const { engine } = setup(audience, connector);
    await engine.enqueue(job('j1'));
    const progress: number[] = [];
    const handle = await engine.start('j1', { onProgress: (p) => progress.push(p.done) });
    const result = await handle!.done;
    expect(result.outcome).toBe('done');
    expect([...connector.accepted.keys()].sort()).toEqual(['chat-0000', 'chat-0001', 'chat-0002', 'chat-0003', 'chat-0004', 'group-1', 'team-announce']);
    expect(connector.duplicates()).toEqual([]);
    expect(progress.at(-1)).toBe(7);
    const [report] = await deliveryReport(engine, { jobId: 'j1' });
    expect(report).toMatchObject({ status: 'done', planned: 7, sent: 7, failed: 0, uncertain: 0 });
    const records = await engine.records.list('j1');
    expect(records.find((r) => r.conversationId === 'chat-0000')).toMatchObject({ status: 'sent', attempts: 1, activityId: 'act-chat-0000-1' });
  });

  it('honours Retry-After on 429, backs off without it, and retries 503 until it succeeds', async () => {
    const audience = new MemoryAudience([conversation('with-retry-after'), conversation('without'), conversation('flaky')]);
    const connector = new FakeConnector();
    connector.script = (id, call) => {
      if (id === 'with-retry-after' && call === 1) return { fail: failure.throttled(150) };
      if (id === 'without' && call <= 2) return { fail: failure.throttled() };
      if (id === 'flaky' && call <= 2) return { fail: failure.unavailable() };
      return undefined;
    };
    const { engine } = setup(audience, connector);
    await engine.enqueue(job('j2'));
    const result = await runNow(engine, 'j2');
    expect(result.counts).toMatchObject({ sent: 3, failed: 0 });
    expect(connector.calls.get('with-retry-after')).toBe(2);
    expect(connector.calls.get('without')).toBe(3);
    expect(connector.calls.get('flaky')).toBe(3);
    // The waits themselves: Retry-After exactly (150 ms, far above the 5-10 ms a 429 without it waits with
    // these settings), and some backoff where there was none (the 503's quick retry: 20-40 ms here).
    const gaps = (id: string) => connector.callTimes.get(id)!.slice(1).map((t, i) => t - connector.callTimes.get(id)![i]!);
    expect(gaps('with-retry-after')[0]).toBeGreaterThanOrEqual(150);
    for (const gap of gaps('without')) expect(gap).toBeGreaterThanOrEqual(5);
    for (const gap of gaps('flaky')) expect(gap).toBeGreaterThanOrEqual(5);
    expect(connector.duplicates()).toEqual([]);
    const records = await engine.records.list('j2');
    expect(records.find((r) => r.conversationId === 'without')).toMatchObject({ status: 'sent', attempts: 3, lastError: 'http-429' });
  });

  it('gives up after the configured number of attempts and does not retry a 400', async () => {
    const audience = new MemoryAudience([conversation('always-503'), conversation('bad')]);
    const connector = new FakeConnector();
    connector.script = (id) => (id === 'always-503' ? { fail: failure.unavailable() } : { fail: failure.badRequest() });
    const { engine } = setup(audience, connector);
    await engine.enqueue(job('j3'));
    const result = await runNow(engine, 'j3');
    expect(result.counts).toMatchObject({ failed: 2, sent: 0 });
    expect(connector.calls.get('always-503')).toBe(4);
    expect(connector.calls.get('bad')).toBe(1);
    const records = await engine.records.list('j3');
    expect(records.find((r) => r.conversationId === 'always-503')?.lastError).toBe('http-503-max-attempts');
  });

  it('marks a conversation inactive on 403 MessageWritesBlocked and 404, without retrying', async () => {
    const audience = new MemoryAudience([conversation('blocked'), conversation('gone'), conversation('fine')]);
    const connector = new FakeConnector();
    connector.script = (id) => (id === 'blocked' ? { fail: failure.blocked() } : id === 'gone' ? { fail: failure.notFound() } : undefined);
    const { engine } = setup(audience, connector);
    await engine.enqueue(job('j4'));
    const result = await runNow(engine, 'j4');
    expect(result.counts).toMatchObject({ sent: 1, unreachable: 2 });
    expect(connector.calls.get('blocked')).toBe(1);
    expect(connector.calls.get('gone')).toBe(1);
    expect(audience.inactivated.map((i) => i.conversationId).sort()).toEqual(['blocked', 'gone']);
    expect(audience.conversations.get('blocked')?.inactive).toBe(true);
    // The next job does not write there again.
    await engine.enqueue(job('j4b'));
    const next = await runNow(engine, 'j4b');
    expect(next.counts).toMatchObject({ planned: 1, sent: 1 });
  });

  it('keeps going with slow (100 ms) connector answers', async () => {
    const audience = new MemoryAudience(personalChats(20));
    const connector = new FakeConnector();
    connector.script = () => ({ delayMs: 100 });
    const { engine } = setup(audience, connector, { settings: { ...fastRetries, concurrencyPerTenant: 8 } });
    await engine.enqueue(job('j5'));
    const result = await runNow(engine, 'j5');
    expect(result.counts).toMatchObject({ planned: 20, sent: 20 });
    expect(connector.duplicates()).toEqual([]);
  });

  it('skips every recipient of a job whose deadline has passed, and skips a never-started overdue job', async () => {
    const audience = new MemoryAudience(personalChats(3));
    const connector = new FakeConnector();
    const { engine, clock } = setup(audience, connector, { settings: { ...fastRetries, concurrencyPerTenant: 1 } });
    await engine.enqueue(job('late', { dueAt: new Date('2026-03-10T08:00:00Z'), notAfter: new Date('2026-03-10T08:30:00Z') }));
    const due = await engine.startDue();
    expect(due.started).toEqual([]);
    expect(due.skipped.map((j) => j.jobId)).toEqual(['late']);
    expect((await engine.jobs.get('late'))?.status).toBe('skipped');
    expect(connector.accepted.size).toBe(0);
    // A job past its deadline while it runs: the rest is skipped, never sent late.
    await engine.enqueue(job('tight', { notAfter: new Date('2026-03-10T09:00:30Z') }));
    connector.script = () => {
      clock.advance(60_000);
      return undefined;
    };
    const result = await runNow(engine, 'tight');
    expect(result.counts).toMatchObject({ planned: 3, sent: 1, skipped: 2 });
    expect(connector.accepted.size).toBe(1);
  });

  it('update jobs replace the cards their source job sent', async () => {
    const audience = new MemoryAudience(personalChats(3));
    const connector = new FakeConnector();
    const { engine } = setup(audience, connector);
    await engine.enqueue(job('src'));
    await runNow(engine, 'src');
    await engine.enqueue(job('upd', { action: 'update', updateOf: ['src'] }));
    const result = await runNow(engine, 'upd');
    expect(result.counts).toMatchObject({ planned: 3, sent: 3 });
    expect(connector.updates.map((u) => u.activityId).sort()).toEqual(['act-chat-0000-1', 'act-chat-0001-1', 'act-chat-0002-1']);
    expect(connector.accepted.size).toBe(3);
  });

  it('cancels a job: the remaining recipients are skipped', async () => {
    const audience = new MemoryAudience(personalChats(3));
    const connector = new FakeConnector();
    const { engine } = setup(audience, connector);
    await engine.enqueue(job('c1'));
    const claimed = await engine.jobs.get('c1');
    await engine.jobs.write(claimed!, { cancelRequested: true }, new Date(NOW));
    const result = await runNow(engine, 'c1');
    expect(result.outcome).toBe('cancelled');
    expect(result.counts).toMatchObject({ skipped: 3, sent: 0 });
    expect(connector.accepted.size).toBe(0);
  });
});

describe('deliveries CLI', () => {
  it('prints a report per job as a table and as JSON, and exits 2 when a recipient is uncertain', async () => {
    const audience = new MemoryAudience(personalChats(2));
    const connector = new FakeConnector();
    const { engine, store, clock } = setup(audience, connector);
    await engine.enqueue(job('cli-job', { group: 'datenstrategie/governance' }));
    await runNow(engine, 'cli-job');
    const { deliveryCliCommands } = await import('../../src/delivery/index.js');
    const command = deliveryCliCommands.find((c) => c.name === 'deliveries')!;
    const out: string[] = [];
    const err: string[] = [];
    const ctx = { out: (s: string) => out.push(s), err: (s: string) => err.push(s), env: {}, contentDir: 'content', storage: async () => store, clock };
    expect(await command.run([], ctx)).toBe(0);
    expect(out[1]).toBe('cli-job | 2026-03-10 09:00Z | done | 2 | 2 | 0 | 0 | 0 | 0');
    out.length = 0;
    expect(await command.run(['--json', '--group', 'datenstrategie/governance'], ctx)).toBe(0);
    expect(JSON.parse(out.join('\n'))).toMatchObject([{ jobId: 'cli-job', planned: 2, sent: 2, uncertain: 0 }]);
    const [record] = await engine.records.list('cli-job');
    await engine.records.update(record!, { status: 'uncertain' }, clock.now());
    expect(await command.run([], ctx)).toBe(2);
    expect(err.join('\n')).toMatch(/unsicher/);
    expect(await command.run(['--bogus'], ctx)).toBe(64);
  });
});
