// The FAQ in conversations: questions that are not commands, the 👍/👎/forward buttons, "hier eskalieren",
// and the coordinators' answer travelling back to the asker. A question is answered from the conversation's
// programs only (ProgramScope): a linked team's program, or the programs a personal chat follows. Plain
// TypeScript over the conversation core's TurnInput; proactive posts go through the ConversationSender port.
import type { OutgoingMessage } from '../cards/adaptive.js';
import type { CardActionHandler, CardActionResult, CommandHandler, TurnInput } from '../conversation/index.js';
import type { CoordinatorPolicy } from '../conversation/coordinators.js';
import type { ProgramScope } from '../conversation/program-scope.js';
import type { ConversationSender } from '../delivery/sender.js';
import type { ConversationRegistry, ConversationRoles, StoredConversation } from '../registry/index.js';
import { AppError } from '../shared/errors.js';
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/log.js';
import { conversationMessages } from '../i18n/conversation.js';
import { faqTexts } from '../i18n/faq.js';
import { parseFaqAction, FAQ_VERBS } from './actions.js';
import type { FaqService } from './service.js';

export interface FaqConversationDeps {
  faq: FaqService;
  scope: Pick<ProgramScope, 'forTurn' | 'directory'>;
  registry: ConversationRegistry;
  roles: ConversationRoles;
  sender: ConversationSender;
  coordinators: CoordinatorPolicy;
  clock: Clock;
  logger: Logger;
}

export interface FaqConversation {
  questions: (turn: TurnInput) => Promise<OutgoingMessage[]>;
  commands: { escalateHere: CommandHandler };
  actions: Record<string, CardActionHandler>;
}

const COORDINATOR_VERBS = new Set(['faq.answer', 'faq.curate']);
/** Longer messages are not questions the FAQ can answer, and would not fit a table property either. */
export const MAX_QUESTION_LENGTH = 1000;

/** Who asked: the Entra object id when Teams sends one, else the channel account id. */
function askerId(turn: TurnInput): string {
  return turn.user.aadObjectId ?? turn.user.id;
}

export function createFaqConversation(deps: FaqConversationDeps): FaqConversation {
  const { faq, registry, roles, sender, coordinators, logger } = deps;

  async function whereToAnswer(userId: string, conversationId: string): Promise<StoredConversation | undefined> {
    // The answer goes to the asker's personal chat; a question from a channel falls back to that channel.
    const personal = (await registry.list('personal')).find((c) => c.userAadObjectId === userId && !c.removed && !c.inactive);
    if (personal) return personal;
    const all = await registry.list();
    return all.find((c) => c.conversationId === conversationId && !c.removed);
  }

  /** Coordinators of every program, or of the program the question was asked about, answer and curate it. */
  async function coordinatesQuestion(turn: TurnInput, questionId: string): Promise<boolean> {
    const aad = turn.user.aadObjectId;
    if (coordinators.isCoordinator(aad)) return true;
    const programId = await faq.programOfQuestion(questionId);
    const program = programId ? deps.scope.directory.get(programId) : undefined;
    return program !== undefined && coordinators.isCoordinatorOf(aad, program);
  }

  /** No program to answer from: none loaded, or (with several) none followed or linked here yet. */
  function noProgramText(turn: TurnInput): string {
    const t = faqTexts[turn.locale];
    const all = deps.scope.directory.programs();
    if (!all.length) return t.noProgramLoaded;
    return turn.conversation.kind === 'personal' ? t.noProgramFollowed(all.map((p) => p.program.title)) : t.noProgramLinked;
  }

  const action: CardActionHandler = async (turn, data): Promise<CardActionResult> => {
    const t = faqTexts[turn.locale];
    const verb = typeof data.verb === 'string' ? data.verb : undefined;
    const parsed = parseFaqAction(verb, data);
    if (!parsed.ok) return { kind: 'error', status: 400, code: 'invalid-action', text: t.actionInvalid };
    if (COORDINATOR_VERBS.has(parsed.action.verb) && !(await coordinatesQuestion(turn, parsed.action.questionId))) {
      return { kind: 'error', status: 403, code: 'not-coordinator', text: conversationMessages[turn.locale].notCoordinator };
    }
    try {
      const result = await faq.handleAction(parsed.action, { userId: askerId(turn), locale: turn.locale });
      switch (result.verb) {
        case 'faq.helpful':
        case 'faq.unhelpful':
        case 'faq.curate':
          return { kind: 'message', text: result.reply.text ?? t.voteThanks };
        case 'faq.forward': {
          const channel = await roles.get('escalation');
          if (!channel) return { kind: 'message', text: `${t.noEscalationChannel}` };
          if (result.result.created) await sender.send(channel, result.result.coordinatorMessage);
          return { kind: 'message', text: result.result.askerMessage.text ?? t.forwarded };
        }
        case 'faq.answer': {
          const { askerMessage, askerConversationId, askerUserId, coordinatorMessage } = result.result;
          const target = await whereToAnswer(askerUserId ?? '', askerConversationId);
          let delivered = false;
          if (target) {
            try {
              await sender.send(target, askerMessage);
              delivered = true;
            } catch (error) {
              logger.warn({ event: 'faq.answer_undelivered', err: (error as Error).message }, 'answer could not be delivered');
            }
          }
          if (coordinatorMessage.card) return { kind: 'card', card: coordinatorMessage.card };
          return { kind: 'message', text: delivered ? t.answerSent : t.answerNotDelivered };
        }
      }
    } catch (error) {
      if (error instanceof AppError && error.code === 'faq.question_not_found') return { kind: 'error', status: 404, code: 'unknown-question', text: t.questionNotFound };
      if (error instanceof AppError && error.code === 'faq.escalation_not_answered') return { kind: 'error', status: 409, code: 'not-answered', text: t.notAnsweredYet };
      if (error instanceof AppError && error.code === 'faq.unknown_program') return { kind: 'error', status: 409, code: 'unknown-program', text: t.programGone };
      throw error;
    }
  };

  return {
    questions: async (turn) => {
      const t = faqTexts[turn.locale];
      if (turn.text.length > MAX_QUESTION_LENGTH) return [{ text: t.questionTooLong(MAX_QUESTION_LENGTH) }];
      const { programs } = await deps.scope.forTurn(turn);
      if (!programs.length) return [{ text: noProgramText(turn) }];
      const result = await faq.askInConversation({
        question: turn.text,
        locale: turn.locale,
        programs: programs.map((p) => ({ id: p.program.id, title: p.program.title })),
        conversationId: turn.conversation.conversationId,
        userId: askerId(turn),
      });
      return [result.message];
    },
    commands: {
      escalateHere: async (turn) => {
        const t = faqTexts[turn.locale];
        if (turn.conversation.kind !== 'channel' || !turn.conversation.teamId) return [{ text: t.escalateHereChannelOnly }];
        const entry = await registry.touch(turn.conversation);
        await roles.set('escalation', { kind: 'channel', conversationId: turn.conversation.conversationId, teamId: entry.teamId }, askerId(turn), deps.clock.now());
        return [{ text: t.escalateHereDone }];
      },
    },
    actions: Object.fromEntries(FAQ_VERBS.map((verb) => [verb, (turn: TurnInput, data: Record<string, unknown>) => action(turn, { ...data, verb })])),
  };
}
