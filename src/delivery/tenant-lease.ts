// Per-tenant send leases: Teams limits requests per app and tenant, whichever instance sends them, so one
// instance sends for a tenant at a time and the others send for other tenants (src/delivery/tenant-gate.ts).
// Table "deliverytenants": PartitionKey = "lease", RowKey = safeKey(tenantId). One row per tenant that was
// ever sent to; it is never deleted (a handful of rows, rewritten in place).
// A row names its holder and how long the lease lasts (`until`, epoch ms, wall clock: leases are about real
// time, like pacing, not the business Clock). Taking a free or expired lease and renewing one are
// ETag-conditional writes, so of two instances racing for a tenant exactly one wins and the other gets 412.
// When the holder lets go it writes when it sent its last requests (`recent`, epoch ms, the last window's
// worth) and until when the tenant is held off after 429s (`holdUntil`), so that the next holder continues
// the same window instead of starting a fresh one.
import type { TableClient } from '@azure/data-tables';
import { getEntityOrUndefined, isStatus, safeKey, type TableStore } from '../storage/tables.js';

export const DELIVERY_TENANTS_TABLE = 'deliverytenants';
const PARTITION = 'lease';

export interface TenantLease {
  tenantId: string;
  /** '' when nobody holds it. */
  owner: string;
  until: number;
  /** Epoch ms of the last holder's latest requests (at most one window's worth of the limit). */
  recent: number[];
  holdUntil: number;
  etag: string;
}

interface LeaseEntity {
  tenantId: string;
  owner: string;
  until: number;
  recent: string;
  holdUntil: number;
}

function fromEntity(e: LeaseEntity & { etag: string }): TenantLease {
  let recent: number[] = [];
  try {
    const parsed: unknown = JSON.parse(e.recent || '[]');
    if (Array.isArray(parsed)) recent = parsed.filter((n): n is number => typeof n === 'number');
  } catch {
    // a damaged row only loses the previous holder's window
  }
  return { tenantId: e.tenantId, owner: e.owner ?? '', until: Number(e.until) || 0, recent, holdUntil: Number(e.holdUntil) || 0, etag: e.etag };
}

/** Outcome of an attempt to take a lease: held, or who holds it and until when. */
export type TakeResult = { held: true; lease: TenantLease } | { held: false; owner: string; until: number };

export class TenantLeaseRepository {
  constructor(private readonly store: TableStore) {}

  private table(): Promise<TableClient> {
    return this.store.table(DELIVERY_TENANTS_TABLE);
  }

  async get(tenantId: string): Promise<TenantLease | undefined> {
    const e = await getEntityOrUndefined<LeaseEntity>(await this.table(), PARTITION, safeKey(tenantId));
    return e && fromEntity(e as LeaseEntity & { etag: string });
  }

  /** Takes the lease when it is free, expired or already ours; the returned lease carries the last holder's window. */
  async take(tenantId: string, owner: string, now: number, leaseMs: number): Promise<TakeResult> {
    const client = await this.table();
    const current = await this.get(tenantId);
    const entity = { partitionKey: PARTITION, rowKey: safeKey(tenantId), tenantId, owner, until: now + leaseMs };
    if (!current) {
      try {
        const r = await client.createEntity({ ...entity, recent: '[]', holdUntil: 0 });
        return { held: true, lease: { tenantId, owner, until: entity.until, recent: [], holdUntil: 0, etag: r.etag ?? '' } };
      } catch (error) {
        if (!isStatus(error, 409)) throw error;
        const winner = await this.get(tenantId);
        return { held: false, owner: winner?.owner ?? '', until: winner?.until ?? now };
      }
    }
    if (current.owner && current.owner !== owner && current.until > now) return { held: false, owner: current.owner, until: current.until };
    try {
      const r = await client.updateEntity(entity, 'Merge', { etag: current.etag });
      return { held: true, lease: { ...current, owner, until: entity.until, etag: r.etag ?? '' } };
    } catch (error) {
      if (!isStatus(error, 412)) throw error;
      const winner = await this.get(tenantId);
      return { held: false, owner: winner?.owner ?? '', until: winner?.until ?? now };
    }
  }

  /** Extends a held lease; null when it was lost (taken by another instance after it expired). */
  async renew(lease: TenantLease, now: number, leaseMs: number): Promise<TenantLease | null> {
    const client = await this.table();
    const until = now + leaseMs;
    try {
      const r = await client.updateEntity({ partitionKey: PARTITION, rowKey: safeKey(lease.tenantId), until }, 'Merge', { etag: lease.etag });
      return { ...lease, until, etag: r.etag ?? '' };
    } catch (error) {
      if (isStatus(error, 412) || isStatus(error, 404)) return null;
      throw error;
    }
  }

  /** Lets go of a held lease, leaving the window for the next holder; false when it was no longer ours. */
  async release(lease: TenantLease, now: number, recent: number[], holdUntil: number): Promise<boolean> {
    const client = await this.table();
    try {
      await client.updateEntity(
        { partitionKey: PARTITION, rowKey: safeKey(lease.tenantId), owner: '', until: now, recent: JSON.stringify(recent), holdUntil },
        'Merge',
        { etag: lease.etag },
      );
      return true;
    } catch (error) {
      if (isStatus(error, 412) || isStatus(error, 404)) return false;
      throw error;
    }
  }
}
