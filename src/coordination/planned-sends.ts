// What the reminders and status cards list as the next sends, and how a delivery job is named to a
// coordinator ("Erinnerung „Auftakt“ (1 Tag vorher)", "Ankündigung: …").
import { ANNOUNCEMENT_KIND, ANNOUNCEMENT_UPDATE_KIND, announcementPayloadSchema } from '../announcements/index.js';
import type { DeliveryEngine, DeliveryJob } from '../delivery/index.js';
import type { Locale } from '../i18n/locale.js';
import { coordinationText, type CoordinationText } from '../i18n/coordination.js';
import { BROADCAST_KIND, broadcastPayloadSchema } from './broadcast.js';
import { formatReminderOffset } from './durations.js';
import type { PlannedSend } from './program-cards.js';

const NEXT_SENDS = 8;

export function jobLabel(job: DeliveryJob, locale: Locale, t: CoordinationText = coordinationText(locale)): string {
  if (job.kind === BROADCAST_KIND) {
    const p = broadcastPayloadSchema.safeParse(job.payload);
    const text = p.success ? p.data.text.replace(/\s+/g, ' ') : '';
    return `${t.sendBroadcast}${text ? `: ${text.length > 60 ? `${text.slice(0, 57)}…` : text}` : ''}`;
  }
  if (job.kind === ANNOUNCEMENT_KIND || job.kind === ANNOUNCEMENT_UPDATE_KIND) {
    const p = announcementPayloadSchema.safeParse(job.payload);
    if (p.success) {
      return job.kind === ANNOUNCEMENT_KIND
        ? t.sendReminder(p.data.session.title, p.data.offset ? formatReminderOffset(p.data.offset, locale) : '?')
        : t.sendUpdate(p.data.session.title);
    }
  }
  return t.sendOther(job.kind);
}

/**
 * Whether a delivery job belongs to a program: addressed to its audience, grouped under it
 * ("<programId>" or "<programId>/<sessionId>", reminders, polls and results), or carrying its id in the
 * payload (coordinator broadcasts, meeting-chat polls).
 */
export function belongsToProgram(job: DeliveryJob, programId: string): boolean {
  if (job.audience?.programId === programId) return true;
  if (job.group === programId || job.group?.startsWith(`${programId}/`)) return true;
  return (job.payload as { programId?: unknown } | undefined)?.programId === programId;
}

/** The next planned sends of a program, soonest first, named for the coordinator. */
export async function plannedSends(engine: Pick<DeliveryEngine, 'jobs'>, locale: Locale, programId: string, limit = NEXT_SENDS): Promise<PlannedSend[]> {
  const t = coordinationText(locale);
  const planned = (await engine.jobs.list({ statuses: ['planned'] })).filter((job) => belongsToProgram(job, programId)).slice(0, limit);
  return planned.map((job) => ({ dueAt: job.dueAt, label: jobLabel(job, locale, t) }));
}
