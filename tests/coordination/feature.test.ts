// The coordinator workflows end to end below the Teams layer: the conversation core with the coordination
// feature plugged in, the real program service, registry, delivery engine, announcement service and
// scheduler on Azurite, and an in-process connector that records what Teams would have received.
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/shared/clock.js';
import { silentLogger } from '../../src/shared/log.js';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { programSchema, ProgramCatalog, programToYaml, type Program } from '../../src/program/index.js';
import { ConversationCore, coordinatorPolicy, ProgramScope, type CardActionResult, type TurnInput } from '../../src/conversation/index.js';
import { ConversationRegistry, ConversationRepository, FollowerIndex } from '../../src/registry/index.js';
import { audienceTargets, createDeliveryEngine, type AudienceSource } from '../../src/delivery/index.js';
import { announcementBuilders, createAnnouncementService } from '../../src/announcements/index.js';
import { createScheduler } from '../../src/scheduler/index.js';
import { coordinationBuilders, coordinationCliCommands, createCoordinationFeature, VERBS, type AuditEntry } from '../../src/coordination/index.js';
import type { AdaptiveCard, CardElement } from '../../src/cards/adaptive.js';
import type { CliContext } from '../../src/cli/types.js';
import { FakeConnector, failure } from '../delivery/fakes.js';
import { useAzurite } from '../harness/azurite.js';
import { sighting } from '../harness/sightings.js';

const storage = useAzurite('coord');

const BASE_URL = 'https://bot.example.org';
const COORDINATOR = 'aad-coordinator';
const PARTICIPANT = 'aad-participant';

function initialProgram(): Program {
  return programSchema.parse({
    program: { id: 'datenstrategie', title: 'Stadt, Daten, Strategie', timezone: 'Europe/Berlin', reminders: ['P1D', 'PT1H'] },
    sessions: [
      { id: 'auftakt', title: 'Auftaktveranstaltung', date: '2026-12-01', weekday: 'Dienstag', start: '10:00', end: '12:00', joinUrl: 'https://teams.microsoft.com/l/meetup-join/1' },
      { id: 'governance', title: 'Data Governance Wegweiser', date: '2026-12-16', start: '10:00', end: '12:00' },
    ],
  });
}


/** The registry-backed audience the lead wires in production, reduced to what the engine needs. */
function registryAudience(registry: ConversationRegistry): AudienceSource {
  return {
    list: async (filter) => audienceTargets(await registry.list(), filter),
    markInactive: async (conversationId, reason) => {
      const found = (await registry.list()).find((c) => c.conversationId === conversationId);
      if (found) await registry.markInactive(found, reason);
    },
  };
}

async function setup(start = '2026-11-25T10:00:00.000Z') {
  const clock = new ManualClock(start);
  const store = storage.store();
  const contentDir = fs.mkdtempSync(path.join(os.tmpdir(), 'coordination-'));
  fs.writeFileSync(path.join(contentDir, 'program.yaml'), programToYaml(initialProgram()));
  const catalog = new ProgramCatalog({ store, clock, logger: silentLogger, contentDir });
  await catalog.load();
  const programs = catalog.service('datenstrategie')!;
  const registry = new ConversationRegistry({
    repository: new ConversationRepository(store),
    followers: new FollowerIndex(store),
    clock,
    logger: silentLogger,
    defaultProgram: () => 'datenstrategie',
  });
  for (const s of [
    sighting('anna', 'personal'),
    sighting('ben', 'personal', { locale: 'en' }),
    sighting('carla', 'personal'),
    sighting('dora', 'personal'),
    sighting('team-general', 'channel', { teamId: 'team-1', channelId: 'team-general' }),
    sighting('group-1', 'groupChat'),
  ]) {
    await registry.install(s);
  }
  await registry.unfollow(sighting('carla', 'personal'), 'datenstrategie');
  await registry.markInactive({ kind: 'personal', conversationId: 'dora' }, 'http-403-MessageWritesBlocked');
  const connector = new FakeConnector();
  const engine = createDeliveryEngine({
    store,
    sender: connector.sender(),
    audience: registryAudience(registry),
    builders: { ...announcementBuilders({ publicBaseUrl: BASE_URL }), ...coordinationBuilders() },
    clock,
    logger: silentLogger,
    settings: { maxRps: 1000 },
  });
  const announcements = createAnnouncementService({ engine, store, clock, logger: silentLogger, publicBaseUrl: BASE_URL, programs });
  await announcements.sync();
  const scheduler = createScheduler({ engine, logger: silentLogger });
  const coordinators = coordinatorPolicy([COORDINATOR], false);
  const scope = new ProgramScope(catalog, registry);
  const feature = createCoordinationFeature({ programs: catalog, scope, registry, engine, announcements, store, clock, logger: silentLogger, coordinators, publicBaseUrl: BASE_URL, progressIntervalMs: 10 });
  const core = new ConversationCore({ registry, scope, clock, logger: silentLogger, coordinators, commands: feature.commands, actions: feature.actions });
  const turn = (aad: string | undefined, text = '', extra: Record<string, unknown> = {}): TurnInput =>
    ({ conversation: sighting('coord-chat', 'personal'), user: { id: '29:coord', ...(aad ? { aadObjectId: aad } : {}) }, locale: 'de', text, ...extra }) as TurnInput;
  const act = (verb: string, data: Record<string, unknown> = {}, aad: string | undefined = COORDINATOR, extra: Record<string, unknown> = {}) =>
    core.handleCardAction(turn(aad, '', extra), verb, data);
  const auditEntries = async (): Promise<AuditEntry[]> => feature.audit.all();
  return { clock, store, programs, registry, connector, engine, announcements, scheduler, feature, core, turn, act, auditEntries };
}

