// The audit trail of coordinator actions: who (Entra object id), what (action code), when, in which
// program, on what, with which outcome, and the state before and after (JSON, truncated). Entries written
// before programs were recorded have no programId; they are read as they are.
// Table "audit": PartitionKey = month of the action in UTC ("2026-11"), RowKey = inverted timestamp
// (9999999999999 - epoch ms, 13 digits) + "-" + a falling per-process sequence (6 digits) + "-" + 8 random
// hex digits. Inside a month the newest entry sorts first; within one millisecond the sequence keeps this
// process's order and the random part keeps instances apart. Listing walks the months
// backwards, so "the last N" costs one query per month touched, never a scan of the whole table.
import crypto from 'node:crypto';
import { DateTime } from 'luxon';
import type { TableStore } from '../storage/tables.js';
import { listAll } from '../storage/tables.js';

export const AUDIT_TABLE = 'audit';
/** Table properties hold at most 32K UTF-16 characters; before + after + the rest stay well below. */
export const AUDIT_JSON_LIMIT = 12_000;
const MAX_MS = 9_999_999_999_999;
/** How far back `list` looks for entries (months). */
const LOOKBACK_MONTHS = 36;

export type AuditOutcome = 'ok' | 'refused' | 'invalid' | 'lint-refused' | 'conflict' | 'noop';

export interface AuditEntry {
  at: string;
  actor: string;
  action: string;
  outcome: AuditOutcome;
  /** The program acted on; absent for refusals before a program was known, and in older entries. */
  programId?: string;
  /** What the action was about: a session id, a job id. */
  target?: string;
  before?: string;
  after?: string;
}

export interface AuditInput {
  actor: string;
  action: string;
  outcome: AuditOutcome;
  programId?: string;
  target?: string;
  before?: unknown;
  after?: unknown;
}

/** JSON of a value, cut to `limit` characters with a visible marker (a cut JSON is a hint, not data). */
export function truncateJson(value: unknown, limit = AUDIT_JSON_LIMIT): string | undefined {
  if (value === undefined) return undefined;
  const json = JSON.stringify(value) ?? 'null';
  if (json.length <= limit) return json;
  const marker = `…[truncated ${json.length - limit} chars]`;
  return json.slice(0, Math.max(0, limit - marker.length)) + marker;
}

export function auditPartition(at: Date): string {
  return at.toISOString().slice(0, 7);
}

let sequence = 0;

export function auditRowKey(at: Date, random = crypto.randomBytes(4).toString('hex')): string {
  sequence = (sequence + 1) % 1_000_000;
  return `${String(MAX_MS - at.getTime()).padStart(13, '0')}-${String(999_999 - sequence).padStart(6, '0')}-${random}`;
}

interface AuditEntity {
  at: string;
  actor: string;
  action: string;
  outcome: string;
  programId?: string;
  target?: string;
  before?: string;
  after?: string;
}

function entryOf(e: AuditEntity): AuditEntry {
  return {
    at: e.at,
    actor: e.actor,
    action: e.action,
    outcome: e.outcome as AuditOutcome,
    ...(e.programId ? { programId: e.programId } : {}),
    ...(e.target ? { target: e.target } : {}),
    ...(e.before ? { before: e.before } : {}),
    ...(e.after ? { after: e.after } : {}),
  };
}

export class AuditRepository {
  constructor(private readonly store: TableStore) {}

  async record(input: AuditInput, at: Date): Promise<AuditEntry> {
    const client = await this.store.table(AUDIT_TABLE);
    const before = truncateJson(input.before);
    const after = truncateJson(input.after);
    const entry: AuditEntry = {
      at: at.toISOString(),
      actor: input.actor,
      action: input.action,
      outcome: input.outcome,
      ...(input.programId ? { programId: input.programId } : {}),
      ...(input.target ? { target: input.target.slice(0, 200) } : {}),
      ...(before !== undefined ? { before } : {}),
      ...(after !== undefined ? { after } : {}),
    };
    await client.createEntity({ partitionKey: auditPartition(at), rowKey: auditRowKey(at), ...entry });
    return entry;
  }

  /** The newest entries first, at most `limit`, from `now` back (LOOKBACK_MONTHS months). */
  async list(options: { limit: number; now: Date }): Promise<AuditEntry[]> {
    const client = await this.store.table(AUDIT_TABLE);
    const out: AuditEntry[] = [];
    let month = DateTime.fromJSDate(options.now, { zone: 'utc' }).startOf('month');
    for (let i = 0; i < LOOKBACK_MONTHS && out.length < options.limit; i++, month = month.minus({ months: 1 })) {
      const iter = client
        .listEntities<AuditEntity>({ queryOptions: { filter: `PartitionKey eq '${month.toFormat('yyyy-MM')}'` } })
        .byPage({ maxPageSize: Math.min(1000, options.limit - out.length) });
      for await (const page of iter) {
        for (const e of page) {
          out.push(entryOf(e));
          if (out.length >= options.limit) break;
        }
        if (out.length >= options.limit) break;
      }
    }
    return out;
  }

  /** Every entry (tests, exports). */
  async all(): Promise<AuditEntry[]> {
    const client = await this.store.table(AUDIT_TABLE);
    // Newest month first; inside a month the table's own RowKey order is newest first already.
    const rows = (await listAll<AuditEntity>(client)).sort((a, b) => b.partitionKey.localeCompare(a.partitionKey));
    return rows.map(entryOf);
  }
}
