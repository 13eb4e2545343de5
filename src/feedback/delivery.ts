// Feedback through the delivery engine: polls after each session (timer or Teams meetingEnd, whichever is
// first; exactly once because opening a poll is a create-if-absent in storage and the job id is
// deterministic), results when a poll closes, the series retrospective after the last one, and the retention
// purge. Called from the scheduler tick; messages are built per conversation locale at send time.
import type { DeliveryEngine, MessageBuilder } from '../delivery/index.js';
import type { ProgramSource } from './service.js';
import type { Program } from '../program/model.js';
import { sortedSessions } from '../program/time.js';
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/log.js';
import type { Locale } from '../i18n/locale.js';
import type { OutgoingMessage } from '../cards/adaptive.js';
import { pollMessage, resultsMessage, seriesMessage } from './cards.js';
import { PollLifecycle } from './polls.js';
import { matchMeetingSession, type MeetingEndInput } from './meeting-match.js';
import { isMeetingChat } from '../registry/types.js';
import { seriesResults, sessionResults } from './retrospective.js';
import type { FeedbackService } from './service.js';

export const FEEDBACK_JOB_KINDS = { poll: 'feedback.poll', results: 'feedback.results', series: 'feedback.series' } as const;

const DAY_MS = 24 * 3600_000;

function payloadOf(job: { payload: Record<string, unknown> }): { programId: string; sessionId?: string } {
  return { programId: String(job.payload.programId ?? ''), sessionId: typeof job.payload.sessionId === 'string' ? job.payload.sessionId : undefined };
}

export function feedbackBuilders(deps: { feedback: FeedbackService; programs: ProgramSource }): Record<string, MessageBuilder> {
  // Results are computed once per job and locale, not once per recipient.
  const cache = new Map<string, Promise<OutgoingMessage>>();
  const memo = (key: string, build: () => Promise<OutgoingMessage>) => {
    let hit = cache.get(key);
    if (!hit) {
      hit = build();
      cache.set(key, hit);
      hit.catch(() => cache.delete(key));
      if (cache.size > 200) cache.delete(cache.keys().next().value!);
    }
    return hit;
  };
  const program = (): Program => {
    const p = deps.programs.active();
    if (!p) throw new Error('no active program');
    return p;
  };
  const session = (p: Program, id: string | undefined) => {
    const s = p.sessions.find((x) => x.id === id);
    if (!s) throw new Error(`session ${id} is not in the program`);
    return s;
  };
  return {
    [FEEDBACK_JOB_KINDS.poll]: (job, conversation) => {
      const p = program();
      return pollMessage(p, session(p, payloadOf(job).sessionId), conversation.locale);
    },
    [FEEDBACK_JOB_KINDS.results]: (job, conversation) =>
      memo(`${job.jobId}/${conversation.locale}`, async () => {
        const p = program();
        const s = session(p, payloadOf(job).sessionId);
        const results = sessionResults(p, s, await deps.feedback.repository.listResponses(p.program.id, s.id));
        return resultsMessage(p, results, conversation.locale as Locale);
      }),
    [FEEDBACK_JOB_KINDS.series]: (job, conversation) =>
      memo(`${job.jobId}/${conversation.locale}`, async () => {
        const p = program();
        const series = seriesResults(p, await deps.feedback.repository.listProgramResponses(p.program.id));
        return seriesMessage(p, series, conversation.locale as Locale);
      }),
  };
}

export interface FeedbackSchedulingDeps {
  lifecycle: PollLifecycle;
  feedback: FeedbackService;
  engine: DeliveryEngine;
  programs: ProgramSource;
  clock: Clock;
  logger: Logger;
  retentionDays: number;
}

export interface FeedbackScheduling {
  /** The scheduler tick: open due polls, close due ones with results, the series retrospective, retention. */
  tick(): Promise<void>;
  /**
   * Teams meetingEnd: opens the poll of the session the meeting belongs to (see meeting-match.ts), if the timer
   * has not already; a matched meeting chat gets that poll too.
   */
  meetingEnded(event: MeetingEndInput): Promise<string | undefined>;
}

