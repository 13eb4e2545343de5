// The conversation core: what the bot says to a turn, as plain data. The Teams layer turns activities into
// TurnInput and sends the OutgoingMessages back; features plug in command handlers and card-action handlers.
import type { DateTime } from 'luxon';
import type { OutgoingMessage, AdaptiveCard } from '../cards/adaptive.js';
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/log.js';
import type { Locale } from '../i18n/locale.js';
import { conversationMessages } from '../i18n/conversation.js';
import type { ConversationRegistry, ConversationSighting } from '../registry/index.js';
import type { Program } from '../program/model.js';
import { sessionStart, sessionEnd, formatDate, formatTimeRange, sortedSessions } from '../program/time.js';
import { parseCommand, commandSpec, type CommandName } from './commands.js';
import type { CoordinatorPolicy } from './coordinators.js';

export interface TurnInput {
  conversation: ConversationSighting;
  user: { id: string; aadObjectId?: string };
  locale: Locale;
  text: string;
  /** Card actions: the activity holding the card (invoke replyToId), for in-place updates. */
  cardActivityId?: string;
}

export type CommandHandler = (turn: TurnInput, argument: string) => Promise<OutgoingMessage[]>;

/** The answer to an Adaptive Card action (invoke): a card for this user, a short message, or an error. */
export type CardActionResult =
  | { kind: 'card'; card: AdaptiveCard }
  | { kind: 'message'; text: string }
  | { kind: 'error'; status: 400 | 403 | 404 | 409 | 500 | 503; code: string; text: string };

export type CardActionHandler = (turn: TurnInput, data: Record<string, unknown>) => Promise<CardActionResult>;

export interface ProgramSource {
  active(): Program | undefined;
}

/** A participant's personal calendar feed (join links included): its URL, and a reset that revokes it. */
export interface PersonalCalendar {
  url(aadObjectId: string): Promise<string>;
  reset(aadObjectId: string): Promise<string>;
}

export interface ConversationCoreDeps {
  registry: ConversationRegistry;
  programs: ProgramSource;
  clock: Clock;
  logger: Logger;
  coordinators: CoordinatorPolicy;
  commands?: Partial<Record<CommandName, CommandHandler>>;
  actions?: Record<string, CardActionHandler>;
  /** Text that is not a command (the FAQ, once it exists). */
  questions?: (turn: TurnInput) => Promise<OutgoingMessage[]>;
  personalCalendar?: PersonalCalendar;
}

export class ConversationCore {
  private readonly commands: Partial<Record<CommandName, CommandHandler>>;
  private readonly actions: Record<string, CardActionHandler>;

  constructor(private readonly deps: ConversationCoreDeps) {
    this.commands = {
      help: async (turn) => [this.help(turn)],
      sessions: async (turn) => [await this.sessionsFor(turn)],
      resetCalendar: async (turn) => [await this.resetCalendar(turn)],
      next: async (turn) => [this.next(turn.locale)],
      subscribe: async (turn) => [await this.subscription(turn, true)],
      unsubscribe: async (turn) => [await this.subscription(turn, false)],
      announceHere: async (turn) => [await this.announceHere(turn)],
      ...deps.commands,
    };
    this.actions = { ...deps.actions };
  }

  private m(locale: Locale) {
    return conversationMessages[locale];
  }

  isCoordinator(turn: Pick<TurnInput, 'user'>): boolean {
    return this.deps.coordinators.isCoordinator(turn.user.aadObjectId);
  }

  welcome(kind: 'personal' | 'team', locale: Locale): OutgoingMessage {
    const title = this.deps.programs.active()?.program.title ?? '';
    const m = this.m(locale);
    return { text: kind === 'personal' ? m.welcomePersonal(title) : m.welcomeTeam(title) };
  }

  async handleMessage(turn: TurnInput): Promise<OutgoingMessage[]> {
    const command = parseCommand(turn.text);
    if (!command) {
      if (this.deps.questions && turn.text.trim()) return this.deps.questions(turn);
      return [{ text: `${this.m(turn.locale).fallback}\n\n${this.helpText(turn)}` }];
    }
    const spec = commandSpec(command.name);
    if (spec.coordinatorOnly && !this.isCoordinator(turn)) {
      this.deps.logger.info({ event: 'command.refused', command: command.name }, 'coordinator command refused');
      return [{ text: this.m(turn.locale).notCoordinator }];
    }
    const handler = this.commands[command.name];
    if (!handler) return [{ text: this.m(turn.locale).notAvailable }];
    this.deps.logger.debug({ event: 'command', command: command.name }, 'command');
    return handler(turn, command.argument);
  }

