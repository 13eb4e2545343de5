// Many programs in one deployment, seen from the conversation: linking a team or group chat (coordinators
// only, a switch confirmed first), following programs in a personal chat (by name or by button), program
// coordinators who manage only their own program, broadcasts addressed to one program, and the audit trail
// recording the program. Real catalog, registry, delivery engine and announcement planning on Azurite.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/shared/clock.js';
import { silentLogger } from '../../src/shared/log.js';
import { programSchema, ProgramCatalog, programToYaml, type Program } from '../../src/program/index.js';
import { ConversationCore, coordinatorPolicy, PROGRAM_VERBS, ProgramScope, type CardActionResult, type TurnInput } from '../../src/conversation/index.js';
import { ConversationRegistry, ConversationRepository, FollowerIndex, RegistryAudience, type ConversationSighting } from '../../src/registry/index.js';
import { createDeliveryEngine } from '../../src/delivery/index.js';
import { ANNOUNCEMENT_KIND, announcementBuilders, announcementPayload, createAnnouncementService } from '../../src/announcements/index.js';
import { createScheduler } from '../../src/scheduler/index.js';
import { AUDIT_TABLE, auditPartition, auditRowKey, coordinationBuilders, createCoordinationFeature, VERBS } from '../../src/coordination/index.js';
import type { AdaptiveCard, OutgoingMessage } from '../../src/cards/adaptive.js';
import { FakeConnector } from '../delivery/fakes.js';
import { useAzurite } from '../harness/azurite.js';

const storage = useAzurite('programs');

const BASE_URL = 'https://bot.example.org';
const GLOBAL = 'aad-global-coordinator';
const COORD_A = 'aad-coordinator-of-a';
const PARTICIPANT = 'aad-participant';

function program(id: string, title: string, coordinators: string[], date: string): Program {
  return programSchema.parse({
    program: { id, title, timezone: 'Europe/Berlin', reminders: ['P1D'], coordinators },
    sessions: [{ id: `${id}-auftakt`, title: `Auftakt ${title}`, date, start: '10:00', end: '12:00' }],
  });
}

function sighting(id: string, kind: ConversationSighting['kind'], extra: Partial<ConversationSighting> = {}): ConversationSighting {
  return {
    kind,
    conversationId: id,
    tenantId: 'tenant-a',
    serviceUrl: 'https://smba.example/de/',
    reference: { conversation: { id } },
    locale: 'de',
    ...(kind === 'channel' ? { teamId: `team-of-${id}`, channelId: id } : {}),
    ...extra,
  };
}

const TEAM = sighting('team-general', 'channel');
const GROUP = sighting('group-1', 'groupChat');
const MEETING = sighting('19:meeting_abc@thread.v2', 'groupChat');

