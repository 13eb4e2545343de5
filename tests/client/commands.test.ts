// Scenarios in the Agents Playground: the welcome after install, the schedule commands and an input the bot
// does not understand, each asserted on what the page shows and saved as a screenshot.
// The Playground sends locale en-US on every activity, so the bot answers in English here; German command
// words must work all the same.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startClientBed, saveScreenshot, type ClientBed } from './support/client-bed.js';
import { conversationMessages } from '../../src/i18n/conversation.js';

const en = conversationMessages.en;
let bed: ClientBed;

beforeAll(async () => {
  bed = await startClientBed({ now: '2025-10-01T08:00:00Z' });
});
afterAll(async () => {
  await bed?.stop();
});

describe('Agents Playground: install and commands', () => {
  it('shows the welcome after the Playground installs the app in the personal chat', async () => {
    // Opening the page makes the Playground send installationUpdate (add) and conversationUpdate.
    const welcome = await bed.chat.waitForBotMessage('I remind you of the sessions', { what: 'the welcome after install' });
    const text = await welcome.innerText();
    expect(text).toContain('Stadt, Daten, Strategie');
    // Markdown is rendered: the program title and command words are bold, not **starred**.
    expect(text).not.toContain('**');
    await expect(welcome.locator('strong', { hasText: 'sessions' }).count()).resolves.toBeGreaterThan(0);

    const install = await bed.chat.waitForRequest('installationUpdate');
    expect(install.status).toBe(200);
    // One welcome, although both install events arrived.
    await bed.chat.waitForRequest('conversationUpdate');
    expect(await bed.chat.botMessages().filter({ hasText: 'I remind you of the sessions' }).count()).toBe(1);
    await saveScreenshot(bed, '01-welcome');
  });

  it('answers "hilfe" with the list of commands', async () => {
    const help = await bed.chat.ask('hilfe', en.helpTitle);
    const text = await help.innerText();
    expect(text).toContain('sessions');
    expect(text).toContain(en.helpQuestions);
    // Rendered as a Markdown list, not as raw "- " lines.
    expect(await help.locator('li').count()).toBeGreaterThanOrEqual(5);
    const request = (await bed.chat.requests()).filter((e) => e.type === 'message').at(-1);
    expect(request?.status).toBe(200);
    await saveScreenshot(bed, '02-help');
  });

  it('answers "termine" with the five sessions, the past ones marked', async () => {
    const answer = await bed.chat.ask('termine', 'Sessions: Stadt, Daten, Strategie');
    const items = await answer.locator('li').allInnerTexts();
    expect(items).toHaveLength(5);
    expect(items[0]).toContain('Tuesday, 26 August 2025, 10:00–12:00');
    expect(items[0]).toContain(`(${en.past})`);
    expect(items[1]).toContain('Thursday, 25 September 2025');
    expect(items[1]).toContain(`(${en.past})`);
    expect(items[2]).toContain('Tuesday, 18 November 2025');
    expect(items[2]).not.toContain(en.past);
    expect(items[4]).toContain('Tuesday, 20 January 2026');
    await saveScreenshot(bed, '03-sessions');
  });

  it('answers "nächster termin" with the next session after the clock', async () => {
    const answer = await bed.chat.ask('nächster termin', 'The next session is on');
    expect(await answer.innerText()).toContain('Tuesday, 18 November 2025');
    await saveScreenshot(bed, '04-next');
  });

  it('welcomes the team in a channel and answers "@Test Bot termine" in the thread', async () => {
    // Opening a channel makes the Playground install the app in that team.
    await bed.chat.openConversation('My Team - General');
    const thread = await bed.chat.waitForThread('Hello everyone!');
    expect(await thread.innerText()).toContain('In this channel I announce the sessions');
    // The mention is removed before the command is parsed.
    await bed.chat.replyInThread(thread, 'termine', 'Sessions: Stadt, Daten, Strategie');
    const text = await thread.innerText();
    expect(text).toContain('Tuesday, 18 November 2025');
    const mentioned = (await bed.chat.requests()).filter((e) => e.type === 'message').at(-1);
    expect(mentioned?.line).toContain('termine');
    expect(mentioned?.status).toBe(200);
    await saveScreenshot(bed, '06-channel', { docImage: 'playground-channel' });
  });
});
