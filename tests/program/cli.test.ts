// The program CLI commands, called directly with a fake CliContext; `program export` against real Azurite.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { CliContext } from '../../src/cli/types.js';
import { programCliCommands } from '../../src/program/cli.js';
import { ProgramService } from '../../src/program/service.js';
import { parseProgramText } from '../../src/program/load.js';
import { ManualClock } from '../../src/shared/clock.js';
import { silentLogger } from '../../src/shared/log.js';
import { startAzurite, type AzuriteHandle } from '../../src/storage/azurite.js';
import { TableStore } from '../../src/storage/tables.js';

let azurite: AzuriteHandle | undefined;
let storeCount = 0;
const clock = new ManualClock('2025-08-01T08:00:00Z');

afterAll(async () => {
  await azurite?.stop();
});

async function storage(): Promise<TableStore> {
  azurite ??= await startAzurite();
  storeCount += 1;
  return new TableStore({ kind: 'connectionString', connectionString: azurite.connectionString }, `cli${storeCount}`);
}

interface Run {
  code: number;
  out: string;
  err: string;
}

async function run(line: string[], overrides: Partial<CliContext> = {}): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const ctx: CliContext = {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    env: {},
    contentDir: path.resolve('content'),
    storage: () => storage(),
    clock,
    ...overrides,
  };
  const twoWords = programCliCommands.find((c) => c.name === `${line[0]} ${line[1]}`);
  const command = twoWords ?? programCliCommands.find((c) => c.name === line[0]);
  if (!command) throw new Error(`no command ${line[0]}`);
  const code = await command.run(line.slice(twoWords ? 2 : 1), ctx);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

let tmp: string;
beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'program-cli-'));
});

async function dirWith(yaml: string): Promise<string> {
  const dir = await fs.mkdtemp(path.join(tmp, 'content-'));
  await fs.writeFile(path.join(dir, 'program.yaml'), yaml);
  return dir;
}

