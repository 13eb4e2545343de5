// The programs of a deployment: one ProgramService per program id, found in CONTENT_DIR.
//
// Layout: CONTENT_DIR/programs/<folder>/program.yaml (material/ and faq.yaml beside it), one folder per
// program; CONTENT_DIR/program.yaml (with CONTENT_DIR/material/) is one more program, the only one of a
// deployment without programs/.
// The id in the YAML is the program's identity, not the folder name: a renamed folder keeps its data.
//
// Rules:
// - Two folders with the same id: the first (by folder name) stays, the other is refused with a
//   `duplicate-program-id` finding.
// - A folder whose YAML cannot be read is refused with its findings; when it held a program before (the
//   folder's last id is stored), that stored program stays active. The other programs run either way.
// - A program whose folder is gone is no longer active: nothing is planned or sent for it, and its stored
//   data stays until `cli program purge --program <id>`.
// - refresh() re-reads the folder list (cheap: one readdir and a stat per file) and imports what changed,
//   so a folder added or removed while the service runs takes effect at the next scheduler tick.
//
// Table `programs` (besides each program's own partition, see ./repository.ts):
//   PartitionKey "folder", RowKey safeKey(<folder name>)   programId of the folder's last readable YAML.
import fs from 'node:fs';
import path from 'node:path';
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/log.js';
import { getEntityOrUndefined, safeKey, type TableStore } from '../storage/tables.js';
import { foldText, words } from '../text/index.js';
import { programSourceText } from '../i18n/program-source.js';
import { loadProgramFile, ProgramLoadError, type LoadedProgram } from './load.js';
import type { Program } from './model.js';
import { PROGRAMS_TABLE, ProgramRepository, type ProgramFinding } from './repository.js';
import { ProgramService, type ChangeReason, type ImportOptions, type ImportOutcome, type ProgramStatus } from './service.js';

export interface ProgramFolder {
  /** The folder's name under programs/, or "." for the single-program layout. */
  name: string;
  /** The folder holding program.yaml, material/ and faq.yaml. */
  dir: string;
  file: string;
}

/** What loading one folder gave. */
export interface FolderOutcome {
  folder: string;
  dir: string;
  /** Absent when the YAML could not be read and the folder never held a program. */
  programId?: string;
  outcome: ImportOutcome;
}

export interface LoadOptions extends ImportOptions {
  /** Map folders to programs and read what is stored, but import nothing (status, export, read-only CLI). */
  readOnly?: boolean;
}

export type CatalogChangeListener = (program: Program, change: { programId: string; version: number; reason: ChangeReason }) => void;

export interface CatalogDeps {
  store: TableStore;
  clock: Clock;
  logger: Logger;
  contentDir: string;
}

export type ProgramMatch =
  | { kind: 'one'; program: Program }
  | { kind: 'several'; candidates: Program[] }
  | { kind: 'none' };

export interface CatalogStatus {
  programs: Array<ProgramStatus & { programId: string; folder: string }>;
  /** Folders refused without any program behind them (unreadable YAML never imported before). */
  refusedFolders: FolderOutcome[];
}

const FOLDER_PARTITION = 'folder';

/**
 * The program folders under contentDir: CONTENT_DIR/program.yaml first when there is one (the single-program
 * layout; adding programs/ beside it must not retire that program), then programs/<folder> in name order.
 */
export function programFolders(contentDir: string): ProgramFolder[] {
  const single = path.join(contentDir, 'program.yaml');
  const out: ProgramFolder[] = fs.existsSync(single) ? [{ name: '.', dir: contentDir, file: single }] : [];
  const root = path.join(contentDir, 'programs');
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(root, { withFileTypes: true });
  } catch {
    return out;
  }
  return out.concat(
    entries
      .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
      .map((e) => e.name)
      .sort()
      .map((name) => ({ name, dir: path.join(root, name), file: path.join(root, name, 'program.yaml') })),
  );
}

/** A cheap fingerprint of the folder list and the files' sizes and times, to notice changes. */
function folderSignature(folders: ProgramFolder[]): string {
  return folders
    .map((f) => {
      try {
        const s = fs.statSync(f.file);
        return `${f.name}:${s.size}:${s.mtimeMs}`;
      } catch {
        return `${f.name}:-`;
      }
    })
    .join('|');
}

export class ProgramCatalog {
  /** Active programs: id -> service, in folder order. */
  private services = new Map<string, ProgramService>();
  private folderOf = new Map<string, ProgramFolder>();
  private refusedFolders: FolderOutcome[] = [];
  private signature = '';
  private readonly listeners = new Set<CatalogChangeListener>();
  private readonly removedListeners = new Set<(programId: string) => void>();
  private readonly unsubscribe = new Map<string, () => void>();
  private loading: Promise<FolderOutcome[]> | undefined;
  /** The programs of the load in progress (they become `services` when it ends). */
  private next: Map<string, ProgramService> | undefined;

  constructor(private readonly deps: CatalogDeps) {}

