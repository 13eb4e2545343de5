import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { DeliveryPacer, preciseSleep, SlidingWindowLimiter, type Pace } from './rate-limit.js';
import { TEAMS_CONVERSATION_LIMITS } from './settings.js';
import { preciseWallNow } from './tenant-gate.js';

/** Virtual time: sleeping advances the clock, so pacing is checked exactly and instantly. */
function virtualPace(): Pace & { t: number } {
  const pace = {
    t: 0,
    now: () => pace.t,
    sleep: async (ms: number) => {
      pace.t += Math.max(1, ms);
    },
  };
  return pace;
}

function maxInWindow(stamps: number[], windowMs: number): number {
  let max = 0;
  let start = 0;
  for (let end = 0; end < stamps.length; end++) {
    while (stamps[end]! - stamps[start]! >= windowMs) start++;
    max = Math.max(max, end - start + 1);
  }
  return max;
}

describe('SlidingWindowLimiter', () => {
  it('lets the limit through at once, then waits for the oldest request to leave the window', () => {
    const limiter = new SlidingWindowLimiter([{ limit: 3, windowMs: 1000 }]);
    for (const t of [0, 10, 20]) {
      expect(limiter.waitMs(t)).toBe(0);
      limiter.record(t);
    }
    expect(limiter.waitMs(30)).toBe(970);
    expect(limiter.waitMs(1000)).toBe(0);
  });

  it('honours a Retry-After block', () => {
    const limiter = new SlidingWindowLimiter([{ limit: 10, windowMs: 1000 }]);
    limiter.block(500);
    expect(limiter.waitMs(100)).toBe(400);
    expect(limiter.waitMs(500)).toBe(0);
  });
});

describe('preciseSleep', () => {
  it('never wakes before the time asked for, including waits shorter than its early timer', async () => {
    for (const ms of [0, 0.4, 1.5, 3, 7.25, 20]) {
      const start = performance.now();
      await preciseSleep(ms);
      expect(performance.now() - start).toBeGreaterThanOrEqual(ms);
    }
  });
  it('treats a negative or NaN wait as none', async () => {
    await expect(preciseSleep(-5)).resolves.toBeUndefined();
    await expect(preciseSleep(Number.NaN)).resolves.toBeUndefined();
  });
  it('waits out a delay longer than a Node timer allows on a timer, not in a busy loop', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'setImmediate', 'performance'] });
    try {
      let done = false;
      void preciseSleep(30 * 24 * 3600_000).then(() => (done = true)); // 30 days: above the 24.8-day timer limit
      expect(vi.getTimerCount()).toBe(1);
      await vi.advanceTimersByTimeAsync(25 * 24 * 3600_000);
      expect(done).toBe(false);
      expect(vi.getTimerCount()).toBe(1); // re-armed for the rest, not spinning
      await vi.advanceTimersByTimeAsync(5 * 24 * 3600_000);
      expect(done).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('DeliveryPacer', () => {
  it('keeps one conversation within every Teams per-thread window', async () => {
    const pace = virtualPace();
    const pacer = new DeliveryPacer({ conversationLimits: TEAMS_CONVERSATION_LIMITS, maxRps: 1000, pace });
    const stamps: number[] = [];
    for (let i = 0; i < 200; i++) {
      await pacer.acquire('chat', 'tenant');
      stamps.push(pace.t);
    }
    for (const w of TEAMS_CONVERSATION_LIMITS) expect(maxInWindow(stamps, w.windowMs)).toBeLessThanOrEqual(w.limit);
    // 60 per 30 s is the binding limit over 200 messages: the pacer uses it fully, not more.
    expect(maxInWindow(stamps, 30_000)).toBe(60);
  });

  it('never lets a tenant exceed its rate in any 1 s window, for any interleaving of conversations', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 300 }), fc.integer({ min: 1, max: 50 }), async (convs, rps) => {
        const pace = virtualPace();
        const pacer = new DeliveryPacer({ conversationLimits: TEAMS_CONVERSATION_LIMITS, maxRps: rps, pace });
        const stamps: number[] = [];
        for (const c of convs) {
          await pacer.acquire(`c${c}`, 'tenant');
          stamps.push(pace.t);
        }
        expect(maxInWindow(stamps, 1000)).toBeLessThanOrEqual(rps);
      }),
      { numRuns: 50 },
    );
  });

  it('paces tenants independently', async () => {
    const pace = virtualPace();
    const pacer = new DeliveryPacer({ conversationLimits: [], maxRps: 5, pace });
    for (let i = 0; i < 5; i++) await pacer.acquire(`a${i}`, 'tenant-a');
    const aDone = pace.t;
    await pacer.acquire('b0', 'tenant-b');
    expect(pace.t).toBe(aDone);
    await pacer.acquire('a-next', 'tenant-a');
    expect(pace.t).toBeGreaterThanOrEqual(1000);
  });

  it('spaces a tenant\'s requests evenly instead of sending a window\'s worth at once', async () => {
    const pace = virtualPace();
    const pacer = new DeliveryPacer({ conversationLimits: [], maxRps: 50, pace });
    const stamps: number[] = [];
    for (let i = 0; i < 150; i++) {
      await pacer.acquire(`c${i}`, 'tenant');
      stamps.push(pace.t);
    }
    // Never two requests closer than half the spacing (20 ms at 50/s), and still the full rate.
    for (let i = 1; i < stamps.length; i++) expect(stamps[i]! - stamps[i - 1]!).toBeGreaterThanOrEqual(10);
    expect(maxInWindow(stamps, 1000)).toBe(50);
    expect(maxInWindow(stamps, 100)).toBeLessThanOrEqual(6);
  });

  it('holds one conversation on a single 429 and the whole tenant once 429s pile up within a second', () => {
    const pace = virtualPace();
    const pacer = new DeliveryPacer({ conversationLimits: [], maxRps: 10, pace });
    const tenantWait = () => (pacer as unknown as { tenant(id: string): SlidingWindowLimiter }).tenant('tenant').waitMs(pace.t);
    expect(pacer.throttled('c1', 'tenant', 2000)).toBe(false);
    expect(tenantWait()).toBe(0);
    pace.t += 100;
    // A fifth of the limit (two at 10/s) within one window: the tenant is throttled.
    expect(pacer.throttled('c2', 'tenant', 2000)).toBe(true);
    expect(tenantWait()).toBe(2000);
  });
});

