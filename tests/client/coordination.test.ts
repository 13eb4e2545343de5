// Scenario in the Agents Playground: a coordinator card with invalid input. `program` lists the sessions,
// "Edit" opens the session form in place, a meeting link without https:// is saved, and the same form comes
// back with the error next to the field, the typed value kept and nothing stored. In local mode with an
// empty COORDINATOR_IDS everyone is a coordinator, the Playground's user included.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startClientBed, saveScreenshot, type ClientBed } from './support/client-bed.js';
import { coordinationMessages } from '../../src/i18n/coordination.js';
import { soleProgram } from '../harness/service.js';

const t = coordinationMessages.en;
let bed: ClientBed;

beforeAll(async () => {
  bed = await startClientBed({ now: '2025-10-01T08:00:00Z' });
  await bed.chat.waitForBotMessage('I remind you of the sessions', { what: 'the welcome after install' });
});
afterAll(async () => {
  await bed?.stop();
});

describe('Agents Playground: coordinator cards', () => {
  it('shows a field error for an invalid meeting link and saves nothing', async () => {
    const versionBefore = soleProgram(bed.service).active()?.sessions.find((s) => s.id === 'finalisierung');
    expect(versionBefore).toBeDefined();

    const card = await bed.chat.ask('programm', t.programTitle('Stadt, Daten, Strategie'));
    // One "Edit" per session; the third session is "Finalisierung" (18 November 2025, still ahead).
    const edits = card.getByRole('button', { name: t.edit, exact: true });
    expect(await edits.count()).toBe(5);
    await edits.nth(2).click();
    await bed.chat.waitForText(card, t.editTitle('Finalisierung'), { what: 'the session form' });

    await card.getByRole('textbox', { name: t.fieldJoinUrl }).fill('teams.example/meeting');
    await bed.chat.clickCardButton(card, t.save);
    const text = await bed.chat.waitForText(card, t.errUrl, { what: 'the session form after saving an invalid link' });
    expect(text).toContain(t.formHasErrors);
    // What was typed stays in the field, so the coordinator can correct it.
    await expect(card.getByRole('textbox', { name: t.fieldJoinUrl }).inputValue()).resolves.toBe('teams.example/meeting');
    await saveScreenshot(bed, '40-form-invalid');

    const after = soleProgram(bed.service).active()?.sessions.find((s) => s.id === 'finalisierung');
    expect(after).toEqual(versionBefore);
  });

  it('composes an announcement, previews it and sends it: the card arrives and the progress card reports it', async () => {
    const card = await bed.chat.ask('ankündigen Bitte Folien bis Freitag hochladen.', t.announceTitle);
    await expect(card.getByRole('textbox', { name: t.fieldText }).inputValue()).resolves.toBe('Bitte Folien bis Freitag hochladen.');
    await bed.chat.clickCardButton(card, t.preview);
    const preview = await bed.chat.waitForText(card, t.previewTitle, { what: 'the announcement preview' });
    expect(preview).toContain('Bitte Folien bis Freitag hochladen.');
    // The Playground's personal chat is the only registered conversation.
    expect(preview).toContain(t.recipients(1));
    await saveScreenshot(bed, '41-announce-preview');

    const before = await bed.chat.botMessageCount();
    await bed.chat.clickCardButton(card, t.send);
    await bed.service.scheduler.tick();
    const received = await bed.chat.waitForBotMessage('Bitte Folien bis Freitag hochladen.', { after: before, what: 'the sent announcement' });
    // Built in the language the registry stored for the recipient (see CHANGELOG.md, 0.1.0, "Found in the Agents Playground").
    const [personal] = await bed.service.registry.list('personal');
    // The card shows the badge in capitals (a text style), so compare without case.
    expect((await received.innerText()).toLowerCase()).toContain(coordinationMessages[personal!.locale].broadcastBadge.toLowerCase());
    await bed.chat.waitForText(card, t.progressDone, { what: 'the progress card', timeoutMs: 20_000 });
    await saveScreenshot(bed, '42-announce-sent');
  });
});
