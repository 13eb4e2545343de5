// Attendance on real Azurite: minutes from joins and leaves that repeat, arrive out of order or after
// meetingEnd; two instances applying the same events concurrently; a 1,000-person event; members without an
// Entra id and strangers; deletion on request, retention and a program's purge.
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { AttendanceRepository, createAttendanceService, type AttendanceService, type MeetingMember, type ParticipantEvent } from '../../src/attendance/index.js';
import { MAX_EVENTS_PER_PERSON } from '../../src/attendance/presence.js';
import { silentLogger, type Logger } from '../../src/shared/log.js';
import { TableStore } from '../../src/storage/tables.js';
import * as A from '../harness/activities.js';
import { useAzurite } from '../harness/azurite.js';

const storage = useAzurite('attend');

const P = 'werkstatt-programm';
const member = (n: number): MeetingMember => ({ userId: A.user(n).id, aadObjectId: A.user(n).aadObjectId, name: A.user(n).name });
const id = (n: number) => A.user(n).aadObjectId;
const join = (at: string, ...people: number[]): ParticipantEvent => ({ name: 'participantJoin', members: people.map(member), at: new Date(at) });
const leave = (at: string, ...people: number[]): ParticipantEvent => ({ name: 'participantLeave', members: people.map(member), at: new Date(at) });
const t = (hhmm: string) => `2026-12-16T${hhmm}:00Z`;

function service(store: TableStore, options: { known?: (aad: string) => boolean; logger?: Logger } = {}): AttendanceService {
  return createAttendanceService({
    repository: new AttendanceRepository(store),
    logger: options.logger ?? silentLogger,
    knownUser: async (aad) => (options.known ? options.known(aad) : true),
  });
}

/** A second process on the same storage account: its own TableStore and clients. */
function sameTables(store: TableStore): TableStore {
  return new TableStore(store.target, store.prefix);
}

function capture(): { logger: Logger; lines: () => Record<string, unknown>[]; raw: () => string } {
  const out: string[] = [];
  const logger = pino({ level: 'info' }, new Writable({ write: (chunk, _enc, done) => (out.push(String(chunk)), done()) }));
  return { logger, lines: () => out.map((l) => JSON.parse(l) as Record<string, unknown>), raw: () => out.join('\n') };
}

