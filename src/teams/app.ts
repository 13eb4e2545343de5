// Turn handling: the teams-ai Application routes activities to the conversation core and the registry.
// Every route ends in plain feature code; this file only translates between Teams and that code.
import { Application, TurnState } from '@microsoft/teams-ai';
import { ActivityTypes, type TurnContext, type InvokeResponse } from 'botbuilder';
import { z } from 'zod';
import type { Logger } from '../shared/log.js';
import { systemClock, type Clock } from '../shared/clock.js';
import { parseParticipants, participantEventName, type MeetingMember } from '../attendance/index.js';
import type { ConversationCore, CardActionResult, TurnInput } from '../conversation/index.js';
import type { ConversationRegistry } from '../registry/index.js';
import { conversationMessages } from '../i18n/conversation.js';
import type { Locale } from '../i18n/locale.js';
import type { BotAdapter } from './adapter.js';
import { sightingOf, turnInputOf, activityLocale, wellFormed } from './activity.js';
import { toActivity } from './outgoing.js';

/** A meeting event in the meeting's chat; `at` is when Teams says it happened (the clock's now when it does not say). */
export type MeetingEvent =
  | { name: 'meetingStart' | 'meetingEnd'; meetingId?: string; joinUrl?: string; title?: string; at: Date; turn: TurnInput }
  | { name: 'participantJoin' | 'participantLeave'; meetingId?: string; members: MeetingMember[]; at: Date; turn: TurnInput };

export interface TeamsAppDeps {
  adapter: BotAdapter;
  core: ConversationCore;
  registry: ConversationRegistry;
  logger: Logger;
  /** Optional hook for Teams meeting start/end and participant join/leave events (feedback polls, attendance). */
  onMeetingEvent?: (event: MeetingEvent) => Promise<void>;
  /** Stands in for events that carry no time of their own. */
  clock?: Clock;
}

/** The instant in an activity's timestamp or an event's time field; undefined when there is none. */
function instantOf(value: unknown): Date | undefined {
  if (typeof value !== 'string' && !(value instanceof Date)) return undefined;
  const at = new Date(value);
  return Number.isFinite(at.getTime()) ? at : undefined;
}

const cardActionSchema = z.object({
  action: z.object({
    type: z.literal('Action.Execute'),
    verb: z.string().min(1).max(100),
    data: z.record(z.unknown()).optional().default({}),
  }),
  trigger: z.enum(['manual', 'automatic']).optional(),
});

const submitValueSchema = z.object({ verb: z.string().min(1).max(100) }).passthrough();

function isStorageOutage(error: unknown): boolean {
  const e = error as { code?: string; statusCode?: number; name?: string };
  return (
    e?.code === 'ECONNREFUSED' ||
    e?.code === 'ECONNRESET' ||
    e?.code === 'ETIMEDOUT' ||
    e?.name === 'RestError' && (e.statusCode === undefined || e.statusCode >= 500)
  );
}

async function sendInvokeResponse(context: TurnContext, status: number, body: unknown): Promise<void> {
  const response: InvokeResponse = { status, body };
  await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: response });
}

function invokeBody(result: CardActionResult): { status: number; body: unknown } {
  switch (result.kind) {
    case 'card':
      return { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: result.card } };
    case 'message':
      return { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: result.text } };
    case 'error':
      return {
        status: 200,
        body: { statusCode: result.status, type: 'application/vnd.microsoft.error', value: { code: result.code, message: result.text } },
      };
  }
}

