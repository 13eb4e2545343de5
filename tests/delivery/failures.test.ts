// The delivery engine under real failures (issue 17, point 7): a connector that never answers, answers that
// may come after the message was accepted, credential and programming errors, and a team whose
// announcement channel is gone. Real Azurite, a scripted connector.
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/shared/clock.js';
import { silentLogger } from '../../src/shared/log.js';
import { createDeliveryEngine, MemoryAudience, type DeliveryEngineDeps, type JobSpec } from '../../src/delivery/index.js';
import { conversation, failure, FakeConnector } from './fakes.js';
import { useAzurite } from '../harness/azurite.js';

const storage = useAzurite('fail');
const NOW = '2026-03-10T09:00:00.000Z';
const fast = { baseBackoffMs: 10, maxBackoffMs: 40, firstRetryMs: 5, maxAttempts: 4, maxRps: 1000 };

function setup(audience: MemoryAudience, connector: FakeConnector, extra: Partial<DeliveryEngineDeps> = {}) {
  return createDeliveryEngine({
    store: storage.store(),
    sender: connector.sender(),
    audience,
    builders: { test: (job, c) => ({ text: `hello ${c.conversationId}`, summary: job.jobId }) },
    clock: new ManualClock(NOW),
    logger: silentLogger,
    settings: fast,
    ...extra,
  });
}

const job = (id: string, overrides: Partial<JobSpec> = {}): JobSpec => ({
  jobId: id,
  kind: 'test',
  payload: {},
  audience: { purpose: 'announcement' },
  dueAt: new Date(NOW),
  ...overrides,
});

async function run(engine: ReturnType<typeof createDeliveryEngine>, spec: JobSpec) {
  await engine.enqueue(spec);
  const handle = await engine.start(spec.jobId);
  return handle!.done;
}

const status = async (engine: ReturnType<typeof createDeliveryEngine>, jobId: string) =>
  new Map((await engine.records.list(jobId)).map((r) => [r.conversationId, r]));

