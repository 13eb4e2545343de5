// Attendance end to end, through two running service instances on one storage, with Teams' meeting events in
// exactly the shapes of the issue (tests/attendance/activities.ts): a meeting matched through its join link and
// another through a coordinator's `verknüpfen <Termin>` in its chat; joins and leaves repeated and interleaved
// on both instances giving one record; the feedback poll only to the attendees (and the meeting chat); the
// "Verpasst?" catch-up only to the followers who missed the session, once, never to who opted out; and
// attendance in `teilnahme`, in `ergebnisse` and in the series retrospective.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/shared/clock.js';
import { startAzurite, type AzuriteHandle } from '../../src/storage/azurite.js';
import * as A from '../harness/activities.js';
import { contentDir, programYaml } from '../harness/content.js';
import { FakeConnector } from '../harness/fake-connector.js';
import { startTestBed, type TestBed } from '../harness/service.js';
import * as M from '../attendance/activities.js';

// "Auftakt" carries its meeting's join link; "Werkstatt" has none: a coordinator links its meeting chat.
const auftaktMeeting = M.meeting('AuftaktReihe');
const werkstattMeeting = M.meeting('WerkstattReihe');

const yaml = programYaml(
  [
    { id: 'auftakt', title: 'Auftakt Daten', date: '2030-05-06', start: '10:00', end: '12:00', summary: 'Ziele und Fahrplan der Reihe', joinUrl: auftaktMeeting.joinUrl },
    { id: 'werkstatt', title: 'Werkstatt Daten', date: '2030-05-13', start: '10:00', end: '12:00' },
    { id: 'ausblick', title: 'Ausblick Daten', date: '2030-05-20', start: '10:00', end: '12:00' },
  ],
  { reminders: ['P1D'], feedback: { openAfterEnd: 'PT2H', closeAfter: 'P2D', minResponses: 1 } },
);

const isPoll = (call: { body: unknown }) => JSON.stringify(call.body).includes('feedback.submit');
const isCatchUp = (call: { body: unknown }) => JSON.stringify(call.body).includes('Verpasst?');
const cardOf = (call: { body: any } | undefined) => call?.body?.attachments?.[0]?.content;