function cardOf(result: CardActionResult): AdaptiveCard {
  if (result.kind !== 'card') throw new Error(`expected a card, got ${JSON.stringify(result)}`);
  return result.card;
}

/** Every element of a card, nested containers and columns included. */
function elements(card: AdaptiveCard): CardElement[] {
  const out: CardElement[] = [];
  const walk = (items: unknown): void => {
    if (!Array.isArray(items)) return;
    for (const item of items as CardElement[]) {
      out.push(item);
      walk(item.items);
      walk(item.columns);
    }
  };
  walk(card.body);
  return out;
}

function byId(card: AdaptiveCard, id: string): CardElement | undefined {
  return elements(card).find((e) => e.id === id);
}

/** The card as JSON with the Markdown escapes of escapeCardText removed, to search for what people read. */
function text(card: AdaptiveCard): string {
  return JSON.stringify(card).replace(/\\\\/g, '');
}

const validEdit = { date: '2026-12-03', start: '10:00', end: '12:00', title: 'Auftaktveranstaltung', joinUrl: 'https://teams.microsoft.com/l/meetup-join/1' };

describe('coordination: permissions', () => {
  it('refuses a participant every command and every hand-crafted card action, changes nothing and audits each attempt', async () => {
    const t = await setup();
    for (const command of ['programm', 'erinnerungen', 'ankündigen Hallo', 'status']) {
      const [reply] = await t.core.handleMessage(t.turn(PARTICIPANT, command));
      expect(reply?.text).toMatch(/nur Koordinatorinnen und Koordinatoren/);
      expect(reply?.card).toBeUndefined();
    }
    // The feature's own command handlers refuse as well (they may be wired without the core's check).
    const [direct] = await t.feature.commands.program!(t.turn(PARTICIPANT), '');
    expect(direct?.text).toMatch(/nur Koordinatorinnen/);

    const crafted: Record<string, Record<string, unknown>> = {
      [VERBS.sessionSave]: { sessionId: 'auftakt', version: 1, ...validEdit },
      [VERBS.sessionConfirm]: { sessionId: 'auftakt', version: 1, ...validEdit, acknowledged: '' },
      [VERBS.sessionCancel]: { sessionId: 'auftakt', version: 1, confirmed: true },
      [VERBS.remindersSave]: { version: 1, programOffsets: 'P7D' },
      [VERBS.announceSend]: { draftId: '0123456789abcdef', text: 'Hallo', audience: 'all', when: 'now' },
      [VERBS.announceCancel]: { jobId: 'ann|datenstrategie|auftakt|P1D' },
    };
    for (const verb of Object.values(VERBS)) {
      const result = await t.act(verb, crafted[verb] ?? {}, PARTICIPANT);
      expect(result, verb).toMatchObject({ kind: 'error', status: 403, code: 'coordination.not-coordinator' });
    }
    // Without an Entra id nobody is a coordinator outside local mode.
    expect(await t.core.handleCardAction(t.turn(undefined), VERBS.sessionSave, crafted[VERBS.sessionSave]!)).toMatchObject({ kind: 'error', status: 403 });

    expect(t.programs.version()).toBe(1);
    expect(t.programs.active()?.sessions.map((s) => [s.id, s.date, s.status])).toEqual([
      ['auftakt', '2026-12-01', 'scheduled'],
      ['governance', '2026-12-16', 'scheduled'],
    ]);
    const jobs = await t.engine.jobs.list();
    expect(jobs.filter((j) => !j.jobId.startsWith('ann|'))).toEqual([]);
    expect(jobs.every((j) => j.status === 'planned')).toBe(true);
    expect(t.connector.sent).toEqual([]);

    const entries = await t.auditEntries();
    const refused = entries.filter((e) => e.outcome === 'refused');
    expect(refused.filter((e) => e.actor === PARTICIPANT).map((e) => e.action).sort()).toEqual(
      [...Object.values(VERBS), 'command.program'].sort(),
    );
    expect(entries.every((e) => e.outcome === 'refused')).toBe(true);
  });

  it('takes the actor from the turn, never from card data', async () => {
    const t = await setup();
    const result = await t.act(VERBS.sessionSave, { sessionId: 'governance', version: 1, ...validEdit, date: '2026-12-17', title: 'Data Governance', actor: 'someone-else', aadObjectId: 'someone-else' });
    expect(result.kind).toBe('card');
    expect(t.programs.status().updatedBy).toBe(COORDINATOR);
    const [entry] = await t.auditEntries();
    expect(entry).toMatchObject({ actor: COORDINATOR, action: 'session.edit', outcome: 'ok', target: 'governance' });
  });
});

