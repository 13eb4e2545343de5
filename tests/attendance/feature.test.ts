// Meeting events as Teams sends them (the activity shapes, through the Teams app) reach the session they
// belong to: by the join link's thread id across programs, by a coordinator's link of the chat, and in a
// recurring meeting's shared chat by the meetingStart's time. Two instances receiving the same events repeated
// and interleaved keep one record.
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/shared/clock.js';
import { FakeConnector } from '../delivery/fakes.js';
import * as A from '../harness/activities.js';
import { useAzurite } from '../harness/azurite.js';
import { JOIN_URL, meeting, meetingEnd, meetingStart, participantEvent } from './activities.js';
import { Catalog, enroll, instance, program, SERVICE_URL, users } from './feature-harness.js';

const storage = useAzurite('attfeat');
const organizer = A.user(1);
const [u1, u2, u3] = [A.user(1), A.user(2), A.user(3)];
const aad = (...people: A.UserRef[]) => people.map((p) => p.aadObjectId).sort();

const quartier = meeting('quartier');
const reihe = meeting('reihe');
const catalog = () =>
  new Catalog([
    program('werkstatt', [
      { id: 'auftakt', date: '2026-12-02', joinUrl: meeting('auftakt').joinUrl },
      { id: 'vertiefung', date: '2026-12-16', joinUrl: JOIN_URL },
    ]),
    program('quartier', [{ id: 'q1', date: '2026-12-16', start: '14:00', end: '16:00' }, { id: 'q2', date: '2027-01-20' }]),
    program('reihe', [
      { id: 'r1', date: '2026-12-03', joinUrl: reihe.joinUrl },
      { id: 'r2', date: '2026-12-10', joinUrl: reihe.joinUrl },
    ]),
  ]);

function setup(people = 3) {
  const store = storage.store();
  const clock = new ManualClock('2026-12-16T08:00:00Z');
  const connector = new FakeConnector();
  const cat = catalog();
  const a = instance(store, cat, clock, connector);
  return { store, clock, connector, cat, a, b: () => instance(store, cat, clock, connector), enrolled: enroll(a.registry, users(1, people), ['werkstatt', 'quartier', 'reihe']) };
}

