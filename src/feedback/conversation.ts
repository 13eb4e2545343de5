// Feedback in conversations: the poll card's buttons (invokes or Action.Submit fallbacks), the
// `ergebnisse` / `rückblick` commands, and `termin verknüpfen` (a coordinator assigns a Teams meeting's chat
// to a session, so that its meetingEnd opens that poll). The responder always comes from the activity,
// never from card data. Which program: a card names its own; a command answers about the conversation's
// program, and in a personal chat following several about the one named first in the argument (its id or
// title), or the one whose session the argument names; otherwise the answer lists the programs to choose from.
import type { CardActionHandler, CommandHandler, ProgramScope, TurnInput } from '../conversation/index.js';
import { conversationMessages } from '../i18n/conversation.js';
import { feedbackText } from '../i18n/feedback.js';
import type { Locale } from '../i18n/locale.js';
import type { Program } from '../program/model.js';
import { isMeetingChat, type ConversationRegistry } from '../registry/index.js';
import { FEEDBACK_VERBS } from './cards.js';
import { resolveSession } from './retrospective.js';
import { sessionList } from './service.js';
import type { FeedbackService } from './service.js';

export interface FeedbackConversation {
  commands: { results: CommandHandler; retrospective: CommandHandler; linkMeeting: CommandHandler };
  actions: Record<string, CardActionHandler>;
}

type ProgramPick = { program: Program; argument: string } | { text: string };

/** The command words of the examples in the choice text. */
const EXAMPLES: Record<Locale, { results: string; retrospective: string }> = {
  de: { results: 'ergebnisse', retrospective: 'rückblick' },
  en: { results: 'results', retrospective: 'retrospective' },
};

export function createFeedbackConversation(deps: { feedback: FeedbackService; scope: ProgramScope; registry: ConversationRegistry }): FeedbackConversation {
  const { feedback, scope, registry } = deps;

  /**
   * The program a command is about and what is left of its argument. For `results` the argument names a
   * session, so a session found in exactly one of the programs picks that program.
   */
  const pickProgram = async (turn: TurnInput, argument: string, command: 'results' | 'retrospective'): Promise<ProgramPick> => {
    // A conversation that follows no program (a personal chat after `abmelden`) may still look at results:
    // then every program is a candidate, and with one program in the deployment that one answers, as before.
    const following = (await scope.forTurn(turn)).programs;
    const own = following.length ? following : scope.directory.programs();
    if (!own.length) return { text: conversationMessages[turn.locale].noProgram };
    if (own.length === 1) return { program: own[0]!, argument };
    const arg = argument.trim();
    const [first = '', ...rest] = arg.split(/\s+/);
    const byId = own.find((p) => p.program.id === first.toLowerCase());
    if (byId) return { program: byId, argument: rest.join(' ') };
    if (command === 'results' && arg) {
      const found = own.filter((p) => resolveSession(p, arg).kind === 'found');
      if (found.length === 1) return { program: found[0]!, argument: arg };
    }
    const named = arg ? scope.directory.match(arg) : undefined;
    if (named?.kind === 'one' && own.some((p) => p.program.id === named.program.program.id)) return { program: named.program, argument: '' };
    const t = feedbackText(turn.locale);
    const example = `${EXAMPLES[turn.locale][command]} ${own[0]!.program.id}${command === 'results' ? ' …' : ''}`;
    return { text: t.chooseProgram(example, own.map((p) => `- ${p.program.id}: ${p.program.title}`).join('\n')) };
  };

  const linkMeeting: CommandHandler = async (turn, argument) => {
    const t = feedbackText(turn.locale);
    const own = (await scope.forTurn(turn)).programs;
    // A meeting chat not linked yet belongs to no program: every program's sessions are candidates.
    const candidates = own.length ? own : scope.directory.programs();
    if (!candidates.length) return [{ text: conversationMessages[turn.locale].noProgram }];
    if (!isMeetingChat(turn.conversation)) return [{ text: t.meetingChatOnly }];
    const resolutions = candidates.map((program) => ({ program, found: resolveSession(program, argument) }));
    const hits = resolutions.flatMap(({ program, found }) => (found.kind === 'found' ? [{ program, session: found.session }] : []));
    if (hits.length === 1) {
      const { program, session } = hits[0]!;
      await registry.linkMeetingSession(turn.conversation, `${program.program.id}/${session.id}`);
      return [{ text: t.meetingLinked(session.title) }];
    }
    const labelled = candidates.length > 1;
    const list = resolutions
      .map(({ program, found }) => {
        const sessions = sessionList(program, found.kind === 'found' ? [found.session] : found.candidates);
        return labelled ? `${t.programHeading(program.program.title)}\n${sessions}` : sessions;
      })
      .join('\n');
    const arg = argument.trim();
    const kind = !arg ? 'missing' : hits.length > 1 || resolutions.some((r) => r.found.kind === 'ambiguous') ? 'ambiguous' : 'unknown';
    const text = kind === 'missing' ? t.missingSessionArg(list) : kind === 'ambiguous' ? t.ambiguousSessionArg(arg, list) : t.unknownSessionArg(arg, list);
    return [{ text }];
  };
  const responder = (turn: TurnInput) => ({
    // Teams always sends the Entra object id; the channel account id is the fallback for clients that do not.
    responderAadId: turn.user.aadObjectId ?? turn.user.id,
    responderUserId: turn.user.id,
    locale: turn.locale,
  });
  const action =
    (verb: string): CardActionHandler =>
    async (turn, data) => {
      if (!scope.directory.programs().length) return { kind: 'error', status: 404, code: 'no-program', text: conversationMessages[turn.locale].noProgram };
      const outcome = await feedback.handleAction({ verb, data, ...responder(turn) });
      return { kind: 'card', card: outcome.card };
    };
  return {
    commands: {
      results: async (turn, argument) => {
        const picked = await pickProgram(turn, argument, 'results');
        if ('text' in picked) return [{ text: picked.text }];
        return [await feedback.resultsCommand(picked.argument, turn.locale, picked.program)];
      },
      retrospective: async (turn, argument) => {
        const picked = await pickProgram(turn, argument, 'retrospective');
        if ('text' in picked) return [{ text: picked.text }];
        return [await feedback.retrospectiveCommand(turn.locale, undefined, picked.program)];
      },
      linkMeeting,
    },
    actions: Object.fromEntries(Object.values(FEEDBACK_VERBS).map((verb) => [verb, action(verb)])),
  };
}