describe('coordination: program and sessions', () => {
  it('lists the sessions with edit, cancel and new-session actions', async () => {
    const t = await setup();
    const [reply] = await t.core.handleMessage(t.turn(COORDINATOR, 'programm'));
    const json = text(reply!.card!);
    expect(json).toContain('Auftaktveranstaltung');
    expect(json).toContain('Di, 01.12.2026, 10:00–12:00 Uhr');
    for (const verb of [VERBS.sessionEdit, VERBS.sessionCancel, VERBS.sessionNew]) expect(json).toContain(verb);
    expect(json).toContain('Bearbeiten');
    expect(json).toContain('Neuer Termin');
  });

  it('answers invalid form input with errors next to the fields and saves nothing', async () => {
    const t = await setup();
    const edit = await t.act(VERBS.sessionSave, {
      sessionId: 'auftakt',
      version: 1,
      date: '2026-02-30',
      start: '14:00',
      end: '12:00',
      title: 'x'.repeat(201),
      summary: 'y'.repeat(4001),
      joinUrl: 'http://teams.microsoft.com/l/meetup-join/1',
    });
    const card = cardOf(edit);
    expect(byId(card, 'dateError')?.text).toBe('Bitte ein Datum wählen (TT.MM.JJJJ).');
    expect(byId(card, 'endError')?.text).toBe('Das Ende muss nach dem Beginn liegen.');
    expect(byId(card, 'titleError')?.text).toBe('Höchstens 200 Zeichen.');
    expect(byId(card, 'summaryError')?.text).toBe('Höchstens 4.000 Zeichen.');
    expect(byId(card, 'joinUrlError')?.text).toBe('Bitte einen vollständigen Link mit https:// angeben.');
    expect(text(card)).toContain('Es wurde nichts gespeichert');
    // The form keeps what was typed.
    expect(byId(card, 'start')?.value).toBe('14:00');

    const pastNew = cardOf(await t.act(VERBS.sessionSave, { version: 1, date: '2026-11-20', start: '10:00', end: '11:00', title: 'Nachtreffen' }));
    expect(byId(pastNew, 'dateError')?.text).toBe('Das Datum liegt in der Vergangenheit.');
    const crafted = cardOf(await t.act(VERBS.sessionSave, { version: 1, date: 20261220, start: ['10:00'], end: '11:00', title: '   ' }));
    expect(byId(crafted, 'dateError')).toBeDefined();
    expect(byId(crafted, 'startError')).toBeDefined();
    expect(byId(crafted, 'titleError')?.text).toBe('Bitte ausfüllen.');
    expect(await t.act(VERBS.sessionSave, { version: 'eins', ...validEdit })).toMatchObject({ kind: 'error', status: 400 });

    expect(t.programs.version()).toBe(1);
    const entries = await t.auditEntries();
    expect(entries.filter((e) => e.outcome === 'invalid')).toHaveLength(3);
  });

  it('saves nothing when the form comes back unchanged', async () => {
    const t = await setup();
    const result = cardOf(await t.act(VERBS.sessionSave, { sessionId: 'governance', version: 1, date: '2026-12-16', start: '10:00', end: '12:00', title: 'Data Governance Wegweiser', summary: '', joinUrl: '' }));
    expect(text(result)).toContain('Nichts geändert');
    expect(t.programs.version()).toBe(1);
    const [entry] = await t.auditEntries();
    expect(entry).toMatchObject({ action: 'session.edit', outcome: 'noop', target: 'governance' });
  });

  it('shows lint errors in the card and saves nothing', async () => {
    const t = await setup();
    // Moving the governance session onto the kick-off's slot makes the two overlap.
    const result = cardOf(await t.act(VERBS.sessionSave, { sessionId: 'governance', version: 1, date: '2026-12-01', start: '11:00', end: '13:00', title: 'Data Governance Wegweiser' }));
    expect(text(result)).toContain('Der Zeitplan hat so Fehler');
    expect(text(result)).toContain('Auftaktveranstaltung');
    expect(t.programs.version()).toBe(1);
    expect(t.programs.active()?.sessions.find((s) => s.id === 'governance')?.date).toBe('2026-12-16');
    const [entry] = await t.auditEntries();
    expect(entry).toMatchObject({ action: 'session.edit', outcome: 'lint-refused', target: 'governance' });
    expect(JSON.parse(entry!.after!).lint).toContain('overlapping-sessions');
  });

  it('asks before saving with a warning, then saves with the confirmation', async () => {
    const t = await setup();
    const data = { sessionId: 'governance', version: 1, date: '2026-12-16', start: '10:00', end: '12:00', title: 'Data Governance Wegweiser', joinUrl: 'https://meet.example.org/governance' };
    const ask = cardOf(await t.act(VERBS.sessionSave, data));
    expect(text(ask)).toContain('Trotzdem speichern');
    expect(t.programs.version()).toBe(1);
    const confirm = ask.actions!.find((a) => (a as { verb?: string }).verb === VERBS.sessionConfirm) as { data: Record<string, unknown> };
    // A confirmation for other warnings than the ones now found asks again.
    const stale = cardOf(await t.act(VERBS.sessionConfirm, { ...data, ...confirm.data, acknowledged: 'something else' }));
    expect(text(stale)).toContain('Trotzdem speichern');
    expect(t.programs.version()).toBe(1);
    const saved = cardOf(await t.act(VERBS.sessionConfirm, { ...data, ...confirm.data }));
    expect(text(saved)).toContain('Gespeichert (Version 2)');
    expect(t.programs.active()?.sessions.find((s) => s.id === 'governance')?.joinUrl).toBe('https://meet.example.org/governance');
  });

  it('creates a new session with a readable id and plans its reminders', async () => {
    const t = await setup();
    const result = cardOf(await t.act(VERBS.sessionSave, { version: 1, date: '2027-01-20', start: '10:00', end: '12:00', title: 'Abschlusstreffen', summary: 'Was war gut?' }));
    expect(text(result)).toContain('Gespeichert (Version 2)');
    expect(text(result)).toContain('2 Erinnerung(en) neu geplant');
    const created = t.programs.active()?.sessions.find((s) => s.title === 'Abschlusstreffen');
    expect(created).toMatchObject({ id: 'abschlusstreffen', date: '2027-01-20', summary: 'Was war gut?', status: 'scheduled' });
    const jobs = (await t.engine.jobs.list({ statuses: ['planned'] })).map((j) => j.jobId);
    expect(jobs).toContain('ann|datenstrategie|abschlusstreffen|P1D');
    expect(jobs).toContain('ann|datenstrategie|abschlusstreffen|PT1H');
  });

  it('refuses a save on top of someone else\'s change and asks to reload', async () => {
    const t = await setup();
    await t.programs.save({ ...initialProgram(), program: { ...initialProgram().program, title: 'Neuer Titel' } }, 'other');
    const result = cardOf(await t.act(VERBS.sessionSave, { sessionId: 'governance', version: 1, ...validEdit, date: '2026-12-17', title: 'Data Governance' }));
    expect(text(result)).toContain('Jemand anderes hat das Programm inzwischen geändert');
    expect(text(result)).toContain(VERBS.programShow);
    expect(t.programs.version()).toBe(2);
    expect(t.programs.active()?.sessions.find((s) => s.id === 'governance')?.date).toBe('2026-12-16');
    const [entry] = await t.auditEntries();
    expect(entry).toMatchObject({ action: 'session.edit', outcome: 'conflict' });
  });

  it('a save whose re-planning fails is still audited and confirmed; the coordinator learns re-planning follows', async () => {
    const t = await setup();
    const sync = t.announcements.sync;
    t.announcements.sync = async () => {
      throw new Error('storage unavailable');
    };
    const result = cardOf(await t.act(VERBS.sessionSave, { sessionId: 'governance', version: 1, ...validEdit, date: '2026-12-17', title: 'Data Governance' }));
    t.announcements.sync = sync;
    expect(text(result)).toContain('Gespeichert (Version 2).');
    expect(text(result)).toContain('das geschieht automatisch');
    expect(t.programs.active()?.sessions.find((s) => s.id === 'governance')?.date).toBe('2026-12-17');
    const [entry] = await t.auditEntries();
    expect(entry).toMatchObject({ action: 'session.edit', outcome: 'ok' });
  });

  it('moves a session: reminders re-planned, sent cards become "verschoben"; cancelling turns them into "abgesagt"', async () => {
    const t = await setup('2026-11-30T09:00:00.000Z');
    // The kick-off's P1D reminder is due now and goes out to every reachable, subscribed conversation.
    const tick = await t.scheduler.tick();
    await t.engine.idle();
    expect(tick.started).toEqual(['ann|datenstrategie|auftakt|P1D']);
    expect(t.connector.sent.map((s) => s.conversationId).sort()).toEqual(['anna', 'ben', 'group-1', 'team-general']);

    const moved = cardOf(await t.act(VERBS.sessionSave, { sessionId: 'auftakt', version: 1, ...validEdit }));
    expect(text(moved)).toContain('Gespeichert (Version 2)');
    expect(text(moved)).toContain('bereits verschickte Karten werden aktualisiert (1)');
    const session = t.programs.active()!.sessions.find((s) => s.id === 'auftakt')!;
    expect(session).toMatchObject({ date: '2026-12-03', weekday: 'Donnerstag' });
    const pt1h = await t.engine.jobs.get('ann|datenstrategie|auftakt|PT1H');
    expect(pt1h?.dueAt).toBe('2026-12-03T08:00:00.000Z');

    await t.scheduler.tick();
    await t.engine.idle();
    expect(t.connector.updates.map((u) => u.conversationId).sort()).toEqual(['anna', 'ben', 'group-1', 'team-general']);
    expect(JSON.stringify(t.connector.updates.find((u) => u.conversationId === 'anna')!.message.card)).toContain('VERSCHOBEN');
    expect(JSON.stringify(t.connector.updates.find((u) => u.conversationId === 'ben')!.message.card)).toContain('MOVED');

    t.clock.advance(1000);
    const ask = cardOf(await t.act(VERBS.sessionCancel, { sessionId: 'auftakt', version: 2 }));
    expect(text(ask)).toContain('wirklich absagen');
    expect(t.programs.version()).toBe(2);
    const cancelled = cardOf(await t.act(VERBS.sessionCancel, { sessionId: 'auftakt', version: 2, confirmed: true }));
    expect(text(cancelled)).toContain('ist abgesagt');
    expect(t.programs.active()!.sessions.find((s) => s.id === 'auftakt')!.status).toBe('cancelled');
    expect((await t.engine.jobs.get('ann|datenstrategie|auftakt|PT1H'))?.status).toBe('cancelled');
    t.connector.updates.length = 0;
    await t.scheduler.tick();
    await t.engine.idle();
    expect(t.connector.updates).toHaveLength(4);
    expect(t.connector.updates.every((u) => JSON.stringify(u.message.card).includes('ABGESAGT') || JSON.stringify(u.message.card).includes('CANCELLED'))).toBe(true);

    const entries = await t.auditEntries();
    expect(entries.map((e) => [e.action, e.outcome])).toEqual([
      ['session.cancel', 'ok'],
      ['session.edit', 'ok'],
    ]);
    expect(JSON.parse(entries[1]!.before!)).toMatchObject({ date: '2026-12-01' });
    expect(JSON.parse(entries[1]!.after!)).toMatchObject({ date: '2026-12-03', version: 2 });
  });
});

