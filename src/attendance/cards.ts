// The "Verpasst?" catch-up message for a follower who missed a session (Adaptive Card 1.5, text fallback and
// notification summary): the missed session with its summary, the session's material, and the next session
// with its join and calendar links. The caller has chosen the recipients and gathered the material.
import { card, escapeCardText, textBlock, type AdaptiveCard, type CardAction, type CardElement, type OutgoingMessage } from '../cards/adaptive.js';
import { attendanceText } from '../i18n/attendance.js';
import type { Locale } from '../i18n/locale.js';
import { formatDate, formatTimeRange, localDateTime } from '../program/time.js';

/** A session as the program states it: local date and times in the program's zone. */
export interface CatchUpSession {
  title: string;
  date: string;
  start: string;
  end: string;
  summary?: string;
}

export interface CatchUpMaterial {
  title: string;
  /** Where the file can be opened; without one (material not served over HTTP) the title is listed alone. */
  url?: string;
}

export interface CatchUpInput {
  programTitle: string;
  /** The program's IANA zone, in which the sessions' dates and times are stated. */
  timezone: string;
  missed: CatchUpSession;
  material: readonly CatchUpMaterial[];
  next?: CatchUpSession & { joinUrl?: string; calendarUrl: string };
}

function when(session: CatchUpSession, timezone: string, locale: Locale): { date: string; time: string } {
  const start = localDateTime(session.date, session.start, timezone);
  const end = localDateTime(session.date, session.end, timezone);
  return { date: formatDate(start, locale), time: formatTimeRange(start, end, locale) };
}

/** Plain-text fields (fallbackText, summary) are not Markdown, but must not carry a mention either. */
function plain(text: string): string {
  return text.replace(/</g, '‹').replace(/>/g, '›');
}

/**
 * A Markdown link to material: only http(s) addresses, with the characters that would end the link target
 * encoded; anything else is listed without a link.
 */
function materialLine(m: CatchUpMaterial): string {
  const title = escapeCardText(m.title);
  if (!m.url || !/^https?:\/\//i.test(m.url)) return `- ${title}`;
  const url = m.url.replace(/[()\s<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  return `- [${title}](${url})`;
}

export function buildCatchUpCard(input: CatchUpInput, locale: Locale): AdaptiveCard {
  const t = attendanceText(locale);
  const missed = when(input.missed, input.timezone, locale);
  const body: CardElement[] = [
    textBlock(t.catchUpBadge.toUpperCase(), { color: 'Accent', weight: 'Bolder', size: 'Small' }),
    textBlock(escapeCardText(input.programTitle), { isSubtle: true, size: 'Small', spacing: 'None' }),
    textBlock(escapeCardText(input.missed.title), { size: 'Large', weight: 'Bolder', spacing: 'Small' }),
    { type: 'FactSet', facts: [{ title: t.date, value: missed.date }, { title: t.time, value: missed.time }] },
    textBlock(escapeCardText(t.catchUpIntro(input.missed.title))),
  ];
  if (input.missed.summary) {
    body.push(textBlock(t.aboutHeading, { weight: 'Bolder', spacing: 'Medium' }), textBlock(escapeCardText(input.missed.summary), { spacing: 'Small' }));
  }
  if (input.material.length) {
    body.push(textBlock(t.materialHeading, { weight: 'Bolder', spacing: 'Medium' }), textBlock(input.material.map(materialLine).join('\n'), { spacing: 'Small' }));
  }
  const actions: CardAction[] = [];
  if (input.next) {
    const next = when(input.next, input.timezone, locale);
    body.push(
      textBlock(t.nextHeading, { weight: 'Bolder', spacing: 'Medium' }),
      textBlock(escapeCardText(input.next.title), { spacing: 'Small' }),
      { type: 'FactSet', facts: [{ title: t.date, value: next.date }, { title: t.time, value: next.time }] },
    );
    if (input.next.joinUrl) actions.push({ type: 'Action.OpenUrl', title: t.join, url: input.next.joinUrl });
    actions.push({ type: 'Action.OpenUrl', title: t.addToCalendar, url: input.next.calendarUrl });
  }
  body.push(textBlock(t.catchUpOptOut, { isSubtle: true, size: 'Small', spacing: 'Medium' }));
  return card(body, actions, { fallbackText: plain(t.catchUpSummary(input.missed.title)), lang: locale });
}

/** Markdown text for clients without card support; links written out. */
export function catchUpFallbackText(input: CatchUpInput, locale: Locale): string {
  const t = attendanceText(locale);
  const missed = when(input.missed, input.timezone, locale);
  const lines = [`**${t.catchUpBadge} ${escapeCardText(input.missed.title)}**`, `${missed.date}, ${missed.time}`, '', escapeCardText(t.catchUpIntro(input.missed.title))];
  if (input.missed.summary) lines.push('', `**${t.aboutHeading}**`, escapeCardText(input.missed.summary));
  if (input.material.length) lines.push('', `**${t.materialHeading}**`, ...input.material.map(materialLine));
  if (input.next) {
    const next = when(input.next, input.timezone, locale);
    lines.push('', `**${t.nextHeading}**: ${escapeCardText(input.next.title)}, ${next.date}, ${next.time}`);
    if (input.next.joinUrl) lines.push(`[${t.join}](${input.next.joinUrl})`);
    lines.push(`[${t.addToCalendar}](${input.next.calendarUrl})`);
  }
  lines.push('', t.catchUpOptOut);
  return lines.join('\n');
}

/** The whole outgoing message: card, text fallback and notification summary. */
export function catchUpMessage(input: CatchUpInput, locale: Locale): OutgoingMessage {
  return {
    card: buildCatchUpCard(input, locale),
    text: catchUpFallbackText(input, locale),
    summary: plain(attendanceText(locale).catchUpSummary(input.missed.title)),
  };
}
