// Scenario in the Agents Playground with two programs: the personal chat's welcome offers one button per
// program, a button press follows the first, `subscribe <program>` a second one, and in a channel `link
// <program>` links the team. In local mode with an empty COORDINATOR_IDS everyone is a coordinator, the
// Playground's user included; the Playground sends locale en-US, so the bot answers in English.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startClientBed, saveScreenshot, type ClientBed } from './support/client-bed.js';
import { conversationMessages } from '../../src/i18n/conversation.js';

const en = conversationMessages.en;
let bed: ClientBed;

/** CONTENT_DIR/programs/<id>/program.yaml for two programs. */
function twoPrograms(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'client-programs-'));
  for (const [id, title, session] of [
    ['daten', 'Stadt, Daten, Strategie', 'Datenauftakt'],
    ['klima', 'Klima und Energie', 'Klimaauftakt'],
  ] as const) {
    fs.mkdirSync(path.join(dir, 'programs', id), { recursive: true });
    const yaml = ['program:', `  id: ${id}`, `  title: "${title}"`, '  timezone: Europe/Berlin', '  language: de', '  format: virtual', 'sessions:', '  - id: auftakt', `    title: "${session}"`, '    date: 2025-11-18', '    start: "10:00"', '    end: "12:00"'];
    fs.writeFileSync(path.join(dir, 'programs', id, 'program.yaml'), `${yaml.join('\n')}\n`);
  }
  return dir;
}

beforeAll(async () => {
  bed = await startClientBed({ now: '2025-10-01T08:00:00Z', env: { CONTENT_DIR: twoPrograms() } });
});
afterAll(async () => {
  await bed?.stop();
});

describe('Agents Playground: several programs', () => {
  it('welcomes with one button per program and follows the one pressed', async () => {
    const welcome = await bed.chat.waitForBotMessage('Several programs run here', { what: 'the welcome with the programs' });
    expect(await welcome.getByRole('button', { name: 'Stadt, Daten, Strategie', exact: true }).count()).toBe(1);
    expect(await welcome.getByRole('button', { name: 'Klima und Energie', exact: true }).count()).toBe(1);
    const [personal] = await bed.service.registry.list('personal');
    expect(personal?.programIds ?? []).toEqual([]);

    await bed.chat.clickCardButton(welcome, 'Stadt, Daten, Strategie');
    await bed.chat.waitForText(bed.chat.invokeBanner(welcome), en.subscribedTo(['Stadt, Daten, Strategie']), { what: 'the banner under the welcome card' });
    await saveScreenshot(bed, '60-programs-welcome');
  });

  it('subscribes to a second program by name; termine lists both, labelled', async () => {
    await bed.chat.ask('subscribe klima', en.subscribedTo(['Klima und Energie']));
    const [personal] = await bed.service.registry.list('personal');
    expect(personal?.programIds).toEqual(['daten', 'klima']);
    const listing = await bed.chat.ask('termine', 'Sessions: Stadt, Daten, Strategie');
    const text = await listing.innerText();
    expect(text).toContain('Sessions: Klima und Energie');
    expect(text).toContain('Klimaauftakt');
    await saveScreenshot(bed, '61-programs-subscribed');
  });

  it('links a channel to a program with "link <program>"', async () => {
    await bed.chat.openConversation('My Team - General');
    const thread = await bed.chat.waitForThread('Several programs run here');
    await bed.chat.replyInThread(thread, 'link klima', en.linked('Klima und Energie').replace(/\*\*/g, ''));
    const [team] = await bed.service.registry.list('channel');
    expect(team?.programIds).toEqual(['klima']);
    await bed.chat.replyInThread(thread, 'termine', 'Sessions: Klima und Energie');
    expect(await thread.innerText()).not.toContain('Datenauftakt');
    await saveScreenshot(bed, '62-programs-linked');
  });
});
