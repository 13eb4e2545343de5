// Teams meetingEnd through the running service: a meeting is matched to a session by its thread id (from the
// URL-decoded join link) or by a meeting chat a coordinator linked to the session, never by time alone; and
// a meeting chat the bot sees is not an audience for reminders.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meetingThreadId } from '../../src/feedback/meeting-match.js';
import { FeedbackRepository } from '../../src/feedback/repository.js';
import type { ManualClock } from '../../src/shared/clock.js';
import * as A from '../harness/activities.js';
import { contentDir, programYaml } from '../harness/content.js';
import { startTestBed, type TestBed } from '../harness/service.js';

const THREAD = '19:meeting_TWVldGluZ0V4YW1wbGU@thread.v2';

describe('meetingThreadId', () => {
  it('finds the thread id in join links encoded once, twice or not at all, and nowhere else', () => {
    const once = `https://teams.microsoft.com/l/meetup-join/${encodeURIComponent(THREAD)}/0?context=%7b%7d`;
    expect(meetingThreadId(once)).toBe(THREAD);
    expect(meetingThreadId(once.replace('%3A', '%3a'))).toBe(THREAD);
    expect(meetingThreadId(`https://x.example/redirect?u=${encodeURIComponent(once)}`)).toBe(THREAD);
    expect(meetingThreadId(THREAD)).toBe(THREAD);
    expect(meetingThreadId('https://teams.microsoft.com/l/meetup-join/abc')).toBeUndefined();
    expect(meetingThreadId('https://example.org/%E0%A4%A')).toBeUndefined();
    expect(meetingThreadId(undefined)).toBeUndefined();
  });
});

describe('meetingEnd and meeting chats', () => {
  let bed: TestBed;
  const clock = () => bed.clock as ManualClock;
  const coordinator = A.user(90);
  const participant = A.user(91);
  const team = A.team(30);
  const linkedChat = '19:meeting_R2VrbnVlcGZ0@thread.v2';

  beforeAll(async () => {
    const dir = contentDir(
      programYaml(
        [
          // No join link: only a coordinator's link ties a meeting to it.
          { id: 'werkstatt', title: 'Werkstatt Daten', date: '2030-05-06', start: '10:00', end: '12:00' },
          { id: 'ausblick', title: 'Ausblick Daten', date: '2030-05-20', start: '10:00', end: '12:00' },
        ],
        { reminders: ['P1D'], feedback: { openAfterEnd: 'PT2H', closeAfter: 'P2D', minResponses: 3 } },
      ),
    );
    bed = await startTestBed({
      env: { CONTENT_DIR: dir, COORDINATOR_IDS: coordinator.aadObjectId },
      clock: new (await import('../../src/shared/clock.js')).ManualClock('2030-05-01T08:00:00Z'),
      service: { startScheduler: false },
    });
    await bed.post(A.teamInstall(bed.where, team, coordinator));
    await bed.post(A.personalInstall(bed.where, participant));
    await bed.post(A.groupChatInstall(bed.where, linkedChat, coordinator));
    bed.connector.reset();
  });
  afterAll(async () => bed?.stop());

  const say = async (chatId: string, u: A.UserRef, text: string) => {
    await bed.post({ ...A.groupChatInstall(bed.where, chatId, u), type: 'message', text, membersAdded: undefined });
    return String(bed.connector.messages(chatId).at(-1)?.body.text ?? '');
  };
  const meetingEnd = (chatId: string, value: Record<string, string> = {}) =>
    bed.post({
      ...A.groupChatInstall(bed.where, chatId, coordinator),
      type: 'event',
      name: 'application/vnd.microsoft.meetingEnd',
      value: { Id: 'm', ...value },
      channelData: { tenant: { id: A.TENANT_ID }, meeting: { id: 'm' } },
    });

  it('sends reminders to the team and the participant, never to a meeting chat', async () => {
    clock().set('2030-05-05T08:00:30Z'); // one day before 10:00 Berlin
    await bed.service.scheduler.tick();
    await bed.service.engine.idle();
    const targets = bed.connector.messages().map((c) => c.conversationId).sort();
    expect(targets).toEqual([team.channelId, A.personalConversationId(participant)].sort());
  });

  it('lets only a coordinator link a meeting chat, and only in a meeting chat', async () => {
    expect(await say(linkedChat, participant, 'termin verknüpfen werkstatt')).toMatch(/Koordinator|Orga/);
    bed.connector.reset();
    await bed.post(A.personalMessage(bed.where, coordinator, 'termin verknüpfen werkstatt'));
    expect(String(bed.connector.messages(A.personalConversationId(coordinator)).at(-1)?.body.text)).toContain('Chat einer Teams-Besprechung');
    expect(await say(linkedChat, coordinator, 'termin verknüpfen Sommerfest')).toContain('Keinen Termin');
    expect(await say(linkedChat, coordinator, 'termin verknüpfen werkstatt')).toContain('„Werkstatt Daten“');
  });

  it('does not open a poll for a meeting ending in an unlinked chat at the session time', async () => {
    bed.connector.reset();
    clock().set('2030-05-06T10:05:00Z'); // 12:05 Berlin, "Werkstatt" just ended
    await meetingEnd('19:meeting_U3RhbmR1cA@thread.v2', { Title: 'Werkstatt Daten' });
    await bed.service.engine.idle();
    expect(bed.connector.messages()).toHaveLength(0);
    expect(await new FeedbackRepository(bed.service.storage.store).getPoll('testprogramm', 'werkstatt')).toBeUndefined();
  });

  it('opens the linked session\'s poll when that chat\'s meeting ends, and posts it there too', async () => {
    bed.connector.reset();
    await meetingEnd(linkedChat);
    await bed.service.engine.idle();
    const polls = bed.connector.messages().filter((c) => JSON.stringify(c.body).includes('feedback.submit'));
    // (The coordinator has a personal chat since writing to the bot there.)
    const personal = [participant, coordinator].map(A.personalConversationId);
    expect(polls.map((c) => c.conversationId).sort()).toEqual([team.channelId, linkedChat, ...personal].sort());
    expect(polls.every((c) => JSON.stringify(c.body).includes('Werkstatt Daten'))).toBe(true);
    expect((await new FeedbackRepository(bed.service.storage.store).getPoll('testprogramm', 'werkstatt'))?.trigger).toBe('meetingEnd');

    // The timer later finds the poll open: nothing is sent twice.
    bed.connector.reset();
    clock().set('2030-05-06T12:01:00Z');
    await bed.service.scheduler.tick();
    await bed.service.engine.idle();
    expect(bed.connector.messages().filter((c) => JSON.stringify(c.body).includes('feedback.submit'))).toHaveLength(0);
  });
});
