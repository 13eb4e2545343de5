// Scenario in the Agents Playground: after "Finalisierung" ends the scheduler posts the feedback poll into
// the personal chat; it is submitted without a rating and the error card is shown, with nothing stored.
//
// Not covered, and why: Playground 0.2.28 does not render Input.Rating at all (the element is dropped), so a
// person cannot set a rating there and the "rating set -> thank-you card" path cannot be driven from this
// client. The rating has an Input.ChoiceSet fallback for such clients (see the README, "Found with the Playground").
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startClientBed, saveScreenshot, type ClientBed } from './support/client-bed.js';
import { feedbackTexts } from '../../src/i18n/feedback.js';
import { FeedbackRepository } from '../../src/feedback/index.js';
import type { Locale } from '../../src/i18n/locale.js';

const PROGRAM = 'stadt-daten-strategie';
const SESSION = 'finalisierung';
let bed: ClientBed;
let storedLocale: Locale;
let pollCard: Locator;

beforeAll(async () => {
  bed = await startClientBed({ now: '2025-10-01T08:00:00Z' });
  await bed.chat.waitForBotMessage('I remind you of the sessions', { what: 'the welcome after install' });
  const [personal] = await bed.service.registry.list('personal');
  if (!personal) throw new Error("the Playground's personal chat was not registered at install");
  storedLocale = personal.locale;
});
afterAll(async () => {
  await bed?.stop();
});

describe('Agents Playground: feedback poll', () => {
  it('posts the poll after the session ends, with both comment fields', async () => {
    const sent = feedbackTexts[storedLocale];
    // "Finalisierung" ends on 18 November 2025 at 12:00 Berlin (11:00 UTC); the poll opens at the end.
    const before = await bed.chat.botMessageCount();
    bed.clock.set('2025-11-18T11:00:30Z');
    const tick = await bed.service.scheduler.tick();
    expect(tick.started).toContain(`feedback-poll:${PROGRAM}:${SESSION}`);

    pollCard = await bed.chat.waitForBotMessage(sent.pollTitle('Finalisierung'), { after: before, what: 'the feedback poll' });
    await expect(pollCard.getByRole('textbox', { name: sent.goodLabel }).count()).resolves.toBe(1);
    await expect(pollCard.getByRole('textbox', { name: sent.betterLabel }).count()).resolves.toBe(1);
    await expect(pollCard.getByRole('button', { name: sent.submit, exact: true }).count()).resolves.toBe(1);
    await saveScreenshot(bed, '30-poll');
  });

  it('answers a submit without a rating with the error card and stores nothing', async () => {
    const sent = feedbackTexts[storedLocale];
    const en = feedbackTexts.en;
    await pollCard.getByRole('textbox', { name: sent.goodLabel }).fill('Gute Beispiele aus Mönchengladbach');
    const requestsBefore = (await bed.chat.requests()).length;
    await bed.chat.clickCardButton(pollCard, sent.submit);
    expect((await bed.chat.waitForRequest('invoke', 10_000, requestsBefore)).status).toBe(200);

    // The invoke answer replaces the card for this user, in their language (en-US in the Playground).
    const text = await bed.chat.waitForText(pollCard, en.errors.ratingInvalid, { what: 'the poll card after submitting without a rating' });
    expect(text).toContain(en.errorTitle);
    await expect(pollCard.getByRole('button', { name: en.retry, exact: true }).count()).resolves.toBe(1);
    await saveScreenshot(bed, '31-poll-invalid');

    const stored = await new FeedbackRepository(bed.service.storage.store).listResponses(PROGRAM, SESSION);
    expect(stored).toEqual([]);
  });

  it('"Try again" brings the poll form back', async () => {
    const en = feedbackTexts.en;
    await bed.chat.clickCardButton(pollCard, en.retry);
    await bed.chat.waitForText(pollCard, en.betterLabel, { what: 'the poll card after "Try again"' });
    await expect(pollCard.getByRole('button', { name: en.submit, exact: true }).count()).resolves.toBe(1);
  });
});
