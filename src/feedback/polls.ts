// The poll lifecycle: when a session's poll is due, who opens it (timer or meetingEnd, whichever comes first,
// exactly once across instances), when it closes, and who posts the results and the series retrospective
// (again exactly once). Every "exactly once" is a conditional write in Table Storage: createEntity (409 for
// the loser) or a merge on the ETag read before (412 for the loser). Sending is the delivery engine's job:
// these functions return the claim and the messages in both languages.
// Queue first, then mark: each claim takes a `queue` step that runs before the mark is written (the caller
// enqueues the send there; job ids are deterministic, so a repeat is a harmless 409). A crash between the
// two leaves a queued send and no mark, and the next tick marks it; never a mark without a send.
import type { OutgoingMessage } from '../cards/adaptive.js';
import type { Locale } from '../i18n/locale.js';
import type { Program, Session } from '../program/model.js';
import { parseDuration, sessionEnd, sessionStart, sortedSessions } from '../program/time.js';
import { systemClock, type Clock } from '../shared/clock.js';
import { silentLogger, type Logger } from '../shared/log.js';
import { perLocale, pollMessage, resultsMessage, seriesMessage } from './cards.js';
import { FeedbackRepository, type PollState, type PollTrigger } from './repository.js';
import { seriesResults, sessionResults, type AudienceSizes, type SessionResults } from './retrospective.js';
import { programOf, type FeedbackDeps } from './service.js';

/** When the timer opens a session's poll: its end plus program.feedback.openAfterEnd. */
export function pollDueAt(program: Program, session: Session): Date {
  return sessionEnd(program, session).plus(parseDuration(program.program.feedback.openAfterEnd)).toJSDate();
}

/** When a poll opened at `openedAt` closes: plus program.feedback.closeAfter. */
export function pollClosesAt(program: Program, openedAt: Date): Date {
  return new Date(openedAt.getTime() + parseDuration(program.program.feedback.closeAfter).toMillis());
}

export type OpenPollResult =
  | { opened: true; sessionId: string; poll: PollState; messages: Record<Locale, OutgoingMessage> }
  | { opened: false; sessionId: string; reason: 'unknownSession' | 'cancelled' | 'notStarted' | 'alreadyOpen'; poll?: PollState };

export interface ClosedPoll {
  sessionId: string;
  poll: PollState;
  results: SessionResults;
  messages: Record<Locale, OutgoingMessage>;
}

export type SeriesClaim =
  | { claimed: true; messages: Record<Locale, OutgoingMessage> }
  | { claimed: false; reason: 'notDue' | 'alreadyPosted' };

/** Runs before a claim is marked in storage: the caller enqueues the send here (see the header). */
export type QueueStep = (sessionId: string) => Promise<unknown>;

export class PollLifecycle {
  readonly repository: FeedbackRepository;
  private readonly clock: Clock;
  private readonly logger: Logger;

  constructor(private readonly deps: FeedbackDeps) {
    this.repository = new FeedbackRepository(deps.store);
    this.clock = deps.clock ?? systemClock;
    this.logger = deps.logger ?? silentLogger;
  }

  get program(): Program {
    return programOf(this.deps.program);
  }

  /**
   * Opens the poll of a session. `opened: true` means THIS caller won and must post the poll; a second
   * trigger (the timer after meetingEnd, or another instance) gets `alreadyOpen`.
   */
  async openPoll(sessionId: string, trigger: PollTrigger, now: Date = this.clock.now(), queue?: QueueStep): Promise<OpenPollResult> {
    const program = this.program;
    const session = program.sessions.find((s) => s.id === sessionId);
    if (!session) return { opened: false, sessionId, reason: 'unknownSession' };
    if (session.status === 'cancelled') return { opened: false, sessionId, reason: 'cancelled' };
    // A meetingEnd before the session even began belongs to another meeting (or a test call of the link).
    if (now.getTime() < sessionStart(program, session).toMillis()) return { opened: false, sessionId, reason: 'notStarted' };
    const existing = await this.repository.getPoll(program.program.id, sessionId);
    if (existing) return { opened: false, sessionId, reason: 'alreadyOpen', poll: existing };
    await queue?.(sessionId);
    const won = await this.repository.createPoll(program.program.id, sessionId, trigger, now, pollClosesAt(program, now));
    const poll = await this.repository.getPoll(program.program.id, sessionId);
    if (!won || !poll) return { opened: false, sessionId, reason: 'alreadyOpen', ...(poll ? { poll } : {}) };
    this.logger.info({ event: 'feedback.poll.opened', sessionId, trigger }, 'poll opened');
    return { opened: true, sessionId, poll, messages: perLocale((l) => pollMessage(program, session, l)) };
  }

