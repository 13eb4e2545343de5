// ProgramService and ProgramRepository against a real Azurite (one per file).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { startAzurite, type AzuriteHandle } from '../../src/storage/azurite.js';
import { TableStore } from '../../src/storage/tables.js';
import { randomTablePrefix } from '../harness/azurite.js';
import { ManualClock } from '../../src/shared/clock.js';
import { silentLogger } from '../../src/shared/log.js';
import { editedSinceImport, inDateOrder, ProgramService, type ProgramChangeListener } from '../../src/program/service.js';
import { ProgramRepository } from '../../src/program/repository.js';
import { parseProgramText } from '../../src/program/load.js';
import type { Program } from '../../src/program/model.js';

let azurite: AzuriteHandle;
let storeCount = 0;
const seedYaml = await fs.readFile(path.resolve('content/program.yaml'), 'utf8');

beforeAll(async () => {
  azurite = await startAzurite();
});
afterAll(async () => {
  await azurite?.stop();
});

function freshStore(): TableStore {
  storeCount += 1;
  return new TableStore({ kind: 'connectionString', connectionString: azurite.connectionString }, randomTablePrefix(`svc${storeCount}`));
}

async function contentDir(yaml: string): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'program-content-'));
  await fs.writeFile(path.join(dir, 'program.yaml'), yaml);
  return dir;
}

function service(store: TableStore, clock = new ManualClock('2025-08-01T08:00:00Z'), logger = silentLogger) {
  return new ProgramService({ programId: 'stadt-daten-strategie', store, clock, logger });
}

function edited(program: Program, change: (p: Program) => void): Program {
  const copy = structuredClone(program);
  change(copy);
  return copy;
}

