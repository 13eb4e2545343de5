// Polls to those who were there, and the "Verpasst?" catch-up to the followers who were not: real Azurite, the
// real delivery engine with the fake connector, the Teams activity shapes, two instances and an injected clock.
import { describe, expect, it } from 'vitest';
import { CATCH_UP_BUCKETS, CATCH_UP_GRACE_MS, catchUpJobId, recipientBuckets } from '../../src/attendance/index.js';
import { ManualClock } from '../../src/shared/clock.js';
import { FakeConnector } from '../delivery/fakes.js';
import * as A from '../harness/activities.js';
import { useAzurite } from '../harness/azurite.js';
import { meeting, meetingEnd, meetingStart, participantEvent, type MemberRef } from './activities.js';
import { BASE_URL, Catalog, enroll, instance, personalTurn, program, users } from './feature-harness.js';

const storage = useAzurite('attcatch');
const organizer = A.user(1);
const chat = (...people: A.UserRef[]) => people.map(A.personalConversationId).sort();
const [u1, u2, u3, u4, u5, u6, u7] = [1, 2, 3, 4, 5, 6, 7].map((n) => A.user(n)) as [A.UserRef, A.UserRef, A.UserRef, A.UserRef, A.UserRef, A.UserRef, A.UserRef];

const abschluss = meeting('abschluss');
// "vertiefung" is 10:00–12:00 in Berlin: 09:00–11:00 UTC. Its meeting chat is linked to it by the join link.
const vertiefung = meeting('vertiefung');
const END = Date.parse('2026-12-16T11:00:00Z');
const werkstatt = () =>
  new Catalog([
    program('werkstatt', [
      { id: 'auftakt', date: '2026-12-02', joinUrl: meeting('auftakt').joinUrl },
      { id: 'vertiefung', date: '2026-12-16', summary: 'Wie Ämter Daten teilen.', joinUrl: vertiefung.joinUrl },
      { id: 'abschluss', date: '2027-01-13', joinUrl: abschluss.joinUrl },
    ]),
    program('quartier', [{ id: 'q1', date: '2026-12-16' }]),
  ]);
function setup() {
  const store = storage.store();
  const clock = new ManualClock('2026-12-16T08:00:00Z');
  const connector = new FakeConnector();
  const cat = werkstatt();
  return { clock, connector, a: instance(store, cat, clock, connector), b: instance(store, cat, clock, connector) };
}

async function attend(i: ReturnType<typeof setup>['a'], people: readonly MemberRef[], end = false) {
  await i.send(meetingStart('2026-12-16T09:00:00Z', organizer, undefined, vertiefung));
  await i.send(participantEvent('Join', people, '2026-12-16T09:05:00Z', organizer, vertiefung));
  if (end) await i.send(meetingEnd('2026-12-16T10:30:00Z', organizer, undefined, vertiefung));
}

describe('polls to attendees', () => {
  it('attendeesToPoll gives the personal chats of attendees who follow the program; undefined without attendance', async () => {
    const { a } = setup();
    await enroll(a.registry, [u1, u2, u5], ['werkstatt']);
    await enroll(a.registry, [u4], ['quartier']);
    await attend(a, [u1, u2, u4]);
    expect((await a.feature.attendeesToPoll('werkstatt', 'vertiefung'))?.sort()).toEqual(chat(u1, u2));
    expect(await a.feature.attendeesToPoll('werkstatt', 'auftakt')).toBeUndefined();
  });
});

