// Self-pacing: sliding-window limits per conversation and per tenant, so the engine stays under Teams'
// limits instead of discovering them through 429s. Timing is real (monotonic), not the injected Clock:
// pacing is about wall-clock spacing of requests, the Clock about business time.
// What Teams sees is what counts: requests arrive at the connector, and every one counts. Hence three rules
// (docs/architecture.md, "Rate limits and retries"): a tenant's requests are spaced evenly (1 s / limit apart)
// instead of going out as a window's worth at once; a request is counted from the moment it left the process
// (./wire-time.ts), not from when its call started; and only the holder of a tenant's lease
// (./tenant-gate.ts) sends for it, so that two instances never pace one tenant twice.
import { preciseWallNow, type TenantGate, type TenantWindow } from './tenant-gate.js';
import { observeWrites } from './wire-time.js';
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
 * timestamps as the largest limit, so a tenant at 50/s holds 50 numbers. With `spacingMs` it also spaces
 * requests evenly (a GCRA): one may go at most half a spacing early, which wins back a late timer without
 * letting two requests go together. A window's worth sent at once is within the limit as counted here, but
 * reaches the connector spread by whatever delays each request (a burst needs as many sockets, mostly new
 * connections, while the next burst finds them warm), and two such bursts then land in one of its windows.
 */
export class SlidingWindowLimiter {
  private readonly stamps: number[] = [];
  private readonly keep: number;
  private blockedUntil = 0;
  /** The theoretical time of the next request when spaced. */
  private nextAt = -Infinity;
  /** When recent requests left the process and how long that took them (see margin()). */
  private readonly departures: { at: number; took: number }[] = [];

  constructor(
    private readonly windows: readonly WindowLimit[],
    private readonly spacingMs = 0,
  ) {
    this.keep = Math.max(0, ...windows.map((w) => w.limit));
  }

  /** Milliseconds until one more request fits; 0 = now. */
  waitMs(now: number): number {
    let wait = Math.max(0, this.blockedUntil - now, this.nextAt - this.spacingMs / 2 - now);
    const n = this.stamps.length;
    for (const w of this.windows) {
      if (n < w.limit) continue;
      const oldest = this.stamps[n - w.limit]!;
      wait = Math.max(wait, oldest + w.windowMs + this.margin(now) - now);
    }
    return wait;
  }

  record(now: number): void {
    if (this.spacingMs) this.nextAt = Math.max(this.nextAt, now) + this.spacingMs;
    this.insert(now);
  }

  private insert(stamp: number): void {
    let i = this.stamps.length;
    this.stamps.push(stamp);
    // Kept in order: a request counted later (it left the process late) may follow one counted after it.
    while (i > 0 && this.stamps[i - 1]! > stamp) {
      this.stamps[i] = this.stamps[i - 1]!;
      i--;
    }
    this.stamps[i] = stamp;
    if (this.stamps.length > this.keep) this.stamps.splice(0, this.stamps.length - this.keep);
  }

  /**
   * How much later than their own departure requests may reach the connector, as far as this process can
   * tell: the longest a request of the last window took to leave it (a request that leaves late also travels
   * late; 0 for senders without HTTP). A window is that much longer.
   */
  private margin(now: number): number {
    const longest = this.windows.length ? Math.max(...this.windows.map((w) => w.windowMs)) : 0;
    while (this.departures.length && this.departures[0]!.at <= now - longest) this.departures.shift();
    let margin = 0;
    for (const d of this.departures) margin = Math.max(margin, d.took);
    return margin;
  }

  /** A request counted at `from` left the process at `to` (later), `took` ms after its call started: it counts from then. */
  restamp(from: number, to: number, took = to - from): void {
    if (this.windows.length) {
      this.departures.push({ at: to, took });
      if (this.departures.length > this.keep) this.departures.shift();
    }
    const i = this.stamps.lastIndexOf(from);
    if (i < 0 || to <= from) return;
    this.stamps.splice(i, 1);
    this.insert(to);
  }

  /** Retry-After: nothing goes out before `until`. */
  block(until: number): void {
    this.blockedUntil = Math.max(this.blockedUntil, until);
  }

  /**
   * The requests still in a window and the Retry-After hold, for the next lease holder. Each request is
   * moved later by this window's margin, so that the next holder, which knows nothing of how long requests
   * took to leave here, keeps the same distance from them.
   */
  snapshot(now: number): { stamps: number[]; blockedUntil: number } {
    const margin = this.margin(now);
    return { stamps: this.stamps.map((t) => t + margin), blockedUntil: this.blockedUntil };
  }

  /** Continues another holder's window: its requests count here as if sent here. */
  seed(stamps: number[], blockedUntil: number): void {
    for (const t of stamps) this.insert(t);
    const last = this.stamps[this.stamps.length - 1];
    if (this.spacingMs && last !== undefined) this.nextAt = Math.max(this.nextAt, last + this.spacingMs);
    this.block(blockedUntil);
  }

