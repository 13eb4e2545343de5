// Two programs in one deployment, end to end through the running service on Azurite: a coordinator links
// team A to one program and team B to the other (a switch asks first, a participant is refused), people
// follow programs in their personal chats by name or by button, `termine` stays inside each conversation's
// programs, and a coordinator's announcement in team A reaches program A's conversations only.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBed, type TestBed } from '../harness/service.js';
import * as A from '../harness/activities.js';
import { ManualClock } from '../../src/shared/clock.js';

/** CONTENT_DIR/programs/<id>/program.yaml for each program; both have a session at the same time. */
function twoPrograms(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plb-programs-'));
  const programs = [
    { id: 'daten', title: 'Stadt, Daten, Strategie', session: 'Datenauftakt' },
    { id: 'klima', title: 'Klima und Energie', session: 'Klimaauftakt' },
  ];
  for (const p of programs) {
    fs.mkdirSync(path.join(dir, 'programs', p.id), { recursive: true });
    const yaml = [
      'program:',
      `  id: ${p.id}`,
      `  title: "${p.title}"`,
      '  timezone: Europe/Berlin',
      '  language: de',
      '  format: virtual',
      '  reminders: [P1D]',
      'sessions:',
      `  - id: auftakt`,
      `    title: "${p.session}"`,
      '    date: 2030-03-12',
      '    start: "10:00"',
      '    end: "12:00"',
    ].join('\n');
    fs.writeFileSync(path.join(dir, 'programs', p.id, 'program.yaml'), `${yaml}\n`);
  }
  return dir;
}

const text = (call: { body: any } | undefined) => JSON.stringify(call?.body ?? {});

