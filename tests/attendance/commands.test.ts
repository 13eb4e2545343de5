// The attendance commands and lines: `teilnahme <Termin>` with counts, median and the series trend (names only
// with `attendance: named`), `keine nachholhinweise` / `nachholhinweise` in a personal chat, the lines for status,
// results and the retrospective, and the privacy duties (deletion, retention, purge).
import { describe, expect, it } from 'vitest';
import type { ParticipantEvent } from '../../src/attendance/index.js';
import { ManualClock } from '../../src/shared/clock.js';
import { FakeConnector } from '../delivery/fakes.js';
import * as A from '../harness/activities.js';
import { useAzurite } from '../harness/azurite.js';
import { meeting, meetingStart } from './activities.js';
import { Catalog, enroll, instance, personalTurn, program, SERVICE_URL } from './feature-harness.js';

const storage = useAzurite('attcmd');
const [u1, u2, u3] = [A.user(1), A.user(2), A.user(3)];
const reihe = meeting('reihe');

const catalog = () =>
  new Catalog([
    program('werkstatt', [
      { id: 'auftakt', date: '2026-12-02' },
      { id: 'vertiefung', date: '2026-12-16', joinUrl: reihe.joinUrl },
      { id: 'abschluss', date: '2027-01-13' },
    ]),
    program('benannt', [{ id: 'b1', date: '2026-12-09' }], { attendance: 'named' }),
  ]);

const event = (name: ParticipantEvent['name'], at: string, ...people: A.UserRef[]): ParticipantEvent => ({
  name,
  at: new Date(at),
  members: people.map((p) => ({ userId: p.id, aadObjectId: p.aadObjectId })),
});

async function setup() {
  const clock = new ManualClock('2026-12-20T12:00:00Z');
  const store = storage.store();
  const a = instance(store, catalog(), clock, new FakeConnector(), { [u1.aadObjectId]: 'Ada Eins' });
  await enroll(a.registry, [u1, u2, u3], ['werkstatt', 'benannt']);
  const s = a.attendance;
  await s.record('werkstatt', 'auftakt', event('participantJoin', '2026-12-02T09:00:00Z', u1, u2, u3));
  await s.record('werkstatt', 'auftakt', event('participantLeave', '2026-12-02T10:00:00Z', u1, u2, u3));
  await s.record('werkstatt', 'vertiefung', event('participantJoin', '2026-12-16T09:00:00Z', u1, u2));
  await s.record('werkstatt', 'vertiefung', event('participantLeave', '2026-12-16T09:30:00Z', u1));
  await s.record('werkstatt', 'vertiefung', event('participantLeave', '2026-12-16T10:30:00Z', u2));
  await s.record('benannt', 'b1', event('participantJoin', '2026-12-09T09:00:00Z', u1, u2));
  return { clock, store, a };
}

const text = (messages: { text?: string }[]) => messages.map((m) => m.text ?? '').join('\n');

describe('teilnahme <Termin>', () => {
  it('shows a program coordinator the attendance of their own programs only', async () => {
    const { store, clock } = await setup();
    const coordinatorOfBenannt = instance(store, catalog(), clock, new FakeConnector(), {}, { [u2.aadObjectId]: ['benannt'] });
    expect(text(await coordinatorOfBenannt.feature.commands.attendance(personalTurn(u2), 'vertiefung --program werkstatt'))).toContain('Kein Programm passt');
    expect(text(await coordinatorOfBenannt.feature.commands.attendance(personalTurn(u2), 'b1 --program benannt'))).toContain('2 Personen haben teilgenommen');
    expect(text(await coordinatorOfBenannt.feature.commands.attendance(personalTurn(u3), 'b1 --program benannt'))).toContain('Kein Programm passt');
  });

  it('counts, median and the series trend, without names when the program counts only', async () => {
    const { a } = await setup();
    const answer = text(await a.feature.commands.attendance(personalTurn(u1), 'vertiefung'));
    expect(answer).toContain('**Teilnahme: Termin vertiefung**');
    expect(answer).toContain('2 Personen haben teilgenommen, im Median 60 Minuten (zusammen 120 Minuten).');
    expect(answer).toContain('Teilnahme im Verlauf: Termin auftakt 3 → Termin vertiefung 2');
    expect(answer).toContain('attendance: named');
    expect(answer).not.toContain('Ada Eins');
  });

  it('names those present when the program sets attendance: named, and counts those without a known name', async () => {
    const { a } = await setup();
    const answer = text(await a.feature.commands.attendance(personalTurn(u1), 'b1 --program benannt'));
    expect(answer).toContain('- Ada Eins');
    expect(answer).toContain('1 weitere Person ohne bekannten Namen');
  });

  it('without a session: the series of the named program, or the question which program', async () => {
    const { a } = await setup();
    expect(text(await a.feature.commands.attendance(personalTurn(u1), ''))).toContain('`--program <id>`');
    const series = text(await a.feature.commands.attendance(personalTurn(u1, 'en'), '--program werkstatt'));
    expect(series.split('\n')).toEqual([
      '**Attendance: Programm werkstatt**',
      '',
      'Termin auftakt: 3 people present',
      'Termin vertiefung: 2 people present',
      'Attendance over the series: Termin auftakt 3 → Termin vertiefung 2',
    ]);
    expect(text(await a.feature.commands.attendance(personalTurn(u1), 'gibtsnicht --program werkstatt'))).toContain('Einen Termin „gibtsnicht“ finde ich nicht.');
  });
});

