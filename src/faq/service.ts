// The FAQ service: engine + repository. Asks and logs, records votes, forwards questions to the
// coordinators, routes their answers back to the asker and saves them as curated entries. It returns what to
// send (cards and the conversation to send them to); the Teams layer does the sending.
import crypto from 'node:crypto';
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/log.js';
import { AppError } from '../shared/errors.js';
import type { Locale } from '../i18n/locale.js';
import { faqTexts } from '../i18n/faq.js';
import type { OutgoingMessage } from '../cards/adaptive.js';
import type { FaqAnswer, FaqEngine } from './engine.js';
import type { FaqRepository, Escalation, StoredCuratedEntry } from './repository.js';
import { buildAnswerCard, buildCoordinatorAnswerCard, buildEscalationCard } from './cards.js';
import type { FaqAction } from './actions.js';
import { withComposer, type AnswerComposer } from './generative.js';

export interface FaqServiceDeps {
  engine: FaqEngine;
  repository: FaqRepository;
  clock: Clock;
  logger: Logger;
  /** Id source; time-ordered by default so that question rows sort by time. */
  newId?: () => string;
  /** Optional generative mode (AZURE_OPENAI_*); the offline engine's answer is used without it or when it fails. */
  composer?: AnswerComposer;
}

export interface AskInput {
  question: string;
  locale: Locale;
  conversationId: string;
  userId?: string;
}

export interface AskResult {
  questionId: string;
  answer: FaqAnswer;
  message: OutgoingMessage;
}

export interface ForwardResult {
  escalation: Escalation;
  /** False when the question had been forwarded before (no second card is posted). */
  created: boolean;
  /** For the coordinators' channel. */
  coordinatorMessage: OutgoingMessage;
  /** Confirmation for the asker. */
  askerMessage: OutgoingMessage;
}

export interface AnswerResult {
  escalation: Escalation;
  /** Where the answer goes: the asker's conversation, and who asked (to find their personal chat). */
  askerConversationId: string;
  askerUserId?: string;
  askerMessage: OutgoingMessage;
  /** Replaces the escalation card in the coordinators' channel (shows the answer and the curate action). */
  coordinatorMessage: OutgoingMessage;
}

export type ActionResult =
  | { verb: 'faq.helpful' | 'faq.unhelpful'; reply: OutgoingMessage }
  | { verb: 'faq.forward'; result: ForwardResult }
  | { verb: 'faq.answer'; result: AnswerResult }
  | { verb: 'faq.curate'; entry: StoredCuratedEntry; reply: OutgoingMessage };

function timeOrderedId(clock: Clock): string {
  return `${clock.now().getTime().toString(36).padStart(9, '0')}${crypto.randomBytes(5).toString('hex')}`;
}

export class FaqService {
  private readonly newId: () => string;
  private readonly answerFor: (question: string, options: { locale: Locale; now: Date }) => Promise<FaqAnswer>;

  constructor(private readonly deps: FaqServiceDeps) {
    this.newId = deps.newId ?? (() => timeOrderedId(deps.clock));
    const offline = async (question: string, options: { locale: Locale; now?: Date }) => deps.engine.ask(question, options);
    this.answerFor = deps.composer ? withComposer(offline, deps.composer, { logger: deps.logger }) : offline;
  }

  /** Feeds the curated entries saved by coordinators into the engine (call once at start). */
  async loadCurated(): Promise<number> {
    const entries = await this.deps.repository.listCurated();
    if (entries.length) this.deps.engine.addCurated(entries);
    return entries.length;
  }

  async ask(input: AskInput): Promise<AskResult> {
    const answer = await this.answerFor(input.question, { locale: input.locale, now: this.deps.clock.now() });
    const questionId = this.newId();
    await this.deps.repository.saveQuestion({
      id: questionId,
      question: input.question,
      locale: input.locale,
      answered: answer.answered,
      confidence: answer.confidence,
      conversationId: input.conversationId,
      ...(input.userId ? { userId: input.userId } : {}),
      askedAt: this.deps.clock.now().toISOString(),
    });
    this.deps.logger.info({ event: 'faq.asked', questionId, answered: answer.answered, confidence: answer.confidence, via: answer.via }, 'faq question');
    return { questionId, answer, message: { card: buildAnswerCard(answer, input.locale, { questionId }), summary: answer.answer } };
  }