describe('lint', () => {
  it('finds the default content clean', async () => {
    const r = await run(['lint']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/program\.yaml: keine Befunde\.$/);
    const json = await run(['lint', '--json']);
    expect(JSON.parse(json.out)).toEqual({ ok: true, findings: [] });
  });

  it('prints findings with suggestions and exits 1 on errors', async () => {
    const dir = await dirWith(await fs.readFile('tests/program/lint/sessions-out-of-order.yaml', 'utf8'));
    const r = await run(['lint', '--content', dir]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('Fehler [weekday-mismatch] Termin dez: Als „Dienstag“ angekündigt, aber der 16.12.2026 ist ein Mittwoch.');
    expect(r.out).toContain('    Vorschlag: 16.12.2025 ist ein Dienstag');
    expect(r.out).toContain('2 Fehler, 0 Warnungen.');
  });

  it('exits 0 on warnings only, with ok: true', async () => {
    const dir = await dirWith(await fs.readFile('tests/program/lint/ambiguous-local-time.yaml', 'utf8'));
    const r = await run(['lint', `--content=${dir}`, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ ok: true, findings: [{ code: 'ambiguous-local-time', severity: 'warning' }] });
  });

  it('names file, line and field for an invalid file, without a stack trace', async () => {
    const seed = await fs.readFile('content/program.yaml', 'utf8');
    const dir = await dirWith(seed.replace('date: 2025-11-18', 'date: 2025-11-31'));
    const r = await run(['lint', '--content', dir]);
    expect(r.code).toBe(1);
    const line = seed.split('\n').findIndex((l) => l.includes('date: 2025-11-18')) + 1;
    expect(r.err).toBe(`${path.join(dir, 'program.yaml')}:${line}: sessions.2.date: not a calendar date`);
    expect(r.err).not.toMatch(/\n\s+at /);
    const json = await run(['lint', '--content', dir, '--json']);
    expect(JSON.parse(json.out)).toEqual({
      ok: false,
      findings: [],
      error: { file: path.join(dir, 'program.yaml'), line, field: 'sessions.2.date', message: 'not a calendar date' },
    });
  });

  it('reports YAML syntax errors and missing files', async () => {
    const broken = await run(['lint', '--content', await dirWith('program:\n  id: x\n  title: [unclosed\n')]);
    expect(broken.code).toBe(1);
    expect(broken.err).toMatch(/program\.yaml:\d+: YAML syntax error/);
    const missing = await run(['lint', '--content', path.join(tmp, 'nowhere')]);
    expect(missing).toMatchObject({ code: 1, err: `${path.join(tmp, 'nowhere', 'program.yaml')}: file not found` });
  });

  it('rejects unknown options', async () => {
    const r = await run(['lint', '--fix']);
    expect(r.code).toBe(2);
    expect(r.err).toBe('Unbekannte Option --fix. Aufruf: lint [--content DIR] [--json]');
  });
});

describe('import-announcement', () => {
  it('--json gives the draft and the seed problems', async () => {
    const r = await run(['import-announcement', 'tests/program/announcements/seed.txt', '--json']);
    expect(r.code).toBe(1);
    const { draft, findings } = JSON.parse(r.out) as { draft: { sessions: { id: string }[] }; findings: { code: string; sessionId?: string }[] };
    expect(draft.sessions).toHaveLength(5);
    expect(findings.map((f) => f.code)).toEqual(['weekday-mismatch', 'weekday-mismatch', 'sessions-out-of-order', 'session-count-mismatch']);
    const ids = draft.sessions.map((s) => s.id);
    for (const f of findings) if (f.sessionId) expect(ids).toContain(f.sessionId);
  });

  it('--out writes a program.yaml that loads, with the findings as comments', async () => {
    const out = path.join(tmp, 'draft.yaml');
    const r = await run(['import-announcement', 'tests/program/announcements/markdown-list.md', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`Entwurf geschrieben: ${out}`);
    const text = await fs.readFile(out, 'utf8');
    expect(text.startsWith('# Entwurf aus markdown-list.md')).toBe(true);
    const program = parseProgramText(text, out);
    expect(program.sessions.map((s) => s.date)).toEqual(['2027-03-03', '2027-03-17', '2027-04-14', '2027-05-05']);

    const seedOut = path.join(tmp, 'seed.yaml');
    await run(['import-announcement', 'tests/program/announcements/seed.txt', `--out=${seedOut}`]);
    expect(await fs.readFile(seedOut, 'utf8')).toContain('# Fehler [weekday-mismatch] Termin data-governance-wegweiser:');
  });

  it('prints YAML and findings without --json, and explains an unreadable file', async () => {
    const r = await run(['import-announcement', 'tests/program/announcements/shared-time.txt']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('id: portale-im-vergleich');
    expect(r.out).toContain('start: "10:00"');
    expect(r.out).toContain('0 Fehler, 0 Warnungen.');
    const missing = await run(['import-announcement', path.join(tmp, 'nope.txt')]);
    expect(missing).toMatchObject({ code: 1, err: `${path.join(tmp, 'nope.txt')}: kann nicht gelesen werden (ENOENT).` });
    expect((await run(['import-announcement'])).code).toBe(2);
  });
});

describe('program export', () => {
  it('writes the stored program as YAML, and says so when there is none', async () => {
    const store = await storage();
    const empty = await run(['program', 'export'], { storage: async () => store });
    expect(empty).toMatchObject({ code: 1, err: 'Es ist noch kein Programm gespeichert.' });

    const svc = new ProgramService({ programId: 'stadt-daten-strategie', store, clock, logger: silentLogger });
    await svc.importFromContent(path.resolve('content'));
    const r = await run(['program', 'export'], { storage: async () => store });
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toBe('# stadt-daten-strategie, version 1, 2025-08-01T08:00:00.000Z (content)');
    expect(parseProgramText(r.out)).toEqual(svc.active());
  });
});

describe('program import', () => {
  it('takes an exported program back as the new baseline, then imports the next change of the file', async () => {
    const store = await storage();
    const svc = new ProgramService({ programId: 'stadt-daten-strategie', store, clock, logger: silentLogger });
    await svc.importFromContent(path.resolve('content'));
    await svc.save({ ...svc.active()!, program: { ...svc.active()!.program, title: 'In Teams bearbeitet' } }, 'aad-coordinator');
    const exported = await run(['program', 'export'], { storage: async () => store });
    const dir = await dirWith(exported.out);
    const adopted = await run(['program', 'import', '--content', dir], { storage: async () => store });
    expect(adopted).toMatchObject({ code: 0, err: '' });
    expect(adopted.out).toContain('entspricht dem gespeicherten Programm „stadt-daten-strategie“ (Version 2)');
    await fs.writeFile(path.join(dir, 'program.yaml'), exported.out.replace('title: In Teams bearbeitet', 'title: Danach in der Datei'));
    const next = await run(['program', 'import', '--content', dir], { storage: async () => store });
    expect(next).toMatchObject({ code: 0, out: 'Programm „stadt-daten-strategie“ importiert (Version 3).' });
  });
});
