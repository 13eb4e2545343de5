// The program catalog over real Azurite: many program folders, duplicate ids, broken folders, removed
// folders, the single-program layout and rows stored by the single-program version.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/shared/clock.js';
import { silentLogger } from '../../src/shared/log.js';
import type { TableStore } from '../../src/storage/tables.js';
import { ProgramCatalog, ProgramRepository, PROGRAMS_TABLE, parseProgramText } from '../../src/program/index.js';
import { useAzurite } from '../harness/azurite.js';

const storage = useAzurite('catalog');
const freshStore = (): TableStore => storage.store();

function yaml(id: string, title: string, date = '2027-03-02'): string {
  return [
    'program:',
    `  id: ${id}`,
    `  title: "${title}"`,
    '  timezone: Europe/Berlin',
    'sessions:',
    `  - id: erste`,
    `    title: "Erste Sitzung"`,
    `    date: ${date}`,
    `    start: "10:00"`,
    `    end: "11:00"`,
    '',
  ].join('\n');
}

async function contentWith(folders: Record<string, string | undefined>): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'catalog-'));
  for (const [name, text] of Object.entries(folders)) {
    await fs.mkdir(path.join(dir, 'programs', name, 'material'), { recursive: true });
    if (text !== undefined) await fs.writeFile(path.join(dir, 'programs', name, 'program.yaml'), text);
  }
  return dir;
}

function catalog(store: TableStore, contentDir: string) {
  return new ProgramCatalog({ store, clock: new ManualClock('2027-01-10T08:00:00Z'), logger: silentLogger, contentDir });
}

