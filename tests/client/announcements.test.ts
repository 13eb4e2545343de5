// Scenario in the Agents Playground: the scheduler posts the 7-day reminder for "Finalisierung" into the
// personal chat (a proactive send through the Playground's connector); the card shows the session and its
// buttons; "I'll attend" is clicked and the card changes for that user; the RSVP is stored.
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startClientBed, saveScreenshot, type ClientBed } from './support/client-bed.js';
import { announcementTexts } from '../../src/i18n/announcements.js';
import { RsvpRepository } from '../../src/announcements/index.js';
import type { Locale } from '../../src/i18n/locale.js';

let bed: ClientBed;
/** The reminder card (a stable nth() locator: its text changes with every click). */
let reminderCard: Locator;
/** The language the registry stored for the Playground's personal chat: proactive cards are built in it. */
let storedLocale: Locale;

beforeAll(async () => {
  bed = await startClientBed({ now: '2025-10-01T08:00:00Z' });
  await bed.chat.waitForBotMessage('I remind you of the sessions', { what: 'the welcome after install' });
  const [personal] = await bed.service.registry.list('personal');
  if (!personal) throw new Error('the Playground\'s personal chat was not registered at install');
  storedLocale = personal.locale;
});
afterAll(async () => {
  await bed?.stop();
});

describe('Agents Playground: announcements', () => {
  it('shows the reminder card with its buttons, and "I\'ll attend" changes it for this user', async () => {
    const sent = announcementTexts[storedLocale];
    // "Finalisierung" is on Tuesday 18 November 2025, 10:00 Berlin: the 7-day reminder is due at 09:00 UTC on the 11th.
    const before = await bed.chat.botMessageCount();
    bed.clock.set('2025-11-11T09:00:30Z');
    const tick = await bed.service.scheduler.tick();
    expect(tick.started).toContain('ann|stadt-daten-strategie|finalisierung|P7D');

    const card = await bed.chat.waitForBotMessage(sent.rsvp, { after: before, what: 'the reminder card' });
    reminderCard = card;
    const text = await card.innerText();
    expect(text).toContain('Finalisierung');
    expect(text).toContain(storedLocale === 'de' ? 'Dienstag, 18. November 2025' : 'Tuesday, 18 November 2025');
    await expect(card.getByRole('button', { name: sent.rsvp, exact: true }).count()).resolves.toBe(1);
    // Action.OpenUrl ("Add to calendar", the .ics of this session) is rendered as a link.
    const calendar = card.getByRole('link', { name: sent.addToCalendar, exact: true });
    await expect(calendar.count()).resolves.toBe(1);
    await saveScreenshot(bed, '20-reminder');

    // The click is an Action.Execute invoke; its answer (in the clicking user's language, en-US here) replaces the card.
    const en = announcementTexts.en;
    const requestsBefore = (await bed.chat.requests()).length;
    await bed.chat.clickCardButton(card, sent.rsvp);
    expect((await bed.chat.waitForRequest('invoke', 10_000, requestsBefore)).status).toBe(200);
    const changed = await bed.chat.waitForText(card, en.rsvpConfirmed, { what: 'the reminder card after "I\'ll attend"' });
    expect(changed).toContain(en.rsvpCount(1));
    await expect(card.getByRole('button', { name: en.rsvpWithdraw, exact: true }).count()).resolves.toBe(1);
    await saveScreenshot(bed, '21-rsvp', { docImage: 'playground-rsvp' });

    const rsvps = new RsvpRepository(bed.service.storage.store);
    expect(await rsvps.count('stadt-daten-strategie', 'finalisierung')).toBe(1);
  });

  it('"Not after all" withdraws the RSVP in the same card', async () => {
    const en = announcementTexts.en;
    const card = reminderCard;
    await bed.chat.clickCardButton(card, en.rsvpWithdraw);
    const changed = await bed.chat.waitForText(card, en.rsvpWithdrawn, { what: 'the reminder card after "Not after all"' });
    expect(changed).toContain(en.rsvpCount(0));
    await expect(card.getByRole('button', { name: en.rsvp, exact: true }).count()).resolves.toBe(1);
    const rsvps = new RsvpRepository(bed.service.storage.store);
    expect(await rsvps.count('stadt-daten-strategie', 'finalisierung')).toBe(0);
  });
});