describe('SlidingWindowLimiter, requests counted when they leave', () => {
  it('counts a request from the moment it left the process, and widens the window by how long leaving took', () => {
    const limiter = new SlidingWindowLimiter([{ limit: 1, windowMs: 1000 }]);
    limiter.record(0);
    expect(limiter.waitMs(1000)).toBe(0);
    limiter.restamp(0, 30, 30);
    // Counted from 30, and a request that needed 30 ms to leave may arrive that much later: 1060.
    expect(limiter.waitMs(1000)).toBe(60);
    expect(limiter.waitMs(1060)).toBe(0);
  });

  it('hands its window to the next holder, who continues it', () => {
    const first = new SlidingWindowLimiter([{ limit: 3, windowMs: 1000 }], 1000 / 3);
    for (const t of [0, 340, 680]) first.record(t);
    first.block(1500);
    const { stamps, blockedUntil } = first.snapshot(700);
    const next = new SlidingWindowLimiter([{ limit: 3, windowMs: 1000 }], 1000 / 3);
    next.seed(stamps, blockedUntil);
    expect(next.waitMs(700)).toBe(800);
    expect(next.waitMs(1500)).toBe(0);
  });

  it('hands over its margin with its window: the next holder keeps the same distance', () => {
    const first = new SlidingWindowLimiter([{ limit: 1, windowMs: 1000 }]);
    first.record(0);
    first.restamp(0, 20, 20);
    const next = new SlidingWindowLimiter([{ limit: 1, windowMs: 1000 }]);
    const { stamps, blockedUntil } = first.snapshot(100);
    next.seed(stamps, blockedUntil);
    expect(next.waitMs(1000)).toBe(first.waitMs(1000));
  });
});

describe('preciseWallNow', () => {
  /** Readings for a while, each with the wall clock read just before and after. */
  function readings(n: number) {
    return Array.from({ length: n }, () => {
      const before = Date.now();
      const t = preciseWallNow();
      return { before, t, after: Date.now() };
    });
  }

  it('agrees with the wall clock to a millisecond, resolves below it and never goes back while the wall clock does not', () => {
    const all = readings(2000);
    for (const { before, t, after } of all) {
      expect(t).toBeGreaterThan(before - 1);
      expect(t).toBeLessThan(after + 2);
    }
    for (let i = 1; i < all.length; i++) expect(all[i]!.t).toBeGreaterThanOrEqual(all[i - 1]!.t);
    expect(all.some(({ t }) => !Number.isInteger(t))).toBe(true);
  });

  it('follows a step of the wall clock, once, instead of flipping between two clocks', () => {
    const real = Date.now.bind(Date);
    for (const step of [1.5, -1.5, 5000, -5000]) {
      const spy = vi.spyOn(Date, 'now').mockImplementation(() => Math.floor(real() + step));
      try {
        preciseWallNow();
        const all = readings(300);
        for (const { before, t, after } of all) {
          expect(t, `step ${step}`).toBeGreaterThan(before - 1);
          expect(t, `step ${step}`).toBeLessThan(after + 2);
        }
        for (let i = 1; i < all.length; i++) expect(all[i]!.t, `step ${step}`).toBeGreaterThanOrEqual(all[i - 1]!.t);
      } finally {
        spy.mockRestore();
      }
    }
  });
});
