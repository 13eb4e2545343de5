// Announcements end to end below the Teams layer: planning from a program, the scheduler's ticks, the
// engine's fan-out on real Azurite, "verschoben"/"abgesagt" card updates, the grace window and RSVPs.
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/shared/clock.js';
import { silentLogger } from '../../src/shared/log.js';
import { AppError } from '../../src/shared/errors.js';
import { programSchema, type Program } from '../../src/program/model.js';
import { createDeliveryEngine, MemoryAudience } from '../../src/delivery/index.js';
import { createScheduler } from '../../src/scheduler/index.js';
import { announcementBuilders, createAnnouncementService, type ProgramDirectory, type ProgramSource } from '../../src/announcements/index.js';
import { conversation, FakeConnector } from './fakes.js';
import { useAzurite } from '../harness/azurite.js';
import { broadcastJobSpec, broadcastPayload, coordinationBuilders } from '../../src/coordination/broadcast.js';

const storage = useAzurite('ann');

const BASE_URL = 'https://bot.example.org';

function program(session: Record<string, unknown>, reminders = ['P1D', 'PT1H']): Program {
  return programSchema.parse({
    program: { id: 'datenstrategie', title: 'Stadt, Daten, Strategie', timezone: 'Europe/Berlin', reminders },
    sessions: [{ id: 'governance', title: 'Data Governance Wegweiser', date: '2026-12-16', start: '10:00', end: '12:00', ...session }],
  });
}

function setup(start: string, initial: Program, stored?: ProgramSource['stored']) {
  const clock = new ManualClock(start);
  const store = storage.store();
  const audience = new MemoryAudience([
    conversation('anna'),
    conversation('ben', { locale: 'en' }),
    conversation('carla', { unsubscribed: true }),
    conversation('team-general', { kind: 'channel', teamId: 'team-1', announcementChannelId: 'team-news' }),
  ]);
  const connector = new FakeConnector();
  const engine = createDeliveryEngine({
    store,
    sender: connector.sender(),
    audience,
    builders: { ...announcementBuilders({ publicBaseUrl: BASE_URL }), ...coordinationBuilders() },
    clock,
    logger: silentLogger,
    settings: { maxRps: 1000 },
  });
  let active = initial;
  const programs: ProgramSource = { active: () => active, onChange: () => () => undefined, ...(stored ? { stored } : {}) };
  const service = createAnnouncementService({ engine, store, clock, logger: silentLogger, publicBaseUrl: BASE_URL, programs });
  const scheduler = createScheduler({ engine, logger: silentLogger });
  return { clock, engine, service, scheduler, connector, setProgram: (p: Program) => (active = p) };
}

