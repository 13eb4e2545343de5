// Reading Teams activities: which conversation, which user, which locale. Only this folder knows the
// Bot Framework activity shape; the rest of the service sees ConversationSighting and TurnInput.
import { TurnContext, type Activity, type ConversationReference } from 'botbuilder';
import { z } from 'zod';
import { localeFrom, type Locale } from '../i18n/locale.js';
import type { ConversationSighting } from '../registry/index.js';
import type { ConversationKind } from '../registry/types.js';
import type { TurnInput } from '../conversation/index.js';

const account = z
  .object({ id: z.string().min(1).max(1024), name: z.string().max(1024).optional(), aadObjectId: z.string().max(128).optional() })
  .passthrough();
const idObject = z.object({ id: z.string().max(1024).optional() }).passthrough();

/**
 * The shape of every field the bot reads from an activity, checked before the activity reaches the adapter.
 * Anything else is a 400 with the field named: a malformed activity never gets as far as a turn.
 */
export const incomingActivitySchema = z
  .object({
    type: z.string().min(1).max(64),
    id: z.string().max(1024).optional(),
    name: z.string().max(256).optional(),
    action: z.string().max(64).optional(),
    serviceUrl: z.string().url().max(2048),
    channelId: z.string().max(64).optional(),
    conversation: z
      .object({
        // Teams ids are printable ASCII; the id also travels in an HTTP header of every reply.
        id: z.string().min(1).max(1024).regex(/^[\x21-\x7E]+$/, 'expected a Teams conversation id (printable ASCII)'),
        conversationType: z.string().max(64).optional(),
        tenantId: z.string().max(128).optional(),
        isGroup: z.boolean().optional(),
      })
      .passthrough(),
    from: account,
    recipient: account,
    membersAdded: z.array(account).max(1000).optional(),
    membersRemoved: z.array(account).max(1000).optional(),
    text: z.string().max(100_000).optional(),
    locale: z.string().max(64).optional(),
    replyToId: z.string().max(1024).optional(),
    entities: z.array(z.object({ type: z.string().max(256) }).passthrough()).max(100).optional(),
    channelData: z
      .object({ tenant: idObject.optional(), team: idObject.optional(), channel: idObject.optional(), meeting: idObject.optional() })
      .passthrough()
      .optional(),
  })
  .passthrough();

/**
 * Text from outside with lone surrogates replaced (U+FFFD): such strings are not valid UTF-16, storage
 * rejects them and they cannot be rendered. Applied to message text and card action data.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function wellFormed<T>(value: T): T {
  return isWellFormedDeep(value) ? value : repair(value);
}

/** String.prototype.isWellFormed (Node 20; not yet in TypeScript's ES2023 lib). */
const isWellFormedString = (s: string): boolean => (s as unknown as { isWellFormed(): boolean }).isWellFormed();

/** Almost every activity is already well formed: checking is cheaper than copying it. */
function isWellFormedDeep(value: unknown): boolean {
  if (typeof value === 'string') return isWellFormedString(value);
  if (Array.isArray(value)) return value.every(isWellFormedDeep);
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) if (!isWellFormedString(k) || !isWellFormedDeep(v)) return false;
  }
  return true;
}

function repair<T>(value: T): T {
  if (typeof value === 'string') return value.replace(LONE_SURROGATE, '\uFFFD') as T;
  if (Array.isArray(value)) return value.map((v) => repair(v)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [repair(k), repair(v)])) as T;
  }
  return value;
}

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

/** A turn asks several times (registry refresh, routing, commands); the answer is the same each time. */
const sightings = new WeakMap<object, ConversationSighting>();

export function sightingOf(activity: Partial<Activity>): ConversationSighting {
  let sighting = sightings.get(activity);
  if (!sighting) {
    sighting = readSighting(activity);
    sightings.set(activity, sighting);
  }
  return sighting;
}

function readSighting(activity: Partial<Activity>): ConversationSighting {
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
  return wellFormed({
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
  });
}

export function turnInputOf(context: TurnContext): TurnInput {
  const activity = context.activity;
  return {
    conversation: sightingOf(activity),
    user: wellFormed({ id: activity.from?.id ?? '', aadObjectId: str(activity.from?.aadObjectId) }),
    locale: activityLocale(activity),
    text: typeof activity.text === 'string' ? wellFormed(activity.text) : '',
    ...(activity.type === 'invoke' && activity.replyToId ? { cardActivityId: activity.replyToId } : {}),
  };
}
