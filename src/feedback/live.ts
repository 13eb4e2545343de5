// What the thank-you card and `ergebnisse` show while a poll runs: the responses of a session as this
// instance knows them. That is the last scan of the session's partition plus every vote stored by this
// instance since that scan began, so a voter always sees a count that includes their own vote. Votes stored
// by other instances appear with the next scan, which runs in the background at most every `rescanMs` while
// the session is being looked at. Without this, every vote of a burst would read the whole partition again.
// A rescan reads only the rows changed since the newest one seen (less a margin for writes whose storage
// timestamp was taken just before the previous read); a full read every `fullScanMs` also notices rows
// deleted elsewhere. Reading thousands of rows every two seconds held up the storage emulator, and
// everyone's latency with it.
// The scheduled results post reads storage itself and never depends on this view.
import type { ResponseRecord } from './retrospective.js';

export interface SessionSnapshot {
  /** Responses by responder key (the pseudonym; no names). */
  responses: ReadonlyMap<string, ResponseRecord>;
}

export interface LiveResponsesOptions {
  /**
   * Reads a session's partition: the responses by responder key (with `since`, only rows changed from then
   * on) and the newest row's storage timestamp.
   */
  scan(sessionKey: string, since?: Date): Promise<{ responses: Map<string, ResponseRecord>; newest?: Date }>;
  /** A snapshot older than this is refreshed in the background (default 5 s). */
  rescanMs?: number;
  /** A refresh reads the whole partition again at least this often (default 60 s). */
  fullScanMs?: number;
  /** How far before the newest row seen a partial rescan starts (default 2 s). */
  marginMs?: number;
  /** Sessions not looked at for this long are forgotten (default 15 min). */
  forgetMs?: number;
  /** Monotonic milliseconds; injectable for tests. */
  now?: () => number;
  /** Told about a background scan that failed (the previous snapshot stays in use). */
  onScanError?: (error: unknown) => void;
}

interface Entry {
  snapshot?: { responses: Map<string, ResponseRecord> };
  /** When the scan behind the snapshot started, and the last full one. */
  scannedAt: number;
  fullAt: number;
  /** The newest storage timestamp seen in the partition. */
  newest?: number;
  /** Writes of this instance, with the time they were stored, kept until a scan that started later has them. */
  local: Map<string, { record: ResponseRecord; at: number }>;
  scanning?: Promise<void>;
  usedAt: number;
}

export class LiveResponses {
  private readonly entries = new Map<string, Entry>();
  /** Raised by forget(): a scan that started before it must not bring deleted responses back. */
  private generation = 0;
  private readonly now: () => number;
  private readonly rescanMs: number;
  private readonly fullScanMs: number;
  private readonly marginMs: number;
  private readonly forgetMs: number;

  constructor(private readonly options: LiveResponsesOptions) {
    this.now = options.now ?? (() => performance.now());
    this.rescanMs = options.rescanMs ?? 5000;
    this.fullScanMs = options.fullScanMs ?? 60_000;
    this.marginMs = options.marginMs ?? 2000;
    this.forgetMs = options.forgetMs ?? 15 * 60_000;
  }

  private entry(sessionKey: string): Entry {
    let entry = this.entries.get(sessionKey);
    if (!entry) {
      entry = { scannedAt: -Infinity, fullAt: -Infinity, local: new Map(), usedAt: this.now() };
      this.entries.set(sessionKey, entry);
    }
    return entry;
  }

  /** Called once a vote is stored: it counts from now on, whatever the next scan returns. */
  recordLocal(sessionKey: string, responderKey: string, record: ResponseRecord): void {
    const entry = this.entry(sessionKey);
    entry.local.set(responderKey, { record, at: this.now() });
    entry.snapshot?.responses.set(responderKey, record);
  }

  /**
   * The session's responses: waits for a scan only when there is no snapshot yet. The snapshot is this
   * cache's own and changes with later votes: read it before the next await.
   */
  async snapshot(sessionKey: string): Promise<SessionSnapshot> {
    this.sweep();
    const entry = this.entry(sessionKey);
    entry.usedAt = this.now();
    if (!entry.snapshot) await this.rescan(sessionKey, entry);
    else if (this.now() - entry.scannedAt >= this.rescanMs) {
      this.rescan(sessionKey, entry).catch((error: unknown) => this.options.onScanError?.(error));
    }
    return entry.snapshot ?? { responses: new Map() };
  }

  /** Drops everything known (after a deletion or purge): the next look reads storage again. */
  forget(): void {
    this.generation++;
    this.entries.clear();
  }

  private rescan(sessionKey: string, entry: Entry): Promise<void> {
    entry.scanning ??= (async () => {
      try {
        const generation = this.generation;
        const startedAt = this.now();
        const previous = entry.snapshot;
        const full = !previous || entry.newest === undefined || startedAt - entry.fullAt >= this.fullScanMs;
        const scanned = await this.options.scan(sessionKey, full ? undefined : new Date(entry.newest! - this.marginMs));
        if (generation !== this.generation || this.entries.get(sessionKey) !== entry) return;
        const responses = full ? scanned.responses : new Map([...previous!.responses, ...scanned.responses]);
        const fresh = { responses };
        for (const [key, write] of entry.local) {
          if (write.at >= startedAt) responses.set(key, write.record);
          else entry.local.delete(key);
        }
        entry.snapshot = fresh;
        entry.scannedAt = startedAt;
        if (full) entry.fullAt = startedAt;
        const newest = scanned.newest?.getTime();
        if (full) entry.newest = newest;
        else if (newest !== undefined && newest > entry.newest!) entry.newest = newest;
      } finally {
        entry.scanning = undefined;
      }
    })();
    return entry.scanning;
  }

  private sweep(): void {
    const cutoff = this.now() - this.forgetMs;
    for (const [key, entry] of this.entries) if (entry.usedAt < cutoff && !entry.scanning) this.entries.delete(key);
  }
}
