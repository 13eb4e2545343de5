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
import type { ProgramScope } from './program-scope.js';
import { createProgramLinks, type ProgramLinks } from './program-links.js';

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

/** A participant's personal calendar feed (join links included): its URL, and a reset that revokes it. */
export interface PersonalCalendar {
  url(aadObjectId: string): Promise<string>;
  reset(aadObjectId: string): Promise<string>;
}

export interface ConversationCoreDeps {
  registry: ConversationRegistry;
  scope: ProgramScope;
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
  private readonly links: ProgramLinks;

  constructor(private readonly deps: ConversationCoreDeps) {
    this.links = createProgramLinks({ ...deps, ...(deps.commands?.linkMeeting ? { linkMeeting: deps.commands.linkMeeting } : {}) });
    this.commands = {
      help: async (turn) => [await this.help(turn)],
      sessions: async (turn) => [await this.sessionsFor(turn)],
      resetCalendar: async (turn) => [await this.resetCalendar(turn)],
      next: async (turn) => [await this.next(turn)],
      ...this.links.commands,
      announceHere: async (turn) => [await this.announceHere(turn)],
      ...deps.commands,
    };
    this.actions = { ...this.links.actions, ...deps.actions };
  }

  private m(locale: Locale) {
    return conversationMessages[locale];
  }

  isCoordinator(turn: Pick<TurnInput, 'user'>): boolean {
    return this.deps.coordinators.isCoordinator(turn.user.aadObjectId);
  }

  /**
   * Whether the turn's person coordinates a program this chat can act on (see ProgramScope.coordinationPool).
   * The features check the one program they act on again.
   */
  async mayCoordinate(turn: TurnInput): Promise<boolean> {
    if (this.isCoordinator(turn)) return true;
    const pool = await this.deps.scope.coordinationPool(turn);
    return pool.some((p) => this.deps.coordinators.isCoordinatorOf(turn.user.aadObjectId, p));
  }

  /** The first message in a new chat; with several programs it says how to choose one. */
  welcome(kind: 'personal' | 'team', locale: Locale): OutgoingMessage {
    const directory = this.deps.scope.directory;
    const title = directory.only()?.program.title ?? '';
    const m = this.m(locale);
    const several = directory.programs().length > 1;
    if (kind === 'personal') return several ? { card: this.links.followCard(locale, [], m.welcomePersonalChoose) } : { text: m.welcomePersonal(title) };
    const titles = directory.programs().map((p) => p.program.title);
    return { text: several ? `${m.welcomeTeam('')}\n\n${m.welcomeTeamLink(titles)}` : m.welcomeTeam(title) };
  }

  async handleMessage(turn: TurnInput): Promise<OutgoingMessage[]> {
    const command = parseCommand(turn.text);
    if (!command) {
      if (this.deps.questions && turn.text.trim()) return this.deps.questions(turn);
      return [{ text: `${this.m(turn.locale).fallback}\n\n${await this.helpText(turn)}` }];
    }
    const spec = commandSpec(command.name);
    if (spec.coordinatorOnly && !(await this.mayCoordinate(turn))) {
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

  private async helpText(turn: TurnInput): Promise<string> {
    const m = this.m(turn.locale);
    const coordinator = await this.mayCoordinate(turn);
    const lines = [m.helpTitle, ...m.helpCommands.map(([c, d]) => `- **${c}**: ${d}`)];
    if (coordinator) {
      lines.push('', m.helpCoordinatorTitle, ...m.helpCoordinatorCommands.map(([c, d]) => `- **${c}**: ${d}`));
    }
    lines.push('', m.helpQuestions);
    return lines.join('\n');
  }

  private async help(turn: TurnInput): Promise<OutgoingMessage> {
    return { text: await this.helpText(turn) };
  }

  private when(start: DateTime, end: DateTime, locale: Locale): string {
    return `${formatDate(start, locale)}, ${formatTimeRange(start, end, locale)}`;
  }

  /** The sessions of one program, as a Markdown list under the program's title. */
  private sessionList(program: Program, locale: Locale): string {
    const m = this.m(locale);
    const sessions = sortedSessions(program);
    if (!sessions.length) return [m.sessionsTitle(program.program.title), '', m.noSessions].join('\n');
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
    return [m.sessionsTitle(program.program.title), '', ...lines].join('\n');
  }

  /** `termine`: the sessions of the conversation's programs, and in a personal chat the person's own feed URL. */
  private async sessionsFor(turn: TurnInput): Promise<OutgoingMessage> {
    const { programs } = await this.deps.scope.forTurn(turn);
    if (!programs.length) return { text: this.noProgramText(turn) };
    const listing = programs.map((p) => this.sessionList(p, turn.locale)).join('\n\n');
    const aad = turn.user.aadObjectId;
    if (!this.deps.personalCalendar || turn.conversation.kind !== 'personal' || !aad) return { text: listing };
    const url = await this.deps.personalCalendar.url(aad);
    return { text: `${listing}\n\n${this.m(turn.locale).personalCalendar(url)}` };
  }

  /** No program here: none loaded at all, or (with several) none chosen for this conversation yet. */
  private noProgramText(turn: TurnInput): string {
    const m = this.m(turn.locale);
    const all = this.deps.scope.directory.programs();
    if (!all.length) return m.noProgram;
    return turn.conversation.kind === 'personal' ? m.noProgramFollowed(all.map((p) => p.program.title)) : m.noProgramLinked;
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

  /** `nächster termin`: the next session of each of the conversation's programs. */
  private async next(turn: TurnInput): Promise<OutgoingMessage> {
    const { programs } = await this.deps.scope.forTurn(turn);
    if (!programs.length) return { text: this.noProgramText(turn) };
    const parts = programs.map((p) => this.nextOf(p, turn.locale, programs.length > 1));
    return { text: parts.join('\n\n') };
  }

  private nextOf(program: Program, locale: Locale, labelled: boolean): string {
    const m = this.m(locale);
    const label = labelled ? `**${program.program.title}**: ` : '';
    const now = this.deps.clock.now().getTime();
    const sessions = sortedSessions(program).filter((s) => s.status !== 'cancelled');
    if (!sessions.length) return `${label}${m.noSessions}`;
    const upcoming = sessions.find((s) => sessionEnd(program, s).toMillis() > now);
    if (!upcoming) {
      const last = sessions[sessions.length - 1]!;
      return `${label}${m.seriesOver(this.when(sessionStart(program, last), sessionEnd(program, last), locale), last.title)}`;
    }
    const text = m.nextSession(this.when(sessionStart(program, upcoming), sessionEnd(program, upcoming), locale), upcoming.title);
    return `${label}${upcoming.joinUrl ? `${text}\n\n[${m.joinLink}](${upcoming.joinUrl})` : text}`;
  }

  private async announceHere(turn: TurnInput): Promise<OutgoingMessage> {
    const m = this.m(turn.locale);
    if (turn.conversation.kind !== 'channel' || !turn.conversation.teamId) return { text: m.announceHereChannelOnly };
    await this.deps.registry.setAnnouncementChannel(turn.conversation);
    return { text: m.announceHereDone };
  }
}