describe('two programs: linking teams and following programs', () => {
  let bed: TestBed;
  const coordinator = A.user(60);
  const participant = A.user(61);
  const [teamA, teamB] = [A.team(21), A.team(22)];
  const [anna, ben, cora] = [A.user(71), A.user(72), A.user(73)];
  const programsOf = (t: A.TeamRef) => bed.service.registry.programsOf('channel', t.channelId, t.teamId);
  const personalPrograms = (u: A.UserRef) => bed.service.registry.programsOf('personal', A.personalConversationId(u));
  /** The bot's replies in a team channel since the last reset (a mention's reply goes to its thread). */
  const inTeam = (t: A.TeamRef) => bed.connector.messages().filter((c) => c.conversationId.startsWith(t.channelId));
  const mention = async (t: A.TeamRef, u: A.UserRef, words: string) => {
    bed.connector.reset();
    await bed.post(A.channelMention(bed.where, t, u, words));
    return text(inTeam(t).at(-1));
  };
  const say = async (u: A.UserRef, words: string) => {
    bed.connector.reset();
    await bed.post(A.personalMessage(bed.where, u, words));
    return text(bed.connector.messages(A.personalConversationId(u)).at(-1));
  };

  beforeAll(async () => {
    bed = await startTestBed({
      env: { CONTENT_DIR: twoPrograms(), COORDINATOR_IDS: coordinator.aadObjectId },
      clock: new ManualClock('2030-03-01T08:00:00Z'),
      service: { startScheduler: false },
    });
    for (const t of [teamA, teamB]) await bed.post(A.teamInstall(bed.where, t, coordinator));
  });
  afterAll(async () => bed?.stop());

  it('welcomes a new personal chat with one button per program and subscribes it to none', async () => {
    bed.connector.reset();
    await bed.post(A.personalInstall(bed.where, anna));
    const welcome = text(bed.connector.messages(A.personalConversationId(anna))[0]);
    expect(welcome).toContain('Hier laufen mehrere Programme');
    expect(welcome).toContain('"verb":"programs.follow","data":{"programId":"daten"}');
    expect(welcome).toContain('"verb":"programs.follow","data":{"programId":"klima"}');
    expect(await personalPrograms(anna)).toEqual([]);
  });

  it('a coordinator links team A to one program and team B to the other; a participant is refused', async () => {
    expect(await mention(teamA, participant, 'verknüpfen daten')).toContain('nur Koordinatorinnen und Koordinatoren');
    expect(await programsOf(teamA)).toEqual([]);
    expect(await mention(teamA, coordinator, 'verknüpfen daten')).toContain('jetzt mit **Stadt, Daten, Strategie** verknüpft');
    expect(await mention(teamB, coordinator, 'link klima energie')).toContain('jetzt mit **Klima und Energie** verknüpft');
    expect(await programsOf(teamA)).toEqual(['daten']);
    expect(await programsOf(teamB)).toEqual(['klima']);
    expect(await mention(teamA, coordinator, 'verknüpfen verkehr')).toContain('Ein Programm „verkehr“ kenne ich nicht. Verfügbar sind: „Stadt, Daten, Strategie“, „Klima und Energie“.');
  });

  it('switching a linked team needs the coordinator\'s confirmation', async () => {
    const question = await mention(teamA, coordinator, 'verknüpfen klima');
    expect(question).toContain('Soll er stattdessen zu „Klima und Energie“ gehören?');
    expect(question).toContain('programs.link.confirm');
    const cancelled = await bed.post(A.cardAction(bed.where, coordinator, 'programs.link.cancel', {}, { team: teamA }));
    expect(JSON.stringify(cancelled.body)).toContain('Alles bleibt, wie es war.');
    const refused = await bed.post(A.cardAction(bed.where, participant, 'programs.link.confirm', { programId: 'klima' }, { team: teamA }));
    expect(refused.body).toMatchObject({ statusCode: 403 });
    expect(await programsOf(teamA)).toEqual(['daten']);
  });

  it('personal chats subscribe and unsubscribe by name or button; a person may follow both', async () => {
    for (const u of [ben, cora]) await bed.post(A.personalInstall(bed.where, u));
    expect(await say(anna, 'anmelden daten')).toContain('zu „Stadt, Daten, Strategie“');
    expect(await say(ben, 'subscribe klima')).toContain('zu „Klima und Energie“');
    const pressed = await bed.post(A.cardAction(bed.where, cora, 'programs.follow', { programId: 'daten' }));
    expect(JSON.stringify(pressed.body)).toContain('Stadt, Daten, Strategie');
    await say(cora, 'anmelden klima');
    expect(await personalPrograms(cora)).toEqual(['daten', 'klima']);
    const invalid = await bed.post(A.cardAction(bed.where, cora, 'programs.follow', { programId: { $ne: 1 } }));
    expect(invalid.body).toMatchObject({ statusCode: 400 });
    expect(await say(cora, 'abmelden klima')).toContain('keine Ankündigungen mehr zu „Klima und Energie“');
    expect(await personalPrograms(cora)).toEqual(['daten']);
    expect(await personalPrograms(ben)).toEqual(['klima']);
  });

  it('termine stays inside the conversation\'s programs', async () => {
    const a = await mention(teamA, participant, 'termine');
    expect(a).toContain('Datenauftakt');
    expect(a).not.toContain('Klimaauftakt');
    const b = await mention(teamB, participant, 'termine');
    expect(b).toContain('Klimaauftakt');
    expect(b).not.toContain('Datenauftakt');
    await say(cora, 'anmelden klima');
    const both = await say(cora, 'termine');
    expect(both).toContain('**Termine: Stadt, Daten, Strategie**');
    expect(both).toContain('**Termine: Klima und Energie**');
    const one = await say(anna, 'termine');
    expect(one).toContain('Datenauftakt');
    expect(one).not.toContain('Klimaauftakt');
  });

  it('a coordinator\'s announcement in team A reaches program A\'s conversations only', async () => {
    const draft = { text: 'Bitte vormerken', audience: 'all', when: 'now' };
    const preview = await bed.post(A.cardAction(bed.where, coordinator, 'coord.announce.preview', draft, { team: teamA }));
    const card = JSON.stringify(preview.body);
    expect(card).toContain('Empfänger: 3 Unterhaltungen'); // team A, anna, cora
    const draftId = /"draftId":"([a-f0-9]{16})"/.exec(card)![1]!;
    expect(card).toContain('"programId":"daten"');
    bed.connector.reset();
    await bed.post(A.cardAction(bed.where, coordinator, 'coord.announce.send', { ...draft, draftId, programId: 'daten' }, { team: teamA }));
    await bed.service.engine.idle();
    const reached = bed.connector
      .messages()
      .filter((c) => text(c).includes('Bitte vormerken'))
      .map((c) => c.conversationId)
      .sort();
    expect(reached).toEqual([teamA.channelId, A.personalConversationId(anna), A.personalConversationId(cora)].sort());
  });

  it('after a confirmed switch team A belongs to the other program', async () => {
    const switched = await bed.post(A.cardAction(bed.where, coordinator, 'programs.link.confirm', { programId: 'klima' }, { team: teamA }));
    expect(JSON.stringify(switched.body)).toContain('jetzt mit **Klima und Energie** verknüpft');
    expect(await programsOf(teamA)).toEqual(['klima']);
    const listing = await mention(teamA, participant, 'termine');
    expect(listing).toContain('Klimaauftakt');
    expect(listing).not.toContain('Datenauftakt');
  });
});
