// The per-tenant send lease as one process sees it (storage in ./tenant-lease.ts). Teams counts requests per
// app and tenant across every instance, and two instances pacing the same tenant on their own send twice its
// limit. So a process sends for a tenant only while it holds the tenant's lease: the head of the tenant's line
// in the pacer (./rate-limit.ts) takes it before its first request, the process renews it every third of its
// length, and lets go once nothing of the process has wanted the tenant for LINGER_MS. Another instance that
// wants the tenant meanwhile polls the row every POLL_MS (and sends for its other tenants); when the holder
// lets go it writes its last window into the row, and the next holder starts from that window. A holder that
// dies holds the tenant until its lease expires.
import type { Logger } from '../shared/log.js';
import { errorCode } from './retry.js';
import type { TenantLease, TenantLeaseRepository } from './tenant-lease.js';

/** A tenant's recent requests and Retry-After hold, in epoch ms, as handed from one holder to the next. */
export interface TenantWindow {
  recent: number[];
  holdUntil: number;
}

/** How often a process that waits for a tenant looks whether its lease became free. */
const POLL_MS = 100;
/**
 * How long a process keeps a lease nobody of it is waiting for. Long enough that a lane's workers, which
 * leave the pacer between two sends (intent write, message build), keep it; short against a handover.
 */
const LINGER_MS = 50;

interface TenantState {
  /** Set while this process holds the lease. */
  lease?: TenantLease;
  /** A renewal in flight: a release waits for it, since both write the row under the same ETag. */
  renewing?: Promise<TenantLease | null>;
  taking?: Promise<number>;
  releasing?: Promise<void>;
  renewal?: NodeJS.Timeout;
  linger?: NodeJS.Timeout;
  demand: number;
}

/** The wall-clock time at performance.now() = 0; re-anchored when the wall clock steps. */
let anchor = performance.timeOrigin;

/**
 * Epoch ms to a fraction of a millisecond (Date.now() is whole milliseconds, so a window handed from one
 * process to another through it could come back up to a millisecond early): the monotonic clock from the
 * process's start. When the wall clock has stepped away from it by more than a millisecond, it re-anchors on
 * the wall clock (to within half a millisecond). It goes back only when the wall clock does.
 */
export function preciseWallNow(): number {
  const mono = performance.now();
  const wall = Date.now();
  if (anchor + mono < wall - 1 || anchor + mono >= wall + 2) anchor = wall + 0.5 - mono;
  return anchor + mono;
}

