// Scenario in the Agents Playground: after "Finalisierung" ends the scheduler posts the feedback poll into
// the personal chat. The Playground drops Input.Rating, so it shows the rating's fallback: five radio choices
// (Input.ChoiceSet, same id). A submit without a rating is stopped by the card itself (required input), with
// nothing sent or stored. A rating chosen and both comments typed give the thank-you card with the person's
// answer and the live count, and exactly that answer is stored, under a pseudonymous key. "Change" brings
// the form back pre-filled with the stored answer.
//
// Not covered, and why: the server's own error card (rating missing or out of range) cannot be reached from
// this client any more: the required radio group keeps the card from being sent; the service tests cover it.
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startClientBed, saveScreenshot, type ClientBed } from './support/client-bed.js';
import { feedbackTexts } from '../../src/i18n/feedback.js';
import { FEEDBACK_TABLES, FeedbackRepository } from '../../src/feedback/index.js';
import type { Locale } from '../../src/i18n/locale.js';
import { listAll } from '../../src/storage/tables.js';

const PROGRAM = 'stadt-daten-strategie';
const SESSION = 'finalisierung';
const GOOD = 'Gute Beispiele aus Mönchengladbach';
const BETTER = 'More time for questions at the end';
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

const responses = () => new FeedbackRepository(bed.service.storage.store).listResponses(PROGRAM, SESSION);
const rating = (card: Locator, stars: number) => card.getByRole('radiogroup').getByRole('radio', { name: '★'.repeat(stars), exact: true });

describe('Agents Playground: feedback poll', () => {
  it('posts the poll after the session ends, with five rating choices and both comment fields', async () => {
    const sent = feedbackTexts[storedLocale];
    // "Finalisierung" ends on 18 November 2025 at 12:00 Berlin (11:00 UTC); the poll opens at the end.
    const before = await bed.chat.botMessageCount();
    bed.clock.set('2025-11-18T11:00:30Z');
    const tick = await bed.service.scheduler.tick();
    expect(tick.started).toContain(`feedback-poll:${PROGRAM}:${SESSION}`);

    pollCard = await bed.chat.waitForBotMessage(sent.pollTitle('Finalisierung'), { after: before, what: 'the feedback poll' });
    expect(await pollCard.innerText()).toContain(sent.ratingLabel);
    const radios = pollCard.getByRole('radiogroup').getByRole('radio');
    const values = await Promise.all((await radios.all()).map((radio) => radio.getAttribute('value')));
    expect(values).toEqual(['1', '2', '3', '4', '5']);
    for (let n = 1; n <= 5; n++) await expect(rating(pollCard, n).isChecked()).resolves.toBe(false);
    await expect(pollCard.getByRole('textbox', { name: sent.goodLabel }).count()).resolves.toBe(1);
    await expect(pollCard.getByRole('textbox', { name: sent.betterLabel }).count()).resolves.toBe(1);
    await expect(pollCard.getByRole('button', { name: sent.submit, exact: true }).count()).resolves.toBe(1);
    await saveScreenshot(bed, '30-poll');
  });

  it('keeps a submit without a rating in the card: the required message, no request, nothing stored', async () => {
    const sent = feedbackTexts[storedLocale];
    await pollCard.getByRole('textbox', { name: sent.goodLabel }).fill(GOOD);
    const requestsBefore = (await bed.chat.requests()).length;
    await bed.chat.clickCardButton(pollCard, sent.submit);

    await bed.chat.waitForText(pollCard, sent.ratingRequired, { what: 'the poll card after submitting without a rating' });
    // The card validates before it sends, so by the time the message shows, the request would have been made.
    expect((await bed.chat.requests()).slice(requestsBefore).filter((r) => r.type === 'invoke')).toEqual([]);
    await expect(pollCard.getByRole('button', { name: sent.submit, exact: true }).count()).resolves.toBe(1);
    await saveScreenshot(bed, '31-poll-invalid');
    expect(await responses()).toEqual([]);
  });

  it('a rating chosen and comments typed: the thank-you card shows the answer, and exactly that is stored', async () => {
    const sent = feedbackTexts[storedLocale];
    const en = feedbackTexts.en;
    await rating(pollCard, 4).check();
    await expect(rating(pollCard, 4).isChecked()).resolves.toBe(true);
    // The first comment was typed before the rejected submit and is still there.
    await expect(pollCard.getByRole('textbox', { name: sent.goodLabel }).inputValue()).resolves.toBe(GOOD);
    await pollCard.getByRole('textbox', { name: sent.betterLabel }).fill(BETTER);
    const requestsBefore = (await bed.chat.requests()).length;
    await bed.chat.clickCardButton(pollCard, sent.submit);
    expect((await bed.chat.waitForRequest('invoke', 10_000, requestsBefore)).status).toBe(200);

    // The invoke answer replaces the card for this user, in their language (en-US in the Playground).
    const text = await bed.chat.waitForText(pollCard, en.thanksTitle, { what: 'the poll card after submitting a rating' });
    expect(text).toContain(en.yourAnswer);
    expect(text).toContain('★★★★☆ (4/5)');
    expect(text).toContain(GOOD);
    expect(text).toContain(BETTER);
    expect(text).toContain(en.liveTitle);
    expect(text).toContain(en.liveCount(1));
    expect(text).not.toContain(en.ratingRequired);
    await expect(pollCard.getByRole('radio').count()).resolves.toBe(0);
    await expect(pollCard.getByRole('button', { name: en.edit, exact: true }).count()).resolves.toBe(1);
    await expect(pollCard.getByRole('button', { name: en.refresh, exact: true }).count()).resolves.toBe(1);
    await saveScreenshot(bed, '32-poll-thanks');

    expect(await responses()).toEqual([{ rating: 4, good: GOOD, better: BETTER, submittedAt: bed.clock.now() }]);
    // One row, keyed by the pseudonymous responder key (an HMAC), not by the Playground user's id.
    const rows = await listAll<Record<string, unknown>>(await bed.service.storage.store.table(FEEDBACK_TABLES.responses));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.partitionKey).toBe(`${PROGRAM}.${SESSION}`);
    expect(rows[0]!.rowKey).toMatch(/^[0-9a-f]{64}$/);
    expect(Object.keys(rows[0]!).sort()).toEqual(['better', 'etag', 'good', 'partitionKey', 'rating', 'rowKey', 'submittedAt', 'timestamp']);
  });

  it('"Change" brings the form back with the stored answer filled in', async () => {
    const en = feedbackTexts.en;
    await bed.chat.clickCardButton(pollCard, en.edit);
    await bed.chat.waitForText(pollCard, en.betterLabel, { what: 'the poll card after "Change"' });
    await rating(pollCard, 4).waitFor({ state: 'visible' });
    await expect(rating(pollCard, 4).isChecked()).resolves.toBe(true);
    await expect(pollCard.getByRole('textbox', { name: en.goodLabel }).inputValue()).resolves.toBe(GOOD);
    await expect(pollCard.getByRole('textbox', { name: en.betterLabel }).inputValue()).resolves.toBe(BETTER);
    await expect(pollCard.getByRole('button', { name: en.submit, exact: true }).count()).resolves.toBe(1);
  });
});