describe('ProgramService.importFromContent', () => {
  it('imports the seed once, then only when the file changes, raising SEQUENCE of changed sessions', async () => {
    const store = freshStore();
    const svc = service(store);
    const changes: [number, string][] = [];
    svc.onChange((_p, c) => changes.push([c.version, c.reason]));
    const dir = await contentDir(seedYaml);

    const first = await svc.importFromContent(dir);
    expect(first).toMatchObject({ kind: 'imported', programId: 'stadt-daten-strategie', version: 1, findings: [] });
    expect(svc.active()?.sessions).toHaveLength(5);
    expect(svc.sequences()).toEqual({ auftakt: 0, 'wie-fange-ich-an': 0, finalisierung: 0, 'data-governance-wegweiser': 0, abschluss: 0 });

    expect(await svc.importFromContent(dir)).toEqual({ kind: 'unchanged', programId: 'stadt-daten-strategie', version: 1 });

    // Time of one session and summary of another change: only the time change is a calendar change.
    const changed = seedYaml
      .replace('date: 2025-11-18\n    weekday: Dienstag\n    start: "10:00"', 'date: 2025-11-18\n    weekday: Dienstag\n    start: "09:30"')
      .replace('summary: Was war gut? Was geht besser?', 'summary: Was war gut? Was geht besser? Ausblick.');
    await fs.writeFile(path.join(dir, 'program.yaml'), changed);
    expect(await svc.importFromContent(dir)).toMatchObject({ kind: 'imported', version: 2 });
    expect(svc.sequences()).toMatchObject({ finalisierung: 1, abschluss: 0, auftakt: 0 });
    expect(changes).toEqual([
      [1, 'import'],
      [2, 'import'],
    ]);

    // A fresh instance (another process) reads the same state.
    const other = service(store);
    await other.refresh();
    expect(other.version()).toBe(2);
    expect(other.active()?.sessions[2]?.start).toBe('09:30');
    expect(await other.importFromContent(dir)).toMatchObject({ kind: 'unchanged', version: 2 });
  });

  it('refuses a program with lint errors, keeps the previous one and stores the refusal', async () => {
    const store = freshStore();
    const records: unknown[] = [];
    const logger = silentLogger.child({});
    logger.warn = ((obj: unknown) => void records.push(obj)) as typeof logger.warn;
    const svc = service(store, undefined, logger);
    const dir = await contentDir(seedYaml);
    await svc.importFromContent(dir);

    await fs.writeFile(path.join(dir, 'program.yaml'), seedYaml.replace('date: 2025-12-16', 'date: 2026-12-16'));
    const outcome = await svc.importFromContent(dir);
    expect(outcome).toMatchObject({ kind: 'refused', reason: 'lint-errors' });
    expect(outcome.kind === 'refused' && outcome.findings.map((f) => f.code)).toEqual(['weekday-mismatch', 'sessions-out-of-order']);
    expect(svc.version()).toBe(1);
    expect(svc.active()?.sessions[3]?.date).toBe('2025-12-16');
    expect(records).toMatchObject([{ event: 'program.import-refused', reason: 'lint-errors', codes: ['weekday-mismatch', 'sessions-out-of-order'], activeVersion: 1 }]);
    expect(JSON.stringify(records)).not.toContain('Data Governance');

    const status = svc.status();
    expect(status).toMatchObject({ programId: 'stadt-daten-strategie', version: 1, lint: [], lastRefusal: { reason: 'lint-errors', at: '2025-08-01T08:00:00.000Z' } });
    expect(status.lastRefusal?.findings[0]).toMatchObject({ code: 'weekday-mismatch', suggestion: '16.12.2025 ist ein Dienstag' });
    expect(status.sessions[0]).toEqual({ id: 'auftakt', title: 'Auftaktveranstaltung', start: '2025-08-26T10:00:00.000+02:00', status: 'scheduled', sequence: 0 });

    const other = service(store);
    await other.refresh();
    expect(other.status().lastRefusal?.reason).toBe('lint-errors');

    // Fixing the file imports it and clears the refusal, for every instance.
    await fs.writeFile(path.join(dir, 'program.yaml'), seedYaml.replace('summary: Was war gut? Was geht besser?', 'summary: Rückblick.'));
    expect(await svc.importFromContent(dir)).toMatchObject({ kind: 'imported', version: 2 });
    expect(svc.status().lastRefusal).toBeUndefined();
    await other.refresh();
    expect(other.status().lastRefusal).toBeUndefined();
  });

  it('refuses an unparsable file with the line and the field', async () => {
    const svc = service(freshStore());
    const dir = await contentDir(seedYaml.replace('start: "10:00"', 'start: "10 Uhr"'));
    const outcome = await svc.importFromContent(dir);
    expect(outcome).toMatchObject({ kind: 'refused', reason: 'invalid-file' });
    expect(outcome.kind === 'refused' && outcome.message).toMatch(/program\.yaml:\d+: sessions\.0\.start: expected a time as HH:MM/);
    expect(svc.active()).toBeUndefined();
    const missing = await service(freshStore()).importFromContent(path.join(dir, 'nope'));
    expect(missing).toMatchObject({ kind: 'refused', reason: 'invalid-file' });
    expect(missing.kind === 'refused' && missing.message).toContain('file not found');
  });
});

