// The participant lists of Teams' meetingParticipantJoin/-Leave events, read with zod member by member: one
// unreadable member costs that member, not the event. The Teams layer calls this; feature code receives the
// plain members.
//
// value: { members: [{ user: { id, aadObjectId, name }, meeting: { inMeeting, role } }] }
import { z } from 'zod';

/** One person in a participant event. The name is passed on for the Teams layer's callers; it is never stored. */
export interface MeetingMember {
  aadObjectId?: string;
  userId: string;
  name?: string;
  inMeeting?: boolean;
  role?: string;
}

/** A join or leave as feature code sees it: who, and when Teams says it happened. */
export interface ParticipantEvent {
  name: 'participantJoin' | 'participantLeave';
  members: MeetingMember[];
  at: Date;
}

/**
 * A Teams meeting holds at most 1,000 interactive participants and up to 20,000 in view-only mode. A list
 * longer than that is not from Teams and is refused whole.
 */
export const MAX_MEMBERS_PER_EVENT = 20_000;

/** The event's name for an activity name of Teams' participant events; undefined for any other activity. */
export function participantEventName(activityName: string | undefined): ParticipantEvent['name'] | undefined {
  if (activityName === 'application/vnd.microsoft.meetingParticipantJoin') return 'participantJoin';
  if (activityName === 'application/vnd.microsoft.meetingParticipantLeave') return 'participantLeave';
  return undefined;
}

const optionalText = (max: number) =>
  z
    .string()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : undefined));

const memberSchema = z.object({
  user: z.object({
    id: z.string().min(1).max(500),
    aadObjectId: optionalText(100),
    name: optionalText(500),
  }),
  meeting: z
    .object({ inMeeting: z.boolean().nullish(), role: optionalText(100) })
    .nullish()
    .transform((m) => m ?? {}),
});

const valueSchema = z.object({ members: z.array(z.unknown()).max(MAX_MEMBERS_PER_EVENT) });

/** The readable members, and how many were not; undefined when the value has no member list at all. */
export function parseParticipants(value: unknown): { members: MeetingMember[]; unreadable: number } | undefined {
  const list = valueSchema.safeParse(value);
  if (!list.success) return undefined;
  const members: MeetingMember[] = [];
  let unreadable = 0;
  for (const raw of list.data.members) {
    const parsed = memberSchema.safeParse(raw);
    if (!parsed.success) {
      unreadable++;
      continue;
    }
    const { user, meeting } = parsed.data;
    members.push({
      userId: user.id,
      ...(user.aadObjectId ? { aadObjectId: user.aadObjectId } : {}),
      ...(user.name ? { name: user.name } : {}),
      ...(typeof meeting.inMeeting === 'boolean' ? { inMeeting: meeting.inMeeting } : {}),
      ...(meeting.role ? { role: meeting.role } : {}),
    });
  }
  return { members, unreadable };
}
