// Announcement and reminder cards (Adaptive Card 1.5) in the conversation's language, with the variants
// "verschoben" and "abgesagt" that replace already-sent cards, and the text fallback.
import { card, escapeCardText, executeAction, textBlock, type AdaptiveCard, type CardAction, type CardElement, type OutgoingMessage } from '../cards/adaptive.js';
import type { Locale } from '../i18n/locale.js';
import { announcementText } from '../i18n/announcements.js';
import { programCalendarPath } from '../program/calendar.js';
import { formatDate, formatTimeRange, localDateTime } from '../program/time.js';
import type { AnnouncementPayload } from './payload.js';

export const RSVP_VERB = 'announcement.rsvp';

export type AnnouncementVariant = 'announcement' | 'moved' | 'cancelled';

export interface AnnouncementCardOptions {
  publicBaseUrl: string;
  variant?: AnnouncementVariant;
  /** Personalised state after an RSVP (the invoke answer for that person). */
  rsvp?: { attending: boolean; count: number };
}

function when(payload: AnnouncementPayload, locale: Locale): { date: string; time: string; full: string } {
  const start = localDateTime(payload.session.date, payload.session.start, payload.timezone);
  const end = localDateTime(payload.session.date, payload.session.end, payload.timezone);
  const date = formatDate(start, locale);
  const time = formatTimeRange(start, end, locale);
  return { date, time, full: `${date}, ${time}` };
}

/** Plain-text fields (fallbackText, summary) are not Markdown, but must not carry a mention either. */
function plain(text: string): string {
  return text.replace(/</g, '‹').replace(/>/g, '›');
}

/** The session's feed under its program: it works in a deployment with one program or with several. */
function calendarUrl(baseUrl: string, programId: string, sessionId: string): string {
  return `${baseUrl.replace(/\/+$/, '')}${programCalendarPath(programId, sessionId)}`;
}

export function buildAnnouncementCard(payload: AnnouncementPayload, locale: Locale, options: AnnouncementCardOptions): AdaptiveCard {
  const t = announcementText(locale);
  const variant = options.variant ?? 'announcement';
  const w = when(payload, locale);
  const body: CardElement[] = [];
  if (variant === 'moved') body.push(textBlock(t.movedBadge.toUpperCase(), { color: 'Attention', weight: 'Bolder', size: 'Small' }));
  if (variant === 'cancelled') body.push(textBlock(t.cancelledBadge.toUpperCase(), { color: 'Attention', weight: 'Bolder', size: 'Small' }));
  body.push(textBlock(escapeCardText(payload.programTitle), { isSubtle: true, size: 'Small', spacing: 'None' }));
  body.push(textBlock(escapeCardText(payload.session.title), { size: 'Large', weight: 'Bolder', spacing: 'Small' }));
  if (variant === 'cancelled') {
    body.push(textBlock(t.cancelledNote, { weight: 'Bolder' }));
    body.push({ type: 'FactSet', facts: [{ title: t.date, value: w.date }, { title: t.time, value: w.time }] });
    return card(body, [], { fallbackText: plain(`${t.cancelledBadge}: ${payload.session.title}. ${t.cancelledNote}`), lang: locale });
  }
  if (variant === 'moved') body.push(textBlock(t.movedNote(w.full), { weight: 'Bolder' }));
  body.push({ type: 'FactSet', facts: [{ title: t.date, value: w.date }, { title: t.time, value: w.time }] });
  if (payload.session.summary) body.push(textBlock(escapeCardText(payload.session.summary)));
  if (options.rsvp) {
    body.push(textBlock(options.rsvp.attending ? `✓ ${t.rsvpConfirmed}` : t.rsvpWithdrawn, { color: options.rsvp.attending ? 'Good' : 'Default', weight: 'Bolder' }));
    body.push(textBlock(t.rsvpCount(options.rsvp.count), { isSubtle: true, spacing: 'None' }));
  }
  const actions: CardAction[] = [];
  if (payload.session.joinUrl) actions.push({ type: 'Action.OpenUrl', title: t.join, url: payload.session.joinUrl });
  actions.push({ type: 'Action.OpenUrl', title: t.addToCalendar, url: calendarUrl(options.publicBaseUrl, payload.programId, payload.session.id) });
  const attending = options.rsvp?.attending ?? false;
  actions.push(
    executeAction(attending ? t.rsvpWithdraw : t.rsvp, RSVP_VERB, { programId: payload.programId, sessionId: payload.session.id, attending: !attending }, attending ? 'default' : 'positive'),
  );
  const fallback = variant === 'moved' ? `${t.movedBadge}: ${payload.session.title}, ${w.full}` : `${payload.session.title}, ${w.full}`;
  return card(body, actions, { fallbackText: plain(fallback), lang: locale });
}

/** Markdown text for clients without card support; links written out. */
export function announcementFallbackText(payload: AnnouncementPayload, locale: Locale, options: AnnouncementCardOptions): string {
  const t = announcementText(locale);
  const variant = options.variant ?? 'announcement';
  const w = when(payload, locale);
  const title = escapeCardText(payload.session.title);
  if (variant === 'cancelled') return `**${t.cancelledBadge}: ${title}** (${w.full})\n\n${t.cancelledNote}`;
  const lines = [variant === 'moved' ? `**${t.movedBadge}: ${title}**` : `**${title}**`, escapeCardText(payload.programTitle), `${t.when}: ${w.full}`];
  if (payload.session.summary) lines.push('', escapeCardText(payload.session.summary));
  if (payload.session.joinUrl) lines.push('', `[${t.join}](${payload.session.joinUrl})`);
  lines.push(`[${t.addToCalendar}](${calendarUrl(options.publicBaseUrl, payload.programId, payload.session.id)})`);
  return lines.join('\n');
}

export function announcementSummary(payload: AnnouncementPayload, locale: Locale, variant: AnnouncementVariant = 'announcement'): string {
  const t = announcementText(locale);
  const w = when(payload, locale);
  if (variant === 'cancelled') return plain(t.summaryCancelled(payload.session.title));
  if (variant === 'moved') return plain(t.summaryMoved(payload.session.title, w.full));
  return plain(t.summaryReminder(payload.session.title, w.full));
}

/** The whole outgoing message: card, text fallback and notification summary. */
export function announcementMessage(payload: AnnouncementPayload, locale: Locale, options: AnnouncementCardOptions): OutgoingMessage {
  const variant = options.variant ?? 'announcement';
  return {
    card: buildAnnouncementCard(payload, locale, options),
    text: announcementFallbackText(payload, locale, options),
    summary: announcementSummary(payload, locale, variant),
  };
}
