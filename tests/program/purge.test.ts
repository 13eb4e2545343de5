// `program purge --program ID` on real Azurite: two programs with data in every table; the one whose folder
// was removed loses all of it (audit trail aside), the other keeps every row.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliContext } from '../../src/cli/types.js';
import { programPurgeCommand } from '../../src/cli/program-purge.js';
import { ManualClock } from '../../src/shared/clock.js';
import { silentLogger } from '../../src/shared/log.js';
import { listAll, type TableStore } from '../../src/storage/tables.js';
import { ProgramCatalog, ProgramRepository } from '../../src/program/index.js';
import { DeliveryJobRepository, TableRecordStore } from '../../src/delivery/index.js';
import { FeedbackRepository } from '../../src/feedback/repository.js';
import { RsvpRepository } from '../../src/announcements/rsvp-repository.js';
import { FaqRepository } from '../../src/faq/repository.js';
import { AttendanceRepository } from '../../src/attendance/index.js';
import { ConversationRegistry, ConversationRepository, FollowerIndex, type ConversationSighting } from '../../src/registry/index.js';
import { AuditRepository } from '../../src/coordination/audit-repository.js';
import { useAzurite } from '../harness/azurite.js';

const storage = useAzurite('purge');
const clock = new ManualClock('2027-03-10T08:00:00Z');
const PROGRAMS = { klima: 'a', daten: 'b' } as const;
type ProgramId = keyof typeof PROGRAMS;

function yaml(id: string): string {
  return ['program:', `  id: ${id}`, `  title: "Reihe ${id}"`, '  timezone: Europe/Berlin', 'sessions:', '  - id: auftakt', '    title: "Auftakt"', '    date: 2027-03-02', '    start: "10:00"', '    end: "11:00"', ''].join('\n');
}

const personal = (n: number): ConversationSighting => ({
  kind: 'personal',
  conversationId: `a:person-${n}`,
  tenantId: 'tenant',
  serviceUrl: 'https://smba.example',
  reference: {},
  userAadObjectId: `aad-${n}`,
  locale: 'de',
});
const team = (n: number): ConversationSighting => ({ kind: 'channel', conversationId: `19:team-${n}`, teamId: `team-${n}`, tenantId: 'tenant', serviceUrl: 'https://smba.example', reference: {} });

/** One program's rows in every table it owns. */
async function seed(store: TableStore, registry: ConversationRegistry, id: ProgramId): Promise<void> {
  const now = clock.now();
  const jobs = new DeliveryJobRepository(store);
  const records = new TableRecordStore(store);
  const specs = [
    { jobId: `ann|${id}|auftakt|P1D`, kind: 'announcement', payload: {}, audience: { purpose: 'announcement' as const, programId: id }, dueAt: new Date('2027-03-01T09:00:00Z'), group: `${id}/auftakt` },
    { jobId: `upd|${id}|auftakt|cancelled`, kind: 'announcement.update', payload: {}, audience: { purpose: 'announcement' as const, programId: id }, dueAt: new Date('2027-03-01T10:00:00Z') },
    { jobId: `feedback-poll:${id}:auftakt`, kind: 'feedback.poll', payload: {}, audience: { purpose: 'broadcast' as const, conversationIds: ['19:meeting_x'] }, dueAt: new Date('2027-03-02T10:00:00Z'), group: `${id}/auftakt` },
    { jobId: `bc|${id}-broadcast`, kind: 'coordination.broadcast', payload: { programId: id }, audience: { purpose: 'broadcast' as const }, dueAt: new Date('2027-03-20T10:00:00Z') },
  ];
  for (const spec of specs) {
    await jobs.create(spec, now);
    await records.create(spec.jobId, { targetKey: `a:person-${id}`, conversationId: `a:person-${id}`, tenantId: 'tenant' }, { status: 'sent' }, now);
  }
  const done = await jobs.get(`ann|${id}|auftakt|P1D`);
  await jobs.write(done!, { status: 'done', finishedAt: now.toISOString() }, now);
  const feedback = new FeedbackRepository(store);
  await feedback.putResponse(id, 'auftakt', 'a'.repeat(64), { rating: 4 }, now);
  await feedback.createPoll(id, 'auftakt', 'timer', now, new Date('2027-03-12T00:00:00Z'));
  await new RsvpRepository(store).set(id, 'auftakt', 'aad-1', true, now);
  const questions = await store.table('FaqQuestions');
  await questions.createEntity({ partitionKey: 'question', rowKey: `q-${id}`, question: 'Wann?', locale: 'de', answered: false, confidence: 0, conversationId: 'a:person-1', askedAt: now.toISOString(), programId: id });
  await new FaqRepository(store).saveVote({ questionId: `q-${id}`, voterId: 'aad-1', helpful: false, votedAt: now.toISOString() });
  await new FaqRepository(store).openEscalation(`q-${id}`, now.toISOString());
  await new FaqRepository(store).saveCurated(id, { id: `c-${id}`, questions: ['Wann?'], answer: 'Dienstags.', createdAt: now.toISOString() });
  await new AttendanceRepository(store).addEvents(id, 'auftakt', `aad-${id}`, [{ kind: 'join', at: now.getTime() }]);
  await registry.link(team(id === 'klima' ? 1 : 2), id);
  await registry.follow(personal(id === 'klima' ? 1 : 2), id);
  await registry.follow(personal(3), id);
}

