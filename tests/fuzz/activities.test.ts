// Fuzzing the HTTP edge with fast-check: thousands of activities and invoke payloads built from the real
// Teams shapes, then broken (wrong types, missing fields, huge strings, odd Unicode, wrong channelData,
// unknown verbs), POSTed to the running service. The service must never answer 5xx (nor an invoke body
// with statusCode 500, nor the "internal error" reply), must keep answering /healthz, and must store no
// malformed record (every table the traffic can reach is read back and checked afterwards).
// FUZZ_RUNS scales the number of runs (default 250 batches of 8 activities).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { startTestBed, type TestBed } from '../harness/service.js';
import * as A from '../harness/activities.js';
import { ManualClock } from '../../src/shared/clock.js';
import { listAll } from '../../src/storage/tables.js';
import { VERBS } from '../../src/coordination/verbs.js';
import { FAQ_VERBS } from '../../src/faq/index.js';
import { conversationMessages } from '../../src/i18n/conversation.js';
import { oddString, jsonish } from './arbitraries.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 250);
const KNOWN_VERBS = [
  'feedback.submit',
  'feedback.edit',
  'feedback.refresh',
  'announcement.rsvp',
  'privacy.delete.confirm',
  'privacy.delete.cancel',
  ...FAQ_VERBS,
  ...Object.values(VERBS),
];
const INTERNAL_ERROR = [conversationMessages.de.internalError, conversationMessages.en.internalError];

