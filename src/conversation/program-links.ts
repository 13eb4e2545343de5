// Which programs a conversation belongs to, chosen in chat: a coordinator links a team channel or group
// chat to one program (`verknüpfen <Programm>` / `link <program>`, a switch needs a confirmation), a
// person follows programs in the personal chat (`anmelden` / `abmelden`, or one button per program). The
// card buttons carry only a program id; the person acting always comes from the turn.
import { z } from 'zod';
import { card, escapeCardText, executeAction, textBlock, type AdaptiveCard, type OutgoingMessage } from '../cards/adaptive.js';
import type { Locale } from '../i18n/locale.js';
import { conversationMessages } from '../i18n/conversation.js';
import type { Program } from '../program/model.js';
import { isMeetingChat, type ConversationRegistry } from '../registry/index.js';
import type { Logger } from '../shared/log.js';
import type { CardActionHandler, CardActionResult, CommandHandler, TurnInput } from './core.js';
import type { CoordinatorPolicy } from './coordinators.js';
import type { ProgramScope } from './program-scope.js';

export const PROGRAM_VERBS = {
  follow: 'programs.follow',
  link: 'programs.link',
  linkConfirm: 'programs.link.confirm',
  linkCancel: 'programs.link.cancel',
} as const;

const programActionSchema = z.object({ programId: z.string().min(1).max(100) });

export interface ProgramLinkDeps {
  registry: Pick<ConversationRegistry, 'follow' | 'unfollow' | 'link'>;
  scope: ProgramScope;
  coordinators: CoordinatorPolicy;
  logger: Logger;
  /** `termin verknüpfen` (feedback): `verknüpfen <Termin>` in a meeting's chat links a session instead. */
  linkMeeting?: CommandHandler;
}

export interface ProgramLinks {
  commands: { link: CommandHandler; subscribe: CommandHandler; unsubscribe: CommandHandler };
  actions: Record<string, CardActionHandler>;
  /** The welcome of a new personal chat with several programs: the programs to follow, one button each. */
  followCard(locale: Locale, followed: string[], lead?: string): AdaptiveCard;
}

function titles(programs: Program[]): string[] {
  return programs.map((p) => p.program.title);
}

function asResult(message: OutgoingMessage): CardActionResult {
  return message.card ? { kind: 'card', card: message.card } : { kind: 'message', text: message.text ?? '' };
}