async function setup() {
  const clock = new ManualClock('2026-11-20T10:00:00.000Z');
  const store = storage.store();
  const contentDir = fs.mkdtempSync(path.join(os.tmpdir(), 'programs-'));
  const programs = [program('daten', 'Stadt, Daten, Strategie', [COORD_A], '2026-12-01'), program('klima-energie', 'Klima und Energie', [], '2026-12-02'), program('klima-quartier', 'Klima im Quartier', [], '2026-12-03')];
  for (const p of programs) {
    fs.mkdirSync(path.join(contentDir, 'programs', p.program.id), { recursive: true });
    fs.writeFileSync(path.join(contentDir, 'programs', p.program.id, 'program.yaml'), programToYaml(p));
  }
  const catalog = new ProgramCatalog({ store, clock, logger: silentLogger, contentDir });
  await catalog.load();
  const registry = new ConversationRegistry({ repository: new ConversationRepository(store), followers: new FollowerIndex(store), clock, logger: silentLogger, defaultProgram: () => undefined });
  const connector = new FakeConnector();
  const engine = createDeliveryEngine({
    store,
    sender: connector.sender(),
    audience: new RegistryAudience(registry),
    builders: { ...announcementBuilders({ publicBaseUrl: BASE_URL }), ...coordinationBuilders() },
    clock,
    logger: silentLogger,
    settings: { maxRps: 1000 },
  });
  const announcements = createAnnouncementService({ engine, store, clock, logger: silentLogger, publicBaseUrl: BASE_URL });
  const scheduler = createScheduler({ engine, logger: silentLogger });
  const coordinators = coordinatorPolicy([GLOBAL], false);
  const scope = new ProgramScope(catalog, registry);
  const feature = createCoordinationFeature({ programs: catalog, scope, registry, engine, announcements, store, clock, logger: silentLogger, coordinators, publicBaseUrl: BASE_URL, progressIntervalMs: 10 });
  const linkedMeetings: string[] = [];
  const core = new ConversationCore({
    registry,
    scope,
    clock,
    logger: silentLogger,
    coordinators,
    commands: { ...feature.commands, linkMeeting: async (_turn, argument) => (linkedMeetings.push(argument), [{ text: `session linked: ${argument}` }]) },
    actions: feature.actions,
  });
  for (const s of [TEAM, GROUP, MEETING]) await registry.install(s);
  const turn = (where: ConversationSighting, aad: string | undefined, text = '', locale: 'de' | 'en' = 'de'): TurnInput => ({
    conversation: where,
    user: { id: `29:${aad ?? 'anonymous'}`, ...(aad ? { aadObjectId: aad } : {}) },
    locale,
    text,
  });
  const say = async (where: ConversationSighting, aad: string | undefined, text: string): Promise<OutgoingMessage> => (await core.handleMessage(turn(where, aad, text)))[0]!;
  const press = (where: ConversationSighting, aad: string | undefined, verb: string, data: Record<string, unknown>) => core.handleCardAction(turn(where, aad), verb, data);
  const programsOf = async (s: ConversationSighting) => registry.programsOf(s.kind, s.conversationId, s.teamId);
  return { clock, store, catalog, registry, connector, engine, announcements, scheduler, feature, core, turn, say, press, programsOf, linkedMeetings };
}

function personal(name: string): ConversationSighting {
  return sighting(`a:${name}`, 'personal', { userAadObjectId: `aad-${name}`, userId: `29:${name}` });
}

/** The Action.Execute buttons of a card: title, verb and data. */
function buttons(card: AdaptiveCard | undefined): Array<{ title: string; verb: string; data: Record<string, unknown> }> {
  return (card?.actions ?? []).map((a) => a as unknown as { title: string; verb: string; data: Record<string, unknown> });
}

function cardOf(result: CardActionResult | OutgoingMessage): AdaptiveCard {
  const found = 'kind' in result ? (result.kind === 'card' ? result.card : undefined) : result.card;
  if (!found) throw new Error(`expected a card, got ${JSON.stringify(result)}`);
  return found;
}

