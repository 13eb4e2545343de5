// The FAQ service: the programs' engines + repository. Answers a question from the programs a conversation
// follows (each program's own engine, never a mix), logs it under its program, records votes, forwards
// questions to the coordinators, routes their answers back to the asker and saves them as curated entries of
// the question's program. It returns what to send (cards and the conversation to send them to); the Teams
// layer does the sending.
import crypto from 'node:crypto';
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/log.js';
import { AppError } from '../shared/errors.js';
import type { Locale } from '../i18n/locale.js';
import { faqTexts } from '../i18n/faq.js';
import type { OutgoingMessage } from '../cards/adaptive.js';
import type { AskOptions, FaqAnswer, FaqEngine } from './engine.js';
import type { AskedQuestion, FaqRepository, Escalation, StoredCuratedEntry } from './repository.js';
import { buildAnswerCard, buildCoordinatorAnswerCard, buildEscalationCard, buildProgramAnswersCard, type EscalationView } from './cards.js';
import type { FaqAction } from './actions.js';
import { withComposer, type AnswerComposer } from './generative.js';

/** Where the service finds a program's engine (ProgramFaqEngines in the running service). */
export interface FaqEngineSource {
  /** The engine of an active program; undefined for a program that is not active. */
  engine(programId: string): Promise<FaqEngine | undefined>;
}

export interface FaqServiceDeps {
  engines: FaqEngineSource;
  repository: FaqRepository;
  clock: Clock;
  logger: Logger;
  /** Id source; time-ordered by default so that question rows sort by time. */
  newId?: () => string;
  /** Optional generative mode (AZURE_OPENAI_*); the offline engine's answer is used without it or when it fails. */
  composer?: AnswerComposer;
  /** The title coordinators see on a forwarded question; undefined where naming the program adds nothing (one program). */
  programTitle?: (programId: string) => string | undefined;
}

/** A program the question is asked in. */
export interface AskProgram {
  id: string;
  title: string;
}

export interface AskInput {
  question: string;
  locale: Locale;
  /** The conversation's programs (at least one); each is asked with its own engine. */
  programs: AskProgram[];
  conversationId: string;
  userId?: string;
}

/** One program's answer to a question asked in a conversation, logged as its own question. */
export interface ProgramAnswer {
  program: AskProgram;
  questionId: string;
  answer: FaqAnswer;
}

export interface AskResult {
  /** The programs that answered; when none did, every program asked (each declined). */
  answers: ProgramAnswer[];
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

  /** The program a stored question was asked about (undefined for an unknown question or an older row). */
  async programOfQuestion(questionId: string): Promise<string | undefined> {
    return (await this.deps.repository.getQuestion(questionId))?.programId;
  }

  constructor(private readonly deps: FaqServiceDeps) {
    this.newId = deps.newId ?? (() => timeOrderedId(deps.clock));
  }

  /**
   * One program's answer (through the optional composer), logged nowhere: the CLI's `ask --program`.
   * Throws `faq.unknown_program` for a program that is not active.
   */
  async ask(programId: string, question: string, options: AskOptions = {}): Promise<FaqAnswer> {
    const engine = await this.deps.engines.engine(programId);
    if (!engine) throw new AppError('faq.unknown_program', 'no active program with this id', { programId });
    const offline = async (q: string, o: { locale: Locale; now?: Date }) => engine.ask(q, o);
    const answerFor = this.deps.composer ? withComposer(offline, this.deps.composer, { logger: this.deps.logger }) : offline;
    return answerFor(question, { locale: options.locale ?? 'de', now: options.now ?? this.deps.clock.now() });
  }