export function createProgramLinks(deps: ProgramLinkDeps): ProgramLinks {
  const { registry, scope, coordinators, logger } = deps;
  const m = (locale: Locale) => conversationMessages[locale];
  const directory = scope.directory;

  /** A card with a lead line and one button per program. */
  function choiceCard(lead: string, programs: Program[], verb: string, label: (p: Program) => string): AdaptiveCard {
    return card(
      [textBlock(lead)],
      programs.map((p) => executeAction(label(p), verb, { programId: p.program.id })),
      { fallbackText: `${lead} ${programs.map((p) => p.program.title).join(', ')}` },
    );
  }

  function followCard(locale: Locale, followed: string[], lead = m(locale).followChoose): AdaptiveCard {
    const mark = (p: Program) => (followed.includes(p.program.id) ? m(locale).followedMark(p.program.title) : p.program.title);
    return choiceCard(lead, directory.programs(), PROGRAM_VERBS.follow, mark);
  }

  /** Links the turn's chat to `program`; a chat linked to another program is only switched once confirmed. */
  async function linkTo(turn: TurnInput, program: Program, confirmed: boolean): Promise<OutgoingMessage> {
    const t = m(turn.locale);
    const aad = turn.user.aadObjectId;
    const current = (await scope.forTurn(turn)).programs;
    // Switching takes the chat away from its program: only someone who coordinates that one too may do it.
    if (![program, ...current].every((p) => coordinators.isCoordinatorOf(aad, p))) {
      logger.info({ event: 'program.link.refused', programId: program.program.id }, 'link refused');
      return { text: t.notCoordinator };
    }
    const others = current.filter((p) => p.program.id !== program.program.id);
    if (!others.length && current.length) return { text: t.alreadyLinked(program.program.title) };
    if (others.length && !confirmed) {
      const question = t.linkSwitchQuestion(titles(others).join(', '), program.program.title);
      return {
        card: card(
          [textBlock(escapeCardText(question))],
          [executeAction(t.linkSwitchConfirm, PROGRAM_VERBS.linkConfirm, { programId: program.program.id }), executeAction(t.linkSwitchCancel, PROGRAM_VERBS.linkCancel)],
          { fallbackText: question },
        ),
      };
    }
    const change = await registry.link(turn.conversation, program.program.id);
    logger.info({ event: 'program.linked', programId: program.program.id, before: change.before }, 'conversation linked to a program');
    return { text: t.linked(program.program.title) };
  }

  const link: CommandHandler = async (turn, argument) => {
    const t = m(turn.locale);
    if (isMeetingChat(turn.conversation)) return deps.linkMeeting ? deps.linkMeeting(turn, argument) : [{ text: t.notAvailable }];
    if (turn.conversation.kind === 'personal') return [{ text: t.linkPersonal }];
    const all = directory.programs();
    if (!all.length) return [{ text: t.noProgram }];
    let candidates: Program[];
    if (argument.trim()) {
      const match = directory.match(argument);
      if (match.kind === 'none') return [{ text: t.unknownProgram(argument.trim(), titles(all)) }];
      candidates = match.kind === 'one' ? [match.program] : match.candidates;
    } else {
      candidates = all.filter((p) => coordinators.isCoordinatorOf(turn.user.aadObjectId, p));
      if (!candidates.length) return [{ text: t.notCoordinator }];
    }
    if (candidates.length === 1) return [await linkTo(turn, candidates[0]!, false)];
    return [{ card: choiceCard(t.linkChoose, candidates, PROGRAM_VERBS.link, (p) => p.program.title) }];
  };

  /**
   * `anmelden [Programm]` / `abmelden [Programm]` in a personal chat. Without a name: the only program of
   * the deployment, or (with several) the card to choose from when subscribing and every followed program
   * when unsubscribing.
   */
  async function subscription(turn: TurnInput, argument: string, subscribe: boolean): Promise<OutgoingMessage> {
    const t = m(turn.locale);
    if (turn.conversation.kind !== 'personal') return { text: t.subscriptionPersonalOnly };
    const all = directory.programs();
    if (!all.length) return { text: t.noProgram };
    const followed = (await scope.forTurn(turn)).programs;
    let targets: Program[];
    if (argument.trim()) {
      const match = directory.match(argument);
      if (match.kind === 'none') return { text: t.unknownProgram(argument.trim(), titles(all)) };
      if (match.kind === 'several') {
        if (!subscribe) return { text: t.whichProgram(titles(match.candidates)) };
        return { card: choiceCard(t.followChoose, match.candidates, PROGRAM_VERBS.follow, (p) => p.program.title) };
      }
      targets = [match.program];
    } else if (all.length === 1) {
      targets = all;
    } else if (subscribe) {
      return { card: followCard(turn.locale, followed.map((p) => p.program.id)) };
    } else {
      targets = followed;
    }
    return applySubscription(turn, targets, subscribe);
  }

  async function applySubscription(turn: TurnInput, targets: Program[], subscribe: boolean): Promise<OutgoingMessage> {
    const t = m(turn.locale);
    for (const program of targets) {
      if (subscribe) await registry.follow(turn.conversation, program.program.id);
      else await registry.unfollow(turn.conversation, program.program.id);
    }
    if (directory.programs().length === 1) return { text: subscribe ? t.subscribed : t.unsubscribed };
    return { text: subscribe ? t.subscribedTo(titles(targets)) : t.unsubscribedFrom(titles(targets)) };
  }

  /** A button's program: validated data naming an active program, else a clear error. */
  function programOf(turn: TurnInput, data: Record<string, unknown>): Program | CardActionResult {
    const t = m(turn.locale);
    const parsed = programActionSchema.safeParse(data);
    if (!parsed.success) return { kind: 'error', status: 400, code: 'invalid-action', text: t.invalidAction };
    const program = directory.get(parsed.data.programId);
    if (!program) return { kind: 'error', status: 404, code: 'unknown-program', text: t.unknownProgram(parsed.data.programId, titles(directory.programs())) };
    return program;
  }

  const linkAction =
    (confirmed: boolean): CardActionHandler =>
    async (turn, data) => {
      const program = programOf(turn, data);
      if (!('program' in program)) return program;
      const t = m(turn.locale);
      if (turn.conversation.kind === 'personal' || isMeetingChat(turn.conversation)) return { kind: 'message', text: t.linkPersonal };
      if (!coordinators.isCoordinatorOf(turn.user.aadObjectId, program)) return { kind: 'error', status: 403, code: 'not-coordinator', text: t.notCoordinator };
      return asResult(await linkTo(turn, program, confirmed));
    };

  const follow: CardActionHandler = async (turn, data) => {
    const program = programOf(turn, data);
    if (!('program' in program)) return program;
    if (turn.conversation.kind !== 'personal') return { kind: 'message', text: m(turn.locale).subscriptionPersonalOnly };
    return asResult(await applySubscription(turn, [program], true));
  };

  return {
    commands: {
      link,
      subscribe: async (turn, argument) => [await subscription(turn, argument, true)],
      unsubscribe: async (turn, argument) => [await subscription(turn, argument, false)],
    },
    actions: {
      [PROGRAM_VERBS.follow]: follow,
      [PROGRAM_VERBS.link]: linkAction(false),
      [PROGRAM_VERBS.linkConfirm]: linkAction(true),
      [PROGRAM_VERBS.linkCancel]: async (turn) => ({ kind: 'message', text: m(turn.locale).linkCancelled }),
    },
    followCard,
  };
}