describe('announcements', () => {
  it('sends the reminder once at its due time to every subscribed conversation, then updates the cards when the session moves and is cancelled', async () => {
    // 16 December 2026, 10:00 Berlin = 09:00Z; it is 07:00Z now, so the P1D reminder is long overdue.
    const p1 = program({});
    const t = setup('2026-12-16T07:00:00.000Z', p1);
    expect(await t.service.sync()).toMatchObject({ created: 2 });
    expect(await t.service.sync()).toMatchObject({ created: 0, retimed: 0 });

    const first = await t.scheduler.tick();
    expect(first.skipped).toEqual(['ann|datenstrategie|governance|P1D']);
    expect(first.started).toEqual([]);
    expect(t.connector.sent).toEqual([]);

    t.clock.set('2026-12-16T07:59:00.000Z');
    expect((await t.scheduler.tick()).started).toEqual([]);
    t.clock.set('2026-12-16T08:00:00.000Z');
    expect((await t.scheduler.tick()).started).toEqual(['ann|datenstrategie|governance|PT1H']);
    expect(t.connector.sent.map((s) => s.conversationId).sort()).toEqual(['anna', 'ben', 'team-news']);
    const ben = t.connector.sent.find((s) => s.conversationId === 'ben')!.message;
    expect(ben.summary).toBe('Reminder: Data Governance Wegweiser, Wednesday, 16 December 2026, 10:00–12:00');
    expect(JSON.stringify(t.connector.sent.find((s) => s.conversationId === 'anna')!.message.card)).toContain('Ich nehme teil');
    expect((await t.scheduler.tick()).started).toEqual([]);

    // Moved to the afternoon: the sent cards say "verschoben"; nothing new is sent now, but the PT1H
    // reminder, sent for 10:00, is planned again for 14:00 (its offset still lies ahead).
    const p2 = program({ start: '14:00', end: '16:00' });
    t.setProgram(p2);
    expect(await t.service.sync(p2, 2)).toMatchObject({ updates: 1, created: 1 });
    expect((await t.engine.jobs.get('ann|datenstrategie|governance|PT1H|2026-12-16T14:00'))?.dueAt).toBe('2026-12-16T12:00:00.000Z');
    await t.scheduler.tick();
    expect(t.connector.updates.map((u) => u.activityId).sort()).toEqual(['act-anna-1', 'act-ben-1', 'act-team-news-1']);
    expect(JSON.stringify(t.connector.updates[0]!.message.card)).toMatch(/VERSCHOBEN|MOVED/);
    expect(t.connector.sent).toHaveLength(3);

    // Cancelled: the same cards say "abgesagt".
    const p3 = program({ start: '14:00', end: '16:00', status: 'cancelled' });
    t.setProgram(p3);
    expect(await t.service.sync(p3, 3)).toMatchObject({ updates: 1 });
    await t.scheduler.tick();
    expect(t.connector.updates).toHaveLength(6);
    expect(t.connector.updates.slice(3).every((u) => /ABGESAGT|CANCELLED/.test(JSON.stringify(u.message.card)))).toBe(true);
    expect(t.connector.sent).toHaveLength(3);

    const report = await t.service.report();
    expect(report.map((r) => [r.jobId, r.status, r.sent, r.skipped])).toEqual([
      ['ann|datenstrategie|governance|P1D', 'skipped', 0, 0],
      ['ann|datenstrategie|governance|PT1H', 'done', 3, 0],
      ['upd|datenstrategie|governance|2026-12-16T14:00-16:00|v2', 'done', 3, 0],
      ['upd|datenstrategie|governance|cancelled|v3', 'done', 3, 0],
      ['ann|datenstrategie|governance|PT1H|2026-12-16T14:00', 'cancelled', 0, 0],
    ]);
  });

  it('a moved session re-times its planned reminders; a cancelled one cancels them', async () => {
    const t = setup('2026-12-01T07:00:00.000Z', program({}));
    await t.service.sync();
    const moved = program({ date: '2026-12-18' });
    expect(await t.service.sync(moved, 2)).toMatchObject({ retimed: 2, updates: 0 });
    expect((await t.engine.jobs.get('ann|datenstrategie|governance|PT1H'))?.dueAt).toBe('2026-12-18T08:00:00.000Z');
    expect(await t.service.sync(program({ date: '2026-12-18', status: 'cancelled' }), 3)).toMatchObject({ cancelled: 2 });
    t.clock.set('2026-12-18T08:00:00.000Z');
    expect((await t.scheduler.tick()).started).toEqual([]);
    expect(t.connector.sent).toEqual([]);
  });

  it('a removed session and a replaced program (another program id) leave no planned send behind', async () => {
    const two = programSchema.parse({
      program: { id: 'datenstrategie', title: 'Stadt, Daten, Strategie', timezone: 'Europe/Berlin', reminders: ['P1D'] },
      sessions: [
        { id: 'governance', title: 'Data Governance Wegweiser', date: '2026-12-16', start: '10:00', end: '12:00' },
        { id: 'abschluss', title: 'Abschluss', date: '2027-01-20', start: '10:00', end: '12:00' },
      ],
    });
    const t = setup('2026-12-01T07:00:00.000Z', two);
    await t.service.sync();
    // Coordinator announcements scheduled for the 15th: one about each session, one of them planned
    // before payloads carried the program id.
    const due = new Date('2026-12-15T08:00:00.000Z');
    await t.engine.jobs.create(broadcastJobSpec(broadcastPayload({ draftId: 'a'.repeat(16), text: 'Zum Abschluss', audience: 'all', sessionId: 'abschluss' }, two), due), t.clock.now());
    const { programId: _old, ...legacy } = broadcastPayload({ draftId: 'b'.repeat(16), text: 'Zur Governance', audience: 'all', sessionId: 'governance' }, two);
    await t.engine.jobs.create(broadcastJobSpec(legacy, due), t.clock.now());
    const planned = async () => (await t.engine.jobs.list({ statuses: ['planned'] })).map((j) => j.jobId).sort();
    expect(await planned()).toEqual(['ann|datenstrategie|abschluss|P1D', 'ann|datenstrategie|governance|P1D', `bc|${'a'.repeat(16)}`, `bc|${'b'.repeat(16)}`]);

    const one = { ...two, sessions: two.sessions.slice(0, 1) };
    t.setProgram(one);
    await t.service.sync(one, 2);
    expect(await planned()).toEqual(['ann|datenstrategie|governance|P1D', `bc|${'b'.repeat(16)}`]);
    expect(await t.engine.jobs.get(`bc|${'a'.repeat(16)}`)).toMatchObject({ status: 'cancelled', reason: 'session-removed' });

    // program.yaml now describes another program: nothing of the previous one may still go out.
    const other = programSchema.parse({
      program: { id: 'zweite-staffel', title: 'Zweite Staffel', timezone: 'Europe/Berlin', reminders: ['P1D'] },
      sessions: [{ id: 'start', title: 'Start', date: '2027-02-10', start: '10:00', end: '12:00' }],
    });
    t.setProgram(other);
    expect(await t.service.sync(other, 3)).toMatchObject({ created: 1, cancelled: 2 });
    expect(await planned()).toEqual(['ann|zweite-staffel|start|P1D']);
    expect(await t.engine.jobs.get('ann|datenstrategie|governance|P1D')).toMatchObject({ status: 'cancelled', reason: 'program-removed' });
    t.clock.set('2026-12-15T09:00:00.000Z');
    expect((await t.scheduler.tick()).started).toEqual([]);
    expect(t.connector.sent).toEqual([]);
  });

  it('a planned announcement about a session follows it: moved, it shows the new date; cancelled, it is not sent', async () => {
    const t = setup('2026-12-01T07:00:00.000Z', program({ joinUrl: 'https://teams.example/alt' }));
    await t.service.sync();
    const jobId = `bc|${'c'.repeat(16)}`;
    const payload = broadcastPayload({ draftId: 'c'.repeat(16), text: 'Bitte vorbereiten', audience: 'all', sessionId: 'governance' }, program({ joinUrl: 'https://teams.example/alt' }));
    await t.engine.jobs.create(broadcastJobSpec(payload, new Date('2026-12-10T08:00:00.000Z')), t.clock.now());

    const moved = program({ date: '2026-12-18', start: '14:00', end: '15:30', joinUrl: 'https://teams.example/neu' });
    t.setProgram(moved);
    await t.service.sync(moved, 2);
    expect(await t.engine.jobs.get(jobId)).toMatchObject({
      status: 'planned',
      dueAt: '2026-12-10T08:00:00.000Z',
      payload: { programId: 'datenstrategie', session: { date: '2026-12-18', start: '14:00', end: '15:30', joinUrl: 'https://teams.example/neu' } },
    });
    t.clock.set('2026-12-10T08:00:00.000Z');
    await t.scheduler.tick();
    expect(JSON.stringify(t.connector.sent)).toContain('https://teams.example/neu');
    expect(JSON.stringify(t.connector.sent)).not.toContain('https://teams.example/alt');

    const t2 = setup('2026-12-01T07:00:00.000Z', program({}));
    await t2.engine.jobs.create(broadcastJobSpec(broadcastPayload({ draftId: 'd'.repeat(16), text: 'Bis bald', audience: 'all', sessionId: 'governance' }, program({})), new Date('2026-12-10T08:00:00.000Z')), t2.clock.now());
    const cancelled = program({ status: 'cancelled' });
    t2.setProgram(cancelled);
    await t2.service.sync(cancelled, 2);
    expect(await t2.engine.jobs.get(`bc|${'d'.repeat(16)}`)).toMatchObject({ status: 'cancelled', reason: 'session-cancelled' });
  });

  it('a sync from an outdated program (another instance stored a new one) changes nothing', async () => {
    let stored = { programId: 'datenstrategie', version: 1 };
    const p1 = program({});
    const t = setup('2026-12-01T07:00:00.000Z', p1, async () => stored);
    await t.service.sync(p1, 1);
    // Instance B imports another program and retires P1's reminders.
    const p2 = programSchema.parse({
      program: { id: 'zweite-staffel', title: 'Zweite Staffel', timezone: 'Europe/Berlin', reminders: ['P1D'] },
      sessions: [{ id: 'start', title: 'Start', date: '2027-02-10', start: '10:00', end: '12:00' }],
    });
    stored = { programId: 'zweite-staffel', version: 2 };
    t.setProgram(p2);
    await t.service.sync(p2, 2);
    const statuses = async () => Object.fromEntries((await t.engine.jobs.list()).map((j) => [j.jobId, j.status]));
    const afterB = await statuses();
    expect(afterB).toMatchObject({ 'ann|datenstrategie|governance|P1D': 'cancelled', 'ann|zweite-staffel|start|P1D': 'planned' });
    // Instance A still holds P1: its plan would revive P1 and retire P2. It is dropped.
    expect(await t.service.sync(p1, 1)).toEqual({ created: 0, retimed: 0, revived: 0, cancelled: 0, updates: 0 });
    expect(await statuses()).toEqual(afterB);
    // The same program, but an older version than the one stored (a session moved since): dropped too.
    stored = { programId: 'zweite-staffel', version: 3 };
    const p2moved = { ...p2, sessions: [{ ...p2.sessions[0]!, date: '2027-02-17' }] };
    expect(await t.service.sync(p2moved, 2)).toMatchObject({ retimed: 0 });
    expect(await statuses()).toEqual(afterB);
  });

  it('at start-up with a program whose sessions are all past, everything is skipped and nothing is sent', async () => {
    const past = programSchema.parse({
      program: { id: 'datenstrategie', title: 'Stadt, Daten, Strategie' },
      sessions: [
        { id: 'auftakt', title: 'Auftaktveranstaltung', date: '2025-08-26', start: '10:00', end: '12:00' },
        { id: 'wie-anfangen', title: 'Wie fange ich an?', date: '2025-09-25', start: '10:00', end: '12:00' },
        { id: 'finalisierung', title: 'Finalisierung', date: '2025-11-18', start: '10:00', end: '12:00' },
      ],
    });
    const t = setup('2026-11-25T12:00:00.000Z', past);
    expect(await t.service.sync()).toMatchObject({ created: 9 });
    const tick = await t.scheduler.tick();
    expect(tick.skipped).toHaveLength(9);
    expect(t.connector.sent).toEqual([]);
    expect((await t.service.report()).every((r) => r.status === 'skipped')).toBe(true);
  });

  it('RSVP counts once per person and answers with that person\'s card', async () => {
    const t = setup('2026-12-01T07:00:00.000Z', program({}));
    const first = await t.service.rsvp({ sessionId: 'governance', aadObjectId: 'aad-anna', locale: 'de' });
    const again = await t.service.rsvp({ sessionId: 'governance', aadObjectId: 'aad-anna', locale: 'de' });
    expect(JSON.stringify(first)).toContain('1 Zusage');
    expect(JSON.stringify(again)).toContain('1 Zusage');
    const ben = await t.service.rsvp({ sessionId: 'governance', aadObjectId: 'aad-ben', locale: 'en' });
    expect(JSON.stringify(ben)).toContain('2 attending');
    const withdrawn = await t.service.rsvp({ sessionId: 'governance', aadObjectId: 'aad-anna', locale: 'de', attending: false });
    expect(JSON.stringify(withdrawn)).toContain('1 Zusage');
    expect(JSON.stringify(withdrawn)).toContain('Ich nehme teil');
    await expect(t.service.rsvp({ sessionId: 'nope', aadObjectId: 'aad-anna', locale: 'de' })).rejects.toMatchObject({ code: 'announcement.unknownSession' });
    await expect(t.service.rsvp({ sessionId: 'governance', aadObjectId: undefined, locale: 'de' })).rejects.toBeInstanceOf(AppError);
  });
});