  /** True when the limiter holds no state that could still delay a request. */
  idle(now: number): boolean {
    const last = this.stamps[this.stamps.length - 1];
    const longest = Math.max(0, ...this.windows.map((w) => w.windowMs));
    return this.blockedUntil <= now && this.nextAt <= now && (last === undefined || last + longest <= now);
  }
}

/** Per tenant: the 429 answers of the last window, to tell a throttled tenant from a throttled conversation. */
const TENANT_WINDOW_MS = 1000;
/**
 * How long a lease holder keeps a tenant for a call it started that has not settled (a hanging connection
 * would otherwise hold the tenant for the whole send timeout, 30 s): one window.
 */
const HANDOVER_WAIT_MS = TENANT_WINDOW_MS;
/** The Bot Connector API's requests that the pacer counts, below the service URL's own path ("/emea/"); a token request of the same call is none. */
const CONNECTOR_PATH = '/v3/conversations/';

/** One limiter per conversation and one per tenant; a request needs a slot in both. */
export class DeliveryPacer {
  private readonly conversations = new Map<string, SlidingWindowLimiter>();
  private readonly tenants = new Map<string, SlidingWindowLimiter>();
  private readonly throttles = new Map<string, number[]>();
  /** Per tenant: the promise the last worker in line resolves when it leaves. */
  private readonly lines = new Map<string, Promise<void>>();
  private acquisitions = 0;

  constructor(
    private readonly options: {
      conversationLimits: readonly WindowLimit[];
      /** Requests per second per tenant; Infinity disables the tenant limit. */
      maxRps: number;
      pace?: Pace;
      /** Cross-instance tenant leases; without one this process paces as if it were alone. */
      gate?: TenantGate;
    },
  ) {}

  private get pace(): Pace {
    return this.options.pace ?? realPace;
  }

  private conversation(id: string): SlidingWindowLimiter {
    let limiter = this.conversations.get(id);
    if (!limiter) {
      limiter = new SlidingWindowLimiter(this.options.conversationLimits);
      this.conversations.set(id, limiter);
    }
    return limiter;
  }

  private tenant(id: string): SlidingWindowLimiter {
    let limiter = this.tenants.get(id);
    if (!limiter) {
      const limited = Number.isFinite(this.options.maxRps);
      limiter = new SlidingWindowLimiter(limited ? [{ limit: this.options.maxRps, windowMs: TENANT_WINDOW_MS }] : [], limited ? TENANT_WINDOW_MS / this.options.maxRps : 0);
      this.tenants.set(id, limiter);
    }
    return limiter;
  }

  /**
   * Waits until both the conversation and its tenant have a free slot (and this process holds the tenant's
   * lease), then takes it. `onAcquired` (the connector call) starts synchronously in the turn the slot is
   * taken, not after whatever else is queued on the event loop, which would let the connector see requests
   * bunched together; the slot then counts from the moment the request has left the process.
   *
   * Workers of one tenant queue up: only the head of the line sleeps until the next tenant slot (or waits for
   * the lease), instead of every waiting worker waking for every slot. A worker whose conversation is the
   * obstacle (Retry-After, per-thread limit) leaves the line while it waits, so it holds up nobody.
   *
   * The tenant's lease stays with this process until the call returned by `onAcquired` has settled, for at
   * most HANDOVER_WAIT_MS: a lease handed over earlier would hand over the request at the time its slot was
   * taken, and a request that leaves late (after a slow token request or connection) would then reach the
   * connector in the next holder's window. A call still pending then counts from that moment.
   */
  async acquire(conversationId: string, tenantId: string, signal?: { aborted: boolean }, onAcquired?: () => unknown): Promise<boolean> {
    const conv = this.conversation(conversationId);
    const tenant = this.tenant(tenantId);
    const gate = this.options.gate;
    gate?.enter(tenantId);
    let leaving: Promise<void> | undefined;
    try {
      for (;;) {
        const leave = await this.enterLine(tenantId);
        let conversationWait = 0;
        try {
          for (;;) {
            if (signal?.aborted) return false;
            if (gate && !gate.holds(tenantId)) {
              if (!(await gate.hold(tenantId, signal, (w) => this.continueWindow(tenant, w)))) return false;
              continue;
            }
            const now = this.pace.now();
            conversationWait = conv.waitMs(now);
            if (conversationWait > 0) break;
            const wait = tenant.waitMs(now);
            if (wait <= 0) {
              leaving = this.take(conv, tenant, onAcquired);
              if (++this.acquisitions % 5000 === 0) this.evictIdle(this.pace.now());
              return true;
            }
            await this.pace.sleep(wait);
          }
        } finally {
          leave();
        }
        await this.pace.sleep(conversationWait);
      }
    } finally {
      if (gate) {
        const leave = () => gate.leave(tenantId, () => this.tenantWindow(tenantId));
        if (leaving) void leaving.then(leave);
        else leave();
      }
    }
  }

