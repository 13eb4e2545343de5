// Feedback through the delivery engine: polls after each session (timer or Teams meetingEnd, whichever is
// first; exactly once because opening a poll is a create-if-absent in storage and the job id is
// deterministic), results when a poll closes, the series retrospective after the last one, and the retention
// purge. Called from the scheduler tick for every active program; each program's jobs go to that program's
// audience and carry its id, so the builders read the right program and two programs' polls and results
// never mix. Messages are built per conversation locale at send time.
import type { DeliveryEngine, MessageBuilder } from '../delivery/index.js';
import type { Program } from '../program/model.js';
import { sortedSessions } from '../program/time.js';
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/log.js';
import type { TableStore } from '../storage/tables.js';
import type { Locale } from '../i18n/locale.js';
import type { OutgoingMessage } from '../cards/adaptive.js';
import { pollMessage, resultsMessage, seriesMessage } from './cards.js';
import { PollLifecycle } from './polls.js';
import { matchMeetingSession, type MeetingEndInput, type MeetingMatch } from './meeting-match.js';
import { isMeetingChat } from '../registry/types.js';
import { seriesResults, sessionResults } from './retrospective.js';
import type { FeedbackPrograms, FeedbackService } from './service.js';

export const FEEDBACK_JOB_KINDS = { poll: 'feedback.poll', results: 'feedback.results', series: 'feedback.series' } as const;

const DAY_MS = 24 * 3600_000;

function payloadOf(job: { payload: Record<string, unknown> }): { programId?: string; sessionId?: string } {
  return {
    ...(typeof job.payload.programId === 'string' && job.payload.programId ? { programId: job.payload.programId } : {}),
    ...(typeof job.payload.sessionId === 'string' ? { sessionId: job.payload.sessionId } : {}),
  };
}

/** The program a job names (a job without one: the deployment's only program). */
function programOfJob(programs: FeedbackPrograms, job: { jobId: string; payload: Record<string, unknown> }): Program {
  const ids = programs.ids();
  const programId = payloadOf(job).programId ?? (ids.length === 1 ? ids[0] : undefined);
  const program = programId ? programs.get(programId) : undefined;
  if (!program) throw new Error(`job ${job.jobId}: program ${programId ?? '(none)'} is not active`);
  return program;
}

export function feedbackBuilders(deps: { feedback: FeedbackService; programs: FeedbackPrograms }): Record<string, MessageBuilder> {
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
  const program = (job: { jobId: string; payload: Record<string, unknown> }): Program => programOfJob(deps.programs, job);
  const session = (p: Program, id: string | undefined) => {
    const s = p.sessions.find((x) => x.id === id);
    if (!s) throw new Error(`session ${id} is not in the program`);
    return s;
  };
  return {
    [FEEDBACK_JOB_KINDS.poll]: (job, conversation) => {
      const p = program(job);
      return pollMessage(p, session(p, payloadOf(job).sessionId), conversation.locale);
    },
    [FEEDBACK_JOB_KINDS.results]: (job, conversation) =>
      memo(`${job.jobId}/${conversation.locale}`, async () => {
        const p = program(job);
        const s = session(p, payloadOf(job).sessionId);
        const results = sessionResults(p, s, await deps.feedback.repository.listResponses(p.program.id, s.id));
        return resultsMessage(p, results, conversation.locale as Locale, await deps.feedback.attendanceFor(p, [results], conversation.locale as Locale));
      }),
    [FEEDBACK_JOB_KINDS.series]: (job, conversation) =>
      memo(`${job.jobId}/${conversation.locale}`, async () => {
        const p = program(job);
        const series = seriesResults(p, await deps.feedback.repository.listProgramResponses(p.program.id));
        return seriesMessage(p, series, conversation.locale as Locale, await deps.feedback.attendanceFor(p, series.sessions, conversation.locale as Locale));
      }),
  };
}

export interface FeedbackSchedulingDeps {
  store: TableStore;
  feedback: FeedbackService;
  engine: DeliveryEngine;
  /** Every active program (the catalog). */
  programs: FeedbackPrograms;
  clock: Clock;
  logger: Logger;
  retentionDays: number;
  /**
   * The personal chats of the people who attended a session and follow its program, in stable recipient
   * groups (one job each); undefined when the session has no attendance data, and everyone is polled.
   */
  attendeesToPoll?: (programId: string, sessionId: string) => Promise<Map<string, string[]> | undefined>;
}

export interface FeedbackScheduling {
  /**
   * The scheduler tick, for every active program: open due polls, close due ones with results, the series
   * retrospective; and the daily retention purge.
   */
  tick(): Promise<void>;
  /**
   * Teams meetingEnd: opens the poll of the session the meeting belongs to, in whichever program it is (see
   * meeting-match.ts), if the timer has not already; a matched meeting chat gets that poll too.
   */
  meetingEnded(event: MeetingEndInput): Promise<string | undefined>;
}

