// Self-pacing: sliding-window limits per conversation and per tenant, so the engine stays under Teams'
// limits instead of discovering them through 429s. Timing is real (monotonic), not the injected Clock:
// pacing is about wall-clock spacing of requests, the Clock about business time.
import type { WindowLimit } from './settings.js';

export interface Pace {
  now(): number;
  sleep(ms: number): Promise<void>;
}

/** A timer is asked to wake this much early; the rest of the wait yields to the event loop turn by turn. */
const TIMER_EARLY_MS = 2;
/** Node's longest timer (about 24.8 days); a longer one would fire at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Sleeps until `performance.now() + ms`, without the 1-2 ms a Node timer usually overshoots by. In a sliding
 * window that overshoot is never won back: a slot taken late moves every later slot of its chain, so at
 * 50 requests/s a timer late by 2 ms in each window costs 0.2% of the rate. Timers cover the wait up to its
 * last 2 ms (re-armed in pieces Node accepts, so a huge Retry-After cannot turn into a busy loop), and the
 * rest passes in `setImmediate` turns, which let I/O run in between.
 */
export function preciseSleep(ms: number): Promise<void> {
  const until = performance.now() + (Number.isNaN(ms) ? 0 : Math.max(0, ms));
  return new Promise((resolve) => {
    const step = () => {
      const left = until - performance.now();
      if (left <= 0) resolve();
      else if (left > TIMER_EARLY_MS) setTimeout(step, Math.min(MAX_TIMER_MS, Math.floor(left - TIMER_EARLY_MS)));
      else setImmediate(step);
    };
    step();
  });
}

export const realPace: Pace = {
  now: () => performance.now(),
  sleep: preciseSleep,
};

/**
 * Exact sliding-window log: a request at t occupies [t, t + window) in every window. Keeps only as many
 * timestamps as the largest limit, so a tenant at 50/s holds 50 numbers.
 */
export class SlidingWindowLimiter {
  private readonly stamps: number[] = [];
  private readonly keep: number;
  private blockedUntil = 0;

  constructor(
    private readonly windows: readonly WindowLimit[],
    private readonly slackMs = 0,
  ) {
    this.keep = Math.max(0, ...windows.map((w) => w.limit));
  }

  /** Milliseconds until one more request fits; 0 = now. */
  waitMs(now: number): number {
    let wait = Math.max(0, this.blockedUntil - now);
    const n = this.stamps.length;
    for (const w of this.windows) {
      if (n < w.limit) continue;
      const oldest = this.stamps[n - w.limit]!;
      wait = Math.max(wait, oldest + w.windowMs + this.slackMs - now);
    }
    return wait;
  }

  record(now: number): void {
    this.stamps.push(now);
    if (this.stamps.length > this.keep) this.stamps.splice(0, this.stamps.length - this.keep);
  }

  /** Retry-After: nothing goes out before `until`. */
  block(until: number): void {
    this.blockedUntil = Math.max(this.blockedUntil, until);
  }

  /** True when the limiter holds no state that could still delay a request. */
  idle(now: number): boolean {
    const last = this.stamps[this.stamps.length - 1];
    const longest = Math.max(0, ...this.windows.map((w) => w.windowMs));
    return this.blockedUntil <= now && (last === undefined || last + longest + this.slackMs <= now);
  }
}

/** One limiter per conversation and one per tenant; a request needs a slot in both. */
export class DeliveryPacer {
  private readonly conversations = new Map<string, SlidingWindowLimiter>();
  private readonly tenants = new Map<string, SlidingWindowLimiter>();
  /** Per tenant: the promise the last worker in line resolves when it leaves. */
  private readonly lines = new Map<string, Promise<void>>();
  private acquisitions = 0;

  constructor(
    private readonly options: {
      conversationLimits: readonly WindowLimit[];
      /** Requests per second per tenant; Infinity disables the tenant limit. */
      maxRps: number;
      slackMs: number;
      pace?: Pace;
    },
  ) {}

  private get pace(): Pace {
    return this.options.pace ?? realPace;
  }

  private conversation(id: string): SlidingWindowLimiter {
    let limiter = this.conversations.get(id);
    if (!limiter) {
      limiter = new SlidingWindowLimiter(this.options.conversationLimits, this.options.slackMs);
      this.conversations.set(id, limiter);
    }
    return limiter;
  }

  private tenant(id: string): SlidingWindowLimiter {
    let limiter = this.tenants.get(id);
    if (!limiter) {
      const limits = Number.isFinite(this.options.maxRps) ? [{ limit: this.options.maxRps, windowMs: 1000 }] : [];
      limiter = new SlidingWindowLimiter(limits, this.options.slackMs);
      this.tenants.set(id, limiter);
    }
    return limiter;
  }

  /**
   * Waits until both the conversation and its tenant have a free slot, then takes it. `onAcquired` (the
   * connector call) starts synchronously in the turn the slot is taken, not after whatever else is queued
   * on the event loop, which would let the connector see requests bunched together.
   *
   * Workers of one tenant queue up: only the head of the line sleeps until the next tenant slot, instead
   * of every waiting worker waking for every slot. A worker whose conversation is the obstacle (Retry-After,
   * per-thread limit) leaves the line while it waits, so it holds up nobody.
   */
  async acquire(conversationId: string, tenantId: string, signal?: { aborted: boolean }, onAcquired?: () => void): Promise<boolean> {
    const conv = this.conversation(conversationId);
    const tenant = this.tenant(tenantId);
    for (;;) {
      const leave = await this.enterLine(tenantId);
      let conversationWait = 0;
      try {
        for (;;) {
          if (signal?.aborted) return false;
          const now = this.pace.now();
          conversationWait = conv.waitMs(now);
          if (conversationWait > 0) break;
          const wait = tenant.waitMs(now);
          if (wait <= 0) {
            onAcquired?.();
            // Stamped after the call has started, so the stamp is never earlier than the connector's
            // arrival time: a pause (GC) between check and call cannot squeeze an extra request into a window.
            const stamp = this.pace.now();
            conv.record(stamp);
            tenant.record(stamp);
            if (++this.acquisitions % 5000 === 0) this.evictIdle(stamp);
            return true;
          }
          await this.pace.sleep(wait);
        }
      } finally {
        leave();
      }
      await this.pace.sleep(conversationWait);
    }
  }

  private async enterLine(tenantId: string): Promise<() => void> {
    // Without a tenant limit nobody waits for a tenant slot: no line needed.
    if (!Number.isFinite(this.options.maxRps)) return () => undefined;
    const ahead = this.lines.get(tenantId) ?? Promise.resolve();
    let leave!: () => void;
    const mine = new Promise<void>((resolve) => (leave = resolve));
    const tail = ahead.then(() => mine);
    this.lines.set(tenantId, tail);
    await ahead;
    return () => {
      if (this.lines.get(tenantId) === tail) this.lines.delete(tenantId);
      leave();
    };
  }

  /** Honour Retry-After for one conversation. */
  blockConversation(conversationId: string, ms: number): void {
    this.conversation(conversationId).block(this.pace.now() + ms);
  }

  private evictIdle(now: number): void {
    for (const [id, limiter] of this.conversations) if (limiter.idle(now)) this.conversations.delete(id);
  }
}