  /**
   * Starts the call and counts it: from now, then from each moment a request of it left the process (the
   * last is the message, after any token request). Resolves once the message has left (a request to the
   * connector's `…/v3/conversations/…`) or the call has settled, or after HANDOVER_WAIT_MS, counting a call
   * still pending from then; at once for a call that returns no promise.
   */
  private take(conv: SlidingWindowLimiter, tenant: SlidingWindowLimiter, onAcquired?: () => unknown): Promise<void> {
    let stamp: number | undefined;
    let written = -Infinity;
    const start = this.pace.now();
    const moveTo = (at: number) => {
      if (stamp === undefined) written = Math.max(written, at);
      else if (at > stamp) {
        conv.restamp(stamp, at, at - start);
        tenant.restamp(stamp, at, at - start);
        stamp = at;
      }
    };
    let messageLeft: (() => void) | undefined;
    let sent = false;
    const onWritten = (path: string) => {
      moveTo(this.pace.now());
      if (!path.includes(CONNECTOR_PATH)) return;
      sent = true;
      messageLeft?.();
    };
    const call = onAcquired ? observeWrites(onWritten, onAcquired) : undefined;
    // Stamped after the call has started, so the stamp is never earlier than the connector's arrival time
    // for an in-process sender: a pause (GC) between check and call cannot squeeze an extra request in.
    stamp = Math.max(this.pace.now(), written);
    conv.record(stamp);
    tenant.record(stamp);
    if (typeof (call as PromiseLike<unknown> | undefined)?.then !== 'function') return Promise.resolve();
    if (sent) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        moveTo(this.pace.now());
        resolve();
      }, HANDOVER_WAIT_MS);
      timer.unref();
      const settled = () => {
        clearTimeout(timer);
        resolve();
      };
      messageLeft = settled;
      Promise.resolve(call).then(settled, settled);
    });
  }

  private enterLine(tenantId: string): Promise<() => void> {
    // Without a tenant limit or lease nobody waits for the tenant: no line needed.
    if (!Number.isFinite(this.options.maxRps) && !this.options.gate) return Promise.resolve(() => undefined);
    const ahead = this.lines.get(tenantId) ?? Promise.resolve();
    let leave!: () => void;
    const mine = new Promise<void>((resolve) => (leave = resolve));
    const tail = ahead.then(() => mine);
    this.lines.set(tenantId, tail);
    return ahead.then(() => () => {
      if (this.lines.get(tenantId) === tail) this.lines.delete(tenantId);
      leave();
    });
  }

  /** Honour Retry-After for one conversation. */
  blockConversation(conversationId: string, ms: number): void {
    this.conversation(conversationId).block(this.pace.now() + ms);
  }

  /**
   * A 429 for a conversation of the tenant. The conversation waits `ms` (Retry-After, else the backoff). One
   * 429 may be about its thread (Teams also limits per conversation and does not say which limit it was);
   * when a tenant collects as many 429s within one window as a fifth of its limit (at least two), the
   * tenant is throttled: its whole lane waits `ms`, and so does the next lease holder. True in that case.
   */
  throttled(conversationId: string, tenantId: string, ms: number): boolean {
    const now = this.pace.now();
    this.blockConversation(conversationId, ms);
    const recent = (this.throttles.get(tenantId) ?? []).filter((t) => t > now - TENANT_WINDOW_MS);
    recent.push(now);
    this.throttles.set(tenantId, recent);
    const threshold = Number.isFinite(this.options.maxRps) ? Math.max(2, Math.ceil(this.options.maxRps / 5)) : 2;
    if (recent.length < threshold) return false;
    this.tenant(tenantId).block(now + ms);
    this.throttles.delete(tenantId);
    return true;
  }

  /** This process's window of a tenant in epoch ms, for the next lease holder. */
  tenantWindow(tenantId: string): TenantWindow {
    const { stamps, blockedUntil } = this.tenant(tenantId).snapshot(this.pace.now());
    const offset = (this.options.gate?.wallNow ?? preciseWallNow)() - this.pace.now();
    // Rounded up to the next millisecond: what two processes' clocks may still disagree by errs on the side
    // of the limit.
    return { recent: stamps.map((t) => Math.ceil(t + offset)), holdUntil: blockedUntil > 0 ? Math.ceil(blockedUntil + offset) : 0 };
  }

  private continueWindow(tenant: SlidingWindowLimiter, window: TenantWindow): void {
    const offset = this.pace.now() - (this.options.gate?.wallNow ?? preciseWallNow)();
    tenant.seed(window.recent.map((t) => t + offset), window.holdUntil ? window.holdUntil + offset : 0);
  }

  private evictIdle(now: number): void {
    for (const [id, limiter] of this.conversations) if (limiter.idle(now)) this.conversations.delete(id);
  }
}
