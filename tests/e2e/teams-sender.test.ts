// The botbuilder-based sender against the fake connector: one HTTP call per send (the connector client's
// own retries are off, so the delivery engine sees every fault), and faults reduced to SendFailure.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FakeConnector } from '../harness/fake-connector.js';
import { createAdapter, createTeamsSender } from '../../src/teams/index.js';
import { SendFailure } from '../../src/delivery/sender.js';
import type { StoredConversation } from '../../src/registry/types.js';

const connector = new FakeConnector();
let conversation: StoredConversation;
// As in the service: an onTurnError handler that logs and swallows must not hide a failed send.
const adapter = createAdapter({ MicrosoftAppType: 'SingleTenant' });
adapter.onTurnError = async () => {};
const sender = createTeamsSender(adapter, undefined);

beforeAll(async () => {
  await connector.start();
  conversation = {
    conversationId: 'a:one',
    kind: 'personal',
    tenantId: 't',
    serviceUrl: connector.url,
    reference: { conversation: { id: 'a:one' }, bot: { id: '28:bot' }, channelId: 'msteams', serviceUrl: connector.url },
    locale: 'de',
    unsubscribed: false,
    removed: false,
    inactive: false,
    createdAt: '',
    updatedAt: '',
  };
});
afterAll(() => connector.stop());
beforeEach(() => connector.reset());

async function failureOf(promise: Promise<unknown>): Promise<SendFailure> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(SendFailure);
    return error as SendFailure;
  }
  throw new Error('expected the send to fail');
}

describe('Teams sender', () => {
  it('sends once and returns the activity id', async () => {
    const result = await sender.send(conversation, { text: 'Hallo' });
    expect(connector.calls).toHaveLength(1);
    expect(result.activityId).toBe(connector.calls[0]!.assignedId);
    expect(connector.calls[0]!.body).toMatchObject({ type: 'message', text: 'Hallo', textFormat: 'markdown' });
  });

  it('reports 429 with Retry-After in milliseconds after a single call', async () => {
    connector.addFault(() => ({ status: 429, headers: { 'Retry-After': '2' } }));
    const failure = await failureOf(sender.send(conversation, { text: 'x' }));
    expect(failure.status).toBe(429);
    expect(failure.retryAfterMs).toBe(2000);
    expect(connector.calls).toHaveLength(1);
  });

  it.each([503, 502, 504, 412])('reports %i after a single call', async (status) => {
    connector.addFault(() => ({ status }));
    expect((await failureOf(sender.send(conversation, { text: 'x' }))).status).toBe(status);
    expect(connector.calls).toHaveLength(1);
  });

  it('recognises a blocked app (403 MessageWritesBlocked)', async () => {
    connector.addFault(() => ({ status: 403, body: { error: { code: 'Forbidden', message: 'blocked' }, subCode: 'MessageWritesBlocked' } }));
    const failure = await failureOf(sender.send(conversation, { text: 'x' }));
    expect(failure.status).toBe(403);
    expect(failure.subCode).toBe('MessageWritesBlocked');
  });

  it('updates an activity in place with PUT', async () => {
    await sender.update(conversation, 'act-1', { text: 'geändert' });
    expect(connector.updates()).toHaveLength(1);
    expect(connector.updates()[0]!.activityId).toBe('act-1');
  });

  it('reports an unreachable connector as a network failure', async () => {
    const dead = { ...conversation, serviceUrl: 'http://127.0.0.1:9/' };
    const failure = await failureOf(sender.send(dead, { text: 'x' }));
    expect(failure.network).toBe(true);
  });
});
