// One program: kept in Table Storage (its own partition), cached in memory, linted before anything
// replaces it. The catalog (./catalog.ts) holds one ProgramService per program id.
// Source of truth: the stored program wins. CONTENT_DIR/program.yaml is imported at start only when its
// bytes differ from the last import AND the stored program was not edited (in Teams) since that import.
// A file that says exactly what is stored (after parsing) becomes the new baseline without a new version;
// otherwise the file is refused with a finding that names the conflict and how to resolve it (export,
// merge, `cli program import --force`). A program with lint errors is refused as well: the previous one
// stays active and the refusal is stored and logged.
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { DateTime } from 'luxon';
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/log.js';
import { AppError } from '../shared/errors.js';
import type { TableStore } from '../storage/tables.js';
import { loadProgramFile, ProgramLoadError, type LoadedProgram } from './load.js';
import { hasErrors, lintProgram, type LintFinding } from './lint.js';
import { programSchema, type Program, type Session } from './model.js';
import {
  ProgramConflictError,
  ProgramRepository,
  type ProgramFinding,
  type ProgramRefusal,
  type StoredProgram,
} from './repository.js';
import { programSourceText } from '../i18n/program-source.js';
import { sessionStart } from './time.js';

export interface ProgramServiceDeps {
  /** The program this service stores; a program.yaml with another id is not its to import. */
  programId: string;
  store: TableStore;
  clock: Clock;
  logger: Logger;
}

export type ImportOutcome =
  | { kind: 'imported'; programId: string; version: number; findings: LintFinding[] }
  /** `adopted`: the file's bytes differ from the last import but it says what is stored; it is the new baseline. */
  | { kind: 'unchanged'; programId: string; version: number; adopted?: true }
  | { kind: 'refused'; reason: ProgramRefusal['reason']; message: string; findings: ProgramFinding[] };

export interface ImportOptions {
  /** Import even though the stored program was edited since the last import (those edits are replaced). */
  force?: boolean;
}

export type SaveOutcome =
  | { kind: 'saved'; version: number; findings: LintFinding[] }
  | { kind: 'refused'; findings: LintFinding[] };

export type ChangeReason = 'import' | 'save' | 'refresh';
export type ProgramChangeListener = (program: Program, change: { version: number; reason: ChangeReason }) => void;

export interface ProgramStatus {
  programId?: string;
  title?: string;
  version: number;
  updatedAt?: string;
  updatedBy?: string;
  sessions: { id: string; title: string; start: string; status: Session['status']; sequence: number }[];
  lint: LintFinding[];
  lastRefusal?: ProgramRefusal;
}

const MAX_CONFLICT_RETRIES = 3;

/**
 * The sessions in date order (date, then start; the sort is stable). Coordinators add and move sessions
 * anywhere in the series; the product keeps the list in order rather than refusing it as out of order.
 * Wall-clock order: every session of a program is in the program's zone.
 */
export function inDateOrder(program: Program): Program {
  const key = (s: Session) => `${s.date}T${s.start}`;
  return { ...program, sessions: [...program.sessions].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0)) };
}

/** Whether the stored program was changed by anything but an import since the last import. */
export function editedSinceImport(stored: StoredProgram): boolean {
  // Rows written before importedVersion existed: an import wrote them as "content".
  return stored.importedVersion !== undefined ? stored.version !== stored.importedVersion : stored.updatedBy !== 'content';
}

/** What a calendar client must be told about: a different date, time, time zone, title or status. */
function fingerprint(session: Session, zone: string): string {
  return JSON.stringify([session.date, session.start, session.end, session.title, session.status, zone]);
}

/** Fingerprints stored before the zone was part of them (five entries) compare without it. */
function sameFingerprint(before: string, now: string): boolean {
  if (before === now) return true;
  if (!before.startsWith('[')) return false;
  const old = JSON.parse(before) as unknown[];
  return old.length === 5 && JSON.stringify(old) === JSON.stringify((JSON.parse(now) as unknown[]).slice(0, 5));
}