  async vote(questionId: string, voterId: string, helpful: boolean): Promise<void> {
    await this.requireQuestion(questionId);
    await this.deps.repository.saveVote({ questionId, voterId, helpful, votedAt: this.deps.clock.now().toISOString() });
    this.deps.logger.info({ event: 'faq.voted', questionId, helpful }, 'faq vote');
  }

  async forward(questionId: string, coordinatorLocale: Locale = 'de'): Promise<ForwardResult> {
    const q = await this.requireQuestion(questionId);
    const created = await this.deps.repository.openEscalation(questionId, this.deps.clock.now().toISOString());
    const escalation = (await this.deps.repository.getEscalation(questionId))!;
    this.deps.logger.info({ event: 'faq.forwarded', questionId, created }, 'faq forwarded');
    return {
      escalation,
      created,
      coordinatorMessage: {
        card: buildEscalationCard({ questionId, question: q.question, askerLocale: q.locale, ...(escalation.answer ? { answer: escalation.answer } : {}) }, coordinatorLocale),
        summary: faqTexts[coordinatorLocale].cardEscalationTitle,
      },
      askerMessage: { text: faqTexts[q.locale].forwarded },
    };
  }

  async answerEscalation(questionId: string, answer: string, coordinatorId: string, coordinatorLocale: Locale = 'de'): Promise<AnswerResult> {
    const q = await this.requireQuestion(questionId);
    const escalation = await this.deps.repository.answerEscalation(questionId, answer, coordinatorId, this.deps.clock.now().toISOString());
    this.deps.logger.info({ event: 'faq.escalation_answered', questionId }, 'faq escalation answered');
    return {
      escalation,
      askerConversationId: q.conversationId,
      ...(q.userId ? { askerUserId: q.userId } : {}),
      askerMessage: { card: buildCoordinatorAnswerCard(q.question, answer, q.locale, { questionId }), summary: answer },
      coordinatorMessage: { card: buildEscalationCard({ questionId, question: q.question, askerLocale: q.locale, answer }, coordinatorLocale) },
    };
  }

  /** Saves an answered escalation as a curated entry; the engine uses it from now on. */
  async curate(questionId: string, coordinatorId: string): Promise<StoredCuratedEntry> {
    const q = await this.requireQuestion(questionId);
    const escalation = await this.deps.repository.getEscalation(questionId);
    if (!escalation?.answer) throw new AppError('faq.escalation_not_answered', 'only answered questions can be saved', { questionId });
    const entry: StoredCuratedEntry = {
      id: `q-${questionId}`,
      questions: [q.question],
      answer: escalation.answer,
      source: 'Orga-Team',
      createdBy: coordinatorId,
      createdAt: this.deps.clock.now().toISOString(),
    };
    await this.deps.repository.saveCurated(entry);
    this.deps.engine.addCurated([entry]);
    this.deps.logger.info({ event: 'faq.curated', questionId, entryId: entry.id }, 'faq curated');
    return entry;
  }

  /** Carries out a parsed card action by a user (participant or coordinator). */
  async handleAction(action: FaqAction, actor: { userId: string; locale: Locale }): Promise<ActionResult> {
    const t = faqTexts[actor.locale];
    switch (action.verb) {
      case 'faq.helpful':
      case 'faq.unhelpful':
        await this.vote(action.questionId, actor.userId, action.verb === 'faq.helpful');
        return { verb: action.verb, reply: { text: t.voteThanks } };
      case 'faq.forward':
        return { verb: action.verb, result: await this.forward(action.questionId) };
      case 'faq.answer':
        return { verb: action.verb, result: await this.answerEscalation(action.questionId, action.answer, actor.userId, actor.locale) };
      case 'faq.curate': {
        const entry = await this.curate(action.questionId, actor.userId);
        return { verb: action.verb, entry, reply: { text: t.curated } };
      }
    }
  }

  private async requireQuestion(questionId: string) {
    const q = await this.deps.repository.getQuestion(questionId);
    if (!q) throw new AppError('faq.question_not_found', 'unknown question', { questionId });
    return q;
  }
}