describe('linking a team or group chat to a program', () => {
  it('links by id or title words, offers a choice when several match, lists the programs for an unknown name', async () => {
    const t = await setup();
    expect((await t.say(TEAM, GLOBAL, 'verknüpfen daten')).text).toContain('jetzt mit **Stadt, Daten, Strategie** verknüpft');
    expect(await t.programsOf(TEAM)).toEqual(['daten']);
    expect((await t.say(GROUP, GLOBAL, 'link klima-quartier')).text).toContain('Klima im Quartier');
    expect(await t.programsOf(GROUP)).toEqual(['klima-quartier']);

    const choice = cardOf(await t.say(sighting('team-2', 'channel'), GLOBAL, 'verknüpfen klima'));
    expect(buttons(choice).map((b) => [b.title, b.verb, b.data.programId])).toEqual([
      ['Klima und Energie', PROGRAM_VERBS.link, 'klima-energie'],
      ['Klima im Quartier', PROGRAM_VERBS.link, 'klima-quartier'],
    ]);
    const chosen = await t.press(sighting('team-2', 'channel'), GLOBAL, PROGRAM_VERBS.link, { programId: 'klima-energie' });
    expect(chosen).toMatchObject({ kind: 'message', text: expect.stringContaining('Klima und Energie') });
    expect(await t.programsOf(sighting('team-2', 'channel'))).toEqual(['klima-energie']);

    const unknown = await t.say(TEAM, GLOBAL, 'verknüpfen mobilität');
    expect(unknown.text).toBe('Ein Programm „mobilität“ kenne ich nicht. Verfügbar sind: „Stadt, Daten, Strategie“, „Klima und Energie“, „Klima im Quartier“.');
    expect((await t.core.handleMessage(t.turn(TEAM, GLOBAL, 'link mobility', 'en')))[0]!.text).toContain('I do not know a program "mobility". Available:');
    expect((await t.say(TEAM, GLOBAL, 'verknüpfen daten')).text).toContain('bereits mit **Stadt, Daten, Strategie** verknüpft');
  });

  it('asks before switching a linked team to another program; cancel keeps the link, confirm switches it', async () => {
    const t = await setup();
    await t.say(TEAM, GLOBAL, 'verknüpfen daten');
    const question = cardOf(await t.say(TEAM, GLOBAL, 'verknüpfen klima und energie'));
    expect(JSON.stringify(question)).toContain('Dieser Chat ist mit „Stadt, Daten, Strategie“ verknüpft. Soll er stattdessen zu „Klima und Energie“ gehören?');
    expect(buttons(question).map((b) => [b.verb, b.data])).toEqual([
      [PROGRAM_VERBS.linkConfirm, { programId: 'klima-energie' }],
      [PROGRAM_VERBS.linkCancel, {}],
    ]);
    expect(await t.programsOf(TEAM)).toEqual(['daten']);
    expect(await t.press(TEAM, GLOBAL, PROGRAM_VERBS.linkCancel, {})).toEqual({ kind: 'message', text: 'Alles bleibt, wie es war.' });
    expect(await t.programsOf(TEAM)).toEqual(['daten']);

    // The confirmation is a card payload too: a participant pressing it (or crafting it) is refused.
    expect(await t.press(TEAM, PARTICIPANT, PROGRAM_VERBS.linkConfirm, { programId: 'klima-energie' })).toMatchObject({ kind: 'error', status: 403 });
    expect(await t.press(TEAM, GLOBAL, PROGRAM_VERBS.linkConfirm, { programId: 42 })).toMatchObject({ kind: 'error', status: 400, code: 'invalid-action' });
    expect(await t.press(TEAM, GLOBAL, PROGRAM_VERBS.linkConfirm, { programId: 'gone' })).toMatchObject({ kind: 'error', status: 404, code: 'unknown-program' });
    expect(await t.press(TEAM, GLOBAL, PROGRAM_VERBS.linkConfirm, { programId: 'klima-energie' })).toMatchObject({ kind: 'message', text: expect.stringContaining('Klima und Energie') });
    expect(await t.programsOf(TEAM)).toEqual(['klima-energie']);
    expect((await t.registry.followers('daten')).map((c) => c.conversationId)).toEqual([]);
    expect((await t.registry.followers('klima-energie')).map((c) => c.conversationId)).toEqual([TEAM.conversationId]);
  });

  it('a reminder of the old program planned before the switch does not reach the team', async () => {
    const t = await setup();
    const anna = personal('anna');
    await t.say(TEAM, GLOBAL, 'verknüpfen daten');
    await t.say(anna, 'aad-anna', 'anmelden daten');
    // Planned as the announcement planner plans a program's reminder: addressed to the program's audience.
    const daten = t.catalog.get('daten')!;
    const planned = await t.engine.enqueue({
      jobId: 'ann|daten|daten-auftakt|P1D',
      kind: ANNOUNCEMENT_KIND,
      payload: announcementPayload(daten, daten.sessions[0]!, { offset: 'P1D' }) as unknown as Record<string, unknown>,
      audience: { purpose: 'announcement', programId: 'daten' },
      dueAt: new Date('2026-11-30T09:00:00.000Z'),
      group: 'daten/daten-auftakt',
    });
    expect(planned).toBe(true);

    await t.say(TEAM, GLOBAL, 'verknüpfen klima und energie');
    await t.press(TEAM, GLOBAL, PROGRAM_VERBS.linkConfirm, { programId: 'klima-energie' });
    t.clock.set('2026-11-30T09:00:30.000Z');
    await t.scheduler.tick();
    await t.engine.idle();
    expect(t.connector.sent.map((s) => s.conversationId)).toEqual([anna.conversationId]);
  });

  it('refuses participants and program coordinators of another program, explains itself in a personal chat, links a session in a meeting chat', async () => {
    const t = await setup();
    expect((await t.say(TEAM, PARTICIPANT, 'verknüpfen daten')).text).toMatch(/nur Koordinatorinnen und Koordinatoren/);
    expect(await t.programsOf(TEAM)).toEqual([]);
    // A coordinator of "daten" only: may link to it, not to another program, and not switch a team away from it.
    expect((await t.say(TEAM, COORD_A, 'verknüpfen klima-quartier')).text).toMatch(/nur Koordinatorinnen/);
    expect((await t.say(TEAM, COORD_A, 'verknüpfen')).text).toContain('jetzt mit **Stadt, Daten, Strategie** verknüpft');
    expect((await t.say(TEAM, COORD_A, 'verknüpfen klima-quartier')).text).toMatch(/nur Koordinatorinnen/);
    expect(await t.press(TEAM, COORD_A, PROGRAM_VERBS.linkConfirm, { programId: 'klima-quartier' })).toMatchObject({ kind: 'error', status: 403 });
    expect(await t.programsOf(TEAM)).toEqual(['daten']);

    expect((await t.say(personal('anna'), GLOBAL, 'verknüpfen daten')).text).toContain('Verknüpfen gilt für Kanäle und Gruppenchats');
    expect((await t.say(MEETING, GLOBAL, 'verknüpfen Auftakt')).text).toBe('session linked: Auftakt');
    expect(t.linkedMeetings).toEqual(['Auftakt']);
    expect((await t.say(TEAM, GLOBAL, 'termin verknüpfen Auftakt')).text).toBe('session linked: Auftakt');
  });
});