describe('coordination: reminders', () => {
  it('edits program offsets and per-session overrides in friendly words and lists the next sends', async () => {
    const t = await setup();
    const [reply] = await t.core.handleMessage(t.turn(COORDINATOR, 'erinnerungen'));
    const shown = reply!.card!;
    expect(byId(shown, 'programOffsets')?.value).toBe('P1D,PT1H');
    expect(text(shown)).toContain('Nächste geplante Sendungen');
    expect(text(shown)).toContain('Erinnerung „Auftaktveranstaltung“ (1 Tag vorher)');

    const invalid = cardOf(await t.act(VERBS.remindersSave, { version: 1, programOffsets: 'P1D', programCustom: '3 Jahre', s_governance: '90 Tage' }));
    expect(byId(invalid, 'programCustomError')?.text).toContain('„3 Jahre“ verstehe ich nicht');
    expect(byId(invalid, 's_governanceError')?.text).toContain('zwischen 5 Minuten und 60 Tagen');
    expect(byId(invalid, 'programCustom')?.value).toBe('3 Jahre');
    expect(t.programs.version()).toBe(1);

    const saved = cardOf(await t.act(VERBS.remindersSave, { version: 1, programOffsets: 'P7D,P1D', programCustom: '2 Stunden', s_auftakt: 'keine', s_governance: '' }));
    expect(text(saved)).toContain('Gespeichert (Version 2)');
    const program = t.programs.active()!;
    expect(program.program.reminders).toEqual(['P7D', 'P1D', 'PT2H']);
    expect(program.sessions.find((s) => s.id === 'auftakt')!.reminders).toEqual([]);
    expect(program.sessions.find((s) => s.id === 'governance')!.reminders).toBeUndefined();
    const planned = (await t.engine.jobs.list({ statuses: ['planned'] })).map((j) => j.jobId).sort();
    expect(planned).toEqual(['ann|datenstrategie|governance|P1D', 'ann|datenstrategie|governance|P7D', 'ann|datenstrategie|governance|PT2H']);
    // Next sends in Berlin time, soonest first.
    expect(text(saved)).toContain('Mi, 09.12.2026, 10:00 Uhr');
    const [entry] = await t.auditEntries();
    expect(entry).toMatchObject({ action: 'reminders.edit', outcome: 'ok' });
    expect(JSON.parse(entry!.before!)).toEqual({ program: ['P1D', 'PT1H'], sessions: {} });
  });
});

