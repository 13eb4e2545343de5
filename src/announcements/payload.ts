// What an announcement job carries: a snapshot of the program and session at planning time, so the card a
// conversation gets is built from the job itself and a later program change re-plans instead of racing.
import { z } from 'zod';
import type { Program, Session } from '../program/model.js';

export const sessionSnapshotSchema = z.object({
  id: z.string(),
  title: z.string(),
  date: z.string(),
  start: z.string(),
  end: z.string(),
  summary: z.string().optional(),
  joinUrl: z.string().optional(),
  status: z.enum(['scheduled', 'cancelled']),
});

export const announcementPayloadSchema = z.object({
  programId: z.string(),
  programTitle: z.string(),
  timezone: z.string(),
  session: sessionSnapshotSchema,
  /** The reminder offset (ISO duration) of a reminder job. */
  offset: z.string().optional(),
  /** Update jobs: what changed. */
  change: z.enum(['moved', 'cancelled']).optional(),
});

export type SessionSnapshot = z.infer<typeof sessionSnapshotSchema>;
export type AnnouncementPayload = z.infer<typeof announcementPayloadSchema>;

export function snapshotSession(session: Session): SessionSnapshot {
  return {
    id: session.id,
    title: session.title,
    date: session.date,
    start: session.start,
    end: session.end,
    ...(session.summary ? { summary: session.summary } : {}),
    ...(session.joinUrl ? { joinUrl: session.joinUrl } : {}),
    status: session.status,
  };
}

export function announcementPayload(program: Program, session: Session, extra: { offset?: string; change?: 'moved' | 'cancelled' } = {}): AnnouncementPayload {
  return {
    programId: program.program.id,
    programTitle: program.program.title,
    timezone: program.program.timezone,
    session: snapshotSession(session),
    ...extra,
  };
}