describe('attendance from Teams meeting events, end to end on two instances', () => {
  let azurite: AzuriteHandle;
  const connector = new FakeConnector();
  const clock = new ManualClock('2030-05-01T08:00:00Z');
  let one: TestBed;
  let two: TestBed;
  const coordinator = A.user(70);
  const anna = A.user(71); // at both sessions
  const ben = A.user(72); // at "Auftakt" only
  const carla = A.user(73); // misses "Auftakt", at "Werkstatt"
  const dora = A.user(74); // misses both, but said `keine nachholhinweise`
  const stranger = A.user(75); // joins the meeting, never talked to the bot
  const team = A.team(40); // the program's team: polls as always, results and the retrospective
  const personal = A.personalConversationId;

  beforeAll(async () => {
    azurite = await startAzurite();
    await connector.start();
    const env = { CONTENT_DIR: contentDir(yaml), COORDINATOR_IDS: coordinator.aadObjectId };
    one = await startTestBed({ azurite, connector, clock, env, service: { startScheduler: false, instanceId: 'one' } });
    two = await startTestBed({ azurite, connector, clock, env, service: { startScheduler: false, instanceId: 'two' } });
    for (const u of [coordinator, anna, ben, carla, dora]) await one.post(A.personalInstall(one.where, u));
    await two.post(A.personalMessage(two.where, dora, 'keine nachholhinweise'));
    expect(String(connector.messages(personal(dora)).at(-1)?.body.text)).toContain('keine Nachholhinweise mehr');
    await one.post(A.teamInstall(one.where, team, coordinator));
    await one.post(A.groupChatInstall(one.where, auftaktMeeting.chat, coordinator));
    await two.post(A.groupChatInstall(two.where, werkstattMeeting.chat, coordinator));
    connector.reset();
  });
  afterAll(async () => {
    await one?.stop();
    await two?.stop();
    await connector.stop();
    await azurite?.stop();
  });

  const beds = () => [one, two];
  /** A meeting activity as the issue shapes it, sent from the connector the beds share. */
  const teams = <T extends object>(activity: T) => ({ ...activity, serviceUrl: connector.url });
  const say = async (bed: TestBed, chatId: string, u: A.UserRef, text: string) => {
    await bed.post({ ...A.groupChatInstall(bed.where, chatId, u), type: 'message', text, action: undefined });
    return String(connector.messages(chatId).at(-1)?.body.text ?? '');
  };
  const ask = async (bed: TestBed, u: A.UserRef, text: string) => {
    await bed.post(A.personalMessage(bed.where, u, text));
    return String(connector.messages(personal(u)).at(-1)?.body.text ?? '');
  };
  const tickBoth = async () => {
    for (const bed of beds()) await bed.service.scheduler.tick();
    for (const bed of beds()) await bed.service.engine.idle();
  };
  /** Posts every event to both instances: `one` in the given order, `two` backwards, two at a time. */
  const interleaved = async (events: object[]) => {
    for (let i = 0; i < events.length; i++) {
      const results = await Promise.all([one.post(teams(events[i]!)), two.post(teams(events[events.length - 1 - i]!))]);
      expect(results.map((r) => r.status)).toEqual([200, 200]);
    }
  };
  const member = (u: A.UserRef) => ({ id: u.id, aadObjectId: u.aadObjectId, name: u.name });

  it('links the meeting of a session without a join link through a coordinator in its chat', async () => {
    expect(await say(two, werkstattMeeting.chat, anna, 'verknüpfen werkstatt')).toMatch(/Koordinator|Orga/);
    expect(await say(one, werkstattMeeting.chat, coordinator, 'verknüpfen werkstatt')).toContain('„Werkstatt Daten“');
    expect((await one.service.registry.get('groupChat', werkstattMeeting.chat))?.meetingSession).toBe('testprogramm/werkstatt');
  });

  it('counts "Auftakt" (matched by its join link) once, whatever the order and instance of its events', async () => {
    connector.reset();
    clock.set('2030-05-06T08:00:00Z'); // 10:00 Berlin
    const at = (hhmm: string) => `2030-05-06T${hhmm}:00Z`;
    const join = (m: M.MemberRef, hhmm: string) => M.participantEvent('Join', [m], at(hhmm), coordinator, auftaktMeeting);
    const leave = (u: A.UserRef, hhmm: string) => M.participantEvent('Leave', [member(u)], at(hhmm), coordinator, auftaktMeeting);
    // Anna 08:00–09:00 and 09:10–10:00 (110 min), Ben 08:05–09:35 (90 min), the coordinator 08:00 until the
    // meetingEnd (120 min); the stranger and a member without an Entra id are not counted.
    const events = [
      M.meetingStart(at('08:00'), coordinator, at('08:00'), auftaktMeeting),
      M.participantEvent('Join', [member(anna), member(coordinator)], at('08:00'), coordinator, auftaktMeeting),
      join(member(ben), '08:05'),
      join(member(stranger), '08:06'),
      join({ id: '29:no-entra-id', name: 'Gast' }, '08:07'),
      leave(anna, '09:00'),
      join(member(anna), '09:10'),
      leave(ben, '09:35'),
      leave(stranger, '09:40'),
      leave(anna, '10:00'),
    ];
    await interleaved(events);
    await interleaved(events.slice(1).reverse()); // every event once more, the other way round
    // Nothing but the attendance: a participant event sends no message.
    expect(connector.messages()).toHaveLength(0);
    clock.set(at('10:00'));
    const end = teams(M.meetingEnd(at('10:00'), coordinator, at('10:00'), auftaktMeeting));
    await Promise.all(beds().map((bed) => bed.post(end)));
    await Promise.all(beds().map((bed) => bed.post(teams(leave(ben, '09:35'))))); // a repeat after the end
    for (const bed of beds()) await bed.service.engine.idle();

    const report = await ask(one, coordinator, 'teilnahme auftakt');
    expect(report).toContain('Teilnahme: Auftakt Daten');
    expect(report).toContain('3 Personen haben teilgenommen, im Median 110 Minuten (zusammen 320 Minuten)');
    expect(await ask(two, coordinator, 'teilnahme auftakt')).toBe(report);
  });

  it('polls the attendees who follow the program, the meeting chat and the team, not the followers who missed it', async () => {
    const polls = connector.messages().filter(isPoll);
    expect(polls.map((c) => c.conversationId).sort()).toEqual([auftaktMeeting.chat, team.channelId, ...[anna, ben, coordinator].map(personal)].sort());
    expect(polls.every((c) => JSON.stringify(c.body).includes('Auftakt Daten'))).toBe(true);
    // Anna and Ben answer: two of three attendees.
    for (const [u, rating] of [[anna, 5], [ben, 4]] as const) {
      const data = cardOf(polls.find((c) => c.conversationId === personal(u))).actions[0].data as Record<string, unknown>;
      expect((await one.post(A.cardAction(one.where, u, 'feedback.submit', { ...data, rating: String(rating) }))).status).toBe(200);
    }
  });

  it('sends "Verpasst?" for "Auftakt" to the one follower who missed it and wants it, once', async () => {
    connector.reset();
    await tickBoth();
    await tickBoth();
    clock.set('2030-05-06T12:30:00Z'); // past the scheduled end (10:00Z) plus the two hours' grace
    await tickBoth();
    clock.set('2030-05-07T09:00:00Z');
    await tickBoth();
    const catchUps = connector.messages().filter(isCatchUp);
    expect(catchUps.map((c) => c.conversationId)).toEqual([personal(carla)]);
    const text = JSON.stringify(catchUps[0]!.body);
    expect(text).toContain('Auftakt Daten');
    expect(text).toContain('Ziele und Fahrplan der Reihe');
    expect(text).toContain('Werkstatt Daten'); // the next session
  });

  it('counts "Werkstatt" in its linked chat and sends its catch-up to the followers who missed that one', async () => {
    connector.reset();
    clock.set('2030-05-13T08:00:00Z');
    const at = (hhmm: string) => `2030-05-13T${hhmm}:00Z`;
    const events = [
      M.meetingStart(at('08:00'), coordinator, at('08:00'), werkstattMeeting),
      M.participantEvent('Join', [member(anna), member(carla)], at('08:01'), coordinator, werkstattMeeting),
      M.participantEvent('Leave', [member(carla)], at('09:01'), coordinator, werkstattMeeting),
      M.participantEvent('Leave', [member(anna)], at('09:31'), coordinator, werkstattMeeting),
      M.meetingEnd(at('10:00'), coordinator, at('10:00'), werkstattMeeting),
    ];
    // Teams sends the meetingEnd last; the joins and leaves go to both instances, crossed.
    await interleaved(events.slice(0, -1));
    clock.set(at('10:00'));
    await Promise.all(beds().map((bed) => bed.post(teams(events.at(-1)!))));
    for (const bed of beds()) await bed.service.engine.idle();
    expect(connector.messages().filter(isPoll).map((c) => c.conversationId).sort()).toEqual([werkstattMeeting.chat, team.channelId, personal(anna), personal(carla)].sort());

    expect(await ask(two, coordinator, 'teilnahme werkstatt')).toContain('2 Personen haben teilgenommen, im Median 75 Minuten (zusammen 150 Minuten)');
    connector.reset();
    clock.set('2030-05-13T12:30:00Z');
    await tickBoth();
    await tickBoth();
    expect(connector.messages().filter(isCatchUp).map((c) => c.conversationId).sort()).toEqual([personal(ben), personal(coordinator)].sort());
  });

  it('shows the series trend to a coordinator, and nothing to a participant', async () => {
    const series = await ask(one, coordinator, 'teilnahme');
    expect(series).toContain('Teilnahme: Testreihe Daten');
    expect(series).toContain('Auftakt Daten: 3 Personen anwesend');
    expect(series).toContain('Werkstatt Daten: 2 Personen anwesend');
    expect(series).toContain('Teilnahme im Verlauf: Auftakt Daten 3 → Werkstatt Daten 2');
    expect(await ask(one, anna, 'teilnahme')).not.toContain('Personen anwesend');
  });

  it('shows attendance and the response rate among attendees in `ergebnisse`', async () => {
    await one.post(A.personalMessage(one.where, coordinator, 'ergebnisse auftakt'));
    const results = JSON.stringify(connector.messages(personal(coordinator)).at(-1)?.body);
    expect(results).toContain('Auftakt Daten: 3 Personen anwesend; 2 von 3 Anwesenden haben geantwortet (67 %)');
  });

  it('shows the attendance trend in the series retrospective', async () => {
    connector.reset();
    clock.set('2030-05-20T12:00:00Z'); // "Ausblick" (no attendance data) ended two hours ago: its poll opens
    await tickBoth();
    clock.set('2030-05-22T12:30:00Z'); // its poll closes: results, then the retrospective
    await tickBoth();
    await tickBoth();
    const series = connector.messages(team.channelId).filter((c) => JSON.stringify(c.body).includes('Teilnahme im Verlauf'));
    expect(series).toHaveLength(1);
    const text = JSON.stringify(series[0]!.body);
    expect(text).toContain('Auftakt Daten: 3 Personen anwesend; 2 von 3 Anwesenden haben geantwortet (67 %)');
    expect(text).toContain('Werkstatt Daten: 2 Personen anwesend');
    expect(text).toContain('Teilnahme im Verlauf: Auftakt Daten 3 → Werkstatt Daten 2');
  });
});