describe('ProgramService.save and refresh', () => {
  it('saves coordinator edits, bumps version and SEQUENCE, and other instances see them on refresh', async () => {
    const store = freshStore();
    const a = service(store);
    const b = service(store);
    await a.importFromContent(await contentDir(seedYaml));
    await b.refresh();
    const seen: [number, string][] = [];
    const listener: ProgramChangeListener = (_p, c) => seen.push([c.version, c.reason]);
    b.onChange(listener);

    const cancelled = edited(a.active()!, (p) => (p.sessions[1]!.status = 'cancelled'));
    expect(await a.save(cancelled, 'coordinator-1')).toMatchObject({ kind: 'saved', version: 2 });
    expect(a.sequences()['wie-fange-ich-an']).toBe(1);

    expect(await b.refresh()).toBe(true);
    expect(await b.refresh()).toBe(false);
    expect(b.active()?.sessions[1]?.status).toBe('cancelled');
    expect(b.status()).toMatchObject({ version: 2, updatedBy: 'coordinator-1' });
    expect(seen).toEqual([[2, 'refresh']]);
  });

  it('does not overwrite blindly: a stale instance retries on top, or fails with expectedVersion', async () => {
    const store = freshStore();
    const a = service(store);
    const b = service(store);
    await a.importFromContent(await contentDir(seedYaml));
    await b.refresh();

    await a.save(edited(a.active()!, (p) => (p.sessions[0]!.title = 'Auftakt')), 'a');
    // b still holds version 1; its write is conditional on the old ETag, refreshes and lands as version 3.
    const outcome = await b.save(edited(b.active()!, (p) => (p.sessions[4]!.end = '12:30')), 'b');
    expect(outcome).toMatchObject({ kind: 'saved', version: 3 });
    // Sequences are recomputed against version 2: b's program reverts the title (a change) and moves the end.
    expect(b.sequences()).toMatchObject({ auftakt: 2, abschluss: 1 });

    await expect(a.save(a.active()!, 'a', { expectedVersion: 2 })).rejects.toMatchObject({ code: 'program-conflict' });
    await a.refresh();
    expect(await a.save(a.active()!, 'a', { expectedVersion: 3 })).toMatchObject({ kind: 'saved', version: 4 });
  });

  it('refuses to save a program with lint errors', async () => {
    const svc = service(freshStore());
    await svc.importFromContent(await contentDir(seedYaml));
    const broken = edited(svc.active()!, (p) => (p.sessions[0]!.end = '09:00'));
    const outcome = await svc.save(broken, 'c');
    expect(outcome).toMatchObject({ kind: 'refused', findings: [{ code: 'end-before-start', sessionId: 'auftakt' }] });
    expect(svc.version()).toBe(1);
  });

  it('logs a failing listener and carries on', async () => {
    const errors: unknown[] = [];
    const logger = silentLogger.child({});
    logger.error = ((obj: unknown) => void errors.push(obj)) as typeof logger.error;
    const svc = service(freshStore(), undefined, logger);
    let called = 0;
    svc.onChange(() => {
      throw new Error('boom');
    });
    const off = svc.onChange(() => (called += 1));
    await svc.importFromContent(await contentDir(seedYaml));
    off();
    await svc.save(edited(svc.active()!, (p) => (p.sessions[0]!.title = 'X')), 'c');
    expect(called).toBe(1);
    expect(errors).toMatchObject([{ event: 'program.listener-failed' }, { event: 'program.listener-failed' }]);
  });
});

describe('ProgramRepository', () => {
  it('splits a document larger than one property across several and reads it back', async () => {
    const repo = new ProgramRepository(freshStore(), 'stadt-daten-strategie');
    const base = parseProgramText(seedYaml);
    const sessions = Array.from({ length: 40 }, (_, i) => ({
      ...base.sessions[0]!,
      id: `s-${i}`,
      date: `2026-${String(1 + Math.floor(i / 4)).padStart(2, '0')}-${String(1 + (i % 4) * 7).padStart(2, '0')}`,
      weekday: undefined,
      summary: `${'ä'.repeat(1500)} ${i}`,
    }));
    const program: Program = { ...base, program: { ...base.program, announcedSessionCount: 40 }, sessions };
    expect(JSON.stringify(program).length).toBeGreaterThan(60_000);
    const etag = await repo.putActive(
      { program, version: 1, sequences: {}, fingerprints: {}, updatedAt: '2026-01-01T00:00:00.000Z', updatedBy: 'test' },
      undefined,
    );
    const back = await repo.getActive();
    expect(back?.etag).toBe(etag);
    expect(back?.program).toEqual(JSON.parse(JSON.stringify(program)));
    await expect(
      repo.putActive({ program, version: 1, sequences: {}, fingerprints: {}, updatedAt: 'x', updatedBy: 't' }, undefined),
    ).rejects.toMatchObject({ code: 'program-conflict' });
    // The document round-trips through YAML export too.
    expect(parseProgramText(stringify(back!.program)).sessions).toHaveLength(40);
  });
});