describe('fuzzed activities against the running service', () => {
  let bed: TestBed;
  const coordinator = A.user(1);

  beforeAll(async () => {
    // The seed program; just after the kickoff ended (12:00 Berlin): its poll is open, so votes can be stored.
    bed = await startTestBed({ env: { COORDINATOR_IDS: coordinator.aadObjectId }, clock: new ManualClock('2025-08-26T10:00:30Z') });
    await bed.post(A.teamInstall(bed.where, A.team(1), coordinator));
    await bed.post(A.personalInstall(bed.where, A.user(2)));
    await bed.post(A.personalInstall(bed.where, A.user(99)));
    await bed.service.scheduler.tick();
    // A person outside the fuzzed range (2-40), so no fuzzed "delete my data" can remove this vote and the
    // record check below always has a response to look at.
    const vote = await bed.post(A.cardAction(bed.where, A.user(99), 'feedback.submit', { sessionId: 'auftakt', rating: 4 }));
    expect(JSON.stringify(vote.body)).toContain('Danke für Ihr Feedback');
  });
  afterAll(async () => bed?.stop());

  const where = () => bed.where;
  const person = fc.integer({ min: 2, max: 40 }).map((n) => A.user(n));
  const verb = fc.oneof(fc.constantFrom(...KNOWN_VERBS), oddString);
  const data = fc.oneof(
    fc.record(
      {
        sessionId: fc.oneof(fc.constantFrom('auftakt', 'abschluss', 'gibt-es-nicht'), oddString, jsonish),
        rating: fc.oneof(fc.integer({ min: -3, max: 9 }), fc.double(), oddString, jsonish),
        good: fc.oneof(oddString, jsonish),
        better: fc.oneof(oddString, jsonish),
        questionId: fc.oneof(oddString, jsonish),
        answer: fc.oneof(oddString, jsonish),
        programId: fc.oneof(fc.constant('stadt-daten-strategie'), oddString),
        attending: fc.oneof(fc.boolean(), jsonish),
        responderAadId: fc.constant(A.user(3).aadObjectId),
        jobId: oddString,
        date: oddString,
        start: oddString,
        text: oddString,
      },
      { requiredKeys: [] },
    ),
    fc.dictionary(oddString, jsonish, { maxKeys: 5 }),
  );
  const text = fc.oneof(oddString, fc.constantFrom('hilfe', 'termine', 'nächster termin', 'ergebnisse auftakt', 'programm', 'status', 'ankündigen x', 'hier eskalieren', 'abmelden', 'anmelden'));

  const wellFormed = fc.oneof(
    fc.tuple(person, text).map(([u, t]) => A.personalMessage(where(), u, t)),
    fc.tuple(person, verb, data).map(([u, v, d]) => A.cardAction(where(), u, v, d)),
    fc.tuple(person, verb, data).map(([u, v, d]) => A.cardAction(where(), u, v, d, { team: A.team(1) })),
    fc.tuple(person, verb, data).map(([u, v, d]) => A.cardSubmit(where(), u, { verb: v, ...d })),
    fc.tuple(person, text).map(([u, t]) => A.channelMention(where(), A.team(1), u, t)),
    person.map((u) => A.personalInstall(where(), u)),
    person.map((u) => A.personalMembersAdded(where(), u)),
    fc.tuple(person, fc.integer({ min: 2, max: 4 })).map(([u, t]) => A.teamInstall(where(), A.team(t), u)),
    fc.tuple(person, jsonish).map(([u, v]) => ({ ...A.personalMessage(where(), u, 'x'), type: 'event', name: 'application/vnd.microsoft.meetingEnd', value: v })),
    fc.tuple(person, oddString, jsonish).map(([u, name, value]) => ({ ...A.personalMessage(where(), u, ''), type: 'invoke', name, value })),
  );

  /** Breaks an activity at a few paths: delete, replace with a wrong type, or a hostile value. */
  const mutation = fc.record({
    path: fc.constantFrom(
      'type',
      'text',
      'from',
      'from.id',
      'from.aadObjectId',
      'conversation',
      'conversation.id',
      'conversation.conversationType',
      'conversation.tenantId',
      'recipient',
      'channelData',
      'channelData.tenant',
      'channelData.team',
      'channelData.team.id',
      'channelData.channel',
      'value',
      'value.action',
      'value.action.verb',
      'value.action.data',
      'value.action.type',
      'entities',
      'locale',
      'serviceUrl',
      'membersAdded',
      'action',
      'name',
      'replyToId',
    ),
    how: fc.oneof(fc.constant<'delete'>('delete'), jsonish.map((v) => ({ value: v })), oddString.map((v) => ({ value: v }))),
  });

  function mutate(activity: Record<string, any>, changes: Array<{ path: string; how: 'delete' | { value: unknown } }>) {
    const copy = structuredClone(activity);
    for (const { path, how } of changes) {
      const keys = path.split('.');
      let target: any = copy;
      for (const k of keys.slice(0, -1)) {
        if (target[k] === null || typeof target[k] !== 'object') target[k] = {};
        target = target[k];
      }
      const last = keys.at(-1)!;
      if (how === 'delete') delete target[last];
      else target[last] = how.value;
    }
    return copy;
  }

  const activity = fc.oneof(
    { weight: 3, arbitrary: wellFormed },
    { weight: 5, arbitrary: fc.tuple(wellFormed, fc.array(mutation, { minLength: 1, maxLength: 3 })).map(([a, m]) => mutate(a as Record<string, any>, m)) },
    { weight: 1, arbitrary: jsonish },
  );

  it('never answers 5xx or an internal error, and keeps answering /healthz', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(activity, { minLength: 1, maxLength: 8 }), async (batch) => {
        const answers = await Promise.all(batch.map((a) => bed.post(a)));
        for (const [i, answer] of answers.entries()) {
          const context = `activity ${String(JSON.stringify(batch[i])).slice(0, 3000)} answered ${answer.status} ${String(JSON.stringify(answer.body)).slice(0, 300)}`;
          // botbuilder answers an invoke nobody handles (a name other than adaptiveCard/action) with 501 Not
          // Implemented: a refusal, not a failure. Every other 5xx is a defect.
          const a = batch[i] as { type?: unknown; name?: unknown } | undefined;
          const unhandledInvoke = a?.type === 'invoke' && a.name !== 'adaptiveCard/action' && answer.status === 501;
          if (!unhandledInvoke) expect(answer.status, context).toBeLessThan(500);
          expect(answer.body?.statusCode, context).not.toBe(500);
        }
      }),
      { numRuns: RUNS, interruptAfterTimeLimit: 45_000 },
    );
    const health = await fetch(`${bed.service.url}/healthz`);
    expect(health.status).toBe(200);
    const replies = bed.connector.calls.map((c) => JSON.stringify(c.body ?? ''));
    for (const internal of INTERNAL_ERROR) expect(replies.filter((r) => r.includes(internal))).toEqual([]);
  }, 60_000);

  it('stored only well-formed records', async () => {
    const store = bed.service.storage.store;
    const rows = async (name: string) => listAll<Record<string, unknown>>(await store.table(name));
    const problems: string[] = [];
    const check = (table: string, row: Record<string, unknown>, ok: boolean, what: string) => {
      if (!ok) problems.push(`${table} ${String(row.partitionKey)}/${String(row.rowKey)}: ${what}`);
    };
    const strings = (table: string, row: Record<string, unknown>) => {
      for (const [k, v] of Object.entries(row)) if (typeof v === 'string') check(table, row, (v as unknown as { isWellFormed(): boolean }).isWellFormed(), `${k} is not well-formed Unicode`);
    };

    for (const row of await rows('conversations')) {
      strings('conversations', row);
      check('conversations', row, ['personal', 'channel', 'groupChat'].includes(String(row.partitionKey)), 'unknown kind');
      check('conversations', row, typeof row.conversationId === 'string' && row.conversationId.length > 0, 'conversationId');
      let reference: unknown;
      try {
        reference = JSON.parse(String(row.reference));
      } catch {
        reference = undefined;
      }
      check('conversations', row, typeof reference === 'object' && reference !== null, 'reference is not a JSON object');
      check('conversations', row, typeof row.serviceUrl === 'string' && URL.canParse(row.serviceUrl), 'serviceUrl');
      check('conversations', row, row.locale === 'de' || row.locale === 'en', 'locale');
    }
    const responses = await rows('feedbackResponses');
    expect(responses.length).toBeGreaterThan(0);
    for (const row of responses) {
      strings('feedbackResponses', row);
      check('feedbackResponses', row, Number.isInteger(row.rating) && (row.rating as number) >= 1 && (row.rating as number) <= 5, `rating ${String(row.rating)}`);
      for (const k of ['good', 'better']) check('feedbackResponses', row, row[k] === undefined || (typeof row[k] === 'string' && (row[k] as string).length <= 1000), k);
      check('feedbackResponses', row, /^[0-9a-f]{64}$/.test(String(row.rowKey)), 'responder key');
    }
    for (const row of await rows('FaqQuestions')) {
      strings('FaqQuestions', row);
      check('FaqQuestions', row, typeof row.question === 'string' && (row.question as string).trim().length > 0, 'question');
      check('FaqQuestions', row, row.locale === 'de' || row.locale === 'en', 'locale');
    }
    for (const row of await rows('FaqVotes')) check('FaqVotes', row, typeof row.helpful === 'boolean', 'helpful');
    for (const row of await rows('rsvps')) strings('rsvps', row);
    expect(problems.slice(0, 20)).toEqual([]);
  });
});