describe('coordination: announcements', () => {
  it('previews with the recipient count (unreachable ones named) per audience and validates the draft', async () => {
    const t = await setup();
    const [compose] = await t.core.handleMessage(t.turn(COORDINATOR, 'ankündigen Bitte Termin vormerken'));
    expect(byId(compose!.card!, 'text')?.value).toBe('Bitte Termin vormerken');

    const all = cardOf(await t.act(VERBS.announcePreview, { text: 'Bitte *vormerken*\n\nZweiter Absatz', sessionId: 'governance', audience: 'all', when: 'now' }));
    expect(byId(all, 'recipients')?.text).toBe('Empfänger: 4 Unterhaltungen');
    expect(byId(all, 'unreachable')?.text).toContain('1 weitere Unterhaltung ist nicht erreichbar');
    // Recipients see the coordinator's text literally: Markdown is escaped, not rendered.
    expect(JSON.stringify(all)).toContain('Bitte \\\\*vormerken\\\\*');
    expect(text(all)).toContain('Bitte *vormerken*');
    expect(text(all)).toContain('Zweiter Absatz');
    expect(text(all)).toContain('Data Governance Wegweiser');
    const channels = cardOf(await t.act(VERBS.announcePreview, { text: 'Hallo', audience: 'channels', when: 'now' }));
    expect(byId(channels, 'recipients')?.text).toBe('Empfänger: 1 Unterhaltung');
    expect(byId(channels, 'unreachable')?.text).toBe('Alle registrierten Unterhaltungen sind erreichbar.');
    const personal = cardOf(await t.act(VERBS.announcePreview, { text: 'Hallo', audience: 'personal', when: 'now' }));
    expect(byId(personal, 'recipients')?.text).toBe('Empfänger: 2 Unterhaltungen');

    const bad = cardOf(await t.act(VERBS.announcePreview, { text: 'x'.repeat(2001), sessionId: 'gibt-es-nicht', audience: 'everyone', when: 'later', sendDate: '2026-11-24', sendTime: '10:00' }));
    expect(byId(bad, 'textError')?.text).toBe('Höchstens 2.000 Zeichen.');
    expect(byId(bad, 'audienceError')?.text).toBe('Ungültige Eingabe.');
    const past = cardOf(await t.act(VERBS.announcePreview, { text: 'Hallo', audience: 'all', when: 'later', sendDate: '2026-11-25', sendTime: '10:59' }));
    expect(byId(past, 'sendDateError')?.text).toBe('Der Versandzeitpunkt muss in der Zukunft liegen.');
    const unknownSession = cardOf(await t.act(VERBS.announcePreview, { text: 'Hallo', sessionId: 'gibt-es-nicht', audience: 'all', when: 'now' }));
    expect(byId(unknownSession, 'sessionIdError')?.text).toBe('Diesen Termin gibt es nicht.');
    expect(await t.engine.jobs.list({ statuses: ['planned', 'running', 'done'] }).then((j) => j.filter((x) => x.kind === 'coordination.broadcast'))).toEqual([]);
  });

  it('sends now through the engine, updates the confirmation card in place and ends with the report; a second "Senden" sends nothing more', async () => {
    const t = await setup();
    t.connector.script = (id, _call, kind) => (id === 'group-1' && kind === 'send' ? { fail: failure.blocked() } : id === 'anna' && kind === 'send' ? { delayMs: 30 } : undefined);
    const preview = cardOf(await t.act(VERBS.announcePreview, { text: 'Heute 10 Uhr: bitte pünktlich', audience: 'all', when: 'now' }));
    const send = preview.actions!.find((a) => (a as { verb?: string }).verb === VERBS.announceSend) as { data: Record<string, unknown> };
    const first = cardOf(await t.act(VERBS.announceSend, send.data, COORDINATOR, { cardActivityId: 'act-confirmation' }));
    expect(text(first)).toContain('Versand der Ankündigung');
    expect(first.refresh?.userIds).toEqual(['29:coord']);
    await t.feature.idle();

    const recipients = t.connector.sent.filter((s) => s.message.summary?.startsWith('Ankündigung') || s.message.summary?.startsWith('Announcement'));
    expect(recipients.map((s) => s.conversationId).sort()).toEqual(['anna', 'ben', 'team-general']);
    expect(JSON.stringify(recipients.find((s) => s.conversationId === 'ben')!.message.card)).toContain('ANNOUNCEMENT');
    const updates = t.connector.updates.filter((u) => u.conversationId === 'coord-chat' && u.activityId === 'act-confirmation');
    expect(updates.length).toBeGreaterThanOrEqual(1);
    const final = updates.at(-1)!.message.card!;
    expect(text(final)).toContain('Versand abgeschlossen');
    expect(byId(final, 'progress')?.text).toBe('Gesendet 3 von 4, 1 fehlgeschlagen');
    expect(byId(final, 'report')?.facts).toEqual([
      { title: 'Zugestellt', value: '3' },
      { title: 'Fehlgeschlagen', value: '0' },
      { title: 'Nicht erreichbar', value: '1' },
    ]);
    expect(byId(final, 'reasons')?.facts).toEqual([{ title: 'App blockiert oder entfernt', value: '1' }]);
    expect(final.refresh).toBeUndefined();

    const again = cardOf(await t.act(VERBS.announceSend, send.data));
    expect(text(again)).toContain('Versand abgeschlossen');
    await t.feature.idle();
    expect(t.connector.sent.filter((s) => s.message.summary?.startsWith('Ankündigung') || s.message.summary?.startsWith('Announcement'))).toHaveLength(3);

    const jobId = `bc|${String(send.data.draftId)}`;
    const refreshed = cardOf(await t.act(VERBS.progressRefresh, { jobId }));
    expect(byId(refreshed, 'progress')?.text).toBe('Gesendet 3 von 4, 1 fehlgeschlagen');
    const [entry] = (await t.auditEntries()).filter((e) => e.action === 'announce.send');
    expect(entry).toMatchObject({ outcome: 'ok', target: jobId, actor: COORDINATOR });
    expect(JSON.parse(entry!.after!)).toMatchObject({ text: 'Heute 10 Uhr: bitte pünktlich', audience: 'all', recipients: 4, unreachable: 1 });
  });

  it('withdraws a scheduled announcement before its time: listed, cancelled, never sent', async () => {
    const t = await setup();
    const preview = cardOf(await t.act(VERBS.announcePreview, { text: 'Morgen früh', audience: 'personal', when: 'later', sendDate: '2026-11-26', sendTime: '09:00' }));
    expect(text(preview)).toContain('Versand geplant: Do, 26.11.2026, 09:00 Uhr');
    const send = preview.actions!.find((a) => (a as { verb?: string }).verb === VERBS.announceSend) as { data: Record<string, unknown> };
    const scheduled = cardOf(await t.act(VERBS.announceSend, send.data));
    expect(text(scheduled)).toContain('Die Ankündigung ist für 26.11.2026, 09:00 Uhr geplant');
    const jobId = `bc|${String(send.data.draftId)}`;
    const job = await t.engine.jobs.get(jobId);
    expect(job).toMatchObject({ status: 'planned', dueAt: '2026-11-26T08:00:00.000Z', audience: { purpose: 'broadcast', kinds: ['personal'] } });
    expect(text(scheduled)).toContain('Morgen früh');
    expect(text(scheduled)).toContain(VERBS.announceCancel);

    // Reminder jobs are the planner's: a hand-made withdraw of one is refused.
    expect(await t.act(VERBS.announceCancel, { jobId: 'ann|datenstrategie|auftakt|P1D' })).toMatchObject({ kind: 'error', status: 404 });
    expect((await t.engine.jobs.get('ann|datenstrategie|auftakt|P1D'))?.status).toBe('planned');

    const withdrawn = cardOf(await t.act(VERBS.announceCancel, { jobId }));
    expect(text(withdrawn)).toContain('zurückgezogen');
    expect(text(withdrawn)).toContain('Keine Ankündigungen geplant');
    expect((await t.engine.jobs.get(jobId))?.status).toBe('cancelled');
    expect(await t.act(VERBS.announceCancel, { jobId })).toMatchObject({ kind: 'message' });

    t.clock.set('2026-11-26T08:00:30.000Z');
    await t.scheduler.tick();
    await t.engine.idle();
    expect(t.connector.sent.filter((s) => s.message.summary?.includes('Morgen'))).toEqual([]);
    expect((await t.auditEntries()).map((e) => [e.action, e.outcome]).slice(0, 3)).toEqual([
      ['announce.withdraw', 'noop'],
      ['announce.withdraw', 'ok'],
      ['announce.schedule', 'ok'],
    ]);
  });

  it('lets a scheduled announcement go out at its time', async () => {
    const t = await setup();
    const preview = cardOf(await t.act(VERBS.announcePreview, { text: 'Zur vollen Stunde', audience: 'channels', when: 'later', sendDate: '2026-11-25', sendTime: '12:00' }));
    const send = preview.actions!.find((a) => (a as { verb?: string }).verb === VERBS.announceSend) as { data: Record<string, unknown> };
    await t.act(VERBS.announceSend, send.data);
    t.clock.set('2026-11-25T10:59:00.000Z');
    expect((await t.scheduler.tick()).started).toEqual([]);
    t.clock.set('2026-11-25T11:00:00.000Z');
    await t.scheduler.tick();
    await t.engine.idle();
    expect(t.connector.sent.map((s) => s.conversationId)).toEqual(['team-general']);
  });
});