describe('the "Verpasst?" catch-up', () => {
  it('goes to the followers who missed the session, once, across two instances and repeated ticks', async () => {
    const { clock, connector, a, b } = setup();
    await enroll(a.registry, [u1, u2, u3, u4, u5, u6], ['werkstatt']);
    await enroll(a.registry, [u7], ['quartier']);
    await a.registry.uninstall('personal', A.personalConversationId(u6));
    expect(await a.feature.commands.noCatchUp(personalTurn(u3), '')).toMatchObject([{ text: expect.stringContaining('keine Nachholhinweise mehr') }]);
    await b.feature.commands.noCatchUp(personalTurn(u4), '');
    expect(await b.feature.commands.catchUp(personalTurn(u4, 'en'), '')).toMatchObject([{ text: expect.stringContaining('when you miss a session') }]);
    await attend(a, [u1, u2]);

    // No meetingEnd: the session counts as ended only once the grace after its scheduled end has passed.
    clock.set(new Date(END + CATCH_UP_GRACE_MS - 1));
    expect(await a.feature.planCatchUps()).toBe(0);
    clock.set(new Date(END + CATCH_UP_GRACE_MS));
    const created = await Promise.all([a.feature.planCatchUps(), b.feature.planCatchUps()]);
    await Promise.all([a.feature.tick(), b.feature.tick()]);
    expect(created[0]! + created[1]!).toBe(recipientBuckets(chat(u4, u5)).size);
    await Promise.all([a.deliver(), b.deliver()]);
    await Promise.all([a.feature.tick(), b.feature.tick(), a.deliver(), b.deliver()]);

    expect([...connector.accepted.keys()].sort()).toEqual(chat(u4, u5));
    expect(connector.duplicates()).toEqual([]);
    const sent = JSON.stringify(connector.sent[0]!.message);
    for (const part of ['VERPASST?', 'Termin vertiefung', 'Wie Ämter Daten teilen.', 'folien-vertiefung.pdf', 'Termin abschluss', `${BASE_URL}/api/programs/werkstatt/calendar.ics`, abschluss.joinUrl]) {
      expect(sent).toContain(part);
    }
    // A day later nothing new: the session's planning is recorded.
    clock.set(new Date(END + 24 * 3600_000));
    expect(await b.feature.planCatchUps()).toBe(0);
  });

  it('a meetingEnd makes it due at once; a session without attendance data gets none', async () => {
    const { clock, connector, a } = setup();
    await enroll(a.registry, [u1, u2], ['werkstatt']);
    await attend(a, [u1], true);
    clock.set('2026-12-16T10:31:00Z');
    expect(await a.feature.planCatchUps()).toBe(1);
    await a.deliver();
    expect([...connector.accepted.keys()]).toEqual(chat(u2));
    const bucket = [...recipientBuckets(chat(u2)).keys()][0]!;
    expect(await a.engine.jobs.get(catchUpJobId('werkstatt', 'vertiefung', bucket))).toMatchObject({ kind: 'attendance.catchUp', audience: { programId: 'werkstatt' } });
    // "q1" of the other program ended at the same time without meeting data: nothing planned for it.
    clock.set(new Date(END + CATCH_UP_GRACE_MS));
    expect(await a.feature.planCatchUps()).toBe(0);
    for (const b of Array.from({ length: CATCH_UP_BUCKETS }, (_, i) => i.toString(16).padStart(2, '0'))) {
      expect(await a.engine.jobs.get(catchUpJobId('quartier', 'q1', b))).toBeUndefined();
    }
  });

  it('1,000 members: one join event records the followers among them, and the 300 who missed get it exactly once', async () => {
    const { clock, connector, a, b } = setup();
    const members = users(1000, 1000);
    await enroll(a.registry, members, ['werkstatt']);
    const strangers = users(5000, 5);
    const guests = [{ id: '29:guest-1' }, { id: '29:guest-2' }];
    await a.send(meetingStart('2026-12-16T09:00:00Z', organizer, undefined, vertiefung));
    await a.send(participantEvent('Join', [...members.slice(0, 700), ...strangers, ...guests], '2026-12-16T09:05:00Z', organizer, vertiefung));
    expect(a.outcomes.at(-1)).toMatchObject({ kind: 'recorded', outcome: { recorded: 700, unknown: 5, withoutId: 2 } });
    await b.send(meetingEnd('2026-12-16T10:30:00Z', organizer, undefined, vertiefung));
    expect((await a.attendance.summary('werkstatt', 'vertiefung')).attendees).toBe(700);
    expect(await a.feature.attendeesToPoll('werkstatt', 'vertiefung')).toHaveLength(700);

    clock.set('2026-12-16T10:35:00Z');
    await Promise.all([a.feature.planCatchUps(), b.feature.planCatchUps(), a.feature.planCatchUps()]);
    await Promise.all([a.deliver(), b.deliver()]);
    await Promise.all([a.deliver(), b.deliver()]);
    expect([...connector.accepted.keys()].sort()).toEqual(chat(...members.slice(700)));
    expect(connector.duplicates()).toEqual([]);
  }, 120_000);
});
