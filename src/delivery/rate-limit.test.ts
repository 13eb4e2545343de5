import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { DeliveryPacer, preciseSleep, SlidingWindowLimiter, type Pace } from './rate-limit.js';
import { TEAMS_CONVERSATION_LIMITS } from './settings.js';

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
    const pacer = new DeliveryPacer({ conversationLimits: TEAMS_CONVERSATION_LIMITS, maxRps: 1000, slackMs: 0, pace });
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
        const pacer = new DeliveryPacer({ conversationLimits: TEAMS_CONVERSATION_LIMITS, maxRps: rps, slackMs: 0, pace });
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
    const pacer = new DeliveryPacer({ conversationLimits: [], maxRps: 5, slackMs: 0, pace });
    for (let i = 0; i < 5; i++) await pacer.acquire(`a${i}`, 'tenant-a');
    for (let i = 0; i < 5; i++) await pacer.acquire(`b${i}`, 'tenant-b');
    expect(pace.t).toBe(0);
    await pacer.acquire('a-next', 'tenant-a');
    expect(pace.t).toBeGreaterThanOrEqual(1000);
  });
});
