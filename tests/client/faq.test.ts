// Scenario in the Agents Playground: a question answered from the program material, as a card with its
// sources and vote buttons; a vote is clicked and the invoke answered.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startClientBed, saveScreenshot, type ClientBed } from './support/client-bed.js';
import { faqTexts } from '../../src/i18n/faq.js';

const t = faqTexts.en;
let bed: ClientBed;

beforeAll(async () => {
  bed = await startClientBed({ now: '2025-10-01T08:00:00Z' });
  await bed.chat.waitForBotMessage('I remind you of the sessions', { what: 'the welcome after install' });
});
afterAll(async () => {
  await bed?.stop();
});

describe('Agents Playground: questions', () => {
  it('answers a question from the material with its sources and vote buttons', async () => {
    const answer = await bed.chat.ask('What questions does a data strategy answer?', t.cardSources);
    const text = await answer.innerText();
    expect(text.toLowerCase()).toContain('relevant');
    // The sources block names a material document below the answer.
    const afterSources = text.slice(text.indexOf(t.cardSources) + t.cardSources.length).trim();
    expect(afterSources.length).toBeGreaterThan(10);
    for (const title of [t.cardHelpful, t.cardUnhelpful, t.cardForward]) {
      await expect(answer.getByRole('button', { name: title, exact: true }).count()).resolves.toBe(1);
    }
    await saveScreenshot(bed, '10-faq-answer', { docImage: 'playground-faq' });

    const before = (await bed.chat.requests()).length;
    await bed.chat.clickCardButton(answer, t.cardHelpful);
    const invoke = await bed.chat.waitForRequest('invoke', 10_000, before);
    expect(invoke.status).toBe(200);
    // The invoke is answered with a message, which the Playground shows as a banner under the card.
    await bed.chat.waitForText(bed.chat.invokeBanner(answer), t.voteThanks, { what: 'the banner under the answer card' });
    await saveScreenshot(bed, '11-faq-vote');
  });

  it('declines a question the material does not cover and offers to forward it', async () => {
    const answer = await bed.chat.ask('blubb', t.cardNoAnswerTitle);
    expect(await answer.innerText()).toContain(t.noAnswer);
    await expect(answer.getByRole('button', { name: t.cardForward, exact: true }).count()).resolves.toBe(1);
    await saveScreenshot(bed, '13-faq-no-answer');
  });

  it('answers a schedule question in English from the program', async () => {
    const answer = await bed.chat.ask('When is the kickoff?', '26 August 2025');
    expect(await answer.innerText()).toContain('Auftaktveranstaltung');
    await saveScreenshot(bed, '12-faq-schedule');
  });
});
