// Per-tenant send leases on real Azurite, as two instances see them: one holds a tenant and the other waits
// for it (and sends for other tenants meanwhile); the holder lets go when it has nothing more for the tenant,
// and hands its window and Retry-After hold to the next holder; a holder that dies keeps the tenant until its
// lease expires. Lease times are wall clock, injected here.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { DeliveryPacer, TenantGate, TenantLeaseRepository, type TenantWindow } from '../../src/delivery/index.js';
import { silentLogger } from '../../src/shared/log.js';
import { useAzurite } from '../harness/azurite.js';

const storage = useAzurite('lease');

function gate(leases: TenantLeaseRepository, owner: string, wall: { t: number }) {
  return new TenantGate({ leases, owner, leaseMs: 10_000, logger: silentLogger, wallNow: () => wall.t, sleep: () => new Promise((r) => setTimeout(r, 5)) });
}

describe('TenantLeaseRepository', () => {
  it('gives a tenant to exactly one of two racing instances, and to another once it expired', async () => {
    const leases = new TenantLeaseRepository(storage.store());
    const results = await Promise.all(['a', 'b', 'c'].map((owner) => leases.take('tenant-1', owner, 1000, 5000)));
    expect(results.filter((r) => r.held)).toHaveLength(1);
    const holder = results.find((r) => r.held);
    if (!holder?.held) throw new Error('nobody took it');
    const other = holder.lease.owner === 'a' ? 'b' : 'a';
    expect((await leases.take('tenant-1', other, 5999, 5000)).held).toBe(false);
    const late = await leases.take('tenant-1', other, 6001, 5000);
    expect(late.held).toBe(true);
    // The previous holder's renewal now finds the lease gone.
    expect(await leases.renew(holder.lease, 6002, 5000)).toBeNull();
  });

  it('hands the last window and hold to the next holder on release', async () => {
    const leases = new TenantLeaseRepository(storage.store());
    const first = await leases.take('t', 'a', 1000, 5000);
    if (!first.held) throw new Error('not taken');
    expect(await leases.release(first.lease, 1500, [1100, 1200.5, 1400], 2500)).toBe(true);
    const next = await leases.take('t', 'b', 1501, 5000);
    expect(next.held && { recent: next.lease.recent, holdUntil: next.lease.holdUntil }).toEqual({ recent: [1100, 1200.5, 1400], holdUntil: 2500 });
  });
});

describe('TenantGate', () => {
  it('lets one instance send for a tenant at a time and hands over, with its window, when the holder is done', async () => {
    const leases = new TenantLeaseRepository(storage.store());
    const wall = { t: 1_000_000 };
    const one = gate(leases, 'one', wall);
    const two = gate(leases, 'two', wall);
    const window: TenantWindow = { recent: [999_900, 999_950], holdUntil: 1_000_500 };
    const events: string[] = [];

    one.enter('tenant');
    expect(await one.hold('tenant', undefined, () => events.push('one took'))).toBe(true);
    two.enter('tenant');
    two.enter('other');
    let handed: TenantWindow | undefined;
    const waiting = two.hold('tenant', undefined, (w) => {
      handed = w;
      events.push('two took');
    });
    // Meanwhile instance two sends for another tenant.
    expect(await two.hold('other', undefined, () => events.push('two took other'))).toBe(true);
    await new Promise((r) => setTimeout(r, 200));
    expect(events).toEqual(['one took', 'two took other']);
    expect(two.holds('tenant')).toBe(false);

    one.leave('tenant', () => window);
    expect(await waiting).toBe(true);
    expect(events).toEqual(['one took', 'two took other', 'two took']);
    expect(handed).toEqual(window);
    expect(one.holds('tenant')).toBe(false);
    await two.releaseAll(() => ({ recent: [], holdUntil: 0 }));
  });

  it('keeps a dead holder\'s tenant until its lease expires, then gives it to the waiting instance', async () => {
    const leases = new TenantLeaseRepository(storage.store());
    const wall = { t: 2_000_000 };
    const dead = gate(leases, 'dead', wall);
    const alive = gate(leases, 'alive', wall);
    dead.enter('tenant');
    expect(await dead.hold('tenant', undefined, () => undefined)).toBe(true);
    dead.halt();
    alive.enter('tenant');
    let taken = false;
    const waiting = alive.hold('tenant', undefined, () => (taken = true));
    await new Promise((r) => setTimeout(r, 200));
    expect(taken).toBe(false);
    wall.t += 10_001;
    expect(await waiting).toBe(true);
    expect(taken).toBe(true);
    await alive.releaseAll(() => ({ recent: [], holdUntil: 0 }));
  });

  it('stops waiting when the run is aborted', async () => {
    const leases = new TenantLeaseRepository(storage.store());
    const wall = { t: 3_000_000 };
    const one = gate(leases, 'one', wall);
    const two = gate(leases, 'two', wall);
    one.enter('tenant');
    await one.hold('tenant', undefined, () => undefined);
    const signal = { aborted: false };
    const waiting = two.hold('tenant', signal, () => undefined);
    signal.aborted = true;
    expect(await waiting).toBe(false);
    await one.releaseAll(() => ({ recent: [], holdUntil: 0 }));
  });
});

