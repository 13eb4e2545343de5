import { describe, expect, it } from 'vitest';
import { LiveResponses } from './live.js';
import type { ResponseRecord } from './retrospective.js';

const at = new Date('2025-09-01T10:00:00Z');
const vote = (rating: number): ResponseRecord => ({ rating, submittedAt: at });

/** A storage stand-in (rows carry a server timestamp) whose scans can be held open, and a clock moved by hand. */
function rig() {
  const rows = new Map<string, { record: ResponseRecord; ts: number }>();
  let serverTime = 1_000_000;
  const stored = {
    set: (key: string, record: ResponseRecord) => rows.set(key, { record, ts: (serverTime += 1000) }),
    delete: (key: string) => rows.delete(key),
  };
  let time = 0;
  const holds: Array<() => void> = [];
  let hold = false;
  let fail = false;
  const sinces: Array<number | undefined> = [];
  const errors: unknown[] = [];
  const live = new LiveResponses({
    rescanMs: 2000,
    fullScanMs: 60_000,
    marginMs: 5000,
    now: () => time,
    onScanError: (e) => errors.push(e),
    scan: async (_key, since) => {
      sinces.push(since?.getTime());
      const picked = [...rows].filter(([, row]) => since === undefined || row.ts >= since.getTime());
      const newest = picked.length ? Math.max(...picked.map(([, row]) => row.ts)) : undefined;
      const copy = { responses: new Map(picked.map(([k, row]) => [k, row.record])), ...(newest ? { newest: new Date(newest) } : {}) };
      if (hold) await new Promise<void>((resolve) => holds.push(resolve));
      if (fail) throw new Error('storage down');
      return copy;
    },
  });
  const settle = () => new Promise((r) => setTimeout(r, 0));
  return {
    live,
    stored,
    errors,
    sinces,
    scans: () => sinces.length,
    serverTime: () => serverTime,
    advance: (ms: number) => (time += ms),
    hold: (on: boolean) => (hold = on),
    fail: (on: boolean) => (fail = on),
    release: async () => {
      holds.splice(0).forEach((r) => r());
      await settle();
    },
    settle,
  };
}

describe('LiveResponses', () => {
  it('reads storage once, then counts this instance’s votes at once and other instances’ votes after a rescan', async () => {
    const r = rig();
    r.stored.set('a', vote(4));
    expect((await r.live.snapshot('p.s')).responses.size).toBe(1);
    expect(r.scans()).toBe(1);

    r.stored.set('b', vote(2)); // stored here ...
    r.live.recordLocal('p.s', 'b', vote(2));
    r.stored.set('c', vote(5)); // ... and by another instance
    const soon = await r.live.snapshot('p.s');
    expect([...soon.responses.keys()].sort()).toEqual(['a', 'b']);
    expect(r.scans()).toBe(1);

    r.advance(2000);
    await r.live.snapshot('p.s'); // stale: answered from memory, refreshed in the background
    await r.settle();
    expect(r.scans()).toBe(2);
    expect([...(await r.live.snapshot('p.s')).responses.keys()].sort()).toEqual(['a', 'b', 'c']);
  });

  it('keeps a vote stored while a scan was running that the scan did not see', async () => {
    const r = rig();
    await r.live.snapshot('p.s');
    r.advance(5000);
    r.hold(true);
    await r.live.snapshot('p.s'); // starts a background scan of an empty partition
    r.advance(10);
    r.stored.set('late', vote(3));
    r.live.recordLocal('p.s', 'late', vote(3));
    await r.release();
    expect(r.scans()).toBe(2);
    expect((await r.live.snapshot('p.s')).responses.get('late')?.rating).toBe(3);
  });

  it('an edited vote replaces the earlier one of the same person', async () => {
    const r = rig();
    r.stored.set('a', vote(1));
    await r.live.snapshot('p.s');
    r.live.recordLocal('p.s', 'a', vote(5));
    const { responses } = await r.live.snapshot('p.s');
    expect(responses.size).toBe(1);
    expect(responses.get('a')?.rating).toBe(5);
  });

  it('after forget() a scan that started earlier cannot bring deleted responses back', async () => {
    const r = rig();
    r.stored.set('gone', vote(2));
    await r.live.snapshot('p.s');
    r.advance(3000);
    r.hold(true);
    await r.live.snapshot('p.s'); // background scan still sees "gone"
    r.stored.delete('gone');
    r.live.forget();
    await r.release();
    r.hold(false);
    expect((await r.live.snapshot('p.s')).responses.has('gone')).toBe(false);
  });

  it('a failed background scan keeps the last snapshot and is reported; a failed first scan fails the caller', async () => {
    const r = rig();
    r.stored.set('a', vote(4));
    await r.live.snapshot('p.s');
    r.advance(3000);
    r.fail(true);
    expect((await r.live.snapshot('p.s')).responses.size).toBe(1);
    await r.settle();
    expect(r.errors).toHaveLength(1);
    await expect(r.live.snapshot('other.session')).rejects.toThrow('storage down');
    r.fail(false);
    expect((await r.live.snapshot('other.session')).responses.size).toBe(1);
  });

  it('rescans read only rows changed since the newest one seen, and a full read every minute notices deletions', async () => {
    const r = rig();
    for (let i = 0; i < 50; i++) r.stored.set(`old${i}`, vote(3));
    await r.live.snapshot('p.s');
    expect(r.sinces).toEqual([undefined]);
    const newest = r.serverTime();
    r.stored.set('new', vote(5));
    r.stored.delete('old0'); // deleted by another instance
    r.advance(2000);
    await r.live.snapshot('p.s');
    await r.settle();
    expect(r.sinces).toEqual([undefined, newest - 5000]);
    let { responses } = await r.live.snapshot('p.s');
    expect(responses.size).toBe(51);
    expect(responses.get('new')?.rating).toBe(5);
    r.advance(60_000);
    await r.live.snapshot('p.s');
    await r.settle();
    expect(r.sinces.at(-1)).toBeUndefined();
    ({ responses } = await r.live.snapshot('p.s'));
    expect(responses.size).toBe(50);
    expect(responses.has('old0')).toBe(false);
  });

  it('holds responses by pseudonym only: a snapshot has no voter list', async () => {
    const r = rig();
    await r.live.snapshot('p.s');
    r.live.recordLocal('p.s', 'k1', vote(3));
    expect(Object.keys(await r.live.snapshot('p.s'))).toEqual(['responses']);
  });

  it('forgets sessions nobody looked at for a long time', async () => {
    const r = rig();
    await r.live.snapshot('p.s');
    r.advance(16 * 60_000);
    await r.live.snapshot('p.t');
    await r.live.snapshot('p.s');
    expect(r.scans()).toBe(3); // p.s was read again rather than served from a 16-minute-old snapshot
  });
});
