// Table Storage for one program: the whole document as JSON, its version, the hash of the program.yaml it
// came from, per-session SEQUENCE numbers and the last refused import. Every program has its own partition,
// so adding, changing or purging one program never touches another's rows.
//
// Table `programs`:
//   PartitionKey "program|<programId>", RowKey "active"   the stored program. The JSON is split across
//                                             doc0..docN (30,000 chars each: string properties hold at most
//                                             64 KiB of UTF-16), docParts says how many. version, programId,
//                                             sourceHash, importedVersion, sequences (JSON), fingerprints
//                                             (JSON), updatedAt, updatedBy.
//   PartitionKey "program|<programId>", RowKey "refusal"  the last refused import of its program.yaml: at,
//                                             reason, message, sourceHash, findings (JSON).
//   PartitionKey "program", RowKey "active"   written by versions that served one program; the catalog
//                                             moves it into its program's partition once (legacyActive()).
// Writes of "active" are ETag-conditional, so two instances never overwrite each other blindly.
import type { TableClient, TableEntity } from '@azure/data-tables';
import { getEntityOrUndefined, isStatus, odataString, type TableStore } from '../storage/tables.js';
import { AppError } from '../shared/errors.js';
import { programSchema, type Program } from './model.js';
import type { LintFinding } from './lint.js';

export const PROGRAMS_TABLE = 'programs';
const LEGACY_PARTITION = 'program';
const ACTIVE = 'active';
const REFUSAL = 'refusal';
const CHUNK = 30_000;
const MAX_FINDINGS = 200;

export interface StoredProgram {
  program: Program;
  version: number;
  /** sha256 of the program.yaml last imported (kept across coordinator edits). */
  sourceHash?: string;
  /**
   * The version the last import of program.yaml wrote (kept across coordinator edits): while `version`
   * equals it, nobody edited the program since, and a changed program.yaml may replace it.
   */
  importedVersion?: number;
  /** SEQUENCE per session id, including sessions removed since (a re-added session continues its count). */
  sequences: Record<string, number>;
  /** What SEQUENCE depends on, per session id: date, times, title, status. */
  fingerprints: Record<string, string>;
  updatedAt: string;
  updatedBy: string;
  etag: string;
}

export type NewStoredProgram = Omit<StoredProgram, 'etag'>;

/** A lint finding, or the refusal of a program.yaml that would overwrite edits made since the last import. */
export type ProgramFinding = Omit<LintFinding, 'code'> & { code: LintFinding['code'] | 'stored-program-edited' | 'duplicate-program-id' };

export interface ProgramRefusal {
  at: string;
  reason: 'lint-errors' | 'invalid-file' | 'edited-since-import' | 'duplicate-id';
  message: string;
  sourceHash?: string;
  findings: ProgramFinding[];
}

/** Version and ETags of both rows, read in one round trip to notice another instance's changes. */
export interface ProgramMarkers {
  /** programId is absent on rows written before it was recorded. */
  active?: { version: number; etag: string; programId?: string };
  refusal?: { etag: string };
}

/** Another instance wrote the program between our read and our write. */
export class ProgramConflictError extends AppError {
  constructor() {
    super('program-conflict', 'the stored program changed since it was read');
    this.name = 'ProgramConflictError';
  }
}

interface ActiveEntity {
  version: number;
  docParts: number;
  sourceHash?: string;
  importedVersion?: number;
  sequences: string;
  fingerprints: string;
  updatedAt: string;
  updatedBy: string;
  [doc: `doc${number}`]: string;
}

/** The partition of one program's rows. */
export function programPartition(programId: string): string {
  return `program|${programId}`;
}

export class ProgramRepository {
  private readonly partition: string;

  constructor(
    private readonly store: TableStore,
    readonly programId: string,
  ) {
    this.partition = programPartition(programId);
  }

  /** The program stored by a version that served one program, if still there: its id, to move it. */
  static async legacyProgramId(store: TableStore): Promise<string | undefined> {
    const row = await getEntityOrUndefined<{ programId?: string }>(await store.table(PROGRAMS_TABLE), LEGACY_PARTITION, ACTIVE, { queryOptions: { select: ['programId', 'doc0'] } });
    if (!row) return undefined;
    if (typeof row.programId === 'string') return row.programId;
    const head = String((row as Record<string, unknown>).doc0 ?? '');
    return /"id":"([a-z0-9-]+)"/.exec(head)?.[1];
  }

  /**
   * Moves the single-program rows into this program's partition (when it has none yet) and deletes them.
   * Idempotent: two instances starting together both end with the rows moved once.
   */
  async adoptLegacy(): Promise<boolean> {
    const client = await this.table();
    let moved = false;
    for (const rowKey of [ACTIVE, REFUSAL]) {
      const row = await getEntityOrUndefined(client, LEGACY_PARTITION, rowKey);
      if (!row) continue;
      const { etag: _etag, timestamp: _ts, partitionKey: _pk, rowKey: _rk, ...fields } = row;
      try {
        await client.createEntity({ ...fields, partitionKey: this.partition, rowKey, ...(rowKey === ACTIVE ? { programId: this.programId } : {}) });
        moved = true;
      } catch (error) {
        if (!isStatus(error, 409)) throw error;
      }
      try {
        await client.deleteEntity(LEGACY_PARTITION, rowKey);
      } catch (error) {
        if (!isStatus(error, 404)) throw error;
      }
    }
    return moved;
  }

