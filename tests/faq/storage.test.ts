// Repository, service and CLI against real Azurite.
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import fs from 'node:fs/promises';
import os from 'node:os';
import { TableStore } from '../../src/storage/tables.js';
import { ManualClock } from '../../src/shared/clock.js';
import { silentLogger } from '../../src/shared/log.js';
import type { CliContext } from '../../src/cli/types.js';
import { createFaqEngine, type FaqEngine, FaqRepository, FaqService, faqCliCommands, normalizeQuestion, parseFaqAction } from '../../src/faq/index.js';
import { useAzurite } from '../harness/azurite.js';

const root = path.resolve(import.meta.dirname, '../..');
const storage = useAzurite('t');
let store: TableStore;
const PROGRAM = { id: 'stadt-daten-strategie', title: 'Stadt, Daten, Strategie' };

/** The example program's engine as the only one (the running service builds one per program). */
const onlyEngine = (engine: FaqEngine) => ({ engine: async (id: string) => (id === PROGRAM.id ? engine : undefined) });

async function setup() {
  store = storage.store();
  const clock = new ManualClock('2025-09-01T08:00:00Z');
  const engine = await createFaqEngine({ contentDir: path.join(root, 'content'), clock });
  const repository = new FaqRepository(store);
  const service = new FaqService({ engines: onlyEngine(engine), repository, clock, logger: silentLogger });
  const ask = async (question: string, locale: 'de' | 'en', conversationId: string, userId?: string) => {
    const result = await service.askInConversation({ question, locale, programs: [PROGRAM], conversationId, ...(userId ? { userId } : {}) });
    expect(result.answers).toHaveLength(1);
    return { ...result.answers[0]!, message: result.message };
  };
  return { clock, engine, repository, service, ask };
}

function fakeContext(): CliContext & { output: string[]; errors: string[] } {
  const output: string[] = [];
  const errors: string[] = [];
  return {
    output,
    errors,
    out: (t) => output.push(t),
    err: (t) => errors.push(t),
    env: {},
    contentDir: path.join(root, 'content'),
    storage: async () => store,
    clock: new ManualClock('2025-09-01T08:00:00Z'),
  };
}

const command = (name: string) => faqCliCommands.find((c) => c.name === name)!;

describe('FAQ service and repository', () => {
  it('logs questions, records votes and lists gaps by normalised text', async () => {
    const { service, repository, clock, ask } = await setup();
    const a = await ask('Gibt es ein Zertifikat?', 'de', 'conv-1', 'u1');
    expect(a.answer.answered).toBe(false);
    expect(a.message.card?.actions?.map((x) => (x as { verb?: string }).verb)).toEqual(['faq.forward']);
    clock.advance(1000);
    await ask('gibt es ein Zertifikat', 'de', 'conv-2');
    const answered = await ask('Wann ist der Auftakt?', 'de', 'conv-3');
    expect(answered.answer.answered).toBe(true);
    await service.vote(answered.questionId, 'u3', true);
    await service.vote(answered.questionId, 'u3', false); // last vote wins
    await ask('Ist das online?', 'de', 'conv-4');

    const stored = await repository.getQuestion(a.questionId);
    expect(stored).toMatchObject({ question: 'Gibt es ein Zertifikat?', programId: PROGRAM.id, conversationId: 'conv-1', answered: false, locale: 'de' });
    expect(await repository.listVotes(answered.questionId)).toMatchObject([{ voterId: 'u3', helpful: false }]);

    const gaps = await repository.gaps();
    expect(gaps.map((g) => [g.normalized, g.count, g.unanswered, g.unhelpful])).toEqual([
      [normalizeQuestion('Gibt es ein Zertifikat?'), 2, 2, 0],
      ['wann ist der auftakt', 1, 0, 1],
    ]);
    await expect(service.vote('nope', 'u1', true)).rejects.toMatchObject({ code: 'faq.question_not_found' });
  });

  it('forwards a question, routes the answer back, and curates it for the engine', async () => {
    const { service, repository, engine, ask } = await setup();
    const asked = await ask('Werden die Termine aufgezeichnet?', 'en', 'asker-conv', 'u9');
    expect(asked.answer.answered).toBe(false);

    const forward = parseFaqAction('faq.forward', { questionId: asked.questionId });
    expect(forward.ok).toBe(true);
    const fwd = await service.handleAction(forward.ok ? forward.action : (undefined as never), { userId: 'u9', locale: 'en' });
    expect(fwd.verb).toBe('faq.forward');
    if (fwd.verb !== 'faq.forward') return;
    expect(fwd.result.created).toBe(true);
    expect(JSON.stringify(fwd.result.coordinatorMessage.card)).toContain('Werden die Termine aufgezeichnet?');
    expect((await service.forward(asked.questionId)).created).toBe(false);

    const answer = await service.answerEscalation(asked.questionId, 'Nein, die Termine werden nicht aufgezeichnet.', 'coord-1');
    expect(answer.askerConversationId).toBe('asker-conv');
    expect(JSON.stringify(answer.askerMessage.card)).toContain('nicht aufgezeichnet');
    expect((await repository.getEscalation(asked.questionId))?.status).toBe('answered');
    await expect(service.answerEscalation(asked.questionId, 'Nochmal', 'coord-2')).rejects.toMatchObject({ code: 'faq.escalation_already_answered' });

    const entry = await service.curate(asked.questionId, 'coord-1');
    expect(engine.ask('werden die treffen aufgezeichnet')).toMatchObject({ answered: true, answer: 'Nein, die Termine werden nicht aufgezeichnet.' });
    expect((await repository.listCurated(PROGRAM.id)).map((e) => e.id)).toEqual([entry.id]);
    expect(await repository.listCurated('another-program')).toEqual([]);
  });

  it('gives rows stored before programs existed to the only program, and keeps old question ids working', async () => {
    const { service, repository } = await setup();
    const questions = await store.table('FaqQuestions');
    await questions.createEntity({ partitionKey: 'question', rowKey: 'old-1', question: 'Gibt es Parkplätze?', locale: 'de', answered: false, confidence: 0.1, conversationId: 'c', askedAt: '2025-08-01T08:00:00.000Z' });
    await (await store.table('FaqCurated')).createEntity({ partitionKey: 'curated', rowKey: 'q-old', questions: JSON.stringify(['Gibt es Parkplätze?']), answer: 'Nein.', createdAt: '2025-08-02T08:00:00.000Z' });
    expect(await repository.getQuestion('old-1')).not.toHaveProperty('programId');
    expect(await repository.listCurated(PROGRAM.id)).toEqual([]);

    expect(await repository.assignUndecided(PROGRAM.id)).toBe(2);
    expect(await repository.assignUndecided(PROGRAM.id)).toBe(0);
    expect(await repository.getQuestion('old-1')).toMatchObject({ programId: PROGRAM.id, question: 'Gibt es Parkplätze?' });
    expect((await repository.listCurated(PROGRAM.id)).map((e) => [e.id, e.answer])).toEqual([['q-old', 'Nein.']]);
    expect((await repository.gaps(20, PROGRAM.id)).map((g) => g.example)).toEqual(['Gibt es Parkplätze?']);
    expect(await repository.gaps(20, 'another-program')).toEqual([]);
    // A button on a card posted before programs still finds its question.
    await service.vote('old-1', 'u1', true);
    expect(await repository.listVotes('old-1')).toMatchObject([{ voterId: 'u1', helpful: true }]);
  });

  it('refuses a question for a program that is not active', async () => {
    const { service } = await setup();
    await expect(service.ask('another-program', 'Wann ist der Auftakt?')).rejects.toMatchObject({ code: 'faq.unknown_program' });
    expect(await service.ask(PROGRAM.id, 'Wann ist der Auftakt?', { locale: 'de' })).toMatchObject({ answered: true, via: 'schedule' });
  });
});