describe('coordination: status and audit', () => {
  it('shows the program, lint state, next sends and last deliveries', async () => {
    const t = await setup('2026-11-30T09:00:00.000Z');
    await t.scheduler.tick();
    await t.engine.idle();
    const [reply] = await t.core.handleMessage(t.turn(COORDINATOR, 'status'));
    const json = text(reply!.card!);
    expect(json).toContain('Aktives Programm: Stadt, Daten, Strategie (Version 1)');
    expect(json).toContain('Zeitplan ohne Befund');
    expect(json).toContain('Erinnerung „Auftaktveranstaltung“ (1 Stunde vorher)');
    expect(json).toContain('Letzte Sendungen');
    expect(json).toContain('4/4 zugestellt');
  });

  it('lists the audit trail newest first through the CLI, as a table and as JSON with a limit', async () => {
    const t = await setup();
    await t.core.handleMessage(t.turn(COORDINATOR, 'programm'));
    t.clock.advance(1000);
    await t.act(VERBS.sessionSave, { sessionId: 'governance', version: 1, ...validEdit, date: '2026-12-17', title: 'Data Governance' });
    t.clock.advance(1000);
    await t.act(VERBS.announceAbort, {});
    t.clock.advance(1000);
    await t.act(VERBS.sessionCancel, { sessionId: 'governance', version: 2, confirmed: true }, PARTICIPANT);
    const out: string[] = [];
    const err: string[] = [];
    const ctx: CliContext = { out: (s) => out.push(s), err: (s) => err.push(s), env: {}, contentDir: '.', storage: async () => t.store, clock: t.clock };
    const audit = coordinationCliCommands.find((c) => c.name === 'audit')!;
    expect(await audit.run([], ctx)).toBe(0);
    expect(out[0]).toContain('Wer');
    expect(out.slice(1).map((l) => l.split(' | ').slice(1, 4).join(' '))).toEqual([
      `${PARTICIPANT} coord.session.cancel refused`,
      `${COORDINATOR} announce.discard noop`,
      `${COORDINATOR} session.edit ok`,
      `${COORDINATOR} command.program ok`,
    ]);
    out.length = 0;
    expect(await audit.run(['--json', '--limit', '2'], ctx)).toBe(0);
    const entries = JSON.parse(out.join('\n')) as AuditEntry[];
    expect(entries.map((e) => e.action)).toEqual(['coord.session.cancel', 'announce.discard']);
    expect(await audit.run(['--limit', 'zwei'], ctx)).toBe(64);
    expect(err.join('\n')).toContain('usage: audit');
  });
});