describe('attendance minutes', () => {
  it('counts each attendee from join to leave, a join without leave until meetingEnd', async () => {
    const a = service(storage.store());
    await a.meetingStarted(P, 's1', new Date(t('09:00')));
    await a.record(P, 's1', join(t('09:00'), 1));
    await a.record(P, 's1', join(t('09:15'), 2));
    await a.record(P, 's1', leave(t('10:30'), 1));
    await a.meetingEnded(P, 's1', new Date(t('11:00')));
    expect(await a.summary(P, 's1')).toEqual({ attendees: 2, minutesMedian: 98, minutesTotal: 90 + 105 });
    expect(await a.attendees(P, 's1')).toEqual([id(1), id(2)].sort());
    expect(await a.hasAttendance(P, 's1')).toBe(true);
    expect(await a.hasAttendance(P, 'other')).toBe(false);
    expect(await a.summary(P, 'other')).toEqual({ attendees: 0, minutesMedian: 0, minutesTotal: 0 });
  });

  it('gives the same minutes when events repeat, arrive in reverse, or after meetingEnd', async () => {
    const a = service(storage.store());
    const events = [join(t('09:00'), 1, 2), leave(t('09:40'), 1), join(t('09:50'), 1), leave(t('10:20'), 2)];
    // Everything arrives after meetingEnd, newest first, and twice.
    await a.meetingEnded(P, 's1', new Date(t('11:00')));
    for (const event of [...events].reverse()) await a.record(P, 's1', event);
    for (const event of events) await a.record(P, 's1', event);
    await a.meetingStarted(P, 's1', new Date(t('09:00')));
    await a.meetingStarted(P, 's1', new Date(t('09:00')));
    // 1: 09:00–09:40 and 09:50–11:00 (meeting end) = 110; 2: 09:00–10:20 = 80.
    expect(await a.summary(P, 's1')).toEqual({ attendees: 2, minutesMedian: 95, minutesTotal: 190 });
  });

  it('a repeated event writes nothing', async () => {
    const store = storage.store();
    const repository = new AttendanceRepository(store);
    const at = Date.parse(t('09:00'));
    expect(await repository.addEvents(P, 's1', id(1), [{ kind: 'join', at }])).toEqual({ changed: true, overflow: 0 });
    expect(await repository.addEvents(P, 's1', id(1), [{ kind: 'join', at }])).toEqual({ changed: false, overflow: 0 });
    expect(await repository.addEvents(P, 's1', id(1).toUpperCase(), [{ kind: 'join', at }])).toEqual({ changed: false, overflow: 0 });
  });

  it('keeps at most MAX_EVENTS_PER_PERSON events of a person, the earliest ones', async () => {
    const repository = new AttendanceRepository(storage.store());
    const at = Date.parse(t('09:00'));
    const flood = Array.from({ length: MAX_EVENTS_PER_PERSON + 1 }, (_, i) => ({ kind: i % 2 ? ('leave' as const) : ('join' as const), at: at + i * 1000 }));
    expect(await repository.addEvents(P, 's1', id(1), flood)).toEqual({ changed: true, overflow: 1 });
    const stored = (await repository.getSession(P, 's1')).people[0]!.events;
    expect(stored).toEqual(flood.slice(0, MAX_EVENTS_PER_PERSON));
    expect(await repository.addEvents(P, 's1', id(1), [{ kind: 'join', at: at - 1000 }])).toEqual({ changed: true, overflow: 1 });
    expect((await repository.getSession(P, 's1')).people[0]!.events[0]).toEqual({ kind: 'join', at: at - 1000 });
  });

  it('clips to the meeting: a join before its start counts from the start, time after its end not at all', async () => {
    const a = service(storage.store());
    await a.meetingStarted(P, 's1', new Date(t('09:00')));
    await a.meetingEnded(P, 's1', new Date(t('10:00')));
    await a.record(P, 's1', join(t('08:50'), 1));
    await a.record(P, 's1', leave(t('10:30'), 1));
    // 3 joined only after the end (the events arrived late, their timestamps say when): not an attendee.
    await a.record(P, 's1', join(t('10:10'), 3));
    expect(await a.summary(P, 's1')).toEqual({ attendees: 1, minutesMedian: 60, minutesTotal: 60 });
  });

  it('a leave without a join counts from the meeting start; without a known start, the person attended 0 minutes', async () => {
    const withStart = service(storage.store());
    await withStart.meetingStarted(P, 's1', new Date(t('09:00')));
    await withStart.record(P, 's1', leave(t('09:45'), 1));
    expect(await withStart.summary(P, 's1')).toEqual({ attendees: 1, minutesMedian: 45, minutesTotal: 45 });
    const withoutStart = service(storage.store());
    await withoutStart.record(P, 's1', leave(t('09:45'), 1));
    expect(await withoutStart.summary(P, 's1')).toEqual({ attendees: 1, minutesMedian: 0, minutesTotal: 0 });
  });

  it('without a meetingEnd an open presence lasts until the last event the session heard of', async () => {
    const a = service(storage.store());
    await a.meetingStarted(P, 's1', new Date(t('09:00')));
    await a.record(P, 's1', join(t('09:00'), 1, 2));
    await a.record(P, 's1', leave(t('09:30'), 2));
    expect(await a.summary(P, 's1')).toEqual({ attendees: 2, minutesMedian: 30, minutesTotal: 60 });
    // A restarted meeting (meetingStart after meetingEnd) runs on: the earlier end no longer clips it.
    await a.meetingEnded(P, 's1', new Date(t('10:00')));
    expect(await a.summary(P, 's1')).toEqual({ attendees: 2, minutesMedian: 45, minutesTotal: 90 });
    await a.meetingStarted(P, 's1', new Date(t('10:15')));
    await a.record(P, 's1', join(t('10:15'), 2));
    await a.record(P, 's1', leave(t('10:45'), 2));
    // 1: 09:00 until the last event, 10:45 = 105; 2: 09:00–09:30 and 10:15–10:45 = 60; median (105 + 60) / 2 rounded.
    expect(await a.summary(P, 's1')).toEqual({ attendees: 2, minutesMedian: 83, minutesTotal: 105 + 60 });
  });
});

