// Two service instances on one storage, with real node-cron ticks and the real clock: a reminder due in a
// few seconds and a poll after a session that is ending now reach every conversation exactly once, while
// the connector throttles (429 with and without Retry-After) and fails (503).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { soleProgram, startTestBed, type TestBed } from '../harness/service.js';
import { contentDir, programYaml, sessionFrom, sessionUntil } from '../harness/content.js';
import { FakeConnector, type FaultResponse } from '../harness/fake-connector.js';
import { startAzurite, type AzuriteHandle } from '../../src/storage/azurite.js';
import { systemClock } from '../../src/shared/clock.js';
import * as A from '../harness/activities.js';
import { parseProgramText } from '../../src/program/load.js';

const ZONE = 'Europe/Berlin';
const cardText = (c: { body: any }) => JSON.stringify(c.body?.attachments?.[0]?.content ?? {});

describe('two instances sharing one storage', () => {
  let azurite: AzuriteHandle;
  let connector: FakeConnector;
  let one: TestBed;
  let two: TestBed;
  let reminderDue: number;
  let pollDue: number;
  const people = Array.from({ length: 8 }, (_, i) => A.user(100 + i));
  const team = A.team(30);

  beforeAll(async () => {
    azurite = await startAzurite();
    connector = new FakeConnector();
    await connector.start();

    // The instances start with both sessions a day ahead and no reminder; once everyone is registered and the
    // faults are set, a coordinator edit brings the real times. So the due times follow the setup, however
    // long it takes, and the fan-outs never race the registrations.
    const feedback = { openAfterEnd: 'PT0M', closeAfter: 'P7D', minResponses: 3 };
    const tomorrow = DateTime.now().setZone(ZONE).plus({ days: 1 }).set({ hour: 10, minute: 0, second: 0, millisecond: 0 });
    const later = [sessionFrom('laufend', 'Laufender Termin', tomorrow, 60).spec, sessionFrom('bald', 'Bald beginnender Termin', tomorrow.plus({ hours: 3 }), 60).spec];
    const dir = contentDir(programYaml(later, { reminders: [], feedback }));
    const env = { CONTENT_DIR: dir, SCHEDULER_TICK: '*/2 * * * * *', TABLE_PREFIX: 'multi', DELIVERY_MAX_RPS: '20' };
    one = await startTestBed({ azurite, connector, clock: systemClock, env });
    two = await startTestBed({ azurite, connector, clock: systemClock, env });
    await one.post(A.teamInstall(one.where, team, people[0]!));
    for (const p of people) await (p === people[3] ? two : one).post(A.personalInstall(one.where, p));
    await two.post(A.personalMessage(two.where, people[7]!, 'abmelden'));
    connector.reset();
    // Throttling and failures: the channel gets a 429 without Retry-After, one chat a 429 with Retry-After,
    // one chat a 503 and another two 503s in a row.
    const faults = new Map<string, FaultResponse[]>([
      [team.channelId, [{ status: 429 }]],
      [A.personalConversationId(people[1]!), [{ status: 429, headers: { 'Retry-After': '1' } }]],
      [A.personalConversationId(people[2]!), [{ status: 503 }]],
      [A.personalConversationId(people[5]!), [{ status: 503 }, { status: 503 }]],
    ]);
    connector.addFault(({ conversationId, attempt, method }) => (method === 'POST' ? faults.get(conversationId)?.[attempt - 1] : undefined));
    // Watch each instance's cron ticks looking for due jobs, so the test knows both were really competing.
    for (const [name, bed] of [['one', one], ['two', two]] as const) {
      const engine = bed.service.engine;
      const startDue = engine.startDue.bind(engine);
      engine.startDue = async () => {
        const at = Date.now();
        const result = await startDue();
        ticks.push({ instance: name, at, started: result.started.map((h) => h.jobId) });
        return result;
      };
    }
    // Session 1 is ending at the next full minute (at least 20 s from now): its poll is due then. Session 2
    // starts a few minutes later; its only reminder is due about 4 s from now.
    // Near midnight the sessions are shortened to stay within their day (a session cannot end at 00:00 of its
    // date), so the due times below come from the instants the sessions really have.
    const now = DateTime.now().setZone(ZONE);
    let ending = now.plus({ seconds: 20 }).startOf('minute').plus({ minutes: 1 });
    if (ending.hour === 0 && ending.minute === 0) ending = ending.plus({ minutes: 1 });
    const running = sessionUntil('laufend', 'Laufender Termin', ending, 60);
    const soon = sessionFrom('bald', 'Bald beginnender Termin', running.end.plus({ minutes: 3 }), 60);
    const offsetSeconds = Math.round(soon.start.diff(now.plus({ seconds: 4 }), 'seconds').seconds);
    reminderDue = soon.start.minus({ seconds: offsetSeconds }).toMillis();
    pollDue = running.end.toMillis();
    const edited = parseProgramText(programYaml([running.spec, soon.spec], { reminders: [`PT${offsetSeconds}S`], feedback }));
    expect((await soleProgram(one.service).save(edited, 'test')).kind).toBe('saved');
  }, 60_000);
  const ticks: { instance: 'one' | 'two'; at: number; started: string[] }[] = [];

  afterAll(async () => {
    await one?.stop();
    await two?.stop();
    await connector?.stop();
    await azurite?.stop();
  });

  it('delivers the reminder once per subscribed conversation, at its due time, and the poll once after the end', async () => {
    const expected = [team.channelId, ...people.slice(0, 7).map(A.personalConversationId)].sort();
    const reminders = () => connector.messages().filter((c) => cardText(c).includes('Bald beginnender Termin') && cardText(c).includes('announcement.rsvp'));
    const polls = () => connector.messages().filter((c) => cardText(c).includes('feedback.submit'));

    await connector.waitFor(() => reminders().length >= expected.length, 60_000, 'every reminder');
    await connector.waitFor(() => polls().length >= expected.length, 100_000, 'every poll');
    // Let both instances tick a few more times: nothing may be sent again.
    await new Promise((r) => setTimeout(r, 6000));

    expect(reminders().map((c) => c.conversationId).sort()).toEqual(expected);
    expect(polls().map((c) => c.conversationId).sort()).toEqual(expected);
    expect(Math.min(...reminders().map((c) => c.at))).toBeGreaterThanOrEqual(reminderDue);
    expect(Math.min(...polls().map((c) => c.at))).toBeGreaterThanOrEqual(pollDue);
    // Both instances were ticking when the jobs fell due, and no job was started twice.
    for (const instance of ['one', 'two']) {
      expect(ticks.filter((t) => t.instance === instance && t.at >= reminderDue).length, instance).toBeGreaterThan(1);
    }
    const started = ticks.flatMap((t) => t.started);
    expect(new Set(started).size).toBe(started.length);
    // The faults were really hit and retried; Retry-After (1 s) was waited out before the next attempt.
    expect(connector.calls.filter((c) => c.status === 429).length).toBeGreaterThan(0);
    expect(connector.calls.filter((c) => c.status === 503).length).toBeGreaterThanOrEqual(2);
    // (The fault applies per message, so the poll to this chat also starts with a 429: look at the reminder.)
    const toPerson1 = connector.calls.filter((c) => c.method === 'POST' && c.conversationId === A.personalConversationId(people[1]!) && cardText(c).includes('Bald beginnender Termin'));
    expect(toPerson1.map((c) => c.status).slice(0, 2)).toEqual([429, 200]);
    expect(toPerson1[1]!.at - toPerson1[0]!.at).toBeGreaterThanOrEqual(1000);
    // The unsubscribed chat got nothing.
    expect(connector.messages(A.personalConversationId(people[7]!))).toHaveLength(0);
  }, 150_000);
});
