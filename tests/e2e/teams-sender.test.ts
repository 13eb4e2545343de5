// The botbuilder-based sender against the fake connector: one HTTP call per send (the connector client's
// own retries are off, so the delivery engine sees every fault), and faults reduced to SendFailure.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FakeConnector } from '../harness/fake-connector.js';
import { ClientAuthError, ClientConfigurationError, ServerError } from '@azure/msal-node';
import { createAdapter, createTeamsSender, toSendFailure } from '../../src/teams/index.js';
import { SendFailure } from '../../src/delivery/sender.js';
import { classifyFailure, defaultDeliverySettings } from '../../src/delivery/index.js';
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
    expect(failure.failureCause).toBe('network');
  });

  it('reports a connection broken after the request was written as a reset, which the engine does not resend', async () => {
    connector.addFault(() => ({ status: 0, destroy: true }));
    const failure = await failureOf(sender.send(conversation, { text: 'x' }));
    expect(connector.calls).toHaveLength(1);
    expect(failure.status).toBeUndefined();
    expect(failure.failureCause).toBe('reset');
    expect(classifyFailure(failure, 1, defaultDeliverySettings, 'send').kind).toBe('uncertain');
    expect(classifyFailure(failure, 1, defaultDeliverySettings, 'update').kind).toBe('retry');
  });

  it('reports credential failures as such, not as network errors, and leaves programming errors as they are', () => {
    const secret = toSendFailure(new ServerError('invalid_client', 'AADSTS7000215: Invalid client secret provided.'));
    expect(secret).toBeInstanceOf(SendFailure);
    expect((secret as SendFailure).failureCause).toBe('credentials');
    expect((secret as SendFailure).network).toBe(false);
    expect(classifyFailure(secret, 1, defaultDeliverySettings)).toEqual({ kind: 'fail', reason: 'credentials' });
    const config = toSendFailure(new ClientConfigurationError('invalid_authority'));
    expect((config as SendFailure).failureCause).toBe('credentials');
    // MSAL could not reach its token endpoint: nothing reached the connector, so a retry is safe.
    const tokenNetwork = toSendFailure(new ClientAuthError('network_error'));
    expect((tokenNetwork as SendFailure).failureCause).toBe('network');
    const bug = new TypeError("Cannot read properties of undefined (reading 'id')");
    expect(toSendFailure(bug)).toBe(bug);
    expect(classifyFailure(bug, 1, defaultDeliverySettings)).toEqual({ kind: 'fail', reason: 'TypeError' });
    // Anything else without an HTTP status is neither a network error nor retried.
    const odd = toSendFailure(new Error('something else'));
    expect((odd as SendFailure).network).toBe(false);
    expect(classifyFailure(odd, 1, defaultDeliverySettings)).toEqual({ kind: 'fail', reason: 'connector-error' });
  });
});