  /**
   * Sessions whose poll the timer should open now: due, not opened yet, and not so old that the poll
   * would already be over (a bot installed after the series does not post stale polls).
   */
  async duePolls(now: Date = this.clock.now()): Promise<Session[]> {
    const program = this.program;
    const opened = new Set((await this.repository.listPolls(program.program.id)).map((p) => p.sessionId));
    return sortedSessions(program).filter((s) => {
      if (s.status === 'cancelled' || opened.has(s.id)) return false;
      const due = pollDueAt(program, s);
      return due.getTime() <= now.getTime() && now.getTime() < pollClosesAt(program, due).getTime();
    });
  }

  /** The timer's tick: opens every due poll; returns only the polls this caller won. */
  async openDuePolls(now: Date = this.clock.now(), queue?: QueueStep): Promise<Array<Extract<OpenPollResult, { opened: true }>>> {
    const won: Array<Extract<OpenPollResult, { opened: true }>> = [];
    for (const session of await this.duePolls(now)) {
      const result = await this.openPoll(session.id, 'timer', now, queue);
      if (result.opened) won.push(result);
    }
    return won;
  }

  /**
   * Closes every poll past its closesAt. Returns the polls this caller closed, with the results messages it
   * must post (each poll's results are claimed exactly once across instances).
   */
  async closeDuePolls(now: Date = this.clock.now(), queue?: QueueStep): Promise<ClosedPoll[]> {
    const program = this.program;
    const closed: ClosedPoll[] = [];
    for (const poll of await this.repository.listPolls(program.program.id)) {
      if (poll.closedAt || poll.closesAt.getTime() > now.getTime()) continue;
      const session = program.sessions.find((s) => s.id === poll.sessionId);
      if (session) await queue?.(session.id);
      if (!(await this.repository.claimClose(program.program.id, poll, now))) continue;
      this.logger.info({ event: 'feedback.poll.closed', sessionId: poll.sessionId }, 'poll closed');
      if (!session) continue; // removed from the program meanwhile: closed, nothing to post
      const results = sessionResults(program, session, await this.repository.listResponses(program.program.id, session.id));
      closed.push({
        sessionId: session.id,
        poll: { ...poll, closedAt: now },
        results,
        messages: perLocale((l) => resultsMessage(program, results, l)),
      });
    }
    return closed;
  }

  /** Records that the results went out (for status views); the claim itself happened in closeDuePolls. */
  async markResultsPosted(sessionId: string, now: Date = this.clock.now()): Promise<void> {
    await this.repository.markResultsPosted(this.program.program.id, sessionId, now);
  }

  /**
   * The series retrospective is due once the last scheduled session's poll has closed (or, if that poll
   * never opened, once it would have closed).
   */
  async seriesRetrospectiveDue(now: Date = this.clock.now()): Promise<boolean> {
    const program = this.program;
    const last = sortedSessions(program).filter((s) => s.status !== 'cancelled').at(-1);
    if (!last) return false;
    const poll = await this.repository.getPoll(program.program.id, last.id);
    if (poll) return poll.closedAt !== undefined;
    return now.getTime() >= pollClosesAt(program, pollDueAt(program, last)).getTime();
  }

  /** Claims the automatic series retrospective; exactly one caller ever gets the messages. */
  async claimSeriesRetrospective(now: Date = this.clock.now(), audience?: AudienceSizes, queue?: () => Promise<unknown>): Promise<SeriesClaim> {
    const program = this.program;
    if (!(await this.seriesRetrospectiveDue(now))) return { claimed: false, reason: 'notDue' };
    if (await this.repository.seriesClaimed(program.program.id)) return { claimed: false, reason: 'alreadyPosted' };
    await queue?.();
    if (!(await this.repository.claimSeries(program.program.id, now))) return { claimed: false, reason: 'alreadyPosted' };
    const series = seriesResults(program, await this.repository.listProgramResponses(program.program.id), audience);
    this.logger.info({ event: 'feedback.series.claimed' }, 'series retrospective claimed');
    return { claimed: true, messages: perLocale((l) => seriesMessage(program, series, l)) };
  }
}
