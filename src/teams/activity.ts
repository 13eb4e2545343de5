// Reading Teams activities: which conversation, which user, which locale. Only this folder knows the
// Bot Framework activity shape; the rest of the service sees ConversationSighting and TurnInput.
import { TurnContext, type Activity, type ConversationReference } from 'botbuilder';
import { z } from 'zod';
import { localeFrom, type Locale } from '../i18n/locale.js';
import type { ConversationSighting } from '../registry/index.js';
import type { ConversationKind } from '../registry/types.js';
import type { TurnInput } from '../conversation/index.js';

/** The minimum an activity must carry before it reaches the adapter; anything less is a 400. */
export const incomingActivitySchema = z
  .object({
    type: z.string().min(1).max(64),
    serviceUrl: z.string().url().max(2048),
    channelId: z.string().max(64).optional(),
    conversation: z.object({ id: z.string().min(1).max(1024) }).passthrough(),
    from: z.object({ id: z.string().min(1).max(1024) }).passthrough().optional(),
    recipient: z.object({ id: z.string().min(1).max(1024) }).passthrough().optional(),
    text: z.string().max(100_000).optional(),
    locale: z.string().max(64).optional(),
    channelData: z.record(z.unknown()).optional(),
  })
  .passthrough();

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v ? v : undefined;
}

/** The locale the activity states, if any (install events often carry none). */
function statedLocale(activity: Partial<Activity>): string | undefined {
  const clientInfo = (activity.entities ?? []).find((e) => e?.type === 'clientInfo') as { locale?: unknown } | undefined;
  return str(activity.locale) ?? str(clientInfo?.locale);
}

export function activityLocale(activity: Partial<Activity>): Locale {
  return localeFrom(statedLocale(activity));
}

function conversationKind(activity: Partial<Activity>): ConversationKind {
  const type = activity.conversation?.conversationType;
  if (type === 'channel') return 'channel';
  if (type === 'groupChat') return 'groupChat';
  const channelData = activity.channelData as { team?: { id?: string } } | undefined;
  if (channelData?.team?.id) return 'channel';
  return 'personal';
}

/** A channel conversation id may name a reply thread ("…;messageid=…"); the channel itself is the prefix. */
function channelOf(conversationId: string): string {
  return conversationId.split(';')[0]!;
}

export function sightingOf(activity: Partial<Activity>): ConversationSighting {
  const channelData = (activity.channelData ?? {}) as {
    tenant?: { id?: string };
    team?: { id?: string };
    channel?: { id?: string };
  };
  const kind = conversationKind(activity);
  const reference = TurnContext.getConversationReference(activity) as ConversationReference;
  const conversationId = kind === 'channel' ? channelOf(activity.conversation!.id) : activity.conversation!.id;
  const storedReference = JSON.parse(JSON.stringify({ ...reference, conversation: { ...reference.conversation, id: conversationId } })) as Record<string, unknown>;
  delete storedReference.activityId;
  const tenantId = str(activity.conversation?.tenantId) ?? str(channelData.tenant?.id) ?? '';
  const isPersonal = kind === 'personal';
  return {
    kind,
    conversationId,
    tenantId,
    serviceUrl: activity.serviceUrl!,
    reference: storedReference,
    userAadObjectId: isPersonal ? str(activity.from?.aadObjectId) : undefined,
    userId: isPersonal ? str(activity.from?.id) : undefined,
    ...(statedLocale(activity) ? { locale: activityLocale(activity) } : {}),
    teamId: kind === 'channel' ? str(channelData.team?.id) : undefined,
    channelId: kind === 'channel' ? str(channelData.channel?.id) ?? conversationId : undefined,
  };
}

export function turnInputOf(context: TurnContext): TurnInput {
  const activity = context.activity;
  return {
    conversation: sightingOf(activity),
    user: { id: activity.from?.id ?? '', aadObjectId: str(activity.from?.aadObjectId) },
    locale: activityLocale(activity),
    text: typeof activity.text === 'string' ? activity.text : '',
    ...(activity.type === 'invoke' && activity.replyToId ? { cardActivityId: activity.replyToId } : {}),
  };
}