/** Every row that names a program, per table, as "<table>:<partition>|<row>" (to compare before and after). */
async function rowsOf(store: TableStore, id: ProgramId): Promise<string[]> {
  const out: string[] = [];
  for (const table of ['programs', 'deliveryjobs', 'deliveries', 'deliverydue', 'deliveryprogramjobs', 'feedbackResponses', 'feedbackPolls', 'rsvps', 'FaqQuestions', 'FaqVotes', 'FaqEscalations', 'FaqCurated', 'attendance', 'programFollowers']) {
    for (const row of await listAll<Record<string, unknown>>(await store.table(table))) {
      if (JSON.stringify(row).includes(id)) out.push(`${table}:${row.partitionKey}|${row.rowKey}`);
    }
  }
  return out.sort();
}

async function setUp() {
  const store = storage.store();
  const contentDir = await fs.mkdtemp(path.join(os.tmpdir(), 'purge-'));
  for (const [id, folder] of Object.entries(PROGRAMS)) {
    await fs.mkdir(path.join(contentDir, 'programs', folder), { recursive: true });
    await fs.writeFile(path.join(contentDir, 'programs', folder, 'program.yaml'), yaml(id));
  }
  await new ProgramCatalog({ store, clock, logger: silentLogger, contentDir }).load();
  const registry = new ConversationRegistry({ repository: new ConversationRepository(store), followers: new FollowerIndex(store), clock, logger: silentLogger });
  for (const id of Object.keys(PROGRAMS) as ProgramId[]) await seed(store, registry, id);
  await new AuditRepository(store).record({ actor: 'aad-coordinator', action: 'program.save', outcome: 'ok', target: 'klima' }, clock.now());
  const out: string[] = [];
  const err: string[] = [];
  const answers: boolean[] = [];
  const asked: string[] = [];
  const ctx = (confirm?: boolean): CliContext => ({
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    env: {},
    contentDir,
    storage: async () => store,
    clock,
    ...(confirm === undefined ? {} : { confirm: async (q: string) => (asked.push(q), answers.push(confirm), confirm) }),
  });
  return { store, contentDir, registry, out, err, asked, ctx };
}

describe('program purge', () => {
  it('refuses an active program, an unknown one and a call without --program', async () => {
    const t = await setUp();
    expect(await programPurgeCommand.run(['--program', 'klima', '--yes'], t.ctx())).toBe(1);
    expect(t.err.pop()).toBe('Das Programm „klima“ ist aktiv; erst seinen Ordner entfernen, dann löschen.');
    expect(await programPurgeCommand.run(['--program', 'haushalt', '--yes'], t.ctx())).toBe(2);
    expect(t.err.pop()).toBe('Zu „haushalt“ sind keine Daten eines entfernten Programms gespeichert; es gibt keine.');
    expect(await programPurgeCommand.run(['--yes'], t.ctx())).toBe(2);
    expect(t.err.pop()).toBe('Aufruf: program purge --program ID [--yes]');
    expect((await rowsOf(t.store, 'klima')).length).toBeGreaterThan(0);
  });

  it('without --yes or a terminal it prints what it would delete, deletes nothing and exits 1; a "no" at the prompt neither', async () => {
    const t = await setUp();
    await fs.rm(path.join(t.contentDir, 'programs', 'a'), { recursive: true });
    const before = await rowsOf(t.store, 'klima');
    expect(await programPurgeCommand.run(['--program', 'klima'], t.ctx())).toBe(1);
    expect(t.out.join('\n')).toContain('- 4 Zustellaufträge mit ihren Zustellungen');
    expect(t.out.join('\n')).toContain('- 1 Feedback-Antworten und 1 Umfragen');
    expect(t.out.join('\n')).toContain('- das Programm aus 3 Unterhaltungen');
    expect(t.err.pop()).toBe('Nichts gelöscht. Zum Löschen: program purge --program klima --yes');
    expect(await programPurgeCommand.run(['--program', 'klima'], t.ctx(false))).toBe(1);
    expect(t.asked).toEqual(['Alle Daten des Programms „klima“ löschen? [j/N] ']);
    expect(t.err.pop()).toBe('Nichts gelöscht.');
    expect(await rowsOf(t.store, 'klima')).toEqual(before);
  });

  it('deletes every row of the removed program and none of the other program', async () => {
    const t = await setUp();
    const daten = await rowsOf(t.store, 'daten');
    expect(daten.length).toBeGreaterThan(15);
    await fs.rm(path.join(t.contentDir, 'programs', 'a'), { recursive: true });
    expect(await programPurgeCommand.run(['--program', 'klima'], t.ctx(true))).toBe(0);
    expect(t.out.slice(-4)).toEqual([
      '4 Zustellaufträge und 4 Zustellungen gelöscht.',
      '2 Feedback-Zeilen, 1 Zusagen, 4 FAQ-Zeilen und 1 Teilnahme-Zeilen gelöscht.',
      'Aus 3 Unterhaltungen entfernt.',
      'Programm „klima“ gelöscht.',
    ]);
    expect(await rowsOf(t.store, 'klima')).toEqual([]);
    expect(await rowsOf(t.store, 'daten')).toEqual(daten);
    // Conversations stay registered; they no longer list the purged program.
    const registry = t.registry;
    expect(await registry.programsOf('channel', '19:team-1', 'team-1')).toEqual([]);
    expect(await registry.programsOf('personal', 'a:person-3')).toEqual(['daten']);
    expect((await registry.get('personal', 'a:person-1'))?.unsubscribed).toBe(true);
    expect((await registry.followers('daten')).map((c) => c.conversationId).sort()).toEqual(['19:team-2', 'a:person-2', 'a:person-3']);
    expect(await new ProgramRepository(t.store, 'daten').getActive()).toBeDefined();
    // The audit trail keeps what coordinators did.
    expect((await new AuditRepository(t.store).list({ limit: 10, now: clock.now() })).map((e) => e.target)).toEqual(['klima']);
    // Once purged, the program is no longer among the stored ones.
    expect(await programPurgeCommand.run(['--program', 'klima', '--yes'], t.ctx())).toBe(2);
  });
});
