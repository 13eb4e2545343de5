// Ad-hoc announcements ("ankündigen"): the delivery job kind, its payload, the card recipients get (the
// preview shows the very same card), the audience filter and the recipient count shown before sending.
// Job ids: "bc|<draftId>"; the draft id is made when the preview is shown, so pressing "Senden" twice
// finds the job that exists already instead of sending twice.
import crypto from 'node:crypto';
import { z } from 'zod';
import { card, escapeCardText, textBlock, type AdaptiveCard, type CardAction, type CardElement, type OutgoingMessage } from '../cards/adaptive.js';
import type { AudienceFilter, JobSpec, MessageBuilder } from '../delivery/index.js';
import { audienceTargets } from '../delivery/index.js';
import type { Locale } from '../i18n/locale.js';
import { coordinationText } from '../i18n/coordination.js';
import type { Program, Session } from '../program/model.js';
import { formatDate, formatTimeRange, localDateTime } from '../program/time.js';
import type { StoredConversation } from '../registry/index.js';
import type { Audience } from './forms.js';

export const BROADCAST_KIND = 'coordination.broadcast';
export const BROADCAST_GROUP = 'coordination/broadcast';
/** A scheduled announcement not started within this window (service down) is skipped, never sent late. */
export const BROADCAST_GRACE_MS = 2 * 3_600_000;

export const broadcastPayloadSchema = z.object({
  draftId: z.string().regex(/^[a-f0-9]{16}$/),
  text: z.string().min(1),
  audience: z.enum(['all', 'channels', 'personal']),
  /** The program the send belongs to; absent in payloads planned before it was recorded (read: the active one). */
  programId: z.string().optional(),
  programTitle: z.string().optional(),
  timezone: z.string(),
  session: z
    .object({ id: z.string(), title: z.string(), date: z.string(), start: z.string(), end: z.string(), joinUrl: z.string().optional() })
    .optional(),
});
export type BroadcastPayload = z.infer<typeof broadcastPayloadSchema>;

export function newDraftId(): string {
  return crypto.randomBytes(8).toString('hex');
}

export function broadcastJobId(draftId: string): string {
  return `bc|${draftId}`;
}

/** Who gets a broadcast: the program's conversations (never everyone), of the chosen kinds. */
export function audienceFilter(audience: Audience, programId: string | undefined): AudienceFilter {
  const program = programId ? { programId } : {};
  if (audience === 'channels') return { purpose: 'broadcast', ...program, kinds: ['channel'] };
  if (audience === 'personal') return { purpose: 'broadcast', ...program, kinds: ['personal'] };
  return { purpose: 'broadcast', ...program };
}

/**
 * The zone a coordinator's send time is read and shown in: the program's. Without a program there is no
 * zone to take, and the card says UTC next to the field.
 */
export function announcementZone(program: Program | undefined): string {
  return program?.program.timezone ?? 'UTC';
}

/** A new broadcast always names its program: its audience is that program's conversations. */
export function broadcastPayload(input: { draftId: string; text: string; audience: Audience; sessionId?: string | undefined }, program: Program): BroadcastPayload {
  const session = input.sessionId ? program.sessions.find((s) => s.id === input.sessionId) : undefined;
  return {
    draftId: input.draftId,
    text: input.text,
    audience: input.audience,
    programId: program.program.id,
    programTitle: program.program.title,
    timezone: announcementZone(program),
    ...(session ? { session: broadcastSession(session) } : {}),
  };
}

/** What a session-bound announcement shows of its session; re-taken when the session moves before the send. */
export function broadcastSession(session: Session): NonNullable<BroadcastPayload['session']> {
  return { id: session.id, title: session.title, date: session.date, start: session.start, end: session.end, ...(session.joinUrl ? { joinUrl: session.joinUrl } : {}) };
}

export function broadcastJobSpec(payload: BroadcastPayload, dueAt: Date): JobSpec {
  return {
    jobId: broadcastJobId(payload.draftId),
    kind: BROADCAST_KIND,
    payload: payload as unknown as Record<string, unknown>,
    audience: audienceFilter(payload.audience, payload.programId),
    dueAt,
    notAfter: new Date(dueAt.getTime() + BROADCAST_GRACE_MS),
    group: BROADCAST_GROUP,
  };
}