export function createTeamsApp(deps: TeamsAppDeps): Application<TurnState> {
  const { adapter, core, registry, logger } = deps;
  const app = new Application<TurnState>({
    adapter,
    removeRecipientMention: true,
    startTypingTimer: false,
    longRunningMessages: false,
  });

  const sendWelcome = async (context: TurnContext, kind: string, locale: Locale) => {
    await context.sendActivity(toActivity(core.welcome(kind === 'personal' ? 'personal' : 'team', locale)));
  };

  // Every activity refreshes the registry (serviceUrl can change). Cached, so a steady chat costs no writes.
  app.turn('beforeTurn', async (context) => {
    const a = context.activity;
    if (a.type === ActivityTypes.InstallationUpdate || a.type === ActivityTypes.ConversationUpdate) return true;
    const sighting = sightingOf(a);
    try {
      if (!registry.isCurrent(sighting)) {
        const entry = await registry.touch(sighting);
        // Installed by a single event without a language: the welcome goes out before the first answer.
        if (entry.welcomePending && (await registry.claimWelcome(sighting))) await sendWelcome(context, sighting.kind, activityLocale(a));
      }
    } catch (error) {
      // Keeping the registry current must not cost the user their answer (e.g. during a storage outage).
      logger.warn({ event: 'registry.touch_failed', err: (error as Error).message }, 'registry not refreshed');
    }
    return true;
  });

  const isBotAdded = (context: TurnContext) =>
    (context.activity.membersAdded ?? []).some((m) => m.id === context.activity.recipient?.id);
  const isBotRemoved = (context: TurnContext) =>
    (context.activity.membersRemoved ?? []).some((m) => m.id === context.activity.recipient?.id);

  // Teams sends installationUpdate and conversationUpdate for one installation, at once and not always both with
  // a locale: the registry decides which of them welcomes, once, in a language one of them states.
  const onInstalled = async (context: TurnContext) => {
    const sighting = sightingOf(context.activity);
    const locale = await registry.installWelcome(sighting);
    if (locale) await sendWelcome(context, sighting.kind, locale);
  };
  const onRemoved = async (context: TurnContext) => {
    const s = sightingOf(context.activity);
    await registry.uninstall(s.kind, s.conversationId, s.teamId);
  };

  app.activity(ActivityTypes.ConversationUpdate, async (context) => {
    if (isBotAdded(context)) await onInstalled(context);
    else if (isBotRemoved(context)) await onRemoved(context);
  });

  app.activity(ActivityTypes.InstallationUpdate, async (context) => {
    const action = String(context.activity.action ?? '');
    if (action === 'add' || action === 'add-upgrade') await onInstalled(context);
    else if (action === 'remove') await onRemoved(context);
  });

  app.activity(ActivityTypes.Event, async (context) => {
    const a = context.activity;
    if (!deps.onMeetingEvent) return;
    const channelData = (a.channelData ?? {}) as { meeting?: { id?: string } };
    const sentAt = () => instantOf(a.timestamp) ?? (deps.clock ?? systemClock).now();
    const participants = participantEventName(a.name);
    if (participants) {
      // Names in the member list go to the hook only; logs carry counts.
      const parsed = parseParticipants(a.value);
      if (!parsed) {
        logger.warn({ event: 'meeting.participants_unreadable', name: participants }, 'participant event without a readable member list');
        return;
      }
      if (parsed.unreadable) logger.warn({ event: 'meeting.participants_skipped', name: participants, count: parsed.unreadable }, 'unreadable members skipped');
      await deps.onMeetingEvent({ name: participants, meetingId: channelData.meeting?.id, members: parsed.members, at: sentAt(), turn: turnInputOf(context) });
      return;
    }
    const name = a.name === 'application/vnd.microsoft.meetingStart' ? 'meetingStart' : a.name === 'application/vnd.microsoft.meetingEnd' ? 'meetingEnd' : undefined;
    if (!name) return;
    const value = (a.value ?? {}) as Record<string, unknown>;
    const pick = (k: string) => (typeof value[k] === 'string' ? (value[k] as string) : typeof value[k[0]!.toLowerCase() + k.slice(1)] === 'string' ? (value[k[0]!.toLowerCase() + k.slice(1)] as string) : undefined);
    await deps.onMeetingEvent({
      name,
      meetingId: channelData.meeting?.id ?? pick('Id'),
      joinUrl: pick('JoinUrl'),
      title: pick('Title'),
      at: instantOf(pick(name === 'meetingStart' ? 'StartTime' : 'EndTime')) ?? sentAt(),
      turn: turnInputOf(context),
    });
  });

  // Adaptive Card Action.Execute: answered with a card for this user, a message or a typed error.
  app.addRoute(
    async (context) => context.activity.type === ActivityTypes.Invoke && context.activity.name === 'adaptiveCard/action',
    async (context) => {
      let turn: TurnInput;
      try {
        turn = turnInputOf(context);
      } catch (error) {
        logger.warn({ event: 'invoke.unreadable', err: (error as Error).message }, 'invoke activity could not be read');
        await sendInvokeResponse(context, 200, { statusCode: 400, type: 'application/vnd.microsoft.error', value: { code: 'invalid-action', message: conversationMessages.de.invalidAction } });
        return;
      }
      const parsed = cardActionSchema.safeParse(context.activity.value);
      if (!parsed.success) {
        const text = conversationMessages[turn.locale].invalidAction;
        await sendInvokeResponse(context, 200, { statusCode: 400, type: 'application/vnd.microsoft.error', value: { code: 'invalid-action', message: text } });
        return;
      }
      let result: CardActionResult;
      try {
        result = await core.handleCardAction(turn, parsed.data.action.verb, wellFormed(parsed.data.action.data));
      } catch (error) {
        result = failureResult(error, turn, logger);
      }
      const { status, body } = invokeBody(result);
      await sendInvokeResponse(context, status, body);
    },
    true,
  );

  app.activity(ActivityTypes.Message, async (context) => {
    const turn = turnInputOf(context);
    try {
      // Action.Submit (the fallback of our Action.Execute buttons) arrives as a message with a value.
      const submitted = submitValueSchema.safeParse(context.activity.value);
      if (submitted.success) {
        const { verb, ...data } = submitted.data;
        const result = await core.handleCardAction(turn, verb, wellFormed(data));
        if (result.kind === 'card') await context.sendActivity(toActivity({ card: result.card }));
        else await context.sendActivity(toActivity({ text: result.text }));
        return;
      }
      if (context.activity.value !== undefined && !turn.text.trim()) {
        await context.sendActivity(toActivity({ text: conversationMessages[turn.locale].invalidAction }));
        return;
      }
      for (const message of await core.handleMessage(turn)) await context.sendActivity(toActivity(message));
    } catch (error) {
      const result = failureResult(error, turn, logger);
      await context.sendActivity(toActivity({ text: result.kind === 'error' ? result.text : conversationMessages[turn.locale].internalError }));
    }
  });

  return app;
}

function failureResult(error: unknown, turn: TurnInput, logger: Logger): CardActionResult {
  const m = conversationMessages[turn.locale];
  if (isStorageOutage(error)) {
    logger.warn({ event: 'turn.storageUnavailable', err: (error as Error).message }, 'storage unavailable during turn');
    return { kind: 'error', status: 503, code: 'storage-unavailable', text: m.storageUnavailable };
  }
  logger.error({ event: 'turn.failed', err: (error as Error).message, stack: (error as Error).stack }, 'turn failed');
  return { kind: 'error', status: 500, code: 'internal', text: m.internalError };
}

export { activityLocale };
