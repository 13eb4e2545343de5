// The feedback service: answers the feedback cards' actions (submit, edit, refresh), shows results and the
// series retrospective on demand, and carries out the privacy duties (delete my data, retention purge).
// One service serves every program of the deployment: card actions name their program (cards from before
// that belong to the deployment's only program), commands are given the program the conversation chose.
// Bad input never throws: every rejection is a typed error with localized text and an error card.
import type { AdaptiveCard, OutgoingMessage } from '../cards/adaptive.js';
import type { Locale } from '../i18n/locale.js';
import { feedbackText, type FeedbackErrorCode } from '../i18n/feedback.js';
import type { Program, Session } from '../program/model.js';
import { sessionStart } from '../program/time.js';
import { systemClock, type Clock } from '../shared/clock.js';
import { AppError } from '../shared/errors.js';
import { silentLogger, type Logger } from '../shared/log.js';
import type { TableStore } from '../storage/tables.js';
import { parseFeedbackAction, validateAnswer, type FeedbackAction } from './actions.js';
import {
  errorCard,
  pollCard,
  resultsMessage,
  seriesMessage,
  thankYouCard,
  type Answer,
  type LiveAggregate,
} from './cards.js';
import { FeedbackRepository, parseSessionPartition, sessionPartition, type PollState } from './repository.js';
import { LiveResponses } from './live.js';
import { resolveSession, seriesResults, sessionResults, type AudienceSizes, type ResponseRecord, type SeriesResults, type SessionResults } from './retrospective.js';

export interface FeedbackDeps {
  store: TableStore;
  /** The current program; a function so that a reloaded program.yaml takes effect without a restart. */
  program: Program | (() => Program);
  clock?: Clock;
  logger?: Logger;
  /** FEEDBACK_KEY, the key of the responder pseudonyms (see src/privacy/feedback-key.ts). */
  feedbackKey?: Buffer;
}

/**
 * Attendance lines for results and the retrospective (src/attendance): per session present, response rate
 * relative to them, the trend. Empty without attendance data.
 */
export type AttendanceLines = (
  programId: string,
  sessions: ReadonlyArray<{ id: string; title: string }>,
  locale: Locale,
  responses: Readonly<Record<string, number>>,
) => Promise<string[]>;

export interface FeedbackError {
  code: FeedbackErrorCode;
  /** The error in the user's language. */
  text: string;
}

/** The card that replaces the feedback card for this person, or a rejection with its error card. */
export type ActionOutcome = { card: AdaptiveCard } | { error: FeedbackError; card: AdaptiveCard };

export interface ActorInput {
  /** Entra object id from the activity (`from.aadObjectId`). Card data is never trusted for identity. */
  responderAadId: string;
  /** Bot Framework user id from the activity (`from.id`): only this person's own card refreshes itself. */
  responderUserId?: string;
  locale: Locale;
}

export interface VoteInput extends ActorInput {
  /** Overrides the session id in the data when the caller knows it. */
  sessionId?: string;
  /** The action's data including the inputs (rating, good, better). */
  data: unknown;
}

export interface ActionInput extends ActorInput {
  /** `value.action.verb` of an Action.Execute invoke; omitted for an Action.Submit message (verb in data). */
  verb?: string;
  data: unknown;
}

export interface DeletionReport {
  total: number;
  sessions: Array<{ programId: string; sessionId: string; removed: number }>;
}

/** The deployment's programs by id (src/program/catalog.ts ProgramCatalog fits). */
export interface FeedbackPrograms {
  ids(): string[];
  get(programId: string): Program | undefined;
}

export interface FeedbackServiceDeps extends Omit<FeedbackDeps, 'program'> {
  /** One program (CLI, tests; a function so that a reloaded program takes effect), or every program by id. */
  program: FeedbackDeps['program'] | FeedbackPrograms;
}

/** Default retention of responses (days); the configuration may pass another value to purgeOlderThan. */
export const DEFAULT_RETENTION_DAYS = 365;

export function programOf(source: FeedbackDeps['program']): Program {
  return typeof source === 'function' ? source() : source;
}

/** The program of an id (undefined: the only one); undefined when there is no such program. */
function programLookup(source: FeedbackServiceDeps['program']): (programId?: string) => Program | undefined {
  if (typeof source === 'function' || 'sessions' in source) {
    return (programId) => {
      const program = programOf(source);
      return programId === undefined || programId === program.program.id ? program : undefined;
    };
  }
  return (programId) => {
    const ids = source.ids();
    const id = programId ?? (ids.length === 1 ? ids[0] : undefined);
    return id === undefined ? undefined : source.get(id);
  };
}

