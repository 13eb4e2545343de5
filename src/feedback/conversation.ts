// Feedback in conversations: the poll card's buttons (invokes or Action.Submit fallbacks), the
// `ergebnisse` / `rückblick` commands, and `termin verknüpfen` (a coordinator assigns a Teams meeting's chat
// to a session, so that its meetingEnd opens that poll). The responder always comes from the activity,
// never from card data.
import type { CardActionHandler, CommandHandler, TurnInput } from '../conversation/index.js';
import type { ProgramSource } from './service.js';
import { conversationMessages } from '../i18n/conversation.js';
import { feedbackText } from '../i18n/feedback.js';
import { isMeetingChat, type ConversationRegistry } from '../registry/index.js';
import { FEEDBACK_VERBS } from './cards.js';
import { resolveSession } from './retrospective.js';
import { sessionList } from './service.js';
import type { FeedbackService } from './service.js';

export interface FeedbackConversation {
  commands: { results: CommandHandler; retrospective: CommandHandler; linkMeeting: CommandHandler };
  actions: Record<string, CardActionHandler>;
}

export function createFeedbackConversation(deps: { feedback: FeedbackService; programs: ProgramSource; registry: ConversationRegistry }): FeedbackConversation {
  const { feedback, programs, registry } = deps;
  const linkMeeting: CommandHandler = async (turn, argument) => {
    const program = programs.active();
    if (!program) return [{ text: conversationMessages[turn.locale].noProgram }];
    const t = feedbackText(turn.locale);
    if (!isMeetingChat(turn.conversation)) return [{ text: t.meetingChatOnly }];
    const found = resolveSession(program, argument);
    if (found.kind !== 'found') {
      const list = sessionList(program, found.candidates);
      const arg = argument.trim();
      const text = found.kind === 'missing' ? t.missingSessionArg(list) : found.kind === 'ambiguous' ? t.ambiguousSessionArg(arg, list) : t.unknownSessionArg(arg, list);
      return [{ text }];
    }
    await registry.linkMeetingSession(turn.conversation, `${program.program.id}/${found.session.id}`);
    return [{ text: t.meetingLinked(found.session.title) }];
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
      if (!programs.active()) return { kind: 'error', status: 404, code: 'no-program', text: conversationMessages[turn.locale].noProgram };
      const outcome = await feedback.handleAction({ verb, data, ...responder(turn) });
      return { kind: 'card', card: outcome.card };
    };
  return {
    commands: {
      results: async (turn, argument) =>
        programs.active() ? [await feedback.resultsCommand(argument, turn.locale)] : [{ text: conversationMessages[turn.locale].noProgram }],
      retrospective: async (turn) =>
        programs.active() ? [await feedback.retrospectiveCommand(turn.locale)] : [{ text: conversationMessages[turn.locale].noProgram }],
      linkMeeting,
    },
    actions: Object.fromEntries(Object.values(FEEDBACK_VERBS).map((verb) => [verb, action(verb)])),
  };
}