  /**
   * A question in a conversation: asked in each of the conversation's programs. The programs that answer are
   * shown grouped and labelled (one program: its answer as before); when none does, one decline names the
   * programs looked in and offers to forward. Each shown answer is logged as a question of its program, so a
   * program's gaps hold only what its own material missed.
   */
  async askInConversation(input: AskInput): Promise<AskResult> {
    if (!input.programs.length) throw new AppError('faq.no_program', 'a question needs at least one program');
    const now = this.deps.clock.now();
    const settled = await Promise.allSettled(input.programs.map(async (program) => ({ program, answer: await this.ask(program.id, input.question, { locale: input.locale, now }) })));
    // A program whose index cannot be built is left out (and logged); the others still answer.
    const asked = settled.flatMap((r, i) => {
      if (r.status === 'fulfilled') return [r.value];
      this.deps.logger.error({ event: 'faq.ask_failed', programId: input.programs[i]!.id, err: (r.reason as Error).message }, 'a program could not answer');
      return [];
    });
    if (!asked.length) throw (settled[0] as PromiseRejectedResult).reason;
    const answered = asked.filter((a) => a.answer.answered);
    const answers: ProgramAnswer[] = (answered.length ? answered : asked).map((a) => ({ ...a, questionId: this.newId() }));
    for (const a of answers) {
      await this.deps.repository.saveQuestion({
        id: a.questionId,
        programId: a.program.id,
        question: input.question,
        locale: input.locale,
        answered: a.answer.answered,
        confidence: a.answer.confidence,
        conversationId: input.conversationId,
        ...(input.userId ? { userId: input.userId } : {}),
        askedAt: now.toISOString(),
      });
      this.deps.logger.info({ event: 'faq.asked', questionId: a.questionId, programId: a.program.id, answered: a.answer.answered, confidence: a.answer.confidence, via: a.answer.via }, 'faq question');
    }
    if (input.programs.length === 1) {
      const only = answers[0]!;
      return { answers, message: { card: buildAnswerCard(only.answer, input.locale, { questionId: only.questionId }), summary: only.answer.answer } };
    }
    const summary = answered.length ? answers.map((a) => `${a.program.title}: ${a.answer.answer}`).join('\n') : faqTexts[input.locale].noAnswerIn(input.programs.map((p) => p.title));
    return { answers, message: { card: buildProgramAnswersCard(answers, input.locale), summary } };
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
        card: buildEscalationCard({ ...this.escalationView(q), ...(escalation.answer ? { answer: escalation.answer } : {}) }, coordinatorLocale),
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
      coordinatorMessage: { card: buildEscalationCard({ ...this.escalationView(q), answer }, coordinatorLocale) },
    };
  }

  /** Saves an answered escalation as a curated entry of the question's program; its engine uses it from now on. */
  async curate(questionId: string, coordinatorId: string): Promise<StoredCuratedEntry> {
    const q = await this.requireQuestion(questionId);
    const escalation = await this.deps.repository.getEscalation(questionId);
    if (!escalation?.answer) throw new AppError('faq.escalation_not_answered', 'only answered questions can be saved', { questionId });
    // A question logged before programs existed, in a deployment that has several now: no program to add it to.
    if (!q.programId) throw new AppError('faq.unknown_program', 'the question belongs to no program', { questionId });
    const entry: StoredCuratedEntry = {
      id: `q-${questionId}`,
      questions: [q.question],
      answer: escalation.answer,
      source: 'Orga-Team',
      createdBy: coordinatorId,
      createdAt: this.deps.clock.now().toISOString(),
    };
    await this.deps.repository.saveCurated(q.programId, entry);
    // A program that is not active right now gets the entry with its engine when it comes back.
    (await this.deps.engines.engine(q.programId))?.addCurated([entry]);
    this.deps.logger.info({ event: 'faq.curated', questionId, programId: q.programId, entryId: entry.id }, 'faq curated');
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

  private escalationView(q: AskedQuestion): EscalationView {
    const programTitle = q.programId ? this.deps.programTitle?.(q.programId) : undefined;
    return { questionId: q.id, question: q.question, askerLocale: q.locale, ...(programTitle ? { programTitle } : {}) };
  }

  private async requireQuestion(questionId: string) {
    const q = await this.deps.repository.getQuestion(questionId);
    if (!q) throw new AppError('faq.question_not_found', 'unknown question', { questionId });
    return q;
  }
}