describe('ProgramService: source of truth', () => {
  it('keeps a stored program edited since the last import and refuses the changed file with a finding; --force imports it', async () => {
    const store = freshStore();
    const svc = service(store);
    const dir = await contentDir(seedYaml);
    expect(await svc.importFromContent(dir)).toMatchObject({ kind: 'imported', version: 1 });
    // Not edited since: a changed file is imported.
    await fs.writeFile(path.join(dir, 'program.yaml'), seedYaml.replace('summary: Was war gut? Was geht besser?', 'summary: Was war gut?'));
    expect(await svc.importFromContent(dir)).toMatchObject({ kind: 'imported', version: 2 });

    const edited = editedInTeams(svc.active()!);
    expect(await svc.save(edited, 'aad-coordinator')).toMatchObject({ kind: 'saved', version: 3 });
    await fs.writeFile(path.join(dir, 'program.yaml'), seedYaml.replace('summary: Was war gut? Was geht besser?', 'summary: Ausblick.'));
    const refused = await svc.importFromContent(dir);
    expect(refused).toMatchObject({ kind: 'refused', reason: 'edited-since-import' });
    if (refused.kind !== 'refused') throw new Error('expected a refusal');
    expect(refused.findings).toEqual([
      expect.objectContaining({ severity: 'error', code: 'stored-program-edited', suggestion: expect.stringContaining('program import --force') }),
    ]);
    expect(refused.message).toContain('aad-coordinator');
    expect(svc.version()).toBe(3);
    expect(svc.active()!.program.title).toBe('Bearbeitet in Teams');
    expect(svc.status().lastRefusal?.reason).toBe('edited-since-import');
    // Another process (a restart) sees the same: the edit survives.
    expect(await service(store).importFromContent(dir)).toMatchObject({ kind: 'refused', reason: 'edited-since-import' });

    expect(await svc.importFromContent(dir, { force: true })).toMatchObject({ kind: 'imported', version: 4 });
    expect(svc.active()!.program.title).not.toBe('Bearbeitet in Teams');
    expect(svc.status().lastRefusal).toBeUndefined();
    // Imported again, not edited since: the next changed file goes in without --force.
    await fs.writeFile(path.join(dir, 'program.yaml'), seedYaml);
    expect(await svc.importFromContent(dir)).toMatchObject({ kind: 'imported', version: 5 });
  });
});

