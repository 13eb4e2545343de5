// The FAQ with several programs, over real Azurite: one engine per program folder, questions answered from
// the conversation's programs only (grouped by program in a personal chat following several), forwarded
// questions and curated answers staying with their program, programs appearing and disappearing at runtime.
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/shared/clock.js';
import { silentLogger } from '../../src/shared/log.js';
import { ProgramCatalog } from '../../src/program/index.js';
import { ConversationRegistry, ConversationRepository, ConversationRoles, FollowerIndex, type ConversationSighting, type StoredConversation } from '../../src/registry/index.js';
import { coordinatorPolicy, ProgramScope, type TurnInput } from '../../src/conversation/index.js';
import type { OutgoingMessage } from '../../src/cards/adaptive.js';
import { FaqRepository, FaqService, ProgramFaqEngines } from '../../src/faq/index.js';
import { createFaqConversation } from '../../src/faq/conversation.js';
import { useAzurite } from '../harness/azurite.js';
import { sighting } from '../harness/sightings.js';
import { addProgram, KLIMA, programYaml, twoPrograms } from './fixtures/programs.js';

const storage = useAzurite('faqprog');
const COORDINATOR = 'aad-coordinator';

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await fs.rm(dir, { recursive: true, force: true });
});


async function setup() {
  const clock = new ManualClock('2027-02-01T09:00:00Z');
  const store = storage.store();
  const contentDir = await twoPrograms();
  dirs.push(contentDir);
  const catalog = new ProgramCatalog({ store, clock, logger: silentLogger, contentDir });
  await catalog.load();
  const registry = new ConversationRegistry({ repository: new ConversationRepository(store), followers: new FollowerIndex(store), clock, logger: silentLogger, defaultProgram: () => undefined });
  const repository = new FaqRepository(store);
  const engines = new ProgramFaqEngines({ catalog, curated: (id) => repository.listCurated(id), clock, logger: silentLogger, watch: false });
  await engines.start();
  const faq = new FaqService({ engines, repository, clock, logger: silentLogger, programTitle: (id) => catalog.get(id)?.program.title });
  const sent: Array<{ to: StoredConversation; message: OutgoingMessage }> = [];
  const sender = {
    send: async (to: StoredConversation, message: OutgoingMessage) => {
      sent.push({ to, message });
      return { activityId: `a-${sent.length}` };
    },
    update: async () => undefined,
  };
  const conversation = createFaqConversation({
    faq,
    scope: new ProgramScope(catalog, registry),
    registry,
    roles: new ConversationRoles(store, registry),
    sender,
    coordinators: coordinatorPolicy([COORDINATOR], false),
    clock,
    logger: silentLogger,
  });
  const chats = {
    klimaOnly: sighting('p-klima', 'personal'),
    both: sighting('p-both', 'personal'),
    none: sighting('p-none', 'personal'),
    datenTeam: sighting('t-daten', 'channel', { teamId: 'team-daten', channelId: 't-daten' }),
    orga: sighting('t-orga', 'channel', { teamId: 'team-orga', channelId: 't-orga' }),
  };
  for (const chat of Object.values(chats)) await registry.install(chat);
  await registry.follow(chats.klimaOnly, 'klima');
  await registry.follow(chats.both, 'klima');
  await registry.follow(chats.both, 'daten');
  await registry.link(chats.datenTeam, 'daten');
  const turn = (chat: ConversationSighting, text: string, aad = chat.userAadObjectId ?? 'aad-member'): TurnInput => ({ conversation: chat, user: { id: `29:${aad}`, aadObjectId: aad }, locale: 'de', text });
  /** The message's whole content as one string: card texts, button titles and data. */
  const ask = async (chat: ConversationSighting, text: string) => {
    clock.advance(1000); // question ids are time-ordered: one second apart, they list in the order asked
    const [message] = await conversation.questions(turn(chat, text));
    return { message: message!, json: JSON.stringify(message) };
  };
  return { clock, store, contentDir, catalog, registry, repository, engines, faq, conversation, chats, sent, turn, ask };
}

/** The question ids behind a card's buttons of one verb, in card order. */
function questionIds(message: OutgoingMessage, verb: string): string[] {
  const ids: string[] = [];
  JSON.stringify(message.card, (key, value: unknown) => {
    if (value && typeof value === 'object' && (value as { type?: string }).type === 'Action.Execute' && (value as { verb?: string }).verb === verb) {
      ids.push(String((value as { data: { questionId: string } }).data.questionId));
    }
    return value;
  });
  return ids;
}