describe('DeliveryPacer on tenant leases', () => {
  /** A connector that answers `/token` after `tokenMs` and everything else at once. */
  async function connector(tokenMs: number) {
    const server = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => setTimeout(() => res.end('{}'), req.url === '/token' ? tokenMs : 0));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const post = (path: string, onLeft?: () => void) =>
      new Promise<void>((resolve, reject) => {
        const request = http.request({ host: '127.0.0.1', port, method: 'POST', path }, (response) => {
          response.resume();
          response.on('end', resolve);
        });
        if (onLeft) request.on('finish', onLeft);
        request.on('error', reject);
        request.end('{}');
      });
    return { post, close: () => server.close() };
  }

  function instances() {
    const leases = new TenantLeaseRepository(storage.store());
    const gates = ['one', 'two'].map((owner) => new TenantGate({ leases, owner, leaseMs: 10_000, logger: silentLogger }));
    const [one, two] = gates.map((gate) => new DeliveryPacer({ conversationLimits: [], maxRps: 5, gate }));
    return { one: one!, two: two!, gates };
  }

  it('keeps the tenant until the call has settled, and hands its request over counted from when it left', async () => {
    const server = await connector(0);
    try {
      const { one, two, gates } = instances();
      let left = 0;
      // The slot is granted at once, but the request leaves only 300 ms later (a slow connection): longer than
      // the lease lingers and the other instance polls for it together.
      await one.acquire('chat-a', 'tenant', undefined, async () => {
        await new Promise((resolve) => setTimeout(resolve, 300));
        await server.post('/v3/conversations/chat-a/activities', () => (left = Date.now()));
      });
      await two.acquire('chat-b', 'tenant');
      const sent = Date.now();
      expect(left).toBeGreaterThan(0);
      // The next request is spaced from the moment the first one left (1 s / 5, of which half may go early).
      expect(sent - left).toBeGreaterThanOrEqual(98);
      await gates[1]!.releaseAll(() => two.tenantWindow('tenant'));
    } finally {
      server.close();
    }
  });

  it('counts the message, not a token request made before it, as the moment the request left', async () => {
    const server = await connector(300);
    try {
      const { one, two, gates } = instances();
      let left = 0;
      await one.acquire('chat-a', 'tenant', undefined, async () => {
        await server.post('/token');
        await server.post('/v3/conversations/chat-a/activities', () => (left = Date.now()));
      });
      await two.acquire('chat-b', 'tenant');
      expect(left).toBeGreaterThan(0);
      expect(Date.now() - left).toBeGreaterThanOrEqual(98);
      await gates[1]!.releaseAll(() => two.tenantWindow('tenant'));
    } finally {
      server.close();
    }
  });

  it('lets the tenant go after a window when a call hangs, counting it from then', async () => {
    const { one, two, gates } = instances();
    const granted = Date.now();
    await one.acquire('chat-a', 'tenant', undefined, () => new Promise(() => undefined));
    await two.acquire('chat-b', 'tenant');
    const sent = Date.now();
    // Not for the whole send timeout: about a window, the lease's linger and a poll.
    expect(sent - granted).toBeLessThan(5_000);
    // The hanging call counts from when the lease went: the next request keeps its distance from then.
    expect(sent - granted).toBeGreaterThanOrEqual(1_000 + 98);
    await gates[1]!.releaseAll(() => two.tenantWindow('tenant'));
  });
});