describe('ProgramCatalog', () => {
  it('loads every folder as its own program, each in its own partition', async () => {
    const store = freshStore();
    const dir = await contentWith({ a: yaml('klima', 'Klimaanpassung vor Ort'), b: yaml('daten', 'Daten teilen') });
    const c = catalog(store, dir);
    const outcomes = await c.load();
    expect(outcomes.map((o) => [o.folder, o.programId, o.outcome.kind])).toEqual([
      ['a', 'klima', 'imported'],
      ['b', 'daten', 'imported'],
    ]);
    expect(c.ids()).toEqual(['klima', 'daten']);
    expect(c.only()).toBeUndefined();
    expect(c.dirOf('daten')).toBe(path.join(dir, 'programs', 'b'));
    expect((await new ProgramRepository(store, 'klima').getActive())?.program.program.title).toBe('Klimaanpassung vor Ort');
    // Changing one program's file re-imports that one only.
    await fs.writeFile(path.join(dir, 'programs', 'a', 'program.yaml'), yaml('klima', 'Klimaanpassung', '2027-03-09'));
    const again = await catalog(store, dir).load();
    expect(again.map((o) => o.outcome.kind)).toEqual(['imported', 'unchanged']);
    expect((await new ProgramRepository(store, 'daten').getActive())?.version).toBe(1);
  });

  it('refuses the second folder with an id already taken and keeps the first active', async () => {
    const dir = await contentWith({ a: yaml('klima', 'Erste'), b: yaml('klima', 'Zweite'), c: yaml('daten', 'Daten') });
    const c = catalog(freshStore(), dir);
    const outcomes = await c.load();
    expect(outcomes[1]).toMatchObject({ folder: 'b', programId: 'klima', outcome: { kind: 'refused', reason: 'duplicate-id' } });
    const refused = outcomes[1]!.outcome;
    expect(refused.kind === 'refused' && refused.findings[0]?.code).toBe('duplicate-program-id');
    expect(c.ids()).toEqual(['klima', 'daten']);
    expect(c.get('klima')?.program.title).toBe('Erste');
  });

  it('refuses a folder without YAML or with broken YAML, and runs the others', async () => {
    const store = freshStore();
    const dir = await contentWith({ a: yaml('klima', 'Klima'), b: undefined, c: 'program: [unclosed', d: yaml('daten', 'Daten') });
    const c = catalog(store, dir);
    const outcomes = await c.load();
    expect(outcomes.map((o) => o.outcome.kind)).toEqual(['imported', 'refused', 'refused', 'imported']);
    expect(c.ids()).toEqual(['klima', 'daten']);
    expect(c.status().refusedFolders.map((f) => f.folder)).toEqual(['b', 'c']);
    // A folder that held a program keeps it active when its YAML breaks later, with the refusal recorded.
    await fs.writeFile(path.join(dir, 'programs', 'a', 'program.yaml'), 'program: {id: klima, title: ');
    const later = catalog(store, dir);
    await later.load();
    expect(later.ids()).toEqual(['klima', 'daten']);
    expect(later.status().programs[0]).toMatchObject({ programId: 'klima', title: 'Klima', lastRefusal: { reason: 'invalid-file' } });
  });

  it('drops a program whose folder is gone at the next refresh, keeps its data, and purges it on request', async () => {
    const store = freshStore();
    const dir = await contentWith({ a: yaml('klima', 'Klima'), b: yaml('daten', 'Daten') });
    const c = catalog(store, dir);
    await c.load();
    const removed: string[] = [];
    c.onRemoved((id) => removed.push(id));
    await fs.rm(path.join(dir, 'programs', 'a'), { recursive: true });
    expect(await c.refresh()).toBe(true);
    expect(removed).toEqual(['klima']);
    expect(c.ids()).toEqual(['daten']);
    expect(c.only()?.program.id).toBe('daten');
    expect(await c.inactiveStoredIds()).toEqual(['klima']);
    await expect(c.purgeStored('daten')).rejects.toThrow(/active/);
    await c.purgeStored('klima');
    expect(await c.inactiveStoredIds()).toEqual([]);
    expect((await new ProgramRepository(store, 'daten').getActive())?.version).toBe(1);
  });

  it('serves the single-program layout and moves rows stored by the single-program version', async () => {
    const store = freshStore();
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'catalog-single-'));
    await fs.writeFile(path.join(dir, 'program.yaml'), yaml('klima', 'Klima'));
    // A row as the single-program version stored it: partition "program", with edits made in Teams.
    const program = parseProgramText(yaml('klima', 'In Teams bearbeitet'));
    const json = JSON.stringify(program);
    await (await store.table(PROGRAMS_TABLE)).createEntity({
      partitionKey: 'program',
      rowKey: 'active',
      version: 3,
      programId: 'klima',
      docParts: 1,
      doc0: json,
      importedVersion: 1,
      sequences: '{"erste":0}',
      fingerprints: '{}',
      updatedAt: '2027-01-01T00:00:00.000Z',
      updatedBy: 'aad-coordinator',
    });
    const c = catalog(store, dir);
    const [outcome] = await c.load();
    // The edits made in Teams survive the move: the file is refused, the stored program stays.
    expect(outcome).toMatchObject({ folder: '.', programId: 'klima', outcome: { kind: 'refused', reason: 'edited-since-import' } });
    expect(c.only()?.program.title).toBe('In Teams bearbeitet');
    expect(await ProgramRepository.legacyProgramId(store)).toBeUndefined();
  });

  it('keeps the single program.yaml as a program when programs/ is added beside it', async () => {
    const dir = await contentWith({ b: yaml('daten', 'Daten') });
    await fs.writeFile(path.join(dir, 'program.yaml'), yaml('klima', 'Klima'));
    const c = catalog(freshStore(), dir);
    expect((await c.load()).map((o) => [o.folder, o.programId])).toEqual([
      ['.', 'klima'],
      ['b', 'daten'],
    ]);
    expect(c.dirOf('klima')).toBe(dir);
  });

  it('finds a program by id or by words of its title, and offers a choice when several fit', async () => {
    const dir = await contentWith({ a: yaml('klima', 'Klimaanpassung in Städten'), b: yaml('daten-staedte', 'Daten in Städten'), c: yaml('beteiligung', 'Bürgerbeteiligung') });
    const c = catalog(freshStore(), dir);
    await c.load();
    expect(c.match('klima')).toMatchObject({ kind: 'one', program: { program: { id: 'klima' } } });
    expect(c.match('Bürgerbeteiligung')).toMatchObject({ kind: 'one', program: { program: { id: 'beteiligung' } } });
    expect(c.match('daten')).toMatchObject({ kind: 'one', program: { program: { id: 'daten-staedte' } } });
    const several = c.match('städten');
    expect(several.kind === 'several' && several.candidates.map((p) => p.program.id)).toEqual(['klima', 'daten-staedte']);
    expect(c.match('Haushalt')).toEqual({ kind: 'none' });
  });
});