describe('two instances', () => {
  it('receiving the same events concurrently keep one row per person with the right minutes', async () => {
    const store = storage.store();
    const [a, b] = [service(store), service(sameTables(store))];
    const events: Array<(s: AttendanceService) => Promise<unknown>> = [
      (s) => s.meetingStarted(P, 's1', new Date(t('09:00'))),
      (s) => s.meetingEnded(P, 's1', new Date(t('11:00'))),
      (s) => s.record(P, 's1', join(t('09:00'), 1, 2, 3, 4)),
      (s) => s.record(P, 's1', leave(t('09:20'), 1)),
      (s) => s.record(P, 's1', join(t('09:30'), 1)),
      (s) => s.record(P, 's1', leave(t('10:00'), 1, 2)),
      (s) => s.record(P, 's1', join(t('10:10'), 5)),
      (s) => s.record(P, 's1', leave(t('10:40'), 3)),
      (s) => s.record(P, 's1', leave(t('10:50'), 5)),
    ];
    // Each instance gets every event twice; the four streams interleave.
    const stream = (s: AttendanceService, order: number[]) => Promise.all(order.map((i) => events[i]!(s)));
    await Promise.all([
      stream(a, [0, 1, 2, 3, 4, 5, 6, 7, 8]),
      stream(b, [8, 7, 6, 5, 4, 3, 2, 1, 0]),
      stream(a, [4, 2, 8, 0, 6, 1, 3, 5, 7]),
      stream(b, [5, 3, 1, 7, 0, 8, 2, 6, 4]),
    ]);
    // 1: 09:00–09:20 + 09:30–10:00 = 50; 2: 60; 3: 100; 4: until the end, 120; 5: 40.
    const expected = { attendees: 5, minutesMedian: 60, minutesTotal: 50 + 60 + 100 + 120 + 40 };
    expect(await a.summary(P, 's1')).toEqual(expected);
    expect(await b.summary(P, 's1')).toEqual(expected);
    const client = await store.table('attendance');
    const rows = [];
    for await (const row of client.listEntities()) rows.push(row);
    expect(rows).toHaveLength(5 + 1);
  });
});

describe('bad input', () => {
  it('records a whole 1,000-person meeting from one event each way', async () => {
    const a = service(storage.store());
    const people = Array.from({ length: 1000 }, (_, i) => 1000 + i);
    await a.meetingStarted(P, 'gross', new Date(t('09:00')));
    expect(await a.record(P, 'gross', join(t('09:00'), ...people))).toEqual({ recorded: 1000, withoutId: 0, unknown: 0 });
    await a.record(P, 'gross', leave(t('10:00'), ...people));
    expect(await a.summary(P, 'gross')).toEqual({ attendees: 1000, minutesMedian: 60, minutesTotal: 60_000 });
  });

  it('drops members without an Entra id and people the registry does not know, and logs counts only', async () => {
    const log = capture();
    const known = new Set([id(1), id(2)]);
    const a = service(storage.store(), { known: (aad) => known.has(aad), logger: log.logger });
    const guest: MeetingMember = { userId: '29:guest', name: 'Gast Geheimname', inMeeting: true };
    const stranger: MeetingMember = { userId: '29:forged', aadObjectId: '00000000-0000-4000-8000-0000deadbeef', name: 'Fremd Geheimname' };
    const outcome = await a.record(P, 's1', { name: 'participantJoin', at: new Date(t('09:00')), members: [member(1), guest, stranger, member(2), member(1)] });
    expect(outcome).toEqual({ recorded: 2, withoutId: 1, unknown: 1 });
    expect(await a.attendees(P, 's1')).toEqual([id(1), id(2)].sort());
    expect(log.lines().find((l) => l.event === 'attendance.recorded')).toMatchObject({ members: 5, recorded: 2, withoutId: 1, unknown: 1 });
    expect(log.raw()).not.toContain('Geheimname');
    expect(log.raw()).not.toContain('deadbeef');
  });

  it('a forged event with only strangers leaves no attendance at all', async () => {
    const a = service(storage.store(), { known: () => false });
    await a.record(P, 's1', join(t('09:00'), 1, 2));
    expect(await a.hasAttendance(P, 's1')).toBe(false);
    expect(await a.trend(P, ['s1'])).toEqual([{ sessionId: 's1', attendees: 0 }]);
  });

  it('refuses an event without a valid time', async () => {
    const a = service(storage.store());
    await expect(a.record(P, 's1', { ...join(t('09:00'), 1), at: new Date('kaputt') })).rejects.toMatchObject({ code: 'attendance-invalid-time' });
  });
});