export function isPollClosed(poll: PollState, now: Date): boolean {
  return poll.closedAt !== undefined || now.getTime() >= poll.closesAt.getTime();
}

function mean(values: number[]): number | undefined {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : undefined;
}

/** One line per session for help texts: "26.08.2025 Auftaktveranstaltung (auftakt)". */
export function sessionList(program: Program, sessions: readonly Session[]): string {
  return sessions
    .map((s) => `- ${sessionStart(program, s).toFormat('dd.LL.yyyy')} ${s.title} (${s.id})`)
    .join('\n');
}

export class FeedbackService {
  readonly repository: FeedbackRepository;
  private readonly clock: Clock;
  private readonly logger: Logger;
  /** Opened polls by session. openedAt/closesAt never change once written, so they can be kept. */
  private readonly openPolls = new Map<string, Promise<PollState | undefined>>();
  /** Responses while a poll runs (thank-you card, `ergebnisse`); see live.ts. */
  private readonly live: LiveResponses;
  private readonly programFor: (programId?: string) => Program | undefined;

  constructor(deps: FeedbackServiceDeps) {
    this.programFor = programLookup(deps.program);
    this.repository = new FeedbackRepository(deps.store, deps.feedbackKey);
    this.clock = deps.clock ?? systemClock;
    this.logger = deps.logger ?? silentLogger;
    this.live = new LiveResponses({
      scan: async (sessionKey, since) => {
        const { programId, sessionId } = parseSessionPartition(sessionKey);
        return this.repository.listResponsesByResponder(programId, sessionId, since);
      },
      onScanError: (error) => this.logger.warn({ event: 'feedback.live.scan_failed', err: (error as Error).name }, 'live results scan failed'),
    });
  }

  /** The deployment's only program (commands and reads called without one). */
  private attendanceLines: AttendanceLines | undefined;

  /** Attendance joins results and the retrospective (set once the attendance feature exists). */
  showAttendance(lines: AttendanceLines): void {
    this.attendanceLines = lines;
  }

  /** The attendance lines of some sessions, with their response counts; empty without the feature. */
  async attendanceFor(program: Program, sessions: ReadonlyArray<{ sessionId: string; title: string; count: number }>, locale: Locale): Promise<string[]> {
    if (!this.attendanceLines || !sessions.length) return [];
    const responses = Object.fromEntries(sessions.map((s) => [s.sessionId, s.count]));
    return this.attendanceLines(program.program.id, sessions.map((s) => ({ id: s.sessionId, title: s.title })), locale, responses);
  }

  private get onlyProgram(): Program {
    const program = this.programFor();
    if (!program) throw new AppError('no-program', 'no single program: name the program');
    return program;
  }

  private reject(code: FeedbackErrorCode, locale: Locale, session?: { programId: string; sessionId: string }): ActionOutcome {
    return { error: { code, text: feedbackText(locale).errors[code] }, card: errorCard(code, locale, session?.sessionId, session?.programId) };
  }

  /** Routes any feedback card action (submit, edit, refresh). */
  async handleAction(input: ActionInput): Promise<ActionOutcome> {
    const parsed = parseFeedbackAction(input.data, input.verb);
    if (!parsed.ok) return this.reject(parsed.code, input.locale);
    return this.run(parsed.value, input);
  }

  /** A vote from the poll card: stored (replacing an earlier one of the same person) or rejected. */
  async submitVote(input: VoteInput): Promise<ActionOutcome> {
    const isRecord = typeof input.data === 'object' && input.data !== null && !Array.isArray(input.data);
    const data =
      input.sessionId === undefined || (!isRecord && input.data !== undefined)
        ? input.data
        : { ...(input.data as Record<string, unknown> | undefined), sessionId: input.sessionId };
    const parsed = parseFeedbackAction(data, 'feedback.submit');
    if (!parsed.ok) return this.reject(parsed.code, input.locale);
    return this.run(parsed.value, input);
  }

