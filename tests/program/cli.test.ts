// The program CLI commands, called directly with a fake CliContext; `program export` against real Azurite.
// With several program folders: every command that acts on one program through `--program`, via runCli.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { CliContext } from '../../src/cli/types.js';
import { programCliCommands } from '../../src/program/cli.js';
import { ProgramService } from '../../src/program/service.js';
import { makeDocx, makePdf, makePptx } from '../../scripts/faq-make-documents.js';
import { parseProgramText } from '../../src/program/load.js';
import { ManualClock } from '../../src/shared/clock.js';
import { silentLogger } from '../../src/shared/log.js';
import { startAzurite, type AzuriteHandle } from '../../src/storage/azurite.js';
import { TableStore } from '../../src/storage/tables.js';
import { runCli } from '../../src/cli/main.js';
import { FollowerIndex } from '../../src/registry/index.js';
import { DeliveryJobRepository } from '../../src/delivery/index.js';

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
    expect(r.out).toMatch(/^Programm „stadt-daten-strategie“ \(.*program\.yaml\):\n.*program\.yaml: keine Befunde\.$/);
    const json = await run(['lint', '--json']);
    expect(JSON.parse(json.out)).toEqual({
      ok: true,
      findings: [],
      programs: [{ programId: 'stadt-daten-strategie', folder: '.', file: path.resolve('content', 'program.yaml'), ok: true }],
      errors: [],
    });
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
    const error = { file: path.join(dir, 'program.yaml'), line, field: 'sessions.2.date', message: 'not a calendar date' };
    expect(JSON.parse(json.out)).toEqual({
      ok: false,
      findings: [],
      programs: [{ programId: null, folder: '.', file: path.join(dir, 'program.yaml'), ok: false }],
      errors: [{ folder: '.', ...error }],
      error,
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

  it('reads a Word file, a PDF and slides, and names a damaged or protected one in German', async () => {
    const lines = ['# Werkstattreihe Beschaffung', 'Alle Termine finden jeweils von 10 bis 11:30 Uhr statt.', 'Di., 12.01.2027: Auftakt', 'Di., 09.02.2027: Abschluss'];
    const files: [string, Buffer][] = [
      ['ankuendigung.docx', await makeDocx(lines)],
      ['ankuendigung.pdf', makePdf([lines.map((l) => l.replace(/^# /, ''))])],
      ['ankuendigung.pptx', await makePptx([{ title: 'Werkstattreihe Beschaffung', lines: lines.slice(1) }])],
    ];
    for (const [name, bytes] of files) {
      const file = path.join(tmp, name);
      await fs.writeFile(file, bytes);
      const r = await run(['import-announcement', file, '--json']);
      const { draft } = JSON.parse(r.out) as { draft: { sessions: { date: string; start: string; end: string }[] } };
      expect(draft.sessions.map((s) => [s.date, s.start, s.end]), name).toEqual([
        ['2027-01-12', '10:00', '11:30'],
        ['2027-02-09', '10:00', '11:30'],
      ]);
    }
    const damaged = await run(['import-announcement', 'tests/faq/fixtures/documents/kaputt.docx']);
    expect(damaged).toMatchObject({ code: 1, err: 'tests/faq/fixtures/documents/kaputt.docx: kann nicht gelesen werden (beschädigt oder nicht lesbar).' });
    const locked = await run(['import-announcement', 'tests/faq/fixtures/documents/geschuetzt.pdf']);
    expect(locked.err).toContain('passwortgeschützt');
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

describe('several programs', () => {
  const yamlOf = (id: string, title: string, session: string) =>
    [
      'program:',
      `  id: ${id}`,
      `  title: "${title}"`,
      '  timezone: Europe/Berlin',
      'sessions:',
      `  - id: ${session}`,
      `    title: "${title} Auftakt"`,
      '    date: 2027-03-02',
      '    start: "10:00"',
      '    end: "11:00"',
      '',
    ].join('\n');

  /** programs/a = klima, programs/b = daten; `extra` adds folders (e.g. a duplicate id). */
  async function severalPrograms(extra: Record<string, string> = {}): Promise<string> {
    const dir = await fs.mkdtemp(path.join(tmp, 'several-'));
    const folders = { a: yamlOf('klima', 'Klimaanpassung', 'klima-auftakt'), b: yamlOf('daten', 'Daten teilen', 'daten-auftakt'), ...extra };
    for (const [name, yaml] of Object.entries(folders)) {
      await fs.mkdir(path.join(dir, 'programs', name, 'material'), { recursive: true });
      await fs.writeFile(path.join(dir, 'programs', name, 'program.yaml'), yaml);
    }
    return dir;
  }

  let prefixes = 0;
  async function cli(contentDir: string, prefix: string, ...args: string[]): Promise<Run> {
    azurite ??= await startAzurite();
    const out: string[] = [];
    const err: string[] = [];
    const env = { STORAGE_CONNECTION_STRING: azurite.connectionString, TABLE_PREFIX: prefix, CONTENT_DIR: contentDir };
    const code = await runCli(args, { out: (s) => out.push(s), err: (s) => err.push(s) }, env);
    return { code, out: out.join('\n'), err: err.join('\n') };
  }
  const prefix = () => `several${++prefixes}`;

  it('lint lints every folder, marks a second folder with a taken id, and gives every finding its program', async () => {
    const dir = await severalPrograms({ c: yamlOf('klima', 'Noch einmal Klima', 'zweiter'), d: 'program: [unclosed' });
    const json = await cli(dir, prefix(), 'lint', '--json');
    expect(json.code).toBe(1);
    const report = JSON.parse(json.out);
    expect(report.programs.map((p: { programId: string | null; folder: string; ok: boolean }) => [p.folder, p.programId, p.ok])).toEqual([
      ['a', 'klima', true],
      ['b', 'daten', true],
      ['c', 'klima', false],
      ['d', null, false],
    ]);
    expect(report.findings).toEqual([expect.objectContaining({ programId: 'klima', folder: 'c', code: 'duplicate-program-id', severity: 'error' })]);
    expect(report.errors.map((e: { folder: string }) => e.folder)).toEqual(['d']);

    const text = await cli(dir, prefix(), 'lint');
    expect(text.code).toBe(1);
    const lines = text.out.split('\n');
    const header = (folder: string, id: string) => lines.indexOf(`Programm „${id}“ (${path.join(dir, 'programs', folder, 'program.yaml')}):`);
    expect(header('a', 'klima')).toBeGreaterThanOrEqual(0);
    expect(lines[header('c', 'klima') + 1]).toMatch(/^Fehler \[duplicate-program-id\] .*programs\/c\/program\.yaml hat die Programm-ID „klima“/);
    expect(text.err).toMatch(/programs\/d\/program\.yaml:\d+: /);
  });

  it('status lists every program with its sessions and followers, and a refused folder', async () => {
    const dir = await severalPrograms({ c: 'program: [unclosed' });
    const p = prefix();
    expect((await cli(dir, p, 'program', 'import')).code).toBe(1);
    const store = new TableStore({ kind: 'connectionString', connectionString: azurite!.connectionString }, p);
    const followers = new FollowerIndex(store);
    await followers.add('klima', { kind: 'personal', conversationId: 'a:one' });
    await followers.add('klima', { kind: 'personal', conversationId: 'a:two' });
    await followers.add('daten', { kind: 'personal', conversationId: 'a:two' });
    const status = await cli(dir, p, 'status', '--json');
    expect(status.code).toBe(0);
    const parsed = JSON.parse(status.out);
    expect(parsed.programs).toEqual([
      { id: 'klima', title: 'Klimaanpassung', sessions: 1, conversations: 2 },
      { id: 'daten', title: 'Daten teilen', sessions: 1, conversations: 1 },
    ]);
    expect(parsed.program).toBeNull();
    expect(parsed.conversations).toBe(0);
    expect(parsed.refusedFolders).toEqual([{ folder: 'c', message: expect.stringContaining('programs/c/program.yaml') }]);
    const text = await cli(dir, p, 'status');
    expect(text.out).toContain('Programs:       2');
    expect(text.out).toContain('  klima: Klimaanpassung (version 1, 1 sessions, 2 conversations, folder a)');
    expect(text.out).toContain('  daten: Daten teilen (version 1, 1 sessions, 1 conversations, folder b)');
    expect(text.out).toMatch(/Refused folder: c: .*programs\/c\/program\.yaml/);
  });

  it('import-announcement --program with a new id and --out drafts a new program into its folder', async () => {
    const dir = await severalPrograms();
    const out = path.join(dir, 'programs', 'c', 'program.yaml');
    await fs.mkdir(path.dirname(out), { recursive: true });
    const drafted = await cli(dir, prefix(), 'import-announcement', 'tests/program/announcements/markdown-list.md', '--program', 'bauakte', '--out', out);
    expect(drafted.out).toContain(`Entwurf geschrieben: ${out}`);
    expect(parseProgramText(await fs.readFile(out, 'utf8'), out).program.id).toBe('bauakte');
    // Without --out a new id has no folder to go to; an id that is no valid program id is refused too.
    expect((await cli(dir, prefix(), 'import-announcement', 'tests/program/announcements/markdown-list.md', '--program', 'haushalt')).err).toContain('haushalt');
    expect((await cli(dir, prefix(), 'import-announcement', 'tests/program/announcements/markdown-list.md', '--program', 'Bau Akte', '--out', out)).code).not.toBe(0);
  });

  it('program import prints one line per folder; --program imports that one only', async () => {
    const dir = await severalPrograms();
    const p = prefix();
    const one = await cli(dir, p, 'program', 'import', '--program', 'daten');
    expect(one).toMatchObject({ code: 0, out: 'Programm „daten“ importiert (Version 1).' });
    const all = await cli(dir, p, 'program', 'import');
    expect(all.code).toBe(0);
    expect(all.out.split('\n')).toEqual(['Programm „klima“ importiert (Version 1).', expect.stringContaining('Programm „daten“ bleibt bei Version 1')]);
    const unknown = await cli(dir, p, 'program', 'import', '--program', 'haushalt');
    expect(unknown).toMatchObject({ code: 2, err: 'Unbekanntes Programm „haushalt“. Vorhanden: klima, daten.' });
  });

  it('program export, feedback export, deliveries and ask refuse without --program, and act on the one named', async () => {
    const dir = await severalPrograms();
    const p = prefix();
    await cli(dir, p, 'program', 'import');
    const several = 'Es gibt mehrere Programme; bitte eines mit --program wählen: klima, daten.';
    for (const args of [['program', 'export'], ['feedback', 'export', '--session', 'klima-auftakt'], ['deliveries'], ['ask', 'Wann ist der Auftakt?']]) {
      const r = await cli(dir, p, ...args);
      expect(r.code, args.join(' ')).toBe(args[0] === 'deliveries' ? 64 : 2);
      expect(r.err.split('\n')[0], args.join(' ')).toBe(several);
      const unknown = await cli(dir, p, ...args, '--program', 'haushalt');
      expect(unknown.err.split('\n')[0], args.join(' ')).toBe('Unbekanntes Programm „haushalt“. Vorhanden: klima, daten.');
    }
    const exported = await cli(dir, p, 'program', 'export', '--program', 'daten');
    expect(exported.code).toBe(0);
    expect(parseProgramText(exported.out).program.id).toBe('daten');
    const feedback = await cli(dir, p, 'feedback', 'export', '--session', 'daten-auftakt', '--format', 'json', '--program', 'daten');
    expect(feedback.code).toBe(0);
    expect(JSON.parse(feedback.out)).toMatchObject({ count: 0 });
    const wrongSession = await cli(dir, p, 'feedback', 'export', '--session', 'daten-auftakt', '--program', 'klima');
    expect(wrongSession.code).toBe(2);
    const asked = await cli(dir, p, 'ask', '--json', '--now', '2027-02-01T10:00:00+01:00', '--program', 'klima', 'Wann ist der nächste Termin?');
    expect(asked.code).toBe(0);
    const answer = JSON.parse(asked.out) as { answer: string };
    expect(answer.answer).toContain('Klimaanpassung Auftakt');
    expect(answer.answer).not.toContain('Daten teilen');
  });

  it('deliveries --program shows that program’s jobs only, a removed program’s too', async () => {
    const dir = await severalPrograms();
    const p = prefix();
    await cli(dir, p, 'program', 'import');
    const store = new TableStore({ kind: 'connectionString', connectionString: azurite!.connectionString }, p);
    const jobs = new DeliveryJobRepository(store);
    const spec = (jobId: string, programId?: string) => ({
      jobId,
      kind: 'announcement',
      payload: {},
      audience: { purpose: 'announcement' as const, ...(programId ? { programId } : {}) },
      dueAt: new Date('2027-03-01T09:00:00Z'),
    });
    await jobs.create(spec('ann|klima|klima-auftakt|P1D'), clock.now());
    await jobs.create(spec('bc|0000000000000001', 'daten'), clock.now());
    await jobs.create({ ...spec('feedback-poll:daten:daten-auftakt'), group: 'daten/daten-auftakt' }, clock.now());
    const ids = async (...args: string[]) => (JSON.parse((await cli(dir, p, 'deliveries', '--json', ...args)).out) as Array<{ jobId: string }>).map((r) => r.jobId).sort();
    expect(await ids('--program', 'klima')).toEqual(['ann|klima|klima-auftakt|P1D']);
    expect(await ids('--program', 'daten')).toEqual(['bc|0000000000000001', 'feedback-poll:daten:daten-auftakt']);
    await fs.rm(path.join(dir, 'programs', 'a'), { recursive: true });
    expect(await ids('--program', 'klima')).toEqual(['ann|klima|klima-auftakt|P1D']);
    // With one program left, no option is needed and every job shows, as before there were several.
    expect(await ids()).toHaveLength(3);
  });

  it('import-announcement --program drafts that program into its folder and never over another program', async () => {
    const dir = await severalPrograms();
    const p = prefix();
    const target = path.join(dir, 'programs', 'b', 'program.yaml');
    const wrote = await cli(dir, p, 'import-announcement', 'tests/program/announcements/markdown-list.md', '--program', 'daten');
    expect(wrote.code).toBe(0);
    expect(wrote.out).toContain(`Entwurf geschrieben: ${target}`);
    const draft = parseProgramText(await fs.readFile(target, 'utf8'), target);
    expect(draft.program.id).toBe('daten');
    expect(draft.sessions.map((s) => s.date)).toEqual(['2027-03-03', '2027-03-17', '2027-04-14', '2027-05-05']);

    const klimaFile = path.join(dir, 'programs', 'a', 'program.yaml');
    const before = await fs.readFile(klimaFile, 'utf8');
    const mismatch = await cli(dir, p, 'import-announcement', 'tests/program/announcements/markdown-list.md', '--program', 'daten', '--out', klimaFile);
    expect(mismatch).toMatchObject({ code: 1, err: `${klimaFile} gehört zum Programm „klima“, nicht zu „daten“; der Entwurf wurde nicht geschrieben.` });
    const unnamed = await cli(dir, p, 'import-announcement', 'tests/program/announcements/markdown-list.md', '--out', klimaFile);
    expect(unnamed).toMatchObject({ code: 2, err: 'Es gibt mehrere Programme; bitte eines mit --program wählen: klima, daten.' });
    expect(await fs.readFile(klimaFile, 'utf8')).toBe(before);
    // A new program's folder is no program's file yet: drafting it needs no --program.
    const fresh = path.join(dir, 'programs', 'neu', 'program.yaml');
    await fs.mkdir(path.dirname(fresh), { recursive: true });
    expect((await cli(dir, p, 'import-announcement', 'tests/program/announcements/markdown-list.md', '--out', fresh)).code).toBe(0);
  });
});
