// Feedback in conversations: the poll card's buttons (invokes or Action.Submit fallbacks), and the
// `ergebnisse` / `rückblick` commands. The responder always comes from the activity, never from card data.
import type { CardActionHandler, CommandHandler, ProgramSource, TurnInput } from '../conversation/index.js';
import { conversationMessages } from '../i18n/conversation.js';
import { FEEDBACK_VERBS } from './cards.js';
import type { FeedbackService } from './service.js';

export interface FeedbackConversation {
  commands: { results: CommandHandler; retrospective: CommandHandler };
  actions: Record<string, CardActionHandler>;
}

export function createFeedbackConversation(deps: { feedback: FeedbackService; programs: ProgramSource }): FeedbackConversation {
  const { feedback, programs } = deps;
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
    },
    actions: Object.fromEntries(Object.values(FEEDBACK_VERBS).map((verb) => [verb, action(verb)])),
  };
}