describe('reading and deleting', () => {
  it('gives the attendee trend of a series', async () => {
    const a = service(storage.store());
    await a.record(P, 's1', join(t('09:00'), 1, 2, 3));
    await a.record(P, 's2', join(t('09:00'), 1, 2));
    expect(await a.trend(P, ['s1', 's2', 's3'])).toEqual([
      { sessionId: 's1', attendees: 3 },
      { sessionId: 's2', attendees: 2 },
      { sessionId: 's3', attendees: 0 },
    ]);
  });

  it('"meine daten löschen" removes the person from every session of every program, nobody else', async () => {
    const a = service(storage.store());
    await a.record(P, 's1', join(t('09:00'), 1, 2));
    await a.record('anderes-programm', 'x', join(t('09:00'), 1));
    expect(await a.deleteByUser(id(1).toUpperCase())).toBe(2);
    expect(await a.attendees(P, 's1')).toEqual([id(2)]);
    expect(await a.hasAttendance('anderes-programm', 'x')).toBe(false);
    expect(await a.deleteByUser(id(1))).toBe(0);
  });

  it('retention deletes whole sessions whose latest event is older than the cutoff', async () => {
    const a = service(storage.store());
    await a.meetingStarted(P, 'alt', new Date('2025-03-01T09:00:00Z'));
    await a.record(P, 'alt', join('2025-03-01T09:00:00Z', 1, 2));
    await a.record(P, 'alt', leave('2025-03-01T10:00:00Z', 1));
    await a.record(P, 'neu', join(t('09:00'), 1));
    expect(await a.deleteOlderThan(new Date('2026-01-01T00:00:00Z'))).toBe(1);
    expect(await a.hasAttendance(P, 'alt')).toBe(false);
    expect(await a.attendees(P, 'neu')).toEqual([id(1)]);
    expect(await a.deleteOlderThan(new Date('2026-01-01T00:00:00Z'))).toBe(0);
  });

  it('purging a program removes its sessions and leaves a program whose id starts the same', async () => {
    const a = service(storage.store());
    await a.meetingStarted('daten', 's1', new Date(t('09:00')));
    await a.record('daten', 's1', join(t('09:00'), 1));
    await a.record('daten', 's2', join(t('09:00'), 2));
    await a.record('daten-2', 's1', join(t('09:00'), 3));
    await a.record('daten 2', 's1', join(t('09:00'), 4));
    expect(await a.purgeProgram('daten')).toBe(3);
    expect(await a.trend('daten', ['s1', 's2'])).toEqual([{ sessionId: 's1', attendees: 0 }, { sessionId: 's2', attendees: 0 }]);
    expect(await a.attendees('daten-2', 's1')).toEqual([id(3)]);
    expect(await a.attendees('daten 2', 's1')).toEqual([id(4)]);
  });
});