describe('coordination: sessions kept in date order, moved sessions reminded again', () => {
  it('inserts a session before a later one and moves a session past another; the list stays in date order', async () => {
    const t = await setup();
    const inserted = cardOf(await t.act(VERBS.sessionSave, { version: 1, date: '2026-12-10', start: '10:00', end: '12:00', title: 'Zwischentermin' }));
    expect(text(inserted)).toContain('Gespeichert (Version 2)');
    expect(t.programs.active()!.sessions.map((s) => [s.id, s.date])).toEqual([
      ['auftakt', '2026-12-01'],
      ['zwischentermin', '2026-12-10'],
      ['governance', '2026-12-16'],
    ]);
    const moved = cardOf(await t.act(VERBS.sessionSave, { sessionId: 'auftakt', version: 2, ...validEdit, date: '2026-12-20' }));
    expect(text(moved)).toContain('Gespeichert (Version 3)');
    expect(t.programs.active()!.sessions.map((s) => s.id)).toEqual(['zwischentermin', 'governance', 'auftakt']);
    expect(t.programs.active()!.sessions.find((s) => s.id === 'auftakt')).toMatchObject({ date: '2026-12-20', weekday: 'Sonntag' });
    expect((await t.engine.jobs.get('ann|datenstrategie|zwischentermin|P1D'))?.dueAt).toBe('2026-12-09T09:00:00.000Z');
  });

  it('a session moved from 1 to 20 December after its P1D reminder went out gets a new P1D reminder, and it goes out', async () => {
    const t = await setup('2026-11-30T09:00:00.000Z');
    await t.scheduler.tick();
    await t.engine.idle();
    expect(t.connector.sent).toHaveLength(4);

    cardOf(await t.act(VERBS.sessionSave, { sessionId: 'auftakt', version: 1, ...validEdit, date: '2026-12-20' }));
    const again = await t.engine.jobs.get('ann|datenstrategie|auftakt|P1D|2026-12-20T10:00');
    expect(again).toMatchObject({ status: 'planned', dueAt: '2026-12-19T09:00:00.000Z' });
    // The reminder already out stays as it was; its cards are replaced by "verschoben".
    expect((await t.engine.jobs.get('ann|datenstrategie|auftakt|P1D'))?.status).toBe('done');

    t.clock.set('2026-12-19T09:00:10.000Z');
    t.connector.sent.length = 0;
    const tick = await t.scheduler.tick();
    await t.engine.idle();
    expect(tick.started).toContain('ann|datenstrategie|auftakt|P1D|2026-12-20T10:00');
    const reminders = t.connector.sent.filter((s) => JSON.stringify(s.message.card).includes('Auftaktveranstaltung'));
    expect(reminders.map((s) => s.conversationId).sort()).toEqual(['anna', 'ben', 'group-1', 'team-general']);
    expect(JSON.stringify(reminders.find((s) => s.conversationId === 'anna')!.message.card)).toContain('Sonntag, 20. Dezember 2026');
  });

  it('offers the times of the program\'s sessions in the new-session form, never a fixed default', async () => {
    const t = await setup();
    const program = structuredClone(t.programs.active()!);
    program.sessions = program.sessions.map((s) => ({ ...s, start: '14:00', end: '15:30' }));
    await t.programs.save(program, 'seed');
    const form = cardOf(await t.act(VERBS.sessionNew, { version: 2 }));
    expect(byId(form, 'start')?.value).toBe('14:00');
    expect(byId(form, 'end')?.value).toBe('15:30');
    program.sessions = [];
    await t.programs.save(program, 'seed');
    const empty = cardOf(await t.act(VERBS.sessionNew, { version: 3 }));
    expect(byId(empty, 'start')?.value).toBeUndefined();
    expect(byId(empty, 'end')?.value).toBeUndefined();
  });
});
