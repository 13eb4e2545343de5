// Teams-shaped meeting activities exactly as the issue lists them: `type: "event"` in the meeting's group chat
// (`19:meeting_…@thread.v2`), `channelData.meeting.id` set, and the values of meetingStart/-End and
// meetingParticipantJoin/-Leave.
import crypto from 'node:crypto';
import { BOT, TENANT_ID, type UserRef } from '../harness/activities.js';

export const MEETING_CHAT = '19:meeting_QXR0ZW5kYW5jZVRlc3RNZWV0aW5n@thread.v2';
export const MEETING_ID = 'MCMxOTptZWV0aW5nX1FYUjBaVzVrWVc1alpWUmxjM1JOWldWMGFXNW5AdGhyZWFkLnYyIzA=';
export const JOIN_URL = joinUrlOf(MEETING_CHAT);

/** A Teams meeting: its chat (thread id), its meeting id and its join link. */
export interface MeetingRef {
  chat: string;
  id: string;
  joinUrl: string;
}

export const MEETING: MeetingRef = { chat: MEETING_CHAT, id: MEETING_ID, joinUrl: JOIN_URL };

function joinUrlOf(chat: string): string {
  return `https://teams.microsoft.com/l/meetup-join/${encodeURIComponent(chat)}/0?context=%7b%22Tid%22%3a%22${TENANT_ID}%22%7d`;
}

/** Another meeting with a thread id of its own (`name` letters and digits only). */
export function meeting(name: string): MeetingRef {
  const chat = `19:meeting_${Buffer.from(name).toString('base64url')}@thread.v2`;
  return { chat, id: Buffer.from(`0#${chat}#0`).toString('base64'), joinUrl: joinUrlOf(chat) };
}

function meetingActivity<V>(name: string, value: V, timestamp: string | undefined, from: UserRef, m: MeetingRef) {
  return {
    id: crypto.randomUUID(),
    type: 'event',
    name,
    channelId: 'msteams',
    serviceUrl: 'https://smba.example.test/',
    ...(timestamp ? { timestamp } : {}),
    locale: 'de-DE',
    from: { id: from.id, aadObjectId: from.aadObjectId },
    recipient: BOT,
    conversation: { id: m.chat, conversationType: 'groupChat', isGroup: true, tenantId: TENANT_ID },
    channelData: { tenant: { id: TENANT_ID }, meeting: { id: m.id } },
    value,
  };
}

export function meetingStart(at: string, organizer: UserRef, timestamp: string | undefined = at, m: MeetingRef = MEETING) {
  const value = { Id: m.id, JoinUrl: m.joinUrl, Title: 'Werkstatt Daten', MeetingType: 'Scheduled', StartTime: at };
  return meetingActivity('application/vnd.microsoft.meetingStart', value, timestamp, organizer, m);
}

export function meetingEnd(at: string, organizer: UserRef, timestamp: string | undefined = at, m: MeetingRef = MEETING) {
  const value = { Id: m.id, JoinUrl: m.joinUrl, Title: 'Werkstatt Daten', MeetingType: 'Scheduled', EndTime: at };
  return meetingActivity('application/vnd.microsoft.meetingEnd', value, timestamp, organizer, m);
}

export interface MemberRef {
  id: string;
  aadObjectId?: string;
  name?: string;
}

export function participantEvent(kind: 'Join' | 'Leave', members: readonly MemberRef[], timestamp: string | undefined, from: UserRef, m: MeetingRef = MEETING) {
  const value = {
    members: members.map((m) => ({
      user: { id: m.id, ...(m.aadObjectId ? { aadObjectId: m.aadObjectId } : {}), ...(m.name ? { name: m.name } : {}) },
      meeting: { inMeeting: kind === 'Join', role: 'Attendee' },
    })),
  };
  return meetingActivity(`application/vnd.microsoft.meetingParticipant${kind}`, value, timestamp, from, m);
}
