// `feedback export` and `feedback purge` through the CliCommand contract, on real Azurite.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import type { CliContext } from '../../src/cli/types.js';
import { feedbackCliCommands, FeedbackService, PollLifecycle } from '../../src/feedback/index.js';
import { ManualClock } from '../../src/shared/clock.js';
import { aadId, testProgram } from './fixtures.js';
import { useAzurite } from '../harness/azurite.js';

const storage = useAzurite('fcli');
let contentDir: string;
beforeAll(async () => {
  contentDir = await fs.mkdtemp(path.join(os.tmpdir(), 'feedback-cli-'));
  await fs.writeFile(path.join(contentDir, 'program.yaml'), stringify(testProgram()), 'utf8');
});
afterAll(async () => {
  await fs.rm(contentDir, { recursive: true, force: true });
});

const command = (name: string) => feedbackCliCommands.find((c) => c.name === name)!;

async function withVotes() {
  const store = storage.store();
  const program = testProgram();
  const clock = new ManualClock('2025-12-16T11:05:00Z');
  await new PollLifecycle({ store, program, clock }).openPoll('data-governance', 'timer');
  const service = new FeedbackService({ store, program, clock });
  await service.submitVote({ responderAadId: aadId(1), locale: 'de', data: { sessionId: 'data-governance', rating: 5, good: 'Übersichtlich, klar' } });
  await service.submitVote({ responderAadId: aadId(2), locale: 'de', data: { sessionId: 'data-governance', rating: 3, better: 'Mehr "Praxis"' } });
  const out: string[] = [];
  const err: string[] = [];
  const ctx: CliContext = {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    env: {},
    contentDir,
    storage: async () => store,
    clock,
  };
  return { ctx, out, err, service };
}

describe('feedback export', () => {
  it('writes CSV with BOM and no ids, and JSON', async () => {
    const { ctx, out } = await withVotes();
    expect(await command('feedback export').run(['--session', 'data-governance', '--format', 'csv'], ctx)).toBe(0);
    const csv = out.join('');
    expect(csv.startsWith('\uFEFFsession,')).toBe(true);
    expect(csv).toContain('"Übersichtlich, klar"');
    expect(csv).toContain('"Mehr ""Praxis"""');
    expect(csv).not.toContain(aadId(1));
    expect(csv).not.toMatch(/[0-9a-f]{64}/);

    out.length = 0;
    expect(await command('feedback export').run(['--session=data-governance', '--format=json'], ctx)).toBe(0);
    const doc = JSON.parse(out.join(''));
    expect(doc.count).toBe(2);
    expect(doc.average).toBe(4);
  });

  it('writes the exact bytes to --out', async () => {
    const { ctx, err } = await withVotes();
    const file = path.join(contentDir, 'export.csv');
    expect(await command('feedback export').run(['--session', 'data-governance', '--out', file], ctx)).toBe(0);
    const bytes = await fs.readFile(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('Übersichtlich');
    expect(bytes.toString('utf8').split('\r\n')).toHaveLength(4); // header, 2 rows, final empty
    expect(err.join('')).toContain('2 Antworten');
  });

  it('explains wrong calls with exit code 2', async () => {
    const { ctx, err } = await withVotes();
    expect(await command('feedback export').run([], ctx)).toBe(2);
    expect(await command('feedback export').run(['--session', 'sommerfest'], ctx)).toBe(2);
    expect(err.join('\n')).toContain('Unbekannter Termin „sommerfest“');
    expect(await command('feedback export').run(['--session', 'auftakt', '--format', 'xlsx'], ctx)).toBe(2);
    expect(err.join('\n')).toContain('Unbekanntes Format „xlsx“');
  });

  it('refuses unknown options, options without a value and stray arguments instead of ignoring them', async () => {
    const { ctx, out, err } = await withVotes();
    const file = path.join(contentDir, 'not-written.csv');
    expect(await command('feedback export').run(['--session', 'data-governance', '--ouput', file], ctx)).toBe(2);
    expect(err.pop()).toBe('Unbekannte Option --ouput.\nAufruf: feedback export --session ID --format csv|json [--out DATEI] [--program ID]');
    expect(await command('feedback export').run(['--session', 'data-governance', '--out'], ctx)).toBe(2);
    expect(err.pop()).toContain('--out braucht einen Wert.');
    expect(await command('feedback export').run(['data-governance'], ctx)).toBe(2);
    expect(err.pop()).toContain('Unerwartetes Argument „data-governance“.');
    expect(out).toEqual([]);
    await expect(fs.access(file)).rejects.toThrow();
  });
});

describe('feedback purge', () => {
  it('deletes responses older than --days', async () => {
    const { ctx, out, service } = await withVotes();
    (ctx.clock as ManualClock).set('2027-01-01T00:00:00Z');
    expect(await command('feedback purge').run(['--days', '400'], ctx)).toBe(0);
    expect(out.pop()).toBe('0 Antworten gelöscht, die älter als 400 Tage waren.');
    expect(await command('feedback purge').run([], ctx)).toBe(0);
    expect(out.pop()).toBe('2 Antworten gelöscht, die älter als 365 Tage waren.');
    expect((await service.sessionResults('data-governance'))?.count).toBe(0);
    expect(await command('feedback purge').run(['--days', 'viele'], ctx)).toBe(2);
  });

  it('refuses a mistyped option or a bare number instead of purging with the default', async () => {
    const { ctx, out, err, service } = await withVotes();
    (ctx.clock as ManualClock).set('2027-01-01T00:00:00Z');
    expect(await command('feedback purge').run(['--day', '30'], ctx)).toBe(2);
    expect(err.pop()).toBe('Unbekannte Option --day.\nAufruf: feedback purge [--days 365]');
    expect(await command('feedback purge').run(['30'], ctx)).toBe(2);
    expect(err.pop()).toContain('Unerwartetes Argument „30“.');
    expect(out).toEqual([]);
    expect((await service.sessionResults('data-governance'))?.count).toBe(2);
  });
});