describe('following programs in a personal chat', () => {
  it('a new personal chat follows none; the welcome and a bare anmelden offer one button per program', async () => {
    const t = await setup();
    const ben = personal('ben');
    await t.registry.install(ben);
    expect(await t.programsOf(ben)).toEqual([]);
    const welcome = t.core.welcome('personal', 'de');
    expect(welcome.text).toBeUndefined();
    expect(JSON.stringify(welcome.card)).toContain('Hier laufen mehrere Programme');
    expect(buttons(welcome.card).map((b) => [b.title, b.verb, b.data.programId])).toEqual([
      ['Stadt, Daten, Strategie', PROGRAM_VERBS.follow, 'daten'],
      ['Klima und Energie', PROGRAM_VERBS.follow, 'klima-energie'],
      ['Klima im Quartier', PROGRAM_VERBS.follow, 'klima-quartier'],
    ]);
    expect(t.core.welcome('team', 'en').text).toContain('The organising team links this chat to one of them with **link <program>**.');

    expect(await t.press(ben, 'aad-ben', PROGRAM_VERBS.follow, { programId: 'klima-energie' })).toEqual({ kind: 'message', text: 'Sie erhalten hier jetzt Ankündigungen und Erinnerungen zu „Klima und Energie“.' });
    expect((await t.say(ben, 'aad-ben', 'subscribe daten')).text).toContain('Stadt, Daten, Strategie');
    expect(await t.programsOf(ben)).toEqual(['klima-energie', 'daten']);
    const again = cardOf(await t.say(ben, 'aad-ben', 'anmelden'));
    expect(buttons(again).map((b) => b.title)).toEqual(['✓ Stadt, Daten, Strategie', '✓ Klima und Energie', 'Klima im Quartier']);
    expect(buttons(cardOf(await t.say(ben, 'aad-ben', 'anmelden klima'))).map((b) => b.data.programId)).toEqual(['klima-energie', 'klima-quartier']);

    expect(await t.press(ben, 'aad-ben', PROGRAM_VERBS.follow, { programId: ['klima-energie'] })).toMatchObject({ kind: 'error', status: 400 });
    expect(await t.press(ben, 'aad-ben', PROGRAM_VERBS.follow, {})).toMatchObject({ kind: 'error', status: 400, text: expect.stringContaining('ungültig') });
    expect(await t.press(TEAM, 'aad-ben', PROGRAM_VERBS.follow, { programId: 'klima-energie' })).toMatchObject({ kind: 'message', text: expect.stringContaining('persönlichen Chat') });
    expect(await t.programsOf(TEAM)).toEqual([]);

    expect((await t.say(ben, 'aad-ben', 'abmelden klima und energie')).text).toBe('Sie erhalten hier keine Ankündigungen mehr zu „Klima und Energie“.');
    expect((await t.say(ben, 'aad-ben', 'abmelden klimaa')).text).toContain('Ein Programm „klimaa“ kenne ich nicht');
    expect(await t.programsOf(ben)).toEqual(['daten']);
  });

  it('termine and nächster termin cover the followed programs only, grouped and labelled by program', async () => {
    const t = await setup();
    const cara = personal('cara');
    expect((await t.say(cara, 'aad-cara', 'termine')).text).toContain('Sie folgen hier noch keinem Programm');
    await t.say(cara, 'aad-cara', 'anmelden daten');
    await t.say(cara, 'aad-cara', 'anmelden klima-quartier');
    const listing = (await t.say(cara, 'aad-cara', 'termine')).text!;
    expect(listing.indexOf('**Termine: Stadt, Daten, Strategie**')).toBeLessThan(listing.indexOf('**Termine: Klima im Quartier**'));
    expect(listing).toContain('Auftakt Stadt, Daten, Strategie');
    expect(listing).not.toContain('Klima und Energie');
    const next = (await t.say(cara, 'aad-cara', 'nächster termin')).text!;
    expect(next).toContain('**Stadt, Daten, Strategie**: Der nächste Termin');
    expect(next).toContain('**Klima im Quartier**: Der nächste Termin');
    expect(next).not.toContain('Klima und Energie');

    await t.say(TEAM, GLOBAL, 'verknüpfen klima und energie');
    const team = (await t.say(TEAM, PARTICIPANT, 'termine')).text!;
    expect(team).toContain('**Termine: Klima und Energie**');
    expect(team).not.toContain('Stadt, Daten');
    expect((await t.say(GROUP, PARTICIPANT, 'termine')).text).toContain('noch mit keinem Programm verknüpft');
  });
});