describe('FAQ with several programs', () => {
  it('answers a personal chat from the program it follows only', async () => {
    const { ask, chats, repository } = await setup();
    const schwamm = await ask(chats.klimaOnly, 'Was ist eine Schwammstadt?');
    expect(schwamm.json).toContain('Regenwasser');
    expect(schwamm.json).toContain('klima.md');
    // The other program's material answers this, but the chat does not follow it.
    const plattform = await ask(chats.klimaOnly, 'Was bündelt die Datenplattform?');
    expect(plattform.json).not.toContain('Sensordaten');
    expect(plattform.json).toContain('Keine Antwort in den Unterlagen');
    const cost = await ask(chats.klimaOnly, 'Kostet die Teilnahme etwas?');
    expect(cost.json).toContain('kostenlos');
    expect(cost.json).not.toContain('50 Euro');
    const logged = await repository.listQuestions();
    expect(logged.map((q) => [q.programId, q.answered])).toEqual([
      ['klima', true],
      ['klima', false],
      ['klima', true],
    ]);
  });

  it('groups the answers of every followed program that has one, labelled by program, each with its own sources and buttons', async () => {
    const { ask, chats, repository } = await setup();
    const cost = await ask(chats.both, 'Kostet die Teilnahme etwas?');
    expect(cost.json).toContain('Klimaanpassung vor Ort');
    expect(cost.json).toContain('Daten teilen');
    expect(cost.json).toContain('kostenlos');
    expect(cost.json).toContain('50 Euro');
    expect(cost.json.indexOf('Klimaanpassung vor Ort')).toBeLessThan(cost.json.indexOf('Daten teilen'));
    const helpful = questionIds(cost.message, 'faq.helpful');
    expect(helpful).toHaveLength(2);
    expect(await Promise.all(helpful.map(async (id) => (await repository.getQuestion(id))?.programId))).toEqual(['klima', 'daten']);

    // Only the programs that have an answer are shown, and only they log the question.
    const schwamm = await ask(chats.both, 'Was ist eine Schwammstadt?');
    expect(schwamm.json).toContain('Klimaanpassung vor Ort');
    expect(schwamm.json).not.toContain('Daten teilen');
    expect((await repository.listQuestions('daten')).map((q) => q.question)).toEqual(['Kostet die Teilnahme etwas?']);
  });

  it('declines once, naming the programs it looked in, and offers to forward to each', async () => {
    const { ask, chats, repository } = await setup();
    const parking = await ask(chats.both, 'Gibt es Parkplätze am Rathaus?');
    expect(parking.json).toContain('Dazu habe ich in den Unterlagen von „Klimaanpassung vor Ort“ und „Daten teilen“ nichts gefunden.');
    const forward = questionIds(parking.message, 'faq.forward');
    expect(forward).toHaveLength(2);
    expect(questionIds(parking.message, 'faq.helpful')).toEqual([]);
    expect(await Promise.all(forward.map(async (id) => (await repository.getQuestion(id))?.programId))).toEqual(['klima', 'daten']);
    expect((await repository.gaps(20, 'klima')).map((g) => g.example)).toEqual(['Gibt es Parkplätze am Rathaus?']);
  });

  it('keeps a team linked to one program inside that program', async () => {
    const { ask, chats } = await setup();
    const schwamm = await ask(chats.datenTeam, 'Was ist eine Schwammstadt?');
    expect(schwamm.json).not.toContain('Regenwasser');
    expect(schwamm.json).not.toContain('Klimaanpassung');
    const cost = await ask(chats.datenTeam, 'Kostet die Teilnahme etwas?');
    expect(cost.json).toContain('50 Euro');
    expect(cost.json).not.toContain('kostenlos');
    // One program: the answer card as with a single program, not labelled.
    expect(cost.json).not.toContain('Daten teilen');
  });

  it('points a chat without programs to anmelden, and an unlinked team to verknüpfen', async () => {
    const { ask, chats, repository, turn, conversation } = await setup();
    const none = await ask(chats.none, 'Kostet die Teilnahme etwas?');
    expect(none.message.text).toContain('anmelden <Programm>');
    expect(none.message.text).toContain('„Klimaanpassung vor Ort“ oder „Daten teilen“');
    const [english] = await conversation.questions({ ...turn(chats.none, 'Is it free?'), locale: 'en' });
    expect(english!.text).toContain('subscribe <program>');
    const unlinked = await ask(chats.orga, 'Kostet die Teilnahme etwas?');
    expect(unlinked.message.text).toContain('verknüpfen <Programm>');
    expect(await repository.listQuestions()).toEqual([]);
  });

  it("forwards a question with its program and adds the coordinators' answer to that program's engine only", async () => {
    const { ask, chats, conversation, turn, sent, faq } = await setup();
    await conversation.commands.escalateHere(turn(chats.orga, 'hier eskalieren', COORDINATOR), '');
    const parking = await ask(chats.both, 'Gibt es Parkplätze am Rathaus?');
    const [klimaQuestion] = questionIds(parking.message, 'faq.forward');
    await conversation.actions['faq.forward']!(turn(chats.both, ''), { questionId: klimaQuestion });
    expect(sent).toHaveLength(1);
    expect(sent[0]!.to.conversationId).toBe('t-orga');
    expect(JSON.stringify(sent[0]!.message.card)).toContain('Programm: Klimaanpassung vor Ort');

    await conversation.actions['faq.answer']!(turn(chats.orga, '', COORDINATOR), { questionId: klimaQuestion, answer: 'Ja, hinter dem Rathaus gibt es Parkplätze.' });
    expect(sent[1]!.to.conversationId).toBe('p-both');
    const curated = await conversation.actions['faq.curate']!(turn(chats.orga, '', COORDINATOR), { questionId: klimaQuestion });
    expect(curated).toMatchObject({ kind: 'message' });

    expect(await faq.ask('klima', 'Gibt es Parkplätze am Rathaus?')).toMatchObject({ answered: true, via: 'curated' });
    expect(await faq.ask('daten', 'Gibt es Parkplätze am Rathaus?')).toMatchObject({ answered: false });
    const again = await ask(chats.both, 'Gibt es Parkplätze am Rathaus?');
    expect(again.json).toContain('hinter dem Rathaus');
    expect(again.json).toContain('Klimaanpassung vor Ort');
    expect(again.json).not.toContain('Daten teilen');
    const team = await ask(chats.datenTeam, 'Gibt es Parkplätze am Rathaus?');
    expect(team.json).not.toContain('hinter dem Rathaus');
  });

  it("lets a program's own coordinators answer that program's forwarded questions, and no other program's", async () => {
    const { ask, chats, conversation, turn, catalog, contentDir } = await setup();
    const file = path.join(contentDir, 'programs', KLIMA.folder, 'program.yaml');
    await fs.writeFile(file, (await fs.readFile(file, 'utf8')).replace('  timezone: Europe/Berlin', '  timezone: Europe/Berlin\n  coordinators: [aad-klima-orga]'));
    await catalog.refresh();
    expect(catalog.get('klima')?.program.coordinators).toEqual(['aad-klima-orga']);
    await conversation.commands.escalateHere(turn(chats.orga, 'hier eskalieren', COORDINATOR), '');
    const [klimaQuestion, datenQuestion] = questionIds((await ask(chats.both, 'Gibt es Parkplätze am Rathaus?')).message, 'faq.forward');
    for (const id of [klimaQuestion, datenQuestion]) await conversation.actions['faq.forward']!(turn(chats.both, ''), { questionId: id });
    const answer = (questionId: string | undefined) => conversation.actions['faq.answer']!(turn(chats.orga, '', 'aad-klima-orga'), { questionId, answer: 'Ja, hinter dem Rathaus.' });
    expect(await answer(datenQuestion)).toMatchObject({ kind: 'error', status: 403 });
    expect(await answer(klimaQuestion)).not.toMatchObject({ kind: 'error' });
  });

  it('builds an engine for a program added while running, with its stored curated entries, and drops a removed one', async () => {
    const { contentDir, catalog, engines, faq, repository, registry, chats, ask } = await setup();
    await repository.saveCurated('wasser', { id: 'q-1', questions: ['Wer liefert das Trinkwasser?'], answer: 'Die Stadtwerke liefern das Trinkwasser.', createdAt: '2027-01-01T00:00:00.000Z' });
    await addProgram(contentDir, 'c-wasser', 'wasser', 'Wasser im Quartier', '# Zisternen\nEine Zisterne sammelt Regenwasser vom Dach für die Gartenbewässerung.\n');
    await expect(faq.ask('wasser', 'Was sammelt eine Zisterne?')).rejects.toMatchObject({ code: 'faq.unknown_program' });
    await catalog.refresh();
    expect(await faq.ask('wasser', 'Was sammelt eine Zisterne?')).toMatchObject({ answered: true });
    expect(await faq.ask('wasser', 'Wer liefert das Trinkwasser?')).toMatchObject({ answered: true, via: 'curated' });
    await registry.follow(chats.klimaOnly, 'wasser');
    expect((await ask(chats.klimaOnly, 'Was sammelt eine Zisterne?')).json).toContain('Wasser im Quartier');

    await fs.rm(path.join(contentDir, 'programs', 'c-wasser'), { recursive: true });
    await catalog.refresh();
    expect(await engines.engine('wasser')).toBeUndefined();
    await expect(faq.ask('wasser', 'Was sammelt eine Zisterne?')).rejects.toMatchObject({ code: 'faq.unknown_program' });
    expect((await ask(chats.klimaOnly, 'Was sammelt eine Zisterne?')).json).not.toContain('Gartenbewässerung');
    await engines.stop();
  });

  it('follows a program whose folder is renamed to its new folder', async () => {
    const { contentDir, catalog, engines, faq } = await setup();
    const before = await engines.engine('klima');
    await fs.rename(path.join(contentDir, 'programs', 'a-klima'), path.join(contentDir, 'programs', 'c-klima'));
    await fs.appendFile(path.join(contentDir, 'programs', 'c-klima', 'material', 'klima.md'), '\n# Gründächer\nEin Gründach kühlt das Gebäude im Sommer.\n');
    await catalog.refresh();
    await engines.idle();
    const after = await engines.engine('klima');
    expect(after).not.toBe(before);
    expect(after!.knowledgeBase.contentDir).toBe(path.join(contentDir, 'programs', 'c-klima'));
    expect(await faq.ask('klima', 'Was kühlt ein Gründach?')).toMatchObject({ answered: true });
  });

  it('keeps answering for the other programs when one folder cannot be indexed', async () => {
    const { contentDir, catalog, repository } = await setup();
    await fs.writeFile(path.join(contentDir, 'programs', 'a-klima', 'faq.yaml'), 'synonyms: [[nur ein Wort]]\n');
    const clock = new ManualClock('2027-02-01T09:00:00Z');
    const engines = new ProgramFaqEngines({ catalog, curated: (id) => repository.listCurated(id), clock, logger: silentLogger, watch: false });
    await engines.start();
    const faq = new FaqService({ engines, repository, clock, logger: silentLogger });
    expect(await faq.ask('daten', 'Was bündelt die Datenplattform?')).toMatchObject({ answered: true });
    await expect(faq.ask('klima', 'Was ist eine Schwammstadt?')).rejects.toMatchObject({ code: 'faq.curated_invalid' });
    const both = [
      { id: 'klima', title: 'Klimaanpassung vor Ort' },
      { id: 'daten', title: 'Daten teilen' },
    ];
    const grouped = await faq.askInConversation({ question: 'Kostet die Teilnahme etwas?', locale: 'de', programs: both, conversationId: 'c' });
    expect(grouped.answers.map((a) => [a.program.id, a.answer.answered])).toEqual([['daten', true]]);
    await expect(faq.askInConversation({ question: 'Kostet die Teilnahme etwas?', locale: 'de', programs: both.slice(0, 1), conversationId: 'c' })).rejects.toMatchObject({ code: 'faq.curated_invalid' });
    await engines.stop();
  });

  it('rebuilds a program engine when the program changes, without touching the others', async () => {
    const { contentDir, catalog, engines, faq } = await setup();
    expect(await faq.ask('daten', 'Wann ist der Auftakt?')).toMatchObject({ answered: true, answer: expect.stringContaining('02.03.2027') });
    await fs.writeFile(path.join(contentDir, 'programs', 'a-klima', 'program.yaml'), programYaml('klima', 'Klimaanpassung vor Ort', '2027-03-09'));
    await catalog.refresh();
    await engines.idle();
    expect((await faq.ask('klima', 'Wann ist der Auftakt?')).answer).toContain('09.03.2027');
    expect((await faq.ask('daten', 'Wann ist der Auftakt?')).answer).toContain('02.03.2027');
  });
});