  get contentDir(): string {
    return this.deps.contentDir;
  }

  /** Reads every program folder, imports what changed and makes the readable programs active. */
  load(options: LoadOptions = {}): Promise<FolderOutcome[]> {
    // One load at a time: the scheduler's rescan and a start-up load must not interleave.
    const run = (this.loading ?? Promise.resolve([])).then(() => this.loadNow(options));
    this.loading = run.catch(() => []);
    return run;
  }

  private async loadNow(options: LoadOptions): Promise<FolderOutcome[]> {
    const folders = programFolders(this.deps.contentDir);
    this.signature = folderSignature(folders);
    await this.adoptLegacyRows();
    const outcomes: FolderOutcome[] = [];
    const next = new Map<string, ProgramService>();
    this.next = next;
    const nextFolders = new Map<string, ProgramFolder>();
    const refused: FolderOutcome[] = [];
    try {
      for (const folder of folders) {
        const result = await this.loadFolder(folder, next, nextFolders, options);
        outcomes.push(result);
        if (!result.programId) refused.push(result);
      }
    } finally {
      this.next = undefined;
    }
    const removed = [...this.services.keys()].filter((id) => !next.has(id));
    for (const id of removed) {
      this.unsubscribe.get(id)?.();
      this.unsubscribe.delete(id);
    }
    this.services = next;
    this.folderOf = nextFolders;
    this.refusedFolders = refused;
    for (const id of removed) {
      this.deps.logger.info({ event: 'program.removed', programId: id }, 'program folder gone: the program is no longer active');
      for (const listener of this.removedListeners) listener(id);
    }
    return outcomes;
  }

  private async loadFolder(
    folder: ProgramFolder,
    next: Map<string, ProgramService>,
    nextFolders: Map<string, ProgramFolder>,
    options: LoadOptions,
  ): Promise<FolderOutcome> {
    let loaded: LoadedProgram;
    try {
      loaded = await loadProgramFile(folder.file);
    } catch (error) {
      if (!(error instanceof ProgramLoadError)) throw error;
      const known = await this.folderProgramId(folder.name);
      const refusal = { reason: 'invalid-file' as const, message: error.message, findings: [] };
      if (known && !next.has(known)) {
        // The folder held this program: it stays active as stored; the refusal is recorded on it.
        const service = this.serviceFor(known);
        next.set(known, service);
        nextFolders.set(known, folder);
        return { folder: folder.name, dir: folder.dir, programId: known, outcome: await service.refuseFolder(refusal) };
      }
      this.deps.logger.warn({ event: 'program.folder-refused', folder: folder.name, field: error.field }, 'program folder refused');
      return { folder: folder.name, dir: folder.dir, outcome: { kind: 'refused', ...refusal } };
    }
    const id = loaded.program.program.id;
    const service = this.serviceFor(id);
    if (next.has(id)) {
      const first = nextFolders.get(id)!;
      const t = programSourceText(loaded.program.program.language);
      const message = t.duplicateId(folder.file, id, first.file);
      const finding: ProgramFinding = { severity: 'error', code: 'duplicate-program-id', message, suggestion: t.duplicateIdFix };
      this.deps.logger.error({ event: 'program.duplicate-id', programId: id, folder: folder.name, first: first.name }, 'two program folders share an id; the second is refused');
      return { folder: folder.name, dir: folder.dir, programId: id, outcome: { kind: 'refused', reason: 'duplicate-id', message, findings: [finding] } };
    }
    next.set(id, service);
    nextFolders.set(id, folder);
    if (options.readOnly) {
      await service.refresh();
      return { folder: folder.name, dir: folder.dir, programId: id, outcome: { kind: 'unchanged', programId: id, version: service.version() } };
    }
    const outcome = await service.importLoaded(loaded, options);
    if (outcome.kind === 'refused') {
      this.deps.logger.error({ event: 'program.refused', programId: id, reason: outcome.reason, codes: outcome.findings.map((f) => f.code) }, outcome.message);
    }
    await this.rememberFolder(folder.name, id);
    return { folder: folder.name, dir: folder.dir, programId: id, outcome };
  }

  /** The service of a program id (active or not), created once and kept, with the catalog's listeners. */
  private serviceFor(id: string): ProgramService {
    const existing = this.next?.get(id) ?? this.services.get(id);
    if (existing) return existing;
    const service = new ProgramService({ programId: id, store: this.deps.store, clock: this.deps.clock, logger: this.deps.logger });
    this.unsubscribe.set(
      id,
      service.onChange((program, change) => {
        // A program whose folder is gone (or not loaded yet) does not reach features.
        if ((this.next?.get(id) ?? this.services.get(id)) !== service) return;
        for (const listener of this.listeners) listener(program, { ...change, programId: id });
      }),
    );
    return service;
  }