describe('announcements of several programs', () => {
  it('plans every program for its own audience, plans again only what changed, and retires a removed program alone', async () => {
    const clock = new ManualClock('2026-12-01T07:00:00.000Z');
    const store = storage.store();
    const engine = createDeliveryEngine({ store, sender: new FakeConnector().sender(), audience: new MemoryAudience([]), builders: announcementBuilders({ publicBaseUrl: BASE_URL }), clock, logger: silentLogger });
    const alpha = program({});
    const beta = programSchema.parse({ ...alpha, program: { ...alpha.program, id: 'beta' } });
    const active = new Map([['datenstrategie', alpha], ['beta', beta]]);
    const removed = new Set<(id: string) => void>();
    const directory: ProgramDirectory = {
      ids: () => [...active.keys()],
      get: (id) => active.get(id),
      service: () => undefined,
      onChange: () => () => undefined,
      onRemoved: (listener) => {
        removed.add(listener);
        return () => removed.delete(listener);
      },
    };
    const service = createAnnouncementService({ engine, store, clock, logger: silentLogger, publicBaseUrl: BASE_URL, programs: directory });
    const unwatch = service.watch();
    expect(await service.sync()).toMatchObject({ created: 4 });
    const planned = await engine.jobs.list({ statuses: ['planned'] });
    expect(planned.map((j) => [j.jobId, j.audience.programId]).sort()).toEqual([
      ['ann|beta|governance|P1D', 'beta'],
      ['ann|beta|governance|PT1H', 'beta'],
      ['ann|datenstrategie|governance|P1D', 'datenstrategie'],
      ['ann|datenstrategie|governance|PT1H', 'datenstrategie'],
    ]);

    // Nothing changed: the next tick's sync does not read the job table at all.
    const list = engine.jobs.list.bind(engine.jobs);
    let reads = 0;
    engine.jobs.list = (filter) => {
      reads++;
      return list(filter);
    };
    expect(await service.sync()).toEqual({ created: 0, retimed: 0, revived: 0, cancelled: 0, updates: 0 });
    expect(reads).toBe(0);

    // beta's folder is removed: its planned reminders are cancelled, datenstrategie's stay.
    active.delete('beta');
    for (const listener of removed) listener('beta');
    await service.sync();
    const statuses = Object.fromEntries((await engine.jobs.list()).map((j) => [j.jobId, `${j.status}${j.reason ? `:${j.reason}` : ''}`]));
    expect(statuses).toEqual({
      'ann|beta|governance|P1D': 'cancelled:program-removed',
      'ann|beta|governance|PT1H': 'cancelled:program-removed',
      'ann|datenstrategie|governance|P1D': 'planned',
      'ann|datenstrategie|governance|PT1H': 'planned',
    });
    unwatch();
  });
});