describe('catch-up opt-out', () => {
  it('sets and clears the registry flag of the personal chat; elsewhere it explains where', async () => {
    const { a } = await setup();
    const id = A.personalConversationId(u2);
    await a.feature.commands.noCatchUp(personalTurn(u2), '');
    expect((await a.registry.get('personal', id))?.catchUpOff).toBe(true);
    // Removing and adding the app again keeps the choice.
    await a.registry.uninstall('personal', id);
    expect(await a.registry.install(personalTurn(u2).conversation)).toBe(true);
    expect((await a.registry.get('personal', id))?.catchUpOff).toBe(true);
    await a.feature.commands.catchUp(personalTurn(u2), '');
    expect((await a.registry.get('personal', id))?.catchUpOff).toBeUndefined();
    const group = { ...personalTurn(u2), conversation: { kind: 'groupChat' as const, conversationId: reihe.chat, tenantId: A.TENANT_ID, serviceUrl: SERVICE_URL, reference: {} } };
    expect(text(await a.feature.commands.noCatchUp(group, ''))).toContain('im persönlichen Chat');
    expect(await a.registry.get('groupChat', reihe.chat)).toBeUndefined();
  });
});

describe('attendance lines for status, results and the retrospective', () => {
  it('per session with data, the response rate relative to attendees, and the trend', async () => {
    const { a } = await setup();
    const sessions = [
      { id: 'auftakt', title: 'Auftakt' },
      { id: 'vertiefung', title: 'Vertiefung' },
      { id: 'abschluss', title: 'Abschluss' },
    ];
    expect(await a.feature.summaryLines('werkstatt', sessions, 'de', { auftakt: 2, vertiefung: 2 })).toEqual([
      'Auftakt: 3 Personen anwesend; 2 von 3 Anwesenden haben geantwortet (67 %)',
      'Vertiefung: 2 Personen anwesend; 2 von 2 Anwesenden haben geantwortet (100 %)',
      'Teilnahme im Verlauf: Auftakt 3 → Vertiefung 2',
    ]);
    expect(await a.feature.summaryLines('werkstatt', sessions.slice(2), 'de')).toEqual([]);
  });
});

describe('privacy', () => {
  it('deletes a person everywhere, old sessions with their meeting-chat records, and a whole program', async () => {
    const { store, a } = await setup();
    await a.send(meetingStart('2026-12-16T09:00:00Z', u1, undefined, reihe));
    expect(await a.feature.deleteByUser(u1.aadObjectId)).toBe(3);
    expect(await a.attendance.attendees('werkstatt', 'auftakt')).toEqual([u2.aadObjectId, u3.aadObjectId].sort());

    expect(await a.feature.deleteOlderThan(new Date('2026-12-10T00:00:00Z'))).toBe(2);
    expect(await a.attendance.hasAttendance('werkstatt', 'auftakt')).toBe(false);
    expect(await a.attendance.hasAttendance('werkstatt', 'vertiefung')).toBe(true);
    const chats = async () => {
      const rows = [];
      for await (const row of (await store.table('attendanceChats')).listEntities()) rows.push(row);
      return rows;
    };
    expect(await chats()).toHaveLength(1);
    expect(await a.feature.purgeProgram('werkstatt')).toBe(1 + 1 + 1);
    expect(await a.attendance.hasAttendance('werkstatt', 'vertiefung')).toBe(false);
    expect(await chats()).toHaveLength(0);
  });
});