describe('program coordinators', () => {
  it('manage their own program only: the cards carry its id, another program is refused and audited', async () => {
    const t = await setup();
    const coordChat = personal('coord-a');
    const list = cardOf(await t.say(coordChat, COORD_A, 'programm'));
    expect(JSON.stringify(list)).toContain('Programm: Stadt, Daten, Strategie');
    const actions = JSON.stringify(list).match(/"programId":"[^"]+"/g) ?? [];
    expect(actions.length).toBeGreaterThan(0);
    expect(new Set(actions)).toEqual(new Set(['"programId":"daten"']));

    const other = await t.press(coordChat, COORD_A, VERBS.remindersSave, { programId: 'klima-energie', version: 1, programOffsets: 'P7D' });
    expect(other).toMatchObject({ kind: 'error', status: 403, code: 'coordination.not-coordinator' });
    expect(t.catalog.get('klima-energie')!.program.reminders).toEqual(['P1D']);
    const saved = await t.press(coordChat, COORD_A, VERBS.remindersSave, { programId: 'daten', version: 1, programOffsets: 'P7D' });
    expect(JSON.stringify(cardOf(saved))).toContain('Gespeichert');
    expect(t.catalog.get('daten')!.program.reminders).toEqual(['P7D']);

    // In a team linked to another program the core refuses before any card is shown.
    await t.say(TEAM, GLOBAL, 'verknüpfen klima-quartier');
    expect((await t.say(TEAM, COORD_A, 'status')).text).toMatch(/nur Koordinatorinnen/);

    const audit = await t.feature.audit.all();
    expect(audit.find((e) => e.action === VERBS.remindersSave && e.outcome === 'refused')).toMatchObject({ actor: COORD_A, programId: 'klima-energie' });
    expect(audit.find((e) => e.action === 'reminders.edit' && e.outcome === 'ok')).toMatchObject({ actor: COORD_A, programId: 'daten' });
    expect(audit.find((e) => e.action === 'command.program')).toMatchObject({ programId: 'daten', outcome: 'ok' });
  });

  it('a coordinator of every program chooses the program in a personal chat; in a linked team it is the team\'s', async () => {
    const t = await setup();
    const chat = personal('global');
    const choice = cardOf(await t.say(chat, GLOBAL, 'erinnerungen'));
    expect(JSON.stringify(choice)).toContain('Für welches Programm?');
    expect(buttons(choice).map((b) => [b.verb, b.data.programId])).toEqual([
      [VERBS.remindersShow, 'daten'],
      [VERBS.remindersShow, 'klima-energie'],
      [VERBS.remindersShow, 'klima-quartier'],
    ]);
    const reminders = cardOf(await t.press(chat, GLOBAL, VERBS.remindersShow, { programId: 'klima-energie' }));
    expect(buttons(reminders).every((b) => b.data.programId === 'klima-energie')).toBe(true);
    const announce = cardOf(await t.say(chat, GLOBAL, 'ankündigen Bitte vormerken'));
    expect(buttons(announce).map((b) => b.data)).toEqual([
      { text: 'Bitte vormerken', programId: 'daten' },
      { text: 'Bitte vormerken', programId: 'klima-energie' },
      { text: 'Bitte vormerken', programId: 'klima-quartier' },
    ]);
    // An old card without a program id, pressed in a personal chat with several programs: the choice again.
    expect(JSON.stringify(cardOf(await t.press(chat, GLOBAL, VERBS.statusShow, {})))).toContain('Für welches Programm?');

    await t.say(TEAM, GLOBAL, 'verknüpfen klima-quartier');
    const status = cardOf(await t.say(TEAM, GLOBAL, 'status'));
    expect(JSON.stringify(status)).toContain('Klima im Quartier');
    expect(await t.press(TEAM, GLOBAL, VERBS.statusShow, { programId: 'gone' })).toMatchObject({ kind: 'error', status: 404, code: 'coordination.unknown-program' });
  });

  it('an announcement goes to the program\'s conversations only, never to everyone', async () => {
    const t = await setup();
    const [anna, ben] = [personal('anna'), personal('ben')];
    await t.say(TEAM, GLOBAL, 'verknüpfen daten');
    await t.say(GROUP, GLOBAL, 'verknüpfen klima und energie');
    await t.say(anna, 'aad-anna', 'anmelden daten');
    await t.say(ben, 'aad-ben', 'anmelden klima und energie');
    const draft = { programId: 'daten', text: 'Bitte vormerken', audience: 'all', when: 'now' };
    const preview = cardOf(await t.press(TEAM, GLOBAL, VERBS.announcePreview, draft));
    expect(JSON.stringify(preview)).toContain('Empfänger: 2 Unterhaltungen');
    const send = buttons(preview).find((b) => b.verb === VERBS.announceSend)!;
    expect(send.data.programId).toBe('daten');
    await t.press(TEAM, GLOBAL, VERBS.announceSend, send.data);
    await t.feature.idle();
    const [job] = await t.engine.jobs.list();
    expect(job!.audience).toEqual({ purpose: 'broadcast', programId: 'daten' });
    expect(t.connector.sent.map((s) => s.conversationId).sort()).toEqual([anna.conversationId, TEAM.conversationId].sort());
    const audit = await t.feature.audit.all();
    expect(audit.find((e) => e.action === 'announce.send')).toMatchObject({ programId: 'daten', outcome: 'ok' });
  });
});

describe('audit trail', () => {
  it('reads entries written before the program was recorded', async () => {
    const t = await setup();
    const at = new Date('2026-11-19T08:00:00.000Z');
    const table = await t.store.table(AUDIT_TABLE);
    await table.createEntity({ partitionKey: auditPartition(at), rowKey: auditRowKey(at), at: at.toISOString(), actor: GLOBAL, action: 'session.edit', outcome: 'ok', target: 'auftakt' });
    await t.say(personal('coord-a'), COORD_A, 'status');
    const entries = await t.feature.audit.list({ limit: 10, now: t.clock.now() });
    expect(entries).toEqual([
      expect.objectContaining({ action: 'command.status', programId: 'daten' }),
      { at: at.toISOString(), actor: GLOBAL, action: 'session.edit', outcome: 'ok', target: 'auftakt' },
    ]);
  });
});