export class ProgramService {
  private readonly repo: ProgramRepository;
  private current: StoredProgram | undefined;
  private refusal: ProgramRefusal | undefined;
  private refusalEtag: string | undefined;
  private loaded = false;
  private readonly listeners = new Set<ProgramChangeListener>();

  constructor(private readonly deps: ProgramServiceDeps) {
    this.repo = new ProgramRepository(deps.store, deps.programId);
  }

  get programId(): string {
    return this.deps.programId;
  }

  /** Refuses this program's folder for a reason found outside the file (e.g. another folder has its id). */
  async refuseFolder(refusal: Omit<ProgramRefusal, 'at'>): Promise<ImportOutcome & { kind: 'refused' }> {
    if (!this.loaded) await this.refresh();
    return this.refuse(refusal);
  }

  /** Deletes the stored program and its refusal (purge); the data of its features is purged elsewhere. */
  async deleteStored(): Promise<void> {
    await this.repo.deleteAll();
    this.current = undefined;
    this.refusal = undefined;
    this.refusalEtag = undefined;
  }

  active(): Program | undefined {
    return this.current?.program;
  }

  version(): number {
    return this.current?.version ?? 0;
  }

  sequences(): Record<string, number> {
    return { ...(this.current?.sequences ?? {}) };
  }

  /** The stored program's id and version as they are in storage now (one small query; no cache). */
  async stored(): Promise<{ programId?: string; version: number } | undefined> {
    const active = (await this.repo.markers()).active;
    return active ? { version: active.version, ...(active.programId !== undefined ? { programId: active.programId } : {}) } : undefined;
  }

