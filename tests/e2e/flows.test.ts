// End to end through the running service: reminders at their due time, a feedback poll from posting to the
// channel retrospective, the FAQ with escalation to the coordinators and back, delete-my-data, and a
// participant who tries coordinator actions. Time is a ManualClock; the scheduler is ticked by the test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { soleProgram, startTestBed, type TestBed } from '../harness/service.js';
import { contentDir, programYaml } from '../harness/content.js';
import * as A from '../harness/activities.js';
import type { ManualClock } from '../../src/shared/clock.js';
import { FeedbackRepository } from '../../src/feedback/repository.js';

// A join link as Teams writes it: the meeting thread id URL-encoded, a context query after it.
const ABSCHLUSS_THREAD = '19:meeting_QWJzY2hsdXNzRGF0ZW4@thread.v2';
const ABSCHLUSS_JOIN = `https://teams.microsoft.com/l/meetup-join/${encodeURIComponent(ABSCHLUSS_THREAD)}/0?context=%7b%22Tid%22%3a%22t%22%7d`;

const cardOf = (call: { body: any } | undefined) => call?.body?.attachments?.[0]?.content;
const cardText = (call: { body: any } | undefined) => JSON.stringify(cardOf(call) ?? {});

describe('reminders and feedback for a session', () => {
  let bed: TestBed;
  const clock = () => bed.clock as ManualClock;
  const team = A.team(7);
  const coordinator = A.user(50);
  const people = [A.user(51), A.user(52), A.user(53), A.user(54), A.user(55)];

  beforeAll(async () => {
    const dir = contentDir(
      programYaml(
        [
          { id: 'auftakt', title: 'Auftakt Daten', date: '2030-03-12', start: '10:00', end: '12:00', summary: 'Kennenlernen', joinUrl: 'https://teams.microsoft.com/l/meetup-join/abc' },
          { id: 'abschluss', title: 'Abschluss Daten', date: '2030-04-09', start: '10:00', end: '12:00', joinUrl: ABSCHLUSS_JOIN },
        ],
        { reminders: ['P1D', 'PT1H'], feedback: { openAfterEnd: 'PT0M', closeAfter: 'P2D', minResponses: 3 } },
      ),
    );
    bed = await startTestBed({
      env: { CONTENT_DIR: dir, COORDINATOR_IDS: coordinator.aadObjectId },
      clock: new (await import('../../src/shared/clock.js')).ManualClock('2030-03-01T08:00:00Z'),
      // The tests tick the scheduler themselves; a cron tick at a wall-clock minute would run on the manual
      // clock's time too and could open a poll that a test expects from meetingEnd.
      service: { startScheduler: false },
    });
    await bed.post(A.teamInstall(bed.where, team, coordinator));
    for (const p of people) await bed.post(A.personalInstall(bed.where, p));
    await bed.post(A.personalMessage(bed.where, people[4]!, 'abmelden'));
    bed.connector.reset();
  });
  afterAll(async () => bed?.stop());

  it('sends each reminder once at its due time to every subscribed conversation, never to the unsubscribed one', async () => {
    clock().set('2030-03-10T08:00:00Z');
    await bed.service.scheduler.tick();
    expect(bed.connector.messages()).toHaveLength(0);

    clock().set('2030-03-11T09:00:30Z'); // 1 day before 10:00 Berlin (09:00Z)
    await bed.service.scheduler.tick();
    await bed.service.scheduler.tick();
    const sent = bed.connector.messages();
    const targets = sent.map((c) => c.conversationId).sort();
    expect(targets).toEqual([team.channelId, ...people.slice(0, 4).map(A.personalConversationId)].sort());
    const card = cardText(sent.find((c) => c.conversationId === A.personalConversationId(people[0]!)));
    expect(card).toContain('Auftakt Daten');
    expect(card).toContain('Dienstag, 12. März 2030');
    expect(card).toContain('https://teams.microsoft.com/l/meetup-join/abc');
    expect(card).toContain('/api/programs/testprogramm/calendar/auftakt.ics');
    expect(card).toContain('announcement.rsvp');
  });

  it('counts an RSVP once per person and answers with the card for that person', async () => {
    const p = people[0]!;
    const first = await bed.post(A.cardAction(bed.where, p, 'announcement.rsvp', { programId: 'testprogramm', sessionId: 'auftakt', attending: true }));
    const again = await bed.post(A.cardAction(bed.where, p, 'announcement.rsvp', { programId: 'testprogramm', sessionId: 'auftakt', attending: true }));
    expect(first.body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(JSON.stringify(first.body.value)).toContain('1 Zusage');
    expect(JSON.stringify(again.body.value)).toContain('1 Zusage');
    const other = await bed.post(A.cardAction(bed.where, people[1]!, 'announcement.rsvp', { programId: 'testprogramm', sessionId: 'auftakt', attending: true }));
    expect(JSON.stringify(other.body.value)).toContain('2 Zusagen');
  });

  it('posts one poll after the end, stores every valid vote, rejects an invalid one, and posts the retrospective to the channel', async () => {
    bed.connector.reset();
    clock().set('2030-03-12T11:00:30Z'); // 12:00 Berlin has passed
    await bed.service.scheduler.tick();
    await bed.service.scheduler.tick();
    const polls = bed.connector.messages().filter((c) => cardText(c).includes('feedback.submit'));
    expect(polls.map((c) => c.conversationId).sort()).toEqual([team.channelId, ...people.slice(0, 4).map(A.personalConversationId)].sort());

    // A Teams meetingEnd arriving afterwards must not post a second poll. The handler only claims the job;
    // the sends run in the background, so wait for the engine before counting.
    await bed.post(meetingEnd({ JoinUrl: 'https://teams.microsoft.com/l/meetup-join/abc', Title: 'Auftakt Daten' }));
    await bed.service.engine.idle();
    expect(bed.connector.messages().filter((c) => cardText(c).includes('feedback.submit'))).toHaveLength(5);

    const vote = (u: A.UserRef, data: Record<string, unknown>, where?: 'personal' | { team: A.TeamRef }) =>
      bed.post(A.cardAction(bed.where, u, 'feedback.submit', { sessionId: 'auftakt', ...data }, where));
    expect((await vote(people[0]!, { rating: 5, good: 'Sehr <at>Max</at> gut', better: '' })).status).toBe(200);
    expect((await vote(people[1]!, { rating: 2, good: '', better: '[mehr](https://evil.example) Pausen' })).status).toBe(200);
    expect((await vote(people[2]!, { rating: 3, good: '', better: '' })).status).toBe(200);
    await vote(people[2]!, { rating: 4, good: 'Beispiele', better: '' }); // edited
    const invalid = await vote(people[3]!, { rating: 9, good: '', better: '' });
    expect(JSON.stringify(invalid.body)).toMatch(/1.{0,3}5/);
    // One vote from the channel's card, with someone else's id smuggled into the data.
    await vote(coordinator, { rating: 3, good: '', better: '', responderAadId: people[0]!.aadObjectId, aadObjectId: people[0]!.aadObjectId }, { team });

    const results = await bed.service.feedback.sessionResults('auftakt');
    expect(results?.count).toBe(4);

    bed.connector.reset();
    clock().set('2030-03-14T11:01:00Z'); // closeAfter P2D
    await bed.service.scheduler.tick();
    await bed.service.scheduler.tick();
    const posted = bed.connector.messages();
    expect(posted.map((c) => c.conversationId)).toEqual([team.channelId]);
    const text = cardText(posted[0]);
    expect(text).toContain('3,5'); // (5 + 2 + 4 + 3) / 4
    expect(text).toMatch(/4 (Rückmeldungen|Antworten)/);
    expect(text).not.toContain('<at>');
    expect(text).not.toContain('](https://evil');
    expect(text).not.toContain('Person 5');
  });

  it('opens a poll on Teams meetingEnd before its timer, for the session whose meeting thread it is; never by time alone', async () => {
    bed.connector.reset();
    clock().set('2030-04-09T10:01:00Z'); // 12:01 Berlin: "Abschluss" has just ended; the scheduler has not ticked
    // A stand-up ending now in some other chat with the bot: no join link of the session, so no poll.
    await bed.post(meetingEnd({ Title: 'Stand-up' }, '19:meeting_U3RhbmR1cA@thread.v2'));
    await bed.post(meetingEnd({ JoinUrl: 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_U3RhbmR1cA%40thread.v2/0' }, '19:meeting_U3RhbmR1cA@thread.v2'));
    await bed.service.engine.idle();
    expect(bed.connector.messages()).toHaveLength(0);
    expect(await new FeedbackRepository(bed.service.storage.store).getPoll('testprogramm', 'abschluss')).toBeUndefined();

    // The session's meeting, its link encoded differently (upper-case escapes, another context): matched.
    const variant = ABSCHLUSS_JOIN.replace('%3A', '%3a').replace('%40', '%40').replace(/\?context=.*/, '?context=%7B%22Oid%22%3A%22o%22%7D');
    await bed.post(meetingEnd({ JoinUrl: variant, Title: 'Abschluss' }, ABSCHLUSS_THREAD));
    await bed.service.engine.idle();
    const polls = bed.connector.messages().filter((c) => cardText(c).includes('feedback.submit'));
    // The meeting's own chat gets this poll too (addressed by id; it is in no general audience).
    const targets = [team.channelId, ABSCHLUSS_THREAD, ...people.slice(0, 4).map(A.personalConversationId)];
    expect(polls.map((c) => c.conversationId).sort()).toEqual(targets.sort());
    expect(polls.every((c) => cardText(c).includes('Abschluss Daten'))).toBe(true);
    expect((await new FeedbackRepository(bed.service.storage.store).getPoll('testprogramm', 'abschluss'))?.trigger).toBe('meetingEnd');
  });

  // Meeting chats have thread ids 19:meeting_…: the bot is there for one meeting, so they get only their poll.
  function meetingEnd(value: Record<string, string>, chatId = '19:meeting_RWluZU1lZXRpbmc@thread.v2') {
    return {
      ...A.groupChatInstall(bed.where, chatId, coordinator),
      type: 'event',
      name: 'application/vnd.microsoft.meetingEnd',
      value: { Id: 'm1', ...value },
      channelData: { tenant: { id: A.TENANT_ID }, meeting: { id: 'm1' } },
    };
  }
});

describe('FAQ, escalation and privacy', () => {
  let bed: TestBed;
  const coordinator = A.user(60);
  const participant = A.user(61);
  const team = A.team(8);

  beforeAll(async () => {
    bed = await startTestBed({ env: { COORDINATOR_IDS: coordinator.aadObjectId }, clock: new (await import('../../src/shared/clock.js')).ManualClock('2025-11-20T08:00:00Z') });
    await bed.post(A.teamInstall(bed.where, team, coordinator));
    await bed.post(A.personalInstall(bed.where, participant));
    bed.connector.reset();
  });
  afterAll(async () => bed?.stop());

  it('answers a channel @mention with a cited answer in the channel', async () => {
    await bed.post(A.channelMention(bed.where, team, participant, 'Wann ist der Data Governance Wegweiser?'));
    const reply = bed.connector.messages().find((c) => c.conversationId.startsWith(team.channelId));
    const text = cardText(reply);
    expect(text).toMatch(/16\.12\.2025|16\. Dezember 2025/);
    expect(text).toContain('faq.helpful');
  });

  it('forwards an unanswered question to the coordinators channel and brings the answer back to the asker', async () => {
    await bed.post(A.channelMention(bed.where, team, coordinator, 'hier eskalieren'));
    bed.connector.reset();
    await bed.post(A.personalMessage(bed.where, participant, 'Gibt es einen Parkplatz am Rathaus?'));
    const declined = cardOf(bed.connector.messages(A.personalConversationId(participant))[0]);
    const forward = JSON.stringify(declined);
    expect(forward).toContain('nichts gefunden');
    const questionId = /"questionId":"([^"]+)"/.exec(forward)![1]!;

    const res = await bed.post(A.cardAction(bed.where, participant, 'faq.forward', { questionId }));
    expect(JSON.stringify(res.body)).toContain('weitergeleitet');
    const escalation = bed.connector.messages(team.channelId).at(-1);
    expect(cardText(escalation)).toContain('Parkplatz');

    // A participant cannot answer; the coordinator can.
    const refused = await bed.post(A.cardAction(bed.where, participant, 'faq.answer', { questionId, answer: 'Nein.' }));
    expect(refused.body).toMatchObject({ statusCode: 403 });
    bed.connector.reset();
    await bed.post(A.cardAction(bed.where, coordinator, 'faq.answer', { questionId, answer: 'Die Reihe ist virtuell, ein Parkplatz ist nicht nötig.' }, { team }));
    const answer = bed.connector.messages(A.personalConversationId(participant))[0];
    expect(cardText(answer)).toContain('Parkplatz ist nicht nötig');
  });

  it('refuses coordinator commands and hand-made coordinator card actions to a participant', async () => {
    await bed.post(A.personalMessage(bed.where, participant, 'programm'));
    expect(String(bed.connector.messages(A.personalConversationId(participant)).at(-1)?.body.text)).toContain('Koordinator');
    const before = soleProgram(bed.service).version();
    const crafted = await bed.post(A.cardAction(bed.where, participant, 'coord.session.cancel', { sessionId: 'auftakt' }));
    expect(crafted.body.statusCode).toBe(403);
    expect(soleProgram(bed.service).version()).toBe(before);
    expect(soleProgram(bed.service).active()!.sessions.find((s) => s.id === 'auftakt')!.status).toBe('scheduled');
  });

  it('deletes a person\'s data after confirmation and says what was removed', async () => {
    await bed.post(A.cardAction(bed.where, participant, 'announcement.rsvp', { programId: 'stadt-daten-strategie', sessionId: 'data-governance-wegweiser', attending: true }));
    await bed.post(A.personalMessage(bed.where, participant, 'meine daten löschen'));
    const confirm = cardText(bed.connector.messages(A.personalConversationId(participant)).at(-1));
    expect(confirm).toContain('privacy.delete.confirm');
    expect(await bed.service.registry.get('personal', A.personalConversationId(participant))).toBeDefined();
    const res = await bed.post(A.cardAction(bed.where, participant, 'privacy.delete.confirm', {}));
    const text = String(res.body.value);
    expect(text).toMatch(/1 Teilnahmezusage/);
    expect(text).toMatch(/[1-9]\d* Frage/);
    expect(text).toMatch(/1 Chat-Anmeldung/);
    expect(await bed.service.registry.get('personal', A.personalConversationId(participant))).toBeUndefined();
  });
});