describe('which session a meeting belongs to', () => {
  it('a meeting linked through its join link: the events through the Teams app record that program\'s session', async () => {
    const { a, enrolled } = setup();
    await enrolled;
    await a.send(meetingStart('2026-12-16T09:01:00Z', organizer));
    await a.send(participantEvent('Join', [u1, u2], '2026-12-16T09:02:00Z', organizer));
    await a.send(participantEvent('Leave', [u2], '2026-12-16T10:00:00Z', organizer));
    await a.send(meetingEnd('2026-12-16T11:00:00Z', organizer));
    expect(a.outcomes.map((o) => o.kind)).toEqual(['started', 'recorded', 'recorded', 'ended']);
    expect(a.outcomes[0]).toEqual({ kind: 'started', programId: 'werkstatt', sessionId: 'vertiefung', by: 'thread' });
    expect(a.outcomes[1]).toMatchObject({ outcome: { recorded: 2, withoutId: 0, unknown: 0 } });
    expect(a.outcomes[3]).toMatchObject({ kind: 'ended', programId: 'werkstatt', session: { id: 'vertiefung' } });
    // 1: 09:02–11:00 = 118; 2: 09:02–10:00 = 58.
    expect(await a.attendance.summary('werkstatt', 'vertiefung')).toEqual({ attendees: 2, minutesMedian: 88, minutesTotal: 176 });
    expect(await a.attendance.hasAttendance('werkstatt', 'auftakt')).toBe(false);
  });

  it('another through the chat\'s meetingSession link; before the link its events are logged and ignored', async () => {
    const { a, enrolled } = setup();
    await enrolled;
    await a.send(participantEvent('Join', [u1], '2026-12-16T13:05:00Z', organizer, quartier));
    expect(a.outcomes).toEqual([{ kind: 'ignored', reason: 'unknown-meeting' }]);
    expect(await a.attendance.hasAttendance('quartier', 'q1')).toBe(false);

    const chat = { kind: 'groupChat' as const, conversationId: quartier.chat, tenantId: A.TENANT_ID, serviceUrl: SERVICE_URL, reference: {} };
    await a.registry.linkMeetingSession(chat, 'quartier/q1');
    await a.send(meetingStart('2026-12-16T13:00:00Z', organizer, undefined, quartier));
    await a.send(participantEvent('Join', [u1, u3], '2026-12-16T13:05:00Z', organizer, quartier));
    await a.send(meetingEnd('2026-12-16T15:05:00Z', organizer, undefined, quartier));
    expect(a.outcomes.slice(1)).toMatchObject([
      { kind: 'started', programId: 'quartier', sessionId: 'q1', by: 'link' },
      { kind: 'recorded', programId: 'quartier', sessionId: 'q1', by: 'link' },
      { kind: 'ended', programId: 'quartier', sessionId: 'q1', by: 'link' },
    ]);
    expect(await a.attendance.attendees('quartier', 'q1')).toEqual(aad(u1, u3));
  });

  it('a recurring chat: each meetingStart picks its session by time, and the chat\'s later events follow it', async () => {
    const { a, enrolled } = setup();
    await enrolled;
    // First occurrence, 3 December.
    await a.send(meetingStart('2026-12-03T09:00:00Z', organizer, undefined, reihe));
    await a.send(participantEvent('Join', [u1], '2026-12-03T09:01:00Z', organizer, reihe));
    await a.send(meetingEnd('2026-12-03T10:30:00Z', organizer, undefined, reihe));
    // Second occurrence: a join that outran its meetingStart goes by its own time; the meeting then overruns
    // far beyond the session's window, and its late events stay with the session its meetingStart chose.
    await a.send(participantEvent('Join', [u2], '2026-12-10T08:58:00Z', organizer, reihe));
    await a.send(meetingStart('2026-12-10T09:00:00Z', organizer, undefined, reihe));
    await a.send(participantEvent('Leave', [u2], '2026-12-10T12:40:00Z', organizer, reihe));
    await a.send(meetingEnd('2026-12-10T12:45:00Z', organizer, undefined, reihe));
    // A meeting in the same chat on a day without a session.
    await a.send(meetingStart('2026-12-17T09:00:00Z', organizer, undefined, reihe));
    expect(a.outcomes.map((o) => (o.kind === 'ignored' ? o.kind : `${o.kind} ${o.sessionId}`))).toEqual([
      'started r1',
      'recorded r1',
      'ended r1',
      'recorded r2',
      'started r2',
      'recorded r2',
      'ended r2',
      'ignored',
    ]);
    expect(await a.attendance.attendees('reihe', 'r1')).toEqual(aad(u1));
    // 2: from the meeting's start (09:00) to the leave at 12:40.
    expect(await a.attendance.summary('reihe', 'r2')).toEqual({ attendees: 1, minutesMedian: 220, minutesTotal: 220 });
  });

  it('a channel meeting: its meetingStart matches by JoinUrl, its joins follow by meeting id, another meeting in the channel is ignored', async () => {
    const { a, enrolled } = setup();
    await enrolled;
    const team = A.team(1);
    const inChannel = <T extends object>(activity: T, meetingId: string) => ({
      ...activity,
      conversation: { id: `${team.channelId};messageid=1765875600000`, conversationType: 'channel', isGroup: true, tenantId: A.TENANT_ID },
      channelData: { tenant: { id: A.TENANT_ID }, team: { id: team.teamId }, channel: { id: team.channelId }, meeting: { id: meetingId } },
    });
    const ours = 'MCMxOTpjaGFubmVsLW1lZXRpbmctMSMw';
    const other = 'MCMxOTpjaGFubmVsLW1lZXRpbmctMiMw';
    await a.send(inChannel(meetingStart('2026-12-16T09:00:00Z', organizer), ours));
    await a.send(inChannel(participantEvent('Join', [u1], '2026-12-16T09:01:00Z', organizer), ours));
    await a.send(inChannel(participantEvent('Join', [u2], '2026-12-16T09:02:00Z', organizer), other));
    expect(a.outcomes).toMatchObject([
      { kind: 'started', sessionId: 'vertiefung', by: 'thread' },
      { kind: 'recorded', sessionId: 'vertiefung', by: 'start' },
      { kind: 'ignored', reason: 'unknown-meeting' },
    ]);
    expect(await a.attendance.attendees('werkstatt', 'vertiefung')).toEqual(aad(u1));
  });

  it('two instances receiving the events repeated and interleaved keep one record with the right minutes', async () => {
    const { store, a, b, enrolled } = setup();
    await enrolled;
    const second = b();
    const events = [
      meetingStart('2026-12-10T09:00:00Z', organizer, undefined, reihe),
      participantEvent('Join', [u1, u2], '2026-12-10T09:00:00Z', organizer, reihe),
      participantEvent('Join', [u3], '2026-12-10T09:30:00Z', organizer, reihe),
      participantEvent('Leave', [u3], '2026-12-10T09:50:00Z', organizer, reihe),
      participantEvent('Leave', [u1], '2026-12-10T10:00:00Z', organizer, reihe),
      participantEvent('Join', [u3], '2026-12-10T10:00:00Z', organizer, reihe),
      participantEvent('Leave', [u3], '2026-12-10T10:30:00Z', organizer, reihe),
      meetingEnd('2026-12-10T11:00:00Z', organizer, undefined, reihe),
    ];
    const stream = (i: typeof a, order: number[]) => Promise.all(order.map((n) => i.send(events[n]!)));
    await Promise.all([
      stream(a, [0, 1, 2, 3, 4, 5, 6, 7]),
      stream(second, [7, 6, 5, 4, 3, 2, 1, 0]),
      stream(a, [3, 1, 7, 0, 5, 2, 6, 4]),
      stream(second, [4, 6, 0, 2, 7, 5, 1, 3]),
    ]);
    expect([...a.outcomes, ...second.outcomes].every((o) => o.kind !== 'ignored' && o.programId === 'reihe' && o.sessionId === 'r2')).toBe(true);
    // 1: 09:00–10:00 = 60; 2: until the end = 120; 3: 20 + 30 = 50.
    const expected = { attendees: 3, minutesMedian: 60, minutesTotal: 230 };
    expect(await a.attendance.summary('reihe', 'r2')).toEqual(expected);
    expect(await second.attendance.summary('reihe', 'r2')).toEqual(expected);
    const rows = [];
    for await (const row of (await store.table('attendance')).listEntities()) rows.push(row);
    expect(rows).toHaveLength(3 + 1);
    const starts = [];
    for await (const row of (await store.table('attendanceChats')).listEntities()) starts.push(row);
    expect(starts).toMatchObject([{ programId: 'reihe', sessionId: 'r2' }]);
  });

  it('a forged event with a stranger\'s ids records nothing', async () => {
    const { a, enrolled } = setup();
    await enrolled;
    const stranger = { id: '29:forged', aadObjectId: '00000000-0000-4000-8000-0000deadbeef', name: 'Fremd' };
    await a.send(participantEvent('Join', [stranger, { id: '29:guest', name: 'Gast' }], '2026-12-16T09:05:00Z', organizer));
    expect(a.outcomes).toMatchObject([{ kind: 'recorded', sessionId: 'vertiefung', outcome: { recorded: 0, unknown: 1, withoutId: 1 } }]);
    expect(await a.attendance.hasAttendance('werkstatt', 'vertiefung')).toBe(false);
    expect(await a.feature.attendeesToPoll('werkstatt', 'vertiefung')).toBeUndefined();
  });
});