export interface TenantGateOptions {
  leases: TenantLeaseRepository;
  owner: string;
  leaseMs: number;
  logger: Logger;
  /** Epoch ms; leases are wall-clock times shared between machines. */
  wallNow?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export class TenantGate {
  private readonly tenants = new Map<string, TenantState>();
  private halted = false;
  readonly wallNow: () => number;

  constructor(private readonly options: TenantGateOptions) {
    this.wallNow = options.wallNow ?? preciseWallNow;
  }

  private state(tenantId: string): TenantState {
    let s = this.tenants.get(tenantId);
    if (!s) this.tenants.set(tenantId, (s = { demand: 0 }));
    return s;
  }

  holds(tenantId: string): boolean {
    return this.tenants.get(tenantId)?.lease !== undefined;
  }

  /** Something of this process wants to send for the tenant (a pacer acquisition started). */
  enter(tenantId: string): void {
    const s = this.state(tenantId);
    s.demand++;
    if (s.linger) clearTimeout(s.linger);
    s.linger = undefined;
  }

  /** An acquisition ended; when it was the last one, the lease goes after LINGER_MS, with the tenant's window. */
  leave(tenantId: string, windowOf: () => TenantWindow): void {
    const s = this.state(tenantId);
    if (--s.demand > 0 || !s.lease) return;
    s.linger = setTimeout(() => {
      s.linger = undefined;
      if (s.demand === 0) this.release(tenantId, windowOf());
    }, LINGER_MS);
    s.linger.unref();
  }

  /**
   * Waits until this process holds the tenant's lease; `onTaken` receives the previous holder's window.
   * false when `signal` aborted the wait (or the engine halted).
   */
  async hold(tenantId: string, signal: { aborted: boolean } | undefined, onTaken: (window: TenantWindow) => void): Promise<boolean> {
    const s = this.state(tenantId);
    const sleep = this.options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
    for (;;) {
      if (s.lease) return true;
      if (signal?.aborted || this.halted) return false;
      if (s.releasing) {
        await s.releasing;
        continue;
      }
      s.taking ??= this.take(tenantId, s, onTaken).finally(() => (s.taking = undefined));
      const retryMs = await s.taking;
      if (s.lease) return true;
      await sleep(retryMs);
    }
  }

  /** One attempt; resolves to how long to wait before the next one (0 when taken). */
  private async take(tenantId: string, s: TenantState, onTaken: (window: TenantWindow) => void): Promise<number> {
    const { leases, owner, leaseMs, logger } = this.options;
    try {
      const now = this.wallNow();
      const result = await leases.take(tenantId, owner, now, leaseMs);
      if (!result.held) return Math.max(10, Math.min(POLL_MS, result.until - this.wallNow()));
      if (this.halted) return 0;
      s.lease = result.lease;
      onTaken({ recent: result.lease.recent, holdUntil: result.lease.holdUntil });
      this.renewWhileHeld(tenantId, s);
      return 0;
    } catch (error) {
      logger.error({ event: 'delivery.tenant_lease_failed', tenantId, err: errorCode(error) }, 'tenant lease could not be taken; retrying');
      return POLL_MS;
    }
  }

  private renewWhileHeld(tenantId: string, s: TenantState): void {
    const { leases, leaseMs, logger } = this.options;
    s.renewal = setInterval(() => {
      const lease = s.lease;
      if (!lease || this.halted || s.renewing) return;
      const renewing = leases.renew(lease, this.wallNow(), leaseMs).catch((error: unknown) => {
        logger.error({ event: 'delivery.tenant_lease_renew_failed', tenantId, err: errorCode(error) }, 'tenant lease renewal failed');
        return lease;
      });
      s.renewing = renewing;
      void renewing.then((renewed) => {
        s.renewing = undefined;
        if (s.lease !== lease) return; // released meanwhile: the release used the renewed row
        if (renewed) s.lease = renewed;
        else {
          logger.warn({ event: 'delivery.tenant_lease_lost', tenantId }, 'tenant lease lost; waiting for it again');
          this.forget(s);
        }
      });
    }, Math.max(50, Math.floor(leaseMs / 3)));
    s.renewal.unref();
  }

  private forget(s: TenantState): TenantLease | undefined {
    const lease = s.lease;
    s.lease = undefined;
    if (s.renewal) clearInterval(s.renewal);
    s.renewal = undefined;
    return lease;
  }

  private release(tenantId: string, window: TenantWindow): void {
    const s = this.state(tenantId);
    const held = this.forget(s);
    if (!held || this.halted) return;
    const renewing = s.renewing;
    s.releasing = (async () => {
      // A renewal in flight changes the row's ETag; release the row it leaves (null: lost, nothing to release).
      const lease = renewing ? await renewing : held;
      if (lease) await this.options.leases.release(lease, this.wallNow(), window.recent, window.holdUntil);
    })()
      .catch((error: unknown) => this.options.logger.error({ event: 'delivery.tenant_lease_release_failed', tenantId, err: errorCode(error) }, 'tenant lease release failed; it expires'))
      .finally(() => (s.releasing = undefined));
  }

  /** Graceful stop: every held lease goes back now, with its window. */
  async releaseAll(windowOf: (tenantId: string) => TenantWindow): Promise<void> {
    for (const [tenantId, s] of this.tenants) {
      if (s.linger) clearTimeout(s.linger);
      s.linger = undefined;
      if (s.lease) this.release(tenantId, windowOf(tenantId));
    }
    await Promise.all([...this.tenants.values()].map((s) => s.releasing));
  }

  /** Crash simulation: stop renewing and writing; the leases expire as a dead process's would. */
  halt(): void {
    this.halted = true;
    for (const s of this.tenants.values()) {
      if (s.linger) clearTimeout(s.linger);
      if (s.renewal) clearInterval(s.renewal);
    }
  }
}