  private async run(action: FeedbackAction, actor: ActorInput): Promise<ActionOutcome> {
    const { locale } = actor;
    if (!actor.responderAadId?.trim()) return this.reject('malformed', locale);
    const program = this.programFor(action.programId);
    const session = program?.sessions.find((s) => s.id === action.sessionId);
    if (!program || !session) return this.reject('unknownSession', locale);
    try {
      switch (action.verb) {
        case 'feedback.submit': {
          const answer = validateAnswer(action);
          if (!answer.ok) return this.reject(answer.code, locale, { programId: program.program.id, sessionId: session.id });
          return await this.storeVote(program, session, answer.value, actor);
        }
        case 'feedback.edit':
          return await this.editView(program, session, actor);
        case 'feedback.refresh':
          return await this.refreshView(program, session, actor);
      }
    } catch (error) {
      this.logger.error({ event: 'feedback.action.failed', verb: action.verb, sessionId: session.id, err: (error as Error).name }, 'feedback action failed');
      return this.reject('storage', locale, { programId: program.program.id, sessionId: session.id });
    }
  }

  private async pollGate(program: Program, session: Session, now: Date): Promise<{ poll?: PollState; code?: FeedbackErrorCode }> {
    const programId = program.program.id;
    // closedAt is only ever set after closesAt has passed (closeDuePolls), so a cached state is safe to
    // judge by closesAt; a poll not open yet is read again every time.
    const cacheKey = sessionPartition(programId, session.id);
    let pending = this.openPolls.get(cacheKey);
    if (!pending) {
      pending = this.repository.getPoll(programId, session.id);
      this.openPolls.set(cacheKey, pending);
    }
    let poll: PollState | undefined;
    try {
      poll = await pending;
    } catch (error) {
      this.openPolls.delete(cacheKey);
      throw error;
    }
    if (!poll) {
      if (this.openPolls.get(cacheKey) === pending) this.openPolls.delete(cacheKey);
      return { code: 'pollNotOpen' };
    }
    if (isPollClosed(poll, now)) return { poll, code: 'pollClosed' };
    return { poll };
  }

  private async storeVote(program: Program, session: Session, answer: Answer, actor: ActorInput): Promise<ActionOutcome> {
    const programId = program.program.id;
    const now = this.clock.now();
    const gate = await this.pollGate(program, session, now);
    if (gate.code) return this.reject(gate.code, actor.locale);
    const key = this.repository.responderKey(actor.responderAadId);
    await this.repository.putResponse(programId, session.id, key, answer, now);
    this.live.recordLocal(sessionPartition(programId, session.id), key, { ...answer, submittedAt: now });
    this.logger.info({ event: 'feedback.vote.stored', sessionId: session.id }, 'vote stored');
    return { card: await this.thankYou(program, session, answer, actor, false) };
  }

  private async thankYou(program: Program, session: Session, answer: Answer, actor: ActorInput, closed: boolean): Promise<AdaptiveCard> {
    const { responses } = await this.live.snapshot(sessionPartition(program.program.id, session.id));
    const live = this.aggregate(program, responses.values(), closed);
    return thankYouCard({ program, session, locale: actor.locale, answer, live, closed, ...(actor.responderUserId ? { voterUserId: actor.responderUserId } : {}) });
  }

  /**
   * Count, and the average once the poll has closed with at least minResponses answers. While it runs only
   * the count shows: an average that moved with each vote would tell a watcher what the last voter gave.
   */
  private aggregate(program: Program, responses: Iterable<ResponseRecord>, closed: boolean): LiveAggregate {
    const ratings = [...responses].map((r) => r.rating);
    const minResponses = program.program.feedback.minResponses;
    const average = closed && ratings.length >= minResponses ? mean(ratings) : undefined;
    return { count: ratings.length, minResponses, ...(average !== undefined ? { average } : {}) };
  }

  private async editView(program: Program, session: Session, actor: ActorInput): Promise<ActionOutcome> {
    const gate = await this.pollGate(program, session, this.clock.now());
    if (gate.code) return this.reject(gate.code, actor.locale);
    const key = this.repository.responderKey(actor.responderAadId);
    const answer = await this.repository.getResponse(program.program.id, session.id, key);
    return { card: pollCard(program, session, actor.locale, answer) };
  }

  private async refreshView(program: Program, session: Session, actor: ActorInput): Promise<ActionOutcome> {
    const gate = await this.pollGate(program, session, this.clock.now());
    const key = this.repository.responderKey(actor.responderAadId);
    const answer = await this.repository.getResponse(program.program.id, session.id, key);
    if (answer) return { card: await this.thankYou(program, session, answer, actor, gate.code === 'pollClosed') };
    if (gate.code) return this.reject(gate.code, actor.locale);
    return { card: pollCard(program, session, actor.locale) };
  }