  onChange(listener: ProgramChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Reloads from storage when another instance changed the program or the refusal. One query reads both
   * rows' ETags; the document itself is read only when the ETag differs. Returns true when the program changed.
   */
  async refresh(): Promise<boolean> {
    const markers = await this.repo.markers();
    if (markers.refusal?.etag !== this.refusalEtag) {
      this.refusal = markers.refusal ? await this.repo.getRefusal() : undefined;
      this.refusalEtag = markers.refusal?.etag;
    }
    this.loaded = true;
    if (markers.active?.etag === this.current?.etag) return false;
    this.current = markers.active ? await this.repo.getActive() : undefined;
    if (this.current) this.notify('refresh');
    return true;
  }

  /**
   * Imports CONTENT_DIR/program.yaml when its bytes differ from the last import and the stored program was
   * not edited since (or with `force`).
   */
  async importFromContent(contentDir: string, options: ImportOptions = {}): Promise<ImportOutcome> {
    const file = path.join(contentDir, 'program.yaml');
    await this.refresh();
    let loaded;
    try {
      loaded = await loadProgramFile(file);
    } catch (error) {
      if (!(error instanceof ProgramLoadError)) throw error;
      return this.refuse({ reason: 'invalid-file', message: error.message, findings: [] }, error.field);
    }
    return this.importLoaded(loaded, options);
  }

  /** Imports an already read program.yaml of this program (the catalog reads each folder once). */
  async importLoaded(loaded: LoadedProgram, options: ImportOptions = {}): Promise<ImportOutcome> {
    const file = loaded.file;
    if (loaded.program.program.id !== this.deps.programId) {
      throw new AppError('program-id-mismatch', `${file} is program ${loaded.program.program.id}, not ${this.deps.programId}`);
    }
    if (!this.loaded) await this.refresh();
    for (let attempt = 0; ; attempt++) {
      if (this.current && !options.force && this.current.sourceHash === loaded.hash) {
        // The file is the one last imported (perhaps reverted to it): a refusal of another file is stale.
        await this.clearRefusal();
        return { kind: 'unchanged', programId: this.current.program.program.id, version: this.current.version };
      }
      if (this.current && !options.force && isDeepStrictEqual(this.current.program, loaded.program)) {
        // The file says what is stored (e.g. `program export > program.yaml` after edits in Teams): it
        // becomes the new baseline of the rule, without a new version.
        try {
          await this.adoptSource(loaded.hash);
        } catch (error) {
          if (!(error instanceof ProgramConflictError) || attempt >= MAX_CONFLICT_RETRIES) throw error;
          await this.refresh();
          continue;
        }
        await this.clearRefusal();
        return { kind: 'unchanged', programId: this.current.program.program.id, version: this.current.version, adopted: true };
      }
      if (this.current && !options.force && editedSinceImport(this.current)) {
        return this.refuse(this.editedRefusal(file, this.current, loaded.hash));
      }
      const findings = lintProgram(loaded.program, { now: this.deps.clock.now() });
      if (hasErrors(findings)) {
        return this.refuse({ reason: 'lint-errors', message: `${file}: lint errors`, findings, sourceHash: loaded.hash });
      }
      try {
        const version = await this.write(loaded.program, 'content', loaded.hash, true);
        await this.clearRefusal();
        this.deps.logger.info(
          { event: 'program.imported', programId: loaded.program.program.id, version, warnings: findings.length },
          'program imported',
        );
        this.notify('import');
        return { kind: 'imported', programId: loaded.program.program.id, version, findings };
      } catch (error) {
        if (!(error instanceof ProgramConflictError) || attempt >= MAX_CONFLICT_RETRIES) throw error;
        await this.refresh();
      }
    }
  }

  /**
   * Replaces the program (coordinator edits). Lints first and refuses on errors. With `expectedVersion` the
   * save fails with `program-conflict` when someone else saved in between; without it, a concurrent write
   * is retried on top of the newer version (only the sequences are recomputed).
   */
  async save(program: Program, actor: string, options: { expectedVersion?: number } = {}): Promise<SaveOutcome> {
    const parsed = programSchema.parse(program);
    const findings = lintProgram(parsed, { now: this.deps.clock.now() });
    if (hasErrors(findings)) {
      this.deps.logger.warn(
        { event: 'program.save-refused', programId: parsed.program.id, codes: findings.map((f) => f.code) },
        'program save refused',
      );
      return { kind: 'refused', findings };
    }
    if (!this.loaded) await this.refresh();
    for (let attempt = 0; ; attempt++) {
      if (options.expectedVersion !== undefined && options.expectedVersion !== this.version()) {
        throw new AppError('program-conflict', 'the program was changed by someone else', {
          expected: options.expectedVersion,
          actual: this.version(),
        });
      }
      try {
        const version = await this.write(parsed, actor, this.current?.sourceHash);
        this.deps.logger.info({ event: 'program.saved', programId: parsed.program.id, version }, 'program saved');
        this.notify('save');
        return { kind: 'saved', version, findings };
      } catch (error) {
        // ProgramConflictError carries the code 'program-conflict' for the edge to translate.
        if (!(error instanceof ProgramConflictError) || attempt >= MAX_CONFLICT_RETRIES) throw error;
        await this.refresh();
      }
    }
  }

  status(): ProgramStatus {
    const stored = this.current;
    const program = stored?.program;
    return {
      version: stored?.version ?? 0,
      ...(program ? { programId: program.program.id, title: program.program.title } : {}),
      ...(stored ? { updatedAt: stored.updatedAt, updatedBy: stored.updatedBy } : {}),
      sessions: program
        ? program.sessions.map((s) => ({
            id: s.id,
            title: s.title,
            start: sessionStart(program, s).toISO() ?? '',
            status: s.status,
            sequence: stored?.sequences[s.id] ?? 0,
          }))
        : [],
      lint: program ? lintProgram(program, { now: this.deps.clock.now() }) : [],
      ...(this.refusal ? { lastRefusal: this.refusal } : {}),
    };
  }

  private editedRefusal(file: string, stored: StoredProgram, hash: string): Omit<ProgramRefusal, 'at'> {
    const t = programSourceText(stored.program.program.language);
    const message = t.editedSinceImport(file, stored.version, stored.importedVersion, stored.updatedBy, stored.updatedAt);
    return {
      reason: 'edited-since-import',
      message,
      sourceHash: hash,
      findings: [{ severity: 'error', code: 'stored-program-edited', message, suggestion: t.editedSinceImportFix }],
    };
  }

  private async write(program: Program, actor: string, sourceHash: string | undefined, imported = false): Promise<number> {
    const base = this.current;
    const sequences = { ...(base?.sequences ?? {}) };
    const fingerprints = { ...(base?.fingerprints ?? {}) };
    for (const session of program.sessions) {
      const print = fingerprint(session, program.program.timezone);
      const before = fingerprints[session.id];
      if (before === undefined) sequences[session.id] ??= 0;
      else if (!sameFingerprint(before, print)) sequences[session.id] = (sequences[session.id] ?? 0) + 1;
      fingerprints[session.id] = print;
    }
    // A removed session is cancelled as far as calendars are concerned; its next appearance is a change.
    const present = new Set(program.sessions.map((s) => s.id));
    for (const id of Object.keys(fingerprints)) if (!present.has(id)) fingerprints[id] = 'removed';
    const version = (base?.version ?? 0) + 1;
    const importedVersion = imported ? version : base?.importedVersion;
    const record = {
      program,
      version,
      ...(sourceHash ? { sourceHash } : {}),
      ...(importedVersion !== undefined ? { importedVersion } : {}),
      sequences,
      fingerprints,
      updatedAt: DateTime.fromJSDate(this.deps.clock.now()).toUTC().toISO()!,
      updatedBy: actor,
    };
    const etag = await this.repo.putActive(record, base?.etag);
    this.current = { ...record, etag };
    this.loaded = true;
    return record.version;
  }

  /** The stored program as it is, with the file's hash as the last import (same version, same content). */
  private async adoptSource(sourceHash: string): Promise<void> {
    const base = this.current!;
    const { etag: _etag, ...record } = base;
    const next = { ...record, sourceHash, importedVersion: base.version };
    const etag = await this.repo.putActive(next, base.etag);
    this.current = { ...next, etag };
    this.deps.logger.info({ event: 'program.source-adopted', programId: base.program.program.id, version: base.version }, 'program.yaml matches the stored program');
  }

  private async refuse(
    refusal: Omit<ProgramRefusal, 'at'>,
    field?: string,
  ): Promise<ImportOutcome & { kind: 'refused' }> {
    const full: ProgramRefusal = { ...refusal, at: DateTime.fromJSDate(this.deps.clock.now()).toUTC().toISO()! };
    await this.repo.putRefusal(full);
    this.refusal = full;
    this.refusalEtag = (await this.repo.markers()).refusal?.etag;
    // Codes and counts only: messages may quote session titles or names from the file.
    this.deps.logger.warn(
      {
        event: 'program.import-refused',
        reason: refusal.reason,
        ...(field ? { field } : {}),
        codes: refusal.findings.map((f) => f.code),
        activeVersion: this.version(),
      },
      'program import refused; previous program stays active',
    );
    return { kind: 'refused', reason: refusal.reason, message: refusal.message, findings: refusal.findings };
  }

  private async clearRefusal(): Promise<void> {
    if (!this.refusal && !this.refusalEtag) return;
    await this.repo.clearRefusal();
    this.refusal = undefined;
    this.refusalEtag = undefined;
  }

  private notify(reason: ChangeReason): void {
    const current = this.current;
    if (!current) return;
    for (const listener of this.listeners) {
      try {
        listener(current.program, { version: current.version, reason });
      } catch (error) {
        this.deps.logger.error(
          { event: 'program.listener-failed', err: { message: (error as Error).message } },
          'program change listener failed',
        );
      }
    }
  }
}