export function createFeedbackScheduling(deps: FeedbackSchedulingDeps): FeedbackScheduling {
  const { engine, programs, clock } = deps;
  const log = deps.logger.child({ component: 'feedback-scheduling' });
  let lastPurge = 0;
  // One lifecycle per program, reading that program as it is now (a reload takes effect at once).
  const lifecycles = new Map<string, PollLifecycle>();
  const lifecycleOf = (programId: string): PollLifecycle => {
    let lifecycle = lifecycles.get(programId);
    if (!lifecycle) {
      const current = (): Program => {
        const program = programs.get(programId);
        if (!program) throw new Error(`program ${programId} is not active`);
        return program;
      };
      lifecycle = new PollLifecycle({ store: deps.store, program: current, clock, logger: deps.logger });
      lifecycles.set(programId, lifecycle);
    }
    return lifecycle;
  };

  // Queue first, then mark (see polls.ts): each enqueue runs before the lifecycle writes its claim, and a
  // repeat after a crash is a 409 on the deterministic job id.
  const pollJobId = (program: Program, sessionId: string) => `feedback-poll:${program.program.id}:${sessionId}`;
  /**
   * The session's poll jobs; returns the ids it created. With attendance data the personal poll goes only to
   * the attendees who follow the program (one job per recipient group, addressed by conversation id); teams
   * and group chats get it as always.
   */
  async function enqueuePoll(program: Program, sessionId: string, now: Date): Promise<string[]> {
    const programId = program.program.id;
    const base = { kind: FEEDBACK_JOB_KINDS.poll, payload: { programId, sessionId }, dueAt: now, group: `${programId}/${sessionId}` };
    const attendees = await deps.attendeesToPoll?.(programId, sessionId);
    if (!attendees) {
      const jobId = pollJobId(program, sessionId);
      return (await engine.enqueue({ ...base, jobId, audience: { purpose: 'announcement', programId } })) ? [jobId] : [];
    }
    const created: string[] = [];
    const shared = pollJobId(program, sessionId);
    if (await engine.enqueue({ ...base, jobId: shared, audience: { purpose: 'announcement', programId, kinds: ['channel', 'groupChat'] } })) created.push(shared);
    for (const [bucket, conversationIds] of attendees) {
      const jobId = `${shared}:attendees:${bucket}`;
      if (await engine.enqueue({ ...base, jobId, audience: { purpose: 'announcement', programId, kinds: ['personal'], conversationIds } })) created.push(jobId);
    }
    log.info({ event: 'feedback.poll_attendees', programId, sessionId, groups: attendees.size }, 'personal poll addressed to the attendees');
    return created;
  }
  const enqueueResults = (program: Program, sessionId: string, now: Date): Promise<boolean> =>
    engine.enqueue({
      jobId: `feedback-results:${program.program.id}:${sessionId}`,
      kind: FEEDBACK_JOB_KINDS.results,
      payload: { programId: program.program.id, sessionId },
      audience: { purpose: 'announcement', programId: program.program.id, kinds: ['channel'] },
      dueAt: now,
      group: `${program.program.id}/${sessionId}`,
    });

  async function tickProgram(program: Program, now: Date): Promise<void> {
    const lifecycle = lifecycleOf(program.program.id);
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
          audience: { purpose: 'announcement', programId: program.program.id, kinds: ['channel'] },
          dueAt: now,
          group: program.program.id,
        }),
      );
    }
  }

  /** The program and session a meeting belongs to: a thread match in any program first, then the chat's link. */
  function matchMeeting(event: MeetingEndInput): { program: Program; match: NonNullable<MeetingMatch> } | undefined {
    const matches = programs.ids().flatMap((id) => {
      const program = programs.get(id);
      const match = program ? matchMeetingSession(program, event) : undefined;
      return program && match ? [{ program, match }] : [];
    });
    return matches.find((m) => m.match.by === 'thread') ?? matches[0];
  }

  return {
    async tick() {
      const now = clock.now();
      for (const id of programs.ids()) {
        const program = programs.get(id);
        if (program) await tickProgram(program, now);
      }
      if (now.getTime() - lastPurge >= DAY_MS) {
        lastPurge = now.getTime();
        const { removed } = await deps.feedback.purgeOlderThan(deps.retentionDays, now);
        if (removed) log.info({ event: 'feedback.purged', removed }, 'old feedback responses deleted');
      }
    },

    async meetingEnded(event) {
      const now = clock.now();
      const found = matchMeeting(event);
      if (!found) {
        log.info({ event: 'feedback.meetingEnd_unmatched' }, 'meetingEnd matched no session');
        return undefined;
      }
      const { program, match } = found;
      const { session } = match;
      // The meeting's own chat gets this session's poll (addressed by id: it is in no general audience).
      const chat = event.conversationId && isMeetingChat({ kind: 'groupChat', conversationId: event.conversationId }) ? event.conversationId : undefined;
      const chatJobId = `feedback-poll-chat:${program.program.id}:${session.id}`;
      const created: string[] = [];
      await lifecycleOf(program.program.id).openPoll(session.id, 'meetingEnd', now, async () => {
        created.push(...(await enqueuePoll(program, session.id, now)));
        if (chat && (await engine.enqueue({ jobId: chatJobId, kind: FEEDBACK_JOB_KINDS.poll, payload: { programId: program.program.id, sessionId: session.id }, audience: { purpose: 'announcement', conversationIds: [chat] }, dueAt: now, group: `${program.program.id}/${session.id}` }))) {
          created.push(chatJobId);
        }
      });
      log.info({ event: 'feedback.meetingEnd_matched', programId: program.program.id, sessionId: session.id, by: match.by }, 'meetingEnd matched a session');
      // Started right away (not at the next tick), once the poll is marked open so that votes are accepted.
      for (const jobId of created) await engine.start(jobId);
      return session.id;
    },
  };
}
