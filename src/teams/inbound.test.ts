import { describe, expect, it, vi } from 'vitest';
import type { Activity } from 'botbuilder';
import { processInbound } from './inbound.js';
import type { BotAdapter } from './adapter.js';
import { silentLogger } from '../shared/log.js';

/** The two CloudAdapter steps processInbound uses, with a connector factory that counts what it builds. */
function fakeAdapter(options: { failFirst?: boolean } = {}) {
  let built = 0;
  let tokenClients = 0;
  const create = vi.fn(async (serviceUrl: string) => {
    built++;
    if (options.failFirst && built === 1) throw new Error('no token');
    return { serviceUrl, n: built };
  });
  const auth = {
    authenticateRequest: async () => ({ audience: 'aud', claimsIdentity: { claims: [{ type: 'aud', value: 'app-1' }] }, connectorFactory: { appId: 'app-1', create } }),
    createUserTokenClient: async () => ({ n: ++tokenClients }),
  };
  const seen: unknown[] = [];
  const adapter = {
    botFrameworkAuthentication: auth,
    processActivity: async (result: { connectorFactory: { create(url: string, audience?: string): Promise<unknown> }; claimsIdentity: unknown }, activity: Activity) => {
      seen.push(await result.connectorFactory.create(activity.serviceUrl, 'aud'));
      seen.push(await auth.createUserTokenClient());
      return { status: 200, body: undefined };
    },
  };
  return { adapter: adapter as unknown as BotAdapter, create, seen, tokenClients: () => tokenClients };
}

const activity = (serviceUrl: string) => ({ type: 'message', text: 'hi', serviceUrl }) as Activity;

describe('processInbound', () => {
  it('builds one connector client per service URL and reuses it for every later turn', async () => {
    const f = fakeAdapter();
    for (let i = 0; i < 3; i++) await processInbound(f.adapter, activity('https://smba.one/'), '', async () => undefined, silentLogger);
    await processInbound(f.adapter, activity('https://smba.two/'), '', async () => undefined, silentLogger);
    expect(f.create).toHaveBeenCalledTimes(2);
    const clients = f.seen.filter((_, i) => i % 2 === 0) as Array<{ serviceUrl: string; n: number }>;
    expect(clients.map((c) => c.n)).toEqual([1, 1, 1, 2]);
    expect(f.tokenClients()).toBe(1);
  });

  it('does not keep a client whose creation failed', async () => {
    const f = fakeAdapter({ failFirst: true });
    await expect(processInbound(f.adapter, activity('https://smba.one/'), '', async () => undefined, silentLogger)).rejects.toThrow('no token');
    await processInbound(f.adapter, activity('https://smba.one/'), '', async () => undefined, silentLogger);
    expect(f.create).toHaveBeenCalledTimes(2);
  });
});
