// The poll lifecycle on real Azurite with two "instances" (two service objects sharing one storage):
// exactly one opener per poll, exactly one results claim, exactly one series retrospective; and the
// scenario from the issue: four valid votes (one edited) and one invalid vote give 4 responses.
import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { AdaptiveCard } from '../../src/cards/adaptive.js';
import { FeedbackService, PollLifecycle, pollClosesAt, pollDueAt } from '../../src/feedback/index.js';
import { ManualClock } from '../../src/shared/clock.js';
import { aadId, testProgram } from './fixtures.js';
import { useAzurite } from '../harness/azurite.js';

const storage = useAzurite('poll');

function texts(card: AdaptiveCard | undefined): string {
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === 'string') out.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(card);
  return out.join('\n');
}

function twoInstances(options: Parameters<typeof testProgram>[0] = {}, start = '2025-12-16T11:00:00Z') {
  const store = storage.store();
  const program = testProgram(options);
  const clock = new ManualClock(start);
  return {
    store,
    program,
    clock,
    a: new PollLifecycle({ store, program, clock }),
    b: new PollLifecycle({ store, program, clock }),
    votes: new FeedbackService({ store, program, clock }),
  };
}

describe('pollDueAt', () => {
  it('is the session end plus openAfterEnd, in the program zone (winter and summer time)', () => {
    const program = testProgram({ openAfterEnd: 'PT15M' });
    const byId = (id: string) => program.sessions.find((s) => s.id === id)!;
    expect(pollDueAt(program, byId('data-governance')).toISOString()).toBe('2025-12-16T11:15:00.000Z');
    expect(pollDueAt(program, byId('auftakt')).toISOString()).toBe('2025-08-26T10:15:00.000Z');
    expect(pollClosesAt(program, new Date('2025-12-16T11:15:00Z')).toISOString()).toBe('2025-12-23T11:15:00.000Z');
  });
});

describe('openPoll', () => {
  it('lets exactly one of timer and meetingEnd on two instances open the poll', async () => {
    const { a, b } = twoInstances();
    const attempts = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).openPoll('data-governance', i % 4 < 2 ? 'timer' : 'meetingEnd')),
    );
    const winners = attempts.filter((r) => r.opened);
    expect(winners).toHaveLength(1);
    const losers = attempts.filter((r) => !r.opened);
    expect(losers.every((r) => !r.opened && r.reason === 'alreadyOpen')).toBe(true);
    const winner = winners[0]!;
    if (!winner.opened) throw new Error('unreachable');
    expect(texts(winner.messages.de.card)).toContain('Wie hilfreich war der Termin?');
    expect(texts(winner.messages.en.card)).toContain('How helpful was the session?');
    expect(winner.poll.closesAt.toISOString()).toBe('2025-12-23T11:00:00.000Z');

    // A later trigger (the timer after meetingEnd, or a restart) never opens it again.
    expect(await a.openPoll('data-governance', 'timer')).toMatchObject({ opened: false, reason: 'alreadyOpen' });
  });

  it('refuses unknown and cancelled sessions', async () => {
    const store = storage.store();
    const base = testProgram();
    const program = { ...base, sessions: base.sessions.map((s) => (s.id === 'abschluss' ? { ...s, status: 'cancelled' as const } : s)) };
    const polls = new PollLifecycle({ store, program, clock: new ManualClock('2026-01-20T12:00:00Z') });
    expect(await polls.openPoll('sommerfest', 'meetingEnd')).toEqual({ opened: false, sessionId: 'sommerfest', reason: 'unknownSession' });
    expect(await polls.openPoll('abschluss', 'timer')).toEqual({ opened: false, sessionId: 'abschluss', reason: 'cancelled' });
    // 20.01.2026 12:00 Berlin: the Data Governance session of December has begun, a meetingEnd for a session
    // that has not started yet is refused.
    const early = new PollLifecycle({ store, program: base, clock: new ManualClock('2026-01-20T08:59:00Z') });
    expect(await early.openPoll('abschluss', 'meetingEnd')).toEqual({ opened: false, sessionId: 'abschluss', reason: 'notStarted' });
  });

  it('the timer opens due polls once, across instances, and never stale ones', async () => {
    const { a, b, clock } = twoInstances({ openAfterEnd: 'PT10M' }, '2025-12-16T11:05:00Z');
    expect(await a.duePolls()).toEqual([]); // ends 11:00Z, due 11:10Z
    clock.set('2025-12-16T11:10:00Z');
    expect((await a.duePolls()).map((s) => s.id)).toEqual(['data-governance']); // earlier ones are past closeAfter
    const [fromA, fromB] = await Promise.all([a.openDuePolls(), b.openDuePolls()]);
    expect([...fromA, ...fromB].map((r) => r.sessionId)).toEqual(['data-governance']);
    expect(await a.duePolls()).toEqual([]);
  });
});

