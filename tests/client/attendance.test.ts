// Scenario in the Agents Playground: the "Verpasst?" catch-up in the personal chat of a follower who missed a
// session. The Playground cannot mock meeting events, so the test sends Teams' meeting events (the issue's
// shapes, tests/attendance/activities.ts) to the bot endpoint with its own requests: a colleague with a
// personal chat of their own (answered by a fake connector) links the meeting chat to "Finalisierung" and
// attends; the Playground's user does not. When the meeting has ended, the poll goes to the colleague and the
// meeting chat only, and the next tick brings the Playground's user the catch-up card.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attendanceTexts } from '../../src/i18n/attendance.js';
import { feedbackTexts } from '../../src/i18n/feedback.js';
import type { Locale } from '../../src/i18n/locale.js';
import * as A from '../harness/activities.js';
import { FakeConnector } from '../harness/fake-connector.js';
import * as M from '../attendance/activities.js';
import { startClientBed, saveScreenshot, type ClientBed } from './support/client-bed.js';

const PROGRAM = 'stadt-daten-strategie';
const SESSION = 'finalisierung';
const meeting = M.meeting('FinalisierungPlayground');
const colleague = A.user(500);

let bed: ClientBed;
const connector = new FakeConnector();
let storedLocale: Locale;

/** Posts an activity to the bot endpoint as Teams would (local mode: no token), from the fake connector. */
async function post(activity: object): Promise<void> {
  const res = await fetch(`http://127.0.0.1:${bed.service.port}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...activity, serviceUrl: connector.url }),
  });
  expect(res.status).toBe(200);
}

beforeAll(async () => {
  await connector.start();
  bed = await startClientBed({ now: '2025-10-01T08:00:00Z' });
  await bed.chat.waitForBotMessage('I remind you of the sessions', { what: 'the welcome after install' });
  const [personal] = await bed.service.registry.list('personal');
  if (!personal) throw new Error("the Playground's personal chat was not registered at install");
  storedLocale = personal.locale;
});
afterAll(async () => {
  await bed?.stop();
  await connector.stop();
});

describe('Agents Playground: "Verpasst?" catch-up', () => {
  it('shows the catch-up card to the Playground user who missed "Finalisierung"', async () => {
    const where = { serviceUrl: connector.url };
    // Local mode without COORDINATOR_IDS: the colleague may link the meeting chat to the session.
    await post(A.personalInstall(where, colleague));
    await post(A.groupChatInstall(where, meeting.chat, colleague));
    await post({ ...A.groupChatInstall(where, meeting.chat, colleague), type: 'message', text: `verknüpfen ${SESSION}`, action: undefined });
    expect(String(connector.messages(meeting.chat).at(-1)?.body.text)).toContain('„Finalisierung“');

    // "Finalisierung": 18 November 2025, 10:00–12:00 Berlin (09:00–11:00 UTC); the colleague is there 90 minutes.
    bed.clock.set('2025-11-18T09:00:00Z');
    const member = { id: colleague.id, aadObjectId: colleague.aadObjectId, name: colleague.name! };
    await post(M.meetingStart('2025-11-18T09:00:00Z', colleague, '2025-11-18T09:00:00Z', meeting));
    await post(M.participantEvent('Join', [member], '2025-11-18T09:00:00Z', colleague, meeting));
    await post(M.participantEvent('Leave', [member], '2025-11-18T10:30:00Z', colleague, meeting));
    bed.clock.set('2025-11-18T11:00:00Z');
    const before = await bed.chat.botMessageCount();
    await post(M.meetingEnd('2025-11-18T11:00:00Z', colleague, '2025-11-18T11:00:00Z', meeting));
    await bed.service.engine.idle();
    const polled = connector.messages().filter((c) => JSON.stringify(c.body).includes('feedback.submit'));
    expect(polled.map((c) => c.conversationId).sort()).toEqual([A.personalConversationId(colleague), meeting.chat].sort());

    bed.clock.set('2025-11-18T11:00:30Z');
    const tick = await bed.service.scheduler.tick();
    expect(tick.started.filter((id) => id.startsWith(`catchup|${PROGRAM}|${SESSION}|`))).toHaveLength(1);

    const sent = attendanceTexts[storedLocale];
    const card = await bed.chat.waitForBotMessage(sent.catchUpIntro('Finalisierung'), { after: before, what: 'the catch-up card' });
    const text = await card.innerText();
    expect(text.toUpperCase()).toContain(sent.catchUpBadge.toUpperCase());
    const program = bed.service.catalog.get(PROGRAM)!;
    const missed = program.sessions.find((s) => s.id === SESSION)!;
    const next = program.sessions.find((s) => s.id === 'data-governance-wegweiser')!;
    expect(text).toContain(missed.summary!);
    expect(text).toContain(sent.nextHeading);
    expect(text).toContain(next.title);
    expect(text).toContain(sent.catchUpOptOut);
    // The Playground's user was not at the meeting: no poll for them.
    const messages = await bed.chat.page.locator('body').innerText();
    expect(messages).not.toContain(feedbackTexts[storedLocale].pollTitle('Finalisierung'));
    await saveScreenshot(bed, '33-catch-up');
  });
});
