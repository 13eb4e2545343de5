// The FAQ through the running service with two program folders (real Azurite, real HTTP, the fake connector
// as Teams): people choose programs with `anmelden`, and each gets answers from the programs they follow only.
import fs from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBed, type TestBed } from '../harness/service.js';
import * as A from '../harness/activities.js';
import { ManualClock } from '../../src/shared/clock.js';
import { DATEN, KLIMA, twoPrograms } from './fixtures/programs.js';

describe('FAQ in a deployment with two programs', () => {
  let bed: TestBed;
  let dir: string;
  const klimaOnly = A.user(61);
  const both = A.user(62);
  const none = A.user(63);
  const team = A.team(8);

  /** Everything the bot sent to a person's chat in answer to one message. */
  async function ask(u: A.UserRef, text: string): Promise<string> {
    bed.connector.reset();
    await bed.post(A.personalMessage(bed.where, u, text));
    return JSON.stringify(bed.connector.messages(A.personalConversationId(u)).map((c) => c.body));
  }

  beforeAll(async () => {
    dir = await twoPrograms();
    bed = await startTestBed({ env: { CONTENT_DIR: dir }, clock: new ManualClock('2027-02-01T08:00:00Z'), service: { startScheduler: false, watchContent: false } });
    for (const u of [klimaOnly, both, none]) await bed.post(A.personalInstall(bed.where, u));
    await bed.post(A.teamInstall(bed.where, team, A.user(60)));
    await bed.post(A.personalMessage(bed.where, klimaOnly, `anmelden ${KLIMA.id}`));
    await bed.post(A.personalMessage(bed.where, both, `anmelden ${KLIMA.id}`));
    await bed.post(A.personalMessage(bed.where, both, `anmelden ${DATEN.id}`));
  });
  afterAll(async () => {
    await bed?.stop();
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('answers from the followed program only', async () => {
    const answer = await ask(klimaOnly, 'Kostet die Teilnahme etwas?');
    expect(answer).toContain('kostenlos');
    expect(answer).not.toContain('50 Euro');
    expect(await ask(klimaOnly, 'Was bündelt die Datenplattform?')).not.toContain('Sensordaten');
  });

  it('groups the answers of both followed programs under their titles', async () => {
    const answer = await ask(both, 'Kostet die Teilnahme etwas?');
    expect(answer).toContain('kostenlos');
    expect(answer).toContain('50 Euro');
    expect(answer).toContain(KLIMA.title);
    expect(answer).toContain(DATEN.title);
  });

  it('points a chat that follows no program to anmelden, and an unlinked team to verknüpfen', async () => {
    const answer = await ask(none, 'Kostet die Teilnahme etwas?');
    expect(answer).toContain('anmelden <Programm>');
    expect(answer).not.toContain('kostenlos');
    bed.connector.reset();
    await bed.post(A.channelMention(bed.where, team, A.user(64), 'Kostet die Teilnahme etwas?'));
    const reply = JSON.stringify(bed.connector.messages().map((c) => c.body));
    expect(reply).toContain('verknüpfen <Programm>');
    expect(reply).not.toContain('50 Euro');
  });
});