  /** Deletes both rows of this program (purge). */
  async deleteAll(): Promise<void> {
    const client = await this.table();
    for (const rowKey of [ACTIVE, REFUSAL]) {
      try {
        await client.deleteEntity(this.partition, rowKey);
      } catch (error) {
        if (!isStatus(error, 404)) throw error;
      }
    }
  }

  private table(): Promise<TableClient> {
    return this.store.table(PROGRAMS_TABLE);
  }

  async markers(): Promise<ProgramMarkers> {
    const client = await this.table();
    const out: ProgramMarkers = {};
    const rows = client.listEntities<{ version?: number; programId?: string }>({
      queryOptions: { filter: `PartitionKey eq ${odataString(this.partition)}`, select: ['RowKey', 'version', 'programId'] },
    });
    for await (const row of rows) {
      if (row.rowKey === ACTIVE) {
        out.active = { version: Number(row.version ?? 0), etag: row.etag, ...(typeof row.programId === 'string' ? { programId: row.programId } : {}) };
      }
      if (row.rowKey === REFUSAL) out.refusal = { etag: row.etag };
    }
    return out;
  }

  async getActive(): Promise<StoredProgram | undefined> {
    const entity = await getEntityOrUndefined<ActiveEntity>(await this.table(), this.partition, ACTIVE);
    if (!entity) return undefined;
    let json = '';
    for (let i = 0; i < entity.docParts; i++) json += entity[`doc${i}`] ?? '';
    // Stored documents were validated on the way in; parsing again applies defaults added since.
    const program = programSchema.parse(JSON.parse(json));
    return {
      program,
      version: Number(entity.version),
      ...(entity.sourceHash ? { sourceHash: entity.sourceHash } : {}),
      ...(entity.importedVersion !== undefined && entity.importedVersion !== null ? { importedVersion: Number(entity.importedVersion) } : {}),
      sequences: JSON.parse(entity.sequences || '{}') as Record<string, number>,
      fingerprints: JSON.parse(entity.fingerprints || '{}') as Record<string, string>,
      updatedAt: entity.updatedAt,
      updatedBy: entity.updatedBy,
      etag: entity.etag,
    };
  }

  /**
   * Writes the active program. `expectedEtag` undefined means "there is none yet" (insert); otherwise the
   * write succeeds only when the row still has that ETag. Returns the new ETag.
   */
  async putActive(record: NewStoredProgram, expectedEtag: string | undefined): Promise<string> {
    const client = await this.table();
    const json = JSON.stringify(record.program);
    const entity: TableEntity<Record<string, unknown>> = {
      partitionKey: this.partition,
      rowKey: ACTIVE,
      version: record.version,
      programId: record.program.program.id,
      docParts: Math.max(1, Math.ceil(json.length / CHUNK)),
      sequences: JSON.stringify(record.sequences),
      fingerprints: JSON.stringify(record.fingerprints),
      updatedAt: record.updatedAt,
      updatedBy: record.updatedBy,
      ...(record.sourceHash ? { sourceHash: record.sourceHash } : {}),
      ...(record.importedVersion !== undefined ? { importedVersion: record.importedVersion } : {}),
    };
    for (let i = 0; i * CHUNK < json.length || i === 0; i++) entity[`doc${i}`] = json.slice(i * CHUNK, (i + 1) * CHUNK);
    try {
      const response =
        expectedEtag === undefined
          ? await client.createEntity(entity)
          : await client.updateEntity(entity, 'Replace', { etag: expectedEtag });
      return response.etag ?? '';
    } catch (error) {
      if (isStatus(error, 409) || isStatus(error, 412)) throw new ProgramConflictError();
      throw error;
    }
  }

  async getRefusal(): Promise<ProgramRefusal | undefined> {
    const e = await getEntityOrUndefined<{ at: string; reason: ProgramRefusal['reason']; message: string; sourceHash?: string; findings: string }>(
      await this.table(),
      this.partition,
      REFUSAL,
    );
    if (!e) return undefined;
    return {
      at: e.at,
      reason: e.reason,
      message: e.message,
      ...(e.sourceHash ? { sourceHash: e.sourceHash } : {}),
      findings: JSON.parse(e.findings || '[]') as ProgramFinding[],
    };
  }

  async putRefusal(refusal: ProgramRefusal): Promise<void> {
    const client = await this.table();
    let findings = refusal.findings.slice(0, MAX_FINDINGS);
    while (JSON.stringify(findings).length > CHUNK) findings = findings.slice(0, Math.floor(findings.length / 2));
    await client.upsertEntity(
      {
        partitionKey: this.partition,
        rowKey: REFUSAL,
        at: refusal.at,
        reason: refusal.reason,
        message: refusal.message.slice(0, CHUNK),
        findings: JSON.stringify(findings),
        ...(refusal.sourceHash ? { sourceHash: refusal.sourceHash } : {}),
      },
      'Replace',
    );
  }

  async clearRefusal(): Promise<void> {
    const client = await this.table();
    try {
      await client.deleteEntity(this.partition, REFUSAL);
    } catch (error) {
      if (!isStatus(error, 404)) throw error;
    }
  }
}