describe('ProgramService: source of truth, baseline and refusals', () => {
  it('adopts a program.yaml that says exactly what is stored (export after edits) as the new baseline, without a new version', async () => {
    const store = freshStore();
    const svc = service(store);
    const dir = await contentDir(seedYaml);
    expect(await svc.importFromContent(dir)).toMatchObject({ kind: 'imported', version: 1 });
    expect(await svc.save(editedInTeams(svc.active()!), 'aad-coordinator')).toMatchObject({ kind: 'saved', version: 2 });
    // program export > program.yaml, then a restart: the file equals the stored program.
    await fs.writeFile(path.join(dir, 'program.yaml'), stringify(svc.active()!));
    const restarted = service(store);
    expect(await restarted.importFromContent(dir)).toMatchObject({ kind: 'unchanged', version: 2 });
    expect(restarted.status().lastRefusal).toBeUndefined();
    expect(await service(store).importFromContent(dir)).toMatchObject({ kind: 'unchanged', version: 2 });
    // The exported file is now the baseline: a change to it goes in without --force.
    await fs.writeFile(path.join(dir, 'program.yaml'), stringify(edited(svc.active()!, (p) => (p.program.title = 'Nach dem Export'))));
    expect(await service(store).importFromContent(dir)).toMatchObject({ kind: 'imported', version: 3 });
  });

  it('stored() reads the program id and version from storage, not from the cache', async () => {
    const store = freshStore();
    const svc = service(store);
    expect(await svc.stored()).toBeUndefined();
    await svc.importFromContent(await contentDir(seedYaml));
    const other = service(store);
    expect(await other.stored()).toEqual({ programId: 'stadt-daten-strategie', version: 1 });
    await svc.save(editedInTeams(svc.active()!), 'aad-coordinator');
    expect(await other.stored()).toEqual({ programId: 'stadt-daten-strategie', version: 2 });
  });

  it('raises SEQUENCE when the time zone changes; fingerprints stored without the zone do not count as a change', async () => {
    const store = freshStore();
    const svc = service(store);
    await svc.importFromContent(await contentDir(seedYaml));
    const before = svc.sequences();
    // A row written before the zone was part of the fingerprint: re-saving the same program changes nothing.
    const repo = new ProgramRepository(store, 'stadt-daten-strategie');
    const row = (await repo.getActive())!;
    const legacy = Object.fromEntries(Object.entries(row.fingerprints).map(([id, f]) => [id, JSON.stringify((JSON.parse(f) as unknown[]).slice(0, 5))]));
    const { etag, ...record } = row;
    await repo.putActive({ ...record, fingerprints: legacy }, etag);
    const fresh = service(store);
    await fresh.refresh();
    await fresh.save(fresh.active()!, 'aad-coordinator');
    expect(fresh.sequences()).toEqual(before);
    const moved = edited(fresh.active()!, (p) => (p.program.timezone = 'America/New_York'));
    await fresh.save(moved, 'aad-coordinator');
    expect(fresh.sequences()).toEqual(Object.fromEntries(Object.entries(before).map(([id, n]) => [id, n + 1])));
  });

  it('--force imports again even when the file bytes equal the last import', async () => {
    const store = freshStore();
    const svc = service(store);
    const dir = await contentDir(seedYaml);
    expect(await svc.importFromContent(dir)).toMatchObject({ kind: 'imported', version: 1 });
    expect(await svc.save(editedInTeams(svc.active()!), 'aad-coordinator')).toMatchObject({ kind: 'saved', version: 2 });
    expect(await svc.importFromContent(dir)).toMatchObject({ kind: 'unchanged', version: 2 });
    expect(await svc.importFromContent(dir, { force: true })).toMatchObject({ kind: 'imported', version: 3 });
    expect(svc.active()!.program.title).not.toBe('Bearbeitet in Teams');
  });

  it('clears a stale refusal when the file is reverted to the bytes last imported', async () => {
    const store = freshStore();
    const svc = service(store);
    const dir = await contentDir(seedYaml);
    expect(await svc.importFromContent(dir)).toMatchObject({ kind: 'imported', version: 1 });
    expect(await svc.save(editedInTeams(svc.active()!), 'aad-coordinator')).toMatchObject({ kind: 'saved', version: 2 });
    await fs.writeFile(path.join(dir, 'program.yaml'), seedYaml.replace('summary: Was war gut? Was geht besser?', 'summary: Ausblick.'));
    expect(await svc.importFromContent(dir)).toMatchObject({ kind: 'refused', reason: 'edited-since-import' });
    expect(svc.status().lastRefusal?.reason).toBe('edited-since-import');
    await fs.writeFile(path.join(dir, 'program.yaml'), seedYaml);
    expect(await svc.importFromContent(dir)).toMatchObject({ kind: 'unchanged', version: 2 });
    expect(svc.status().lastRefusal).toBeUndefined();
    const other = service(store);
    await other.refresh();
    expect(other.status().lastRefusal).toBeUndefined();
  });
});

function editedInTeams(program: Program): Program {
  return edited(program, (p) => {
    p.program.title = 'Bearbeitet in Teams';
  });
}

describe('editedSinceImport and inDateOrder', () => {
  const program = parseProgramText(seedYaml);
  const row = { program, version: 4, sequences: {}, fingerprints: {}, updatedAt: '2026-12-01T08:00:00.000Z', etag: 'e' };
  it('compares version with importedVersion; rows without importedVersion count as edited unless an import wrote them', () => {
    expect(editedSinceImport({ ...row, importedVersion: 4, updatedBy: 'aad-x' })).toBe(false);
    expect(editedSinceImport({ ...row, importedVersion: 3, updatedBy: 'content' })).toBe(true);
    expect(editedSinceImport({ ...row, updatedBy: 'content' })).toBe(false);
    expect(editedSinceImport({ ...row, updatedBy: 'aad-coordinator' })).toBe(true);
  });
  it('sorts by date, then start, and keeps the order of equal starts', () => {
    const s = (id: string, date: string, start: string) => ({ ...program.sessions[0]!, id, date, start, end: '23:00' });
    const shuffled = { ...program, sessions: [s('c', '2026-12-10', '09:00'), s('a', '2026-11-01', '10:00'), s('b', '2026-12-10', '08:00'), s('d', '2026-12-10', '09:00')] };
    expect(inDateOrder(shuffled).sessions.map((x) => x.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(shuffled.sessions.map((x) => x.id)).toEqual(['c', 'a', 'b', 'd']);
  });
});
