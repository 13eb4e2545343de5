// The Teams layer turns meeting activities of exactly the shapes in the issue into the onMeetingEvent hook's
// events: meetingStart/-End with their own times, participant joins and leaves with their members and the
// activity's timestamp (the clock's now without one); unreadable members are skipped and counted, never named.
import { Writable } from 'node:stream';
import { TurnContext, type Activity } from 'botbuilder';
import { TeamsAdapter } from '@microsoft/teams-ai';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import type { ConversationCore } from '../../src/conversation/index.js';
import type { ConversationRegistry } from '../../src/registry/index.js';
import { MAX_MEMBERS_PER_EVENT } from '../../src/attendance/index.js';
import { ManualClock } from '../../src/shared/clock.js';
import { createTeamsApp, type MeetingEvent } from '../../src/teams/index.js';
import * as A from '../harness/activities.js';
import { MEETING_CHAT, MEETING_ID, JOIN_URL, meetingEnd, meetingStart, participantEvent } from './activities.js';

const organizer = A.user(1);
type Participants = Extract<MeetingEvent, { members: unknown }>;

function harness() {
  const events: MeetingEvent[] = [];
  const lines: string[] = [];
  const logger = pino({ level: 'info' }, new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) }));
  const adapter = new TeamsAdapter({});
  const registry = { isCurrent: () => true, touch: async () => undefined } as unknown as ConversationRegistry;
  const app = createTeamsApp({
    adapter,
    core: {} as ConversationCore,
    registry,
    logger,
    clock: new ManualClock('2026-12-16T09:30:00Z'),
    onMeetingEvent: async (event) => void events.push(event),
  });
  const send = (activity: object) => app.run(new TurnContext(adapter, activity as Activity));
  return { events, lines, send };
}

describe('meeting events from Teams', () => {
  it('meetingStart and meetingEnd carry their StartTime and EndTime, the join link and the meeting id', async () => {
    const h = harness();
    await h.send(meetingStart('2026-12-16T09:01:02.4388966Z', organizer, '2026-12-16T09:01:05Z'));
    await h.send(meetingEnd('2026-12-16T10:58:00Z', organizer));
    expect(h.events.map((e) => [e.name, e.at.toISOString()])).toEqual([
      ['meetingStart', '2026-12-16T09:01:02.438Z'],
      ['meetingEnd', '2026-12-16T10:58:00.000Z'],
    ]);
    expect(h.events[0]).toMatchObject({ meetingId: MEETING_ID, joinUrl: JOIN_URL, title: 'Werkstatt Daten' });
    expect(h.events[0]!.turn.conversation).toMatchObject({ kind: 'groupChat', conversationId: MEETING_CHAT });
  });

  it('a join carries its members and the activity timestamp; a leave without timestamp the clock now', async () => {
    const h = harness();
    const [p2, p3] = [A.user(2), A.user(3)];
    await h.send(participantEvent('Join', [p2, p3], '2026-12-16T09:05:00Z', organizer));
    await h.send(participantEvent('Leave', [p2], undefined, organizer));
    expect(h.events).toHaveLength(2);
    const [join, leave] = h.events;
    expect(join).toMatchObject({
      name: 'participantJoin',
      meetingId: MEETING_ID,
      members: [
        { userId: p2.id, aadObjectId: p2.aadObjectId, name: p2.name, inMeeting: true, role: 'Attendee' },
        { userId: p3.id, aadObjectId: p3.aadObjectId, name: p3.name, inMeeting: true, role: 'Attendee' },
      ],
    });
    expect(join!.at.toISOString()).toBe('2026-12-16T09:05:00.000Z');
    expect(leave).toMatchObject({ name: 'participantLeave', members: [{ userId: p2.id, aadObjectId: p2.aadObjectId, inMeeting: false }] });
    expect(leave!.at.toISOString()).toBe('2026-12-16T09:30:00.000Z');
  });

  it('keeps members without aadObjectId for the hook, skips unreadable ones and logs only their count', async () => {
    const h = harness();
    const activity = participantEvent('Join', [A.user(4), { id: '29:guest', name: 'Gast Geheimname' }], '2026-12-16T09:05:00Z', organizer);
    (activity.value.members as unknown[]).push({ user: { name: 'Ohne Kennung Geheimname' } }, 'kein Mitglied', { user: { id: 7 } });
    await h.send(activity);
    expect(h.events[0]).toMatchObject({ name: 'participantJoin' });
    const members = (h.events[0] as Participants).members;
    expect(members.map((m) => m.userId)).toEqual([A.user(4).id, '29:guest']);
    expect(members[1]!.aadObjectId).toBeUndefined();
    const skipped = h.lines.map((l) => JSON.parse(l)).find((l) => l.event === 'meeting.participants_skipped');
    expect(skipped).toMatchObject({ count: 3 });
    expect(h.lines.join('\n')).not.toContain('Geheimname');
  });

  it('a member list of 1,000 people arrives whole', async () => {
    const h = harness();
    const members = Array.from({ length: 1000 }, (_, i) => A.user(100 + i));
    await h.send(participantEvent('Join', members, '2026-12-16T09:05:00Z', organizer));
    const event = h.events[0] as Participants;
    expect(event.members).toHaveLength(1000);
    expect(new Set(event.members.map((m) => m.aadObjectId)).size).toBe(1000);
  });

  it('a member list longer than the largest Teams meeting is refused whole', async () => {
    const h = harness();
    const members = Array.from({ length: MAX_MEMBERS_PER_EVENT + 1 }, (_, i) => ({ id: `29:v-${i}`, aadObjectId: `a-${i}` }));
    await h.send(participantEvent('Join', members, '2026-12-16T09:05:00Z', organizer));
    expect(h.events).toEqual([]);
    expect(h.lines.map((l) => JSON.parse(l).event)).toContain('meeting.participants_unreadable');
  });

  it('an event without a member list reaches nobody and is logged', async () => {
    const h = harness();
    const activity = { ...participantEvent('Leave', [], '2026-12-16T09:05:00Z', organizer), value: { members: 'alle' } };
    await h.send(activity);
    await h.send({ ...activity, value: undefined });
    expect(h.events).toEqual([]);
    expect(h.lines.filter((l) => JSON.parse(l).event === 'meeting.participants_unreadable')).toHaveLength(2);
  });
});