export function createFeedbackScheduling(deps: FeedbackSchedulingDeps): FeedbackScheduling {
  const { lifecycle, engine, programs, clock } = deps;
  const log = deps.logger.child({ component: 'feedback-scheduling' });
  let lastPurge = 0;

  // Queue first, then mark (see polls.ts): each enqueue runs before the lifecycle writes its claim, and a
  // repeat after a crash is a 409 on the deterministic job id.
  const pollJobId = (program: Program, sessionId: string) => `feedback-poll:${program.program.id}:${sessionId}`;
  const enqueuePoll = (program: Program, sessionId: string, now: Date): Promise<boolean> =>
    engine.enqueue({
      jobId: pollJobId(program, sessionId),
      kind: FEEDBACK_JOB_KINDS.poll,
      payload: { programId: program.program.id, sessionId },
      audience: { purpose: 'announcement' },
      dueAt: now,
      group: `${program.program.id}/${sessionId}`,
    });
  const enqueueResults = (program: Program, sessionId: string, now: Date): Promise<boolean> =>
    engine.enqueue({
      jobId: `feedback-results:${program.program.id}:${sessionId}`,
      kind: FEEDBACK_JOB_KINDS.results,
      payload: { programId: program.program.id, sessionId },
      audience: { purpose: 'announcement', kinds: ['channel'] },
      dueAt: now,
      group: `${program.program.id}/${sessionId}`,
    });

  return {
    async tick() {
      const program = programs.active();
      if (!program) return;
      const now = clock.now();
      await lifecycle.openDuePolls(now, (sessionId) => enqueuePoll(program, sessionId, now));
      for (const closed of await lifecycle.closeDuePolls(now, (sessionId) => enqueueResults(program, sessionId, now))) {
        await lifecycle.markResultsPosted(closed.sessionId, now);
      }
      // The series retrospective only follows a series this deployment polled: a bot installed after the
      // series is over does not post a retrospective of nothing.
      const last = sortedSessions(program).filter((s) => s.status !== 'cancelled').at(-1);
      if (last && (await lifecycle.repository.getPoll(program.program.id, last.id))?.closedAt) {
        await lifecycle.claimSeriesRetrospective(now, undefined, () =>
          engine.enqueue({
            jobId: `feedback-series:${program.program.id}`,
            kind: FEEDBACK_JOB_KINDS.series,
            payload: { programId: program.program.id },
            audience: { purpose: 'announcement', kinds: ['channel'] },
            dueAt: now,
            group: program.program.id,
          }),
        );
      }
      if (now.getTime() - lastPurge >= DAY_MS) {
        lastPurge = now.getTime();
        const { removed } = await deps.feedback.purgeOlderThan(deps.retentionDays, now);
        if (removed) log.info({ event: 'feedback.purged', removed }, 'old feedback responses deleted');
      }
    },

    async meetingEnded(event) {
      const program = programs.active();
      if (!program) return undefined;
      const now = clock.now();
      const match = matchMeetingSession(program, event);
      if (!match) {
        log.info({ event: 'feedback.meetingEnd_unmatched' }, 'meetingEnd matched no session');
        return undefined;
      }
      const { session } = match;
      // The meeting's own chat gets this session's poll (addressed by id: it is in no general audience).
      const chat = event.conversationId && isMeetingChat({ kind: 'groupChat', conversationId: event.conversationId }) ? event.conversationId : undefined;
      const chatJobId = `feedback-poll-chat:${program.program.id}:${session.id}`;
      const created: string[] = [];
      await lifecycle.openPoll(session.id, 'meetingEnd', now, async () => {
        if (await enqueuePoll(program, session.id, now)) created.push(pollJobId(program, session.id));
        if (chat && (await engine.enqueue({ jobId: chatJobId, kind: FEEDBACK_JOB_KINDS.poll, payload: { programId: program.program.id, sessionId: session.id }, audience: { purpose: 'announcement', conversationIds: [chat] }, dueAt: now, group: `${program.program.id}/${session.id}` }))) {
          created.push(chatJobId);
        }
      });
      log.info({ event: 'feedback.meetingEnd_matched', sessionId: session.id, by: match.by }, 'meetingEnd matched a session');
      // Started right away (not at the next tick), once the poll is marked open so that votes are accepted.
      for (const jobId of created) await engine.start(jobId);
      return session.id;
    },
  };
}