function plain(text: string): string {
  return text.replace(/</g, '‹').replace(/>/g, '›');
}

/** The body and actions recipients see; the preview embeds exactly these. */
export function broadcastCardParts(payload: BroadcastPayload, locale: Locale): { body: CardElement[]; actions: CardAction[] } {
  const t = coordinationText(locale);
  const body: CardElement[] = [textBlock(t.broadcastBadge.toUpperCase(), { color: 'Accent', weight: 'Bolder', size: 'Small' })];
  if (payload.programTitle) body.push(textBlock(escapeCardText(payload.programTitle), { isSubtle: true, size: 'Small', spacing: 'None' }));
  // One TextBlock per paragraph: the coordinator's line breaks survive, Markdown and mentions do not.
  for (const paragraph of payload.text.split(/\n+/).map((p) => p.trim()).filter(Boolean)) body.push(textBlock(escapeCardText(paragraph)));
  const actions: CardAction[] = [];
  if (payload.session) {
    const s = payload.session;
    const start = localDateTime(s.date, s.start, payload.timezone);
    const end = localDateTime(s.date, s.end, payload.timezone);
    body.push({
      type: 'FactSet',
      facts: [{ title: t.broadcastSession, value: `${escapeCardText(s.title)}, ${formatDate(start, locale)}, ${formatTimeRange(start, end, locale)}` }],
    });
    if (s.joinUrl) actions.push({ type: 'Action.OpenUrl', title: t.join, url: s.joinUrl });
  }
  return { body, actions };
}

export function buildBroadcastCard(payload: BroadcastPayload, locale: Locale): AdaptiveCard {
  const { body, actions } = broadcastCardParts(payload, locale);
  return card(body, actions, { fallbackText: plain(payload.text.slice(0, 300)), lang: locale });
}

export function broadcastMessage(payload: BroadcastPayload, locale: Locale): OutgoingMessage {
  const t = coordinationText(locale);
  const lines = [`**${t.broadcastBadge}**`, '', ...payload.text.split(/\n+/).map((p) => escapeCardText(p.trim())).filter(Boolean)];
  if (payload.session?.joinUrl) lines.push('', `[${t.join}](${payload.session.joinUrl})`);
  return { card: buildBroadcastCard(payload, locale), text: lines.join('\n'), summary: plain(`${t.broadcastBadge}: ${payload.text.slice(0, 120)}`) };
}

/**
 * The delivery engine's builder for coordinator announcements. The lead registers it next to the
 * announcement builders: `builders: { ...announcementBuilders(...), ...coordinationBuilders() }`.
 */
export function coordinationBuilders(): Record<string, MessageBuilder> {
  return {
    [BROADCAST_KIND]: (job, conversation) => broadcastMessage(broadcastPayloadSchema.parse(job.payload), conversation.locale),
  };
}

export interface RecipientCount {
  /** Conversations that will get it (deduplicated the way the engine does: a team once, in its channel). */
  reachable: number;
  personal: number;
  channels: number;
  groupChats: number;
  /** Registered here but marked unreachable (blocked the app, 404): they will not get it. */
  unreachable: number;
}

/** Counted from the program's conversations with the engine's own audience rules, before anything is sent. */
export function countRecipients(conversations: StoredConversation[], audience: Audience, programId: string): RecipientCount {
  const filter = audienceFilter(audience, programId);
  const targets = audienceTargets(conversations, filter);
  const inKinds = (c: StoredConversation) => !filter.kinds || filter.kinds.includes(c.kind);
  return {
    reachable: targets.length,
    personal: targets.filter((c) => c.kind === 'personal').length,
    channels: targets.filter((c) => c.kind === 'channel').length,
    groupChats: targets.filter((c) => c.kind === 'groupChat').length,
    unreachable: conversations.filter((c) => inKinds(c) && !c.removed && c.inactive && !(c.kind === 'personal' && c.unsubscribed)).length,
  };
}