describe('delivery under real failures', () => {
  it('a connector call without an answer ends as uncertain after the send timeout, and the worker moves on', async () => {
    const audience = new MemoryAudience([conversation('hung'), conversation('fine-1'), conversation('fine-2')]);
    const connector = new FakeConnector();
    connector.script = (id) => (id === 'hung' ? { hang: true } : undefined);
    // One worker: before the timeout existed, the hung call held it and nobody after it was served.
    const engine = setup(audience, connector, { settings: { ...fast, concurrencyPerTenant: 1, sendTimeoutMs: 200 } });
    const result = await run(engine, job('timeout'));
    expect(result.outcome).toBe('done');
    const records = await status(engine, 'timeout');
    expect(records.get('hung')).toMatchObject({ status: 'uncertain', attempts: 1, lastError: 'timeout' });
    expect(records.get('fine-1')?.status).toBe('sent');
    expect(records.get('fine-2')?.status).toBe('sent');
    expect(connector.calls.get('hung')).toBe(1);
  });

  it('502, 504 and a connection reset after the request was written are uncertain for a send: never sent again', async () => {
    const audience = new MemoryAudience([conversation('bad-gateway'), conversation('gateway-timeout'), conversation('reset'), conversation('refused')]);
    const connector = new FakeConnector();
    connector.script = (id, call) =>
      id === 'bad-gateway' ? { fail: failure.badGateway() }
      : id === 'gateway-timeout' ? { fail: failure.gatewayTimeout() }
      : id === 'reset' ? { fail: failure.reset() }
      : id === 'refused' && call === 1 ? { fail: failure.refused() }
      : undefined;
    const engine = setup(audience, connector);
    const result = await run(engine, job('maybe'));
    expect(result.counts).toMatchObject({ uncertain: 3, sent: 1, failed: 0 });
    const records = await status(engine, 'maybe');
    expect(records.get('bad-gateway')).toMatchObject({ status: 'uncertain', lastError: 'http-502' });
    expect(records.get('gateway-timeout')).toMatchObject({ status: 'uncertain', lastError: 'http-504' });
    expect(records.get('reset')).toMatchObject({ status: 'uncertain', lastError: 'connection-reset' });
    for (const id of ['bad-gateway', 'gateway-timeout', 'reset']) expect(connector.calls.get(id)).toBe(1);
    // Refused: the request never left, so it is retried and delivered.
    expect(records.get('refused')).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('an update (idempotent) is retried after 502, 504, a reset and a timeout', async () => {
    const audience = new MemoryAudience([conversation('u-502'), conversation('u-504'), conversation('u-reset'), conversation('u-hang')]);
    const connector = new FakeConnector();
    const engine = setup(audience, connector, { settings: { ...fast, sendTimeoutMs: 200 } });
    await run(engine, job('source'));
    connector.script = (id, call, kind) => {
      if (kind !== 'update' || call > 1) return undefined;
      return id === 'u-502' ? { fail: failure.badGateway() } : id === 'u-504' ? { fail: failure.gatewayTimeout() } : id === 'u-reset' ? { fail: failure.reset() } : { hang: true };
    };
    const result = await run(engine, job('update', { action: 'update', updateOf: ['source'] }));
    expect(result.counts).toMatchObject({ sent: 4, uncertain: 0 });
    for (const id of ['u-502', 'u-504', 'u-reset', 'u-hang']) expect(connector.updateCalls.get(id)).toBe(2);
  });

  it('an in-place card update (updateActivity) that hangs is given up after the timeout and tried again', async () => {
    const connector = new FakeConnector();
    connector.script = (_id, call, kind) => (kind === 'update' && call === 1 ? { hang: true } : undefined);
    const engine = setup(new MemoryAudience([]), connector, { settings: { ...fast, sendTimeoutMs: 100 } });
    await engine.updateActivity(conversation('card-chat'), 'act-1', { text: 'neu' });
    expect(connector.updateCalls.get('card-chat')).toBe(2);
    expect(connector.updates).toHaveLength(1);
  });

  it('stop() hands the tenant on only once a card update under way has settled, and retries none after it began', async () => {
    let answer!: () => void;
    const answered = new Promise<void>((resolve) => (answer = resolve));
    let began!: () => void;
    const calling = new Promise<void>((resolve) => (began = resolve));
    const connector = new FakeConnector();
    connector.script = (id, call, kind) => {
      if (kind !== 'update') return undefined;
      if (call === 1) began();
      // The card's first call answers only when the test says so; the other card's first call fails with a 503.
      return id === 'card' ? { until: answered } : call === 1 ? { until: answered, fail: failure.unavailable() } : undefined;
    };
    const engine = setup(new MemoryAudience([]), connector);
    const update = engine.updateActivity(conversation('card'), 'act-1', { text: 'neu' });
    const flaky = engine.updateActivity(conversation('flaky'), 'act-2', { text: 'neu' }).then(
      () => 'updated',
      (error: Error) => error.message,
    );
    await calling;
    let stopped = false;
    const stopping = engine.stop().then(() => (stopped = true));
    // Before the fix stop() released the leases here, while the card's call was still out.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(stopped).toBe(false);
    answer();
    await stopping;
    await update;
    expect(connector.updates.map((u) => u.conversationId)).toEqual(['card']);
    // The 503 came while the engine was stopping: not retried, and the caller hears of it.
    expect(await flaky).toBe('unavailable');
    expect(connector.updateCalls.get('flaky')).toBe(1);
  });

  it('credential and programming errors fail at once, without retry and without being called network errors', async () => {
    const audience = new MemoryAudience([conversation('no-token'), conversation('bug')]);
    const connector = new FakeConnector();
    connector.script = (id) => (id === 'no-token' ? { fail: failure.credentials() } : { fail: new TypeError("Cannot read properties of undefined (reading 'id')") });
    const engine = setup(audience, connector);
    const result = await run(engine, job('broken'));
    expect(result.counts).toMatchObject({ failed: 2, sent: 0 });
    const records = await status(engine, 'broken');
    expect(records.get('no-token')).toMatchObject({ status: 'failed', attempts: 1, lastError: 'credentials' });
    expect(records.get('bug')).toMatchObject({ status: 'failed', attempts: 1, lastError: 'TypeError' });
    expect(connector.calls.get('no-token')).toBe(1);
    expect(connector.calls.get('bug')).toBe(1);
  });

  it("a 404 from a team's announcement channel falls back to the team's install channel; the team stays active", async () => {
    const team = conversation('team-general', { kind: 'channel', teamId: 'team-1', announcementChannelId: 'team-announce' });
    const audience = new MemoryAudience([team, conversation('chat')]);
    const connector = new FakeConnector();
    connector.script = (id) => (id === 'team-announce' ? { fail: failure.notFound() } : undefined);
    const engine = setup(audience, connector);
    const result = await run(engine, job('announce'));
    expect(result.counts).toMatchObject({ sent: 2, unreachable: 0 });
    expect(connector.calls.get('team-announce')).toBe(1);
    expect(connector.accepted.get('team-general')).toBe(1);
    expect(audience.inactivated).toEqual([]);
    expect(audience.conversations.get('team-general')?.inactive).toBe(false);
    const records = await status(engine, 'announce');
    expect(records.get('team-announce')).toMatchObject({ status: 'sent', attempts: 2, activityId: 'act-team-general-1' });
    // The install channel gone too: now the team is unreachable.
    connector.script = (id) => (id === 'team-announce' || id === 'team-general' ? { fail: failure.notFound() } : undefined);
    const second = await run(engine, job('announce-2'));
    expect(second.counts).toMatchObject({ sent: 1, unreachable: 1 });
    expect(audience.conversations.get('team-general')?.inactive).toBe(true);
  });
});