describe('FAQ CLI', () => {
  it('ask --json prints exactly one JSON object with the contract fields', async () => {
    const ctx = fakeContext();
    const code = await command('ask').run(['--json', '--now', '2025-12-01T09:00:00+01:00', '--lang', 'de', 'Wann ist der nächste Termin?'], ctx);
    expect(code).toBe(0);
    expect(ctx.output).toHaveLength(1);
    const parsed = JSON.parse(ctx.output[0]!);
    expect(Object.keys(parsed).sort()).toEqual(['answer', 'answered', 'confidence', 'sources']);
    expect(parsed.answered).toBe(true);
    expect(parsed.answer).toContain('16.12.2025');
    expect(parsed.sources[0]).toEqual({ title: expect.any(String), excerpt: expect.any(String) });
  });

  it('ask declines out-of-scope questions and honours --content and --lang', async () => {
    const ctx = fakeContext();
    await command('ask').run(['--json', '--content', path.join(root, 'content'), '--lang', 'en', 'What is the capital of France?'], ctx);
    expect(JSON.parse(ctx.output[0]!)).toMatchObject({ answered: false, sources: [] });
    const text = fakeContext();
    await command('ask').run(['Ist', 'das', 'online?'], text);
    expect(text.output[0]).toContain('virtuell');
  });

  it('ask rejects bad arguments with exit code 2', async () => {
    for (const args of [[], ['--now', 'gestern', 'Frage'], ['--lang', 'fr', 'Frage'], ['--bogus', 'Frage'], ['--now']]) {
      const ctx = fakeContext();
      expect(await command('ask').run(args, ctx)).toBe(2);
      expect(ctx.errors.join('\n')).toContain('ask');
    }
  });

  it('faq gaps lists the logged gaps', async () => {
    const { ask } = await setup();
    await ask('Gibt es Parkplätze?', 'de', 'c');
    await ask('Gibt es Parkplaetze', 'de', 'c');
    const ctx = fakeContext();
    expect(await command('faq gaps').run(['--json'], ctx)).toBe(0);
    expect(JSON.parse(ctx.output[0]!)).toMatchObject([{ count: 2, unanswered: 2 }]);
    const text = fakeContext();
    await command('faq gaps').run([], text);
    expect(text.output[0]).toContain('Parkpl');
  });

  it('faq gaps names the material files it could not read', async () => {
    await setup();
    const contentDir = await fs.mkdtemp(path.join(os.tmpdir(), 'faq-gaps-'));
    try {
      await fs.cp(path.join(root, 'tests/faq/fixtures/documents'), path.join(contentDir, 'material'), { recursive: true });
      const json = { ...fakeContext(), contentDir };
      expect(await command('faq gaps').run(['--json'], json)).toBe(0);
      const entries = JSON.parse(json.output[0]!) as { kind: string; file?: string; code?: string }[];
      expect(entries.filter((e) => e.kind === 'material').map((e) => [e.file, e.code])).toEqual([
        ['geschuetzt.pdf', 'password-protected'],
        ['kaputt.docx', 'damaged'],
        ['kaputt.pdf', 'damaged'],
      ]);
      const text = { ...fakeContext(), contentDir };
      await command('faq gaps').run([], text);
      expect(text.output[0]).toContain('geschuetzt.pdf: passwortgeschützt');
    } finally {
      await fs.rm(contentDir, { recursive: true, force: true });
    }
  });
});
