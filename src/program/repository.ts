// Table Storage for the active program: the whole document as JSON, its version, the hash of the
// program.yaml it came from, per-session SEQUENCE numbers and the last refused import.
//
// Table `programs`:
//   PartitionKey "program", RowKey "active"   the active program. The JSON is split across doc0..docN
//                                             (30,000 chars each: string properties hold at most 64 KiB of
//                                             UTF-16), docParts says how many. version, sourceHash,
//                                             importedVersion, sequences (JSON), fingerprints (JSON),
//                                             updatedAt, updatedBy.
//   PartitionKey "program", RowKey "refusal"  the last refused import: at, reason, message, sourceHash,
//                                             findings (JSON).
// Writes of "active" are ETag-conditional, so two instances never overwrite each other blindly.
import type { TableClient, TableEntity } from '@azure/data-tables';
import { isStatus, type TableStore } from '../storage/tables.js';
import { AppError } from '../shared/errors.js';
import { programSchema, type Program } from './model.js';
import type { LintCode, LintFinding } from './lint.js';

export const PROGRAMS_TABLE = 'programs';
const PARTITION = 'program';
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
export type ProgramFinding = Omit<LintFinding, 'code'> & { code: LintCode | 'stored-program-edited' };

export interface ProgramRefusal {
  at: string;
  reason: 'lint-errors' | 'invalid-file' | 'edited-since-import';
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

export class ProgramRepository {
  constructor(private readonly store: TableStore) {}

  private table(): Promise<TableClient> {
    return this.store.table(PROGRAMS_TABLE);
  }

  async markers(): Promise<ProgramMarkers> {
    const client = await this.table();
    const out: ProgramMarkers = {};
    const rows = client.listEntities<{ version?: number; programId?: string }>({
      queryOptions: { filter: `PartitionKey eq '${PARTITION}'`, select: ['RowKey', 'version', 'programId'] },
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
    const client = await this.table();
    let entity: ActiveEntity & { etag: string };
    try {
      entity = await client.getEntity<ActiveEntity>(PARTITION, ACTIVE);
    } catch (error) {
      if (isStatus(error, 404)) return undefined;
      throw error;
    }
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
      partitionKey: PARTITION,
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
    const client = await this.table();
    try {
      const e = await client.getEntity<{ at: string; reason: ProgramRefusal['reason']; message: string; sourceHash?: string; findings: string }>(
        PARTITION,
        REFUSAL,
      );
      return {
        at: e.at,
        reason: e.reason,
        message: e.message,
        ...(e.sourceHash ? { sourceHash: e.sourceHash } : {}),
        findings: JSON.parse(e.findings || '[]') as ProgramFinding[],
      };
    } catch (error) {
      if (isStatus(error, 404)) return undefined;
      throw error;
    }
  }

  async putRefusal(refusal: ProgramRefusal): Promise<void> {
    const client = await this.table();
    let findings = refusal.findings.slice(0, MAX_FINDINGS);
    while (JSON.stringify(findings).length > CHUNK) findings = findings.slice(0, Math.floor(findings.length / 2));
    await client.upsertEntity(
      {
        partitionKey: PARTITION,
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
      await client.deleteEntity(PARTITION, REFUSAL);
    } catch (error) {
      if (!isStatus(error, 404)) throw error;
    }
  }
}