  // Results and retrospective

  async sessionResults(sessionId: string, program: Program = this.onlyProgram): Promise<SessionResults | undefined> {
    const session = program.sessions.find((s) => s.id === sessionId);
    if (!session) return undefined;
    return sessionResults(program, session, await this.repository.listResponses(program.program.id, sessionId));
  }

  /** The series over the sessions whose poll has closed (a running poll shows nothing but its count). */
  async seriesResults(audience?: AudienceSizes, program: Program = this.onlyProgram): Promise<SeriesResults> {
    const now = this.clock.now();
    const [responses, polls] = await Promise.all([this.repository.listProgramResponses(program.program.id), this.repository.listPolls(program.program.id)]);
    for (const poll of polls) if (!isPollClosed(poll, now)) responses.set(poll.sessionId, []);
    return seriesResults(program, responses, audience, now);
  }

  /** `ergebnisse <Termin>` / `results <session>`: the results card, or a helpful text naming the sessions. */
  async resultsCommand(argument: string, locale: Locale, program: Program = this.onlyProgram): Promise<OutgoingMessage> {
    const t = feedbackText(locale);
    const found = resolveSession(program, argument);
    if (found.kind !== 'found') {
      const list = sessionList(program, found.candidates);
      const text =
        found.kind === 'missing'
          ? t.missingSessionArg(list)
          : found.kind === 'ambiguous'
            ? t.ambiguousSessionArg(argument.trim(), list)
            : t.unknownSessionArg(argument.trim(), list);
      return { text, summary: text.split('\n')[0] };
    }
    const { responses } = await this.live.snapshot(sessionPartition(program.program.id, found.session.id));
    const poll = await this.repository.getPoll(program.program.id, found.session.id);
    const results = sessionResults(program, found.session, [...responses.values()]);
    if (poll && !isPollClosed(poll, this.clock.now())) {
      // While the poll runs, comments and the average would change with each vote: the count only.
      const withheld = { ...results, disclosed: false, pollOpen: true, comments: { good: [], better: [] } };
      delete withheld.average;
      delete withheld.distribution;
      return resultsMessage(program, withheld, locale, await this.attendanceFor(program, [results], locale));
    }
    return resultsMessage(program, results, locale, await this.attendanceFor(program, [results], locale));
  }

  /** `rückblick` / `retrospective`: the series retrospective. */
  async retrospectiveCommand(locale: Locale, audience?: AudienceSizes, program: Program = this.onlyProgram): Promise<OutgoingMessage> {
    const series = await this.seriesResults(audience, program);
    return seriesMessage(program, series, locale, await this.attendanceFor(program, series.sessions, locale));
  }

  // Privacy

  /** "meine daten löschen": removes the person's responses everywhere; says per session how many. */
  async deleteResponsesOf(aadObjectId: string): Promise<DeletionReport> {
    const key = this.repository.responderKey(aadObjectId);
    const counts = await this.repository.deleteByResponderKey(key);
    this.live.forget();
    const sessions = [...counts].map(([partition, removed]) => ({ ...parseSessionPartition(partition), removed }));
    this.logger.info({ event: 'feedback.responses.deleted', sessions: sessions.length }, 'responses of one person deleted');
    return { total: sessions.reduce((n, s) => n + s.removed, 0), sessions };
  }

  /** The answer to "meine daten löschen" for the feedback part. */
  deletionText(report: DeletionReport, locale: Locale): string {
    const titles = report.sessions.map((s) => this.programFor(s.programId)?.sessions.find((x) => x.id === s.sessionId)?.title ?? s.sessionId);
    return feedbackText(locale).deleted(report.total, titles.join(', '));
  }

  /** Retention: deletes responses older than `days` (default 365). Called daily by the scheduler. */
  async purgeOlderThan(days = DEFAULT_RETENTION_DAYS, now: Date = this.clock.now()): Promise<{ removed: number; cutoff: Date }> {
    const cutoff = new Date(now.getTime() - days * 24 * 60 * 60 * 1000);
    const removed = await this.repository.purgeBefore(cutoff);
    this.live.forget();
    this.logger.info({ event: 'feedback.retention.purged', removed, days }, 'old responses purged');
    return { removed, cutoff };
  }
}