  /** Rows written by a version that served one program move into that program's partition. */
  private async adoptLegacyRows(): Promise<void> {
    const legacyId = await ProgramRepository.legacyProgramId(this.deps.store);
    if (!legacyId) return;
    if (await new ProgramRepository(this.deps.store, legacyId).adoptLegacy()) {
      this.deps.logger.info({ event: 'program.legacy-adopted', programId: legacyId }, 'stored single-program rows moved to their program partition');
    }
  }

  private async folderProgramId(folder: string): Promise<string | undefined> {
    const row = await getEntityOrUndefined<{ programId: string }>(await this.deps.store.table(PROGRAMS_TABLE), FOLDER_PARTITION, safeKey(folder));
    return row?.programId;
  }

  private async rememberFolder(folder: string, programId: string): Promise<void> {
    await (await this.deps.store.table(PROGRAMS_TABLE)).upsertEntity({ partitionKey: FOLDER_PARTITION, rowKey: safeKey(folder), programId }, 'Replace');
  }

  /**
   * Picks up what other instances stored (one small query per program) and, when the folder list or a
   * program.yaml changed on disk, loads again. Returns true when anything changed.
   */
  async refresh(): Promise<boolean> {
    if (folderSignature(programFolders(this.deps.contentDir)) !== this.signature) {
      await this.load();
      return true;
    }
    let changed = false;
    for (const service of this.services.values()) changed = (await service.refresh()) || changed;
    return changed;
  }

  onChange(listener: CatalogChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A program stopped being active (its folder is gone); its data stays. */
  onRemoved(listener: (programId: string) => void): () => void {
    this.removedListeners.add(listener);
    return () => this.removedListeners.delete(listener);
  }

  /** Ids of the active programs, in folder order. */
  ids(): string[] {
    return [...this.services.keys()];
  }

  /** The active programs that have a stored document, in folder order. */
  programs(): Program[] {
    return [...this.services.values()].flatMap((s) => (s.active() ? [s.active()!] : []));
  }

  has(programId: string): boolean {
    return this.services.has(programId);
  }

  get(programId: string): Program | undefined {
    return this.services.get(programId)?.active();
  }

  service(programId: string): ProgramService | undefined {
    return this.services.get(programId);
  }

  /** The folder of an active program (its material/ and faq.yaml). */
  dirOf(programId: string): string | undefined {
    return this.folderOf.get(programId)?.dir;
  }

  /** The program when the deployment has exactly one; undefined otherwise. */
  only(): Program | undefined {
    return this.services.size === 1 ? this.programs()[0] : undefined;
  }

  /**
   * A program named by a user: its id, or words of its title (umlauts and case folded). Several matches are
   * returned for a choice.
   */
  match(text: string): ProgramMatch {
    const query = foldText(text).trim();
    const programs = this.programs();
    if (!query) return { kind: 'none' };
    const exact = programs.find((p) => p.program.id === query || foldText(p.program.title) === query);
    if (exact) return { kind: 'one', program: exact };
    const wanted = words(query);
    const candidates = programs.filter((p) => {
      const known = new Set(words(foldText(`${p.program.id.replace(/-/g, ' ')} ${p.program.title} ${p.program.subtitle ?? ''}`)));
      return wanted.length > 0 && wanted.every((w) => known.has(w) || [...known].some((k) => k.startsWith(w) && w.length >= 3));
    });
    if (candidates.length === 1) return { kind: 'one', program: candidates[0]! };
    return candidates.length ? { kind: 'several', candidates } : { kind: 'none' };
  }

  status(): CatalogStatus {
    return {
      programs: [...this.services.entries()].map(([id, service]) => ({
        ...service.status(),
        programId: id,
        folder: this.folderOf.get(id)?.name ?? '',
      })),
      refusedFolders: [...this.refusedFolders],
    };
  }

  /** Ids of programs stored but no longer active (their folder is gone), for purge. */
  async inactiveStoredIds(): Promise<string[]> {
    const client = await this.deps.store.table(PROGRAMS_TABLE);
    const ids = new Set<string>();
    for await (const row of client.listEntities<{ programId?: string }>({ queryOptions: { filter: `RowKey eq 'active'`, select: ['PartitionKey', 'programId'] } })) {
      if (typeof row.programId === 'string' && !this.services.has(row.programId)) ids.add(row.programId);
    }
    return [...ids].sort();
  }

  /** Deletes the stored document of a program that is not active (its features purge their own data). */
  async purgeStored(programId: string): Promise<void> {
    if (this.services.has(programId)) throw new Error(`program ${programId} is active; remove its folder first`);
    await new ProgramService({ programId, store: this.deps.store, clock: this.deps.clock, logger: this.deps.logger }).deleteStored();
    // The folders it was read from forget it: a broken YAML in such a folder must not bring it back.
    const client = await this.deps.store.table(PROGRAMS_TABLE);
    for await (const row of client.listEntities<{ programId?: string }>({ queryOptions: { filter: `PartitionKey eq '${FOLDER_PARTITION}' and programId eq '${programId}'` } })) {
      await client.deleteEntity(row.partitionKey!, row.rowKey!);
    }
  }
}