describe('closeDuePolls', () => {
  it('closes after closeAfter and hands the results to exactly one instance', async () => {
    const { a, b, clock, votes } = twoInstances();
    await a.openPoll('data-governance', 'meetingEnd');
    for (const [i, rating] of [5, 4, 4].entries()) {
      await votes.submitVote({ responderAadId: aadId(i), locale: 'de', data: { sessionId: 'data-governance', rating } });
    }
    expect(await a.closeDuePolls()).toEqual([]);
    clock.set('2025-12-23T11:00:00Z');
    const rounds = await Promise.all([a.closeDuePolls(), b.closeDuePolls(), a.closeDuePolls(), b.closeDuePolls()]);
    const closed = rounds.flat();
    expect(closed).toHaveLength(1);
    const only = closed[0]!;
    expect(only.sessionId).toBe('data-governance');
    expect(only.results).toMatchObject({ count: 3, disclosed: true });
    expect(texts(only.messages.de.card)).toContain('Durchschnittliche Bewertung: 4,3 von 5');
    expect(texts(only.messages.en.card)).toContain('Average rating: 4.3 out of 5');
    expect(await a.closeDuePolls()).toEqual([]);

    await a.markResultsPosted('data-governance');
    const state = await a.repository.getPoll('stadt-daten-strategie', 'data-governance');
    expect(state?.closedAt?.toISOString()).toBe('2025-12-23T11:00:00.000Z');
    expect(state?.resultsPostedAt).toBeInstanceOf(Date);
  });
});

describe('series retrospective', () => {
  it('is due after the last session poll closed and is claimed exactly once', async () => {
    const { a, b, clock, votes } = twoInstances({}, '2026-01-20T11:00:00Z');
    expect(await a.seriesRetrospectiveDue()).toBe(false);
    await a.openPoll('abschluss', 'timer');
    for (const [i, rating] of [3, 4, 5].entries()) {
      await votes.submitVote({ responderAadId: aadId(i), locale: 'de', data: { sessionId: 'abschluss', rating, good: 'Austausch mit anderen Kommunen' } });
    }
    expect(await a.claimSeriesRetrospective()).toEqual({ claimed: false, reason: 'notDue' });
    clock.set('2026-01-27T11:00:00Z');
    expect(await a.seriesRetrospectiveDue()).toBe(false); // closesAt passed, but not closed yet
    await b.closeDuePolls();
    expect(await a.seriesRetrospectiveDue()).toBe(true);
    const claims = await Promise.all([a.claimSeriesRetrospective(undefined, 12), b.claimSeriesRetrospective(undefined, 12)]);
    const won = claims.filter((c) => c.claimed);
    expect(won).toHaveLength(1);
    expect(claims.filter((c) => !c.claimed)).toEqual([{ claimed: false, reason: 'alreadyPosted' }]);
    const message = won[0]!.claimed ? won[0]!.messages.de : undefined;
    const shown = texts(message?.card);
    expect(shown).toContain('Rückblick: Stadt, Daten, Strategie');
    expect(shown).toContain('Am besten bewertet: Abschlusstreffen (20.01.), Ø 4,0');
    expect(shown).toContain('Rücklauf 25 %');
    expect(shown).toContain('Austausch (3×)');
  });

  it('is due without a last poll once that poll would have closed', async () => {
    const { a, clock } = twoInstances({}, '2026-01-27T10:59:00Z');
    expect(await a.seriesRetrospectiveDue()).toBe(false);
    clock.set('2026-01-27T11:00:00Z');
    expect(await a.seriesRetrospectiveDue()).toBe(true);
  });
});

describe('the issue scenario', () => {
  it('four valid votes (one edited) and one invalid vote give a channel retrospective of 4 responses', async () => {
    const { a, b, clock, store, program } = twoInstances({}, '2025-12-16T11:00:00Z');
    // Two instances: meetingEnd arrives on one while the timer fires on the other.
    const [timer, meetingEnd] = await Promise.all([a.openDuePolls(), b.openPoll('data-governance', 'meetingEnd')]);
    expect(timer.length + (meetingEnd.opened ? 1 : 0)).toBe(1);

    // Both instances run with the same FEEDBACK_KEY, so an edit on the other instance replaces the first vote.
    const feedbackKey = crypto.randomBytes(32);
    const instance1 = new FeedbackService({ store, program, clock, feedbackKey });
    const instance2 = new FeedbackService({ store, program, clock, feedbackKey });
    const data = (rating: unknown, good?: string) => ({ sessionId: 'data-governance', rating, ...(good ? { good } : {}) });
    await instance1.submitVote({ responderAadId: aadId(1), locale: 'de', data: data(2) });
    await instance2.submitVote({ responderAadId: aadId(2), locale: 'de', data: data(4, '<at>Alle</at> **super**') });
    await instance1.submitVote({ responderAadId: aadId(3), locale: 'en', data: data('5') });
    // Action.Submit from a channel card: the verb arrives inside the data.
    await instance2.handleAction({ responderAadId: aadId(4), locale: 'de', data: { verb: 'feedback.submit', ...data(3) } });
    // Person 1 changes their mind on another instance.
    await instance2.submitVote({ responderAadId: aadId(1), locale: 'de', data: data(4) });
    const invalid = await instance1.submitVote({ responderAadId: aadId(5), locale: 'de', data: data(7) });
    expect('error' in invalid && invalid.error.code).toBe('ratingInvalid');

    clock.set('2025-12-23T11:00:00Z');
    const [closedA, closedB] = await Promise.all([a.closeDuePolls(), b.closeDuePolls()]);
    const closed = [...closedA, ...closedB];
    expect(closed).toHaveLength(1);
    const card = closed[0]!.messages.de.card!;
    const shown = texts(card);
    expect(shown).toContain('4 Antworten');
    // (4 + 4 + 5 + 3) / 4 = 4.0
    expect(shown).toContain('Durchschnittliche Bewertung: 4,0 von 5');
    expect(shown).not.toContain('<at>');
    expect(shown).toContain('‹at›Alle‹/at› \\*\\*super\\*\\*');
  });
});