  async handleCardAction(turn: TurnInput, verb: string, data: Record<string, unknown>): Promise<CardActionResult> {
    const handler = Object.prototype.hasOwnProperty.call(this.actions, verb) ? this.actions[verb] : undefined;
    if (!handler) {
      this.deps.logger.info({ event: 'card.unknownVerb' }, 'unknown card action');
      return { kind: 'error', status: 400, code: 'unknown-action', text: this.m(turn.locale).unknownAction };
    }
    return handler(turn, data);
  }

  private helpText(turn: TurnInput): string {
    const m = this.m(turn.locale);
    const lines = [m.helpTitle, ...m.helpCommands.map(([c, d]) => `- **${c}**: ${d}`)];
    if (this.isCoordinator(turn)) {
      lines.push('', m.helpCoordinatorTitle, ...m.helpCoordinatorCommands.map(([c, d]) => `- **${c}**: ${d}`));
    }
    lines.push('', m.helpQuestions);
    return lines.join('\n');
  }

  private help(turn: TurnInput): OutgoingMessage {
    return { text: this.helpText(turn) };
  }

  private when(start: DateTime, end: DateTime, locale: Locale): string {
    return `${formatDate(start, locale)}, ${formatTimeRange(start, end, locale)}`;
  }

  sessions(locale: Locale): OutgoingMessage {
    const m = this.m(locale);
    const program = this.deps.programs.active();
    if (!program) return { text: m.noProgram };
    const sessions = sortedSessions(program);
    if (!sessions.length) return { text: m.noSessions };
    const now = this.deps.clock.now().getTime();
    const lines = sessions.map((s) => {
      const start = sessionStart(program, s);
      const end = sessionEnd(program, s);
      const marks = [
        s.status === 'cancelled' ? m.cancelled : undefined,
        end.toMillis() < now ? m.past : undefined,
      ].filter(Boolean);
      const when = this.when(start, end, locale);
      const text = `${when}: **${s.title}**${marks.length ? ` (${marks.join(', ')})` : ''}`;
      return `- ${s.status === 'cancelled' ? `~~${text}~~` : text}`;
    });
    return { text: [m.sessionsTitle(program.program.title), '', ...lines].join('\n') };
  }

  /** `termine`: the sessions, and in a personal chat the person's own feed URL (the public feed has no join links). */
  private async sessionsFor(turn: TurnInput): Promise<OutgoingMessage> {
    const listing = this.sessions(turn.locale);
    const aad = turn.user.aadObjectId;
    if (!this.deps.personalCalendar || turn.conversation.kind !== 'personal' || !aad || !this.deps.programs.active()) return listing;
    const url = await this.deps.personalCalendar.url(aad);
    return { text: `${listing.text}\n\n${this.m(turn.locale).personalCalendar(url)}` };
  }

  private async resetCalendar(turn: TurnInput): Promise<OutgoingMessage> {
    const m = this.m(turn.locale);
    if (!this.deps.personalCalendar) return { text: m.notAvailable };
    if (turn.conversation.kind !== 'personal') return { text: m.calendarPersonalOnly };
    if (!turn.user.aadObjectId) return { text: m.calendarNoIdentity };
    const url = await this.deps.personalCalendar.reset(turn.user.aadObjectId);
    this.deps.logger.info({ event: 'calendar.personal.reset' }, 'personal calendar link replaced');
    return { text: m.calendarReset(url) };
  }

  next(locale: Locale): OutgoingMessage {
    const m = this.m(locale);
    const program = this.deps.programs.active();
    if (!program) return { text: m.noProgram };
    const now = this.deps.clock.now().getTime();
    const sessions = sortedSessions(program).filter((s) => s.status !== 'cancelled');
    if (!sessions.length) return { text: m.noSessions };
    const upcoming = sessions.find((s) => sessionEnd(program, s).toMillis() > now);
    if (!upcoming) {
      const last = sessions[sessions.length - 1]!;
      return { text: m.seriesOver(this.when(sessionStart(program, last), sessionEnd(program, last), locale), last.title) };
    }
    const text = m.nextSession(this.when(sessionStart(program, upcoming), sessionEnd(program, upcoming), locale), upcoming.title);
    return { text: upcoming.joinUrl ? `${text}\n\n[${m.joinLink}](${upcoming.joinUrl})` : text };
  }

  private async subscription(turn: TurnInput, subscribe: boolean): Promise<OutgoingMessage> {
    const m = this.m(turn.locale);
    if (turn.conversation.kind !== 'personal') return { text: m.subscriptionPersonalOnly };
    await this.deps.registry.setSubscribed(turn.conversation, subscribe);
    return { text: subscribe ? m.subscribed : m.unsubscribed };
  }

  private async announceHere(turn: TurnInput): Promise<OutgoingMessage> {
    const m = this.m(turn.locale);
    if (turn.conversation.kind !== 'channel' || !turn.conversation.teamId) return { text: m.announceHereChannelOnly };
    await this.deps.registry.setAnnouncementChannel(turn.conversation);
    return { text: m.announceHereDone };
  }
}
