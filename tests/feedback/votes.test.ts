// Votes against real Azurite: storage without names, one row per person, every rejection storing nothing,
// concurrency, delete-my-data and the retention purge.
import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { AdaptiveCard } from '../../src/cards/adaptive.js';
import { FeedbackService, PollLifecycle, type ActionOutcome } from '../../src/feedback/index.js';
import { ManualClock } from '../../src/shared/clock.js';
import { freePort } from '../../src/storage/azurite.js';
import { azuriteConnectionString, listAll, TableStore } from '../../src/storage/tables.js';
import { aadId, testProgram } from './fixtures.js';
import { useAzurite } from '../harness/azurite.js';

const storage = useAzurite('vote');

// data-governance ends 16.12.2025 12:00 in Berlin = 11:00Z.
const AFTER_END = '2025-12-16T11:05:00Z';
// closeAfter P7D: the poll opened at AFTER_END is closed from here on.
const AFTER_CLOSE = '2025-12-23T11:05:01Z';
const FEEDBACK_KEY = crypto.randomBytes(32);

async function setup(options: { minResponses?: number } = {}) {
  const store = storage.store();
  const program = testProgram(options);
  const clock = new ManualClock(AFTER_END);
  const service = new FeedbackService({ store, program, clock, feedbackKey: FEEDBACK_KEY });
  const polls = new PollLifecycle({ store, program, clock });
  await polls.openPoll('data-governance', 'timer');
  return { store, program, clock, service, polls };
}

async function rows(store: TableStore, table = 'feedbackResponses') {
  return listAll<Record<string, unknown>>(await store.table(table));
}

function texts(card: AdaptiveCard): string {
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === 'string') out.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(card);
  return out.join('\n');
}

function vote(service: FeedbackService, person: number, data: Record<string, unknown>, locale: 'de' | 'en' = 'de'): Promise<ActionOutcome> {
  return service.submitVote({
    responderAadId: aadId(person),
    responderUserId: `29:user-${person}`,
    locale,
    data: { sessionId: 'data-governance', ...data },
  });
}

describe('submitVote', () => {
  it('stores the answer without names under a pseudonymous key and answers with the thank-you card', async () => {
    const { store, service } = await setup();
    const outcome = await vote(service, 1, { rating: '4', good: 'Gute Beispiele', better: 'Mehr Zeit' });
    expect('error' in outcome).toBe(false);
    const shown = texts(outcome.card);
    expect(shown).toContain('Danke für Ihr Feedback!');
    expect(shown).toContain('Gute Beispiele');
    expect(shown).toContain('Ändern');
    expect(shown).toContain('1 Antwort · Der Durchschnitt erscheint nach dem Ende der Umfrage, wenn mindestens 3 geantwortet haben.');
    expect(outcome.card.refresh?.userIds).toEqual(['29:user-1']);

    const stored = await rows(store);
    expect(stored).toHaveLength(1);
    const row = stored[0]!;
    expect(row.partitionKey).toBe('stadt-daten-strategie.data-governance');
    expect(row.rowKey).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(aadId(1));
    expect(JSON.stringify(row)).not.toContain('29:user-1');
    expect(Object.keys(row).filter((k) => !['partitionKey', 'rowKey', 'etag', 'timestamp'].includes(k)).sort()).toEqual([
      'better',
      'good',
      'rating',
      'submittedAt',
    ]);
    expect(row.rating).toBe(4);
  });

  it('keeps one response per person: a second submit replaces the first, cleared comments included', async () => {
    const { store, service } = await setup();
    await vote(service, 1, { rating: 2, good: 'Erst so', better: 'und so' });
    const second = await vote(service, 1, { rating: 5, good: 'Doch besser', better: '' });
    expect('error' in second).toBe(false);
    const stored = await rows(store);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ rating: 5, good: 'Doch besser' });
    expect(stored[0]!.better).toBeUndefined();
  });

  it('takes the responder from the caller, never from an id in the card data', async () => {
    const { store, service } = await setup();
    await vote(service, 1, { rating: 3, aadObjectId: aadId(2), responderAadId: aadId(2), userId: '29:user-2' });
    await vote(service, 2, { rating: 4 });
    expect(await rows(store)).toHaveLength(2);
    const report = await service.deleteResponsesOf(aadId(1));
    expect(report.total).toBe(1);
    const left = await rows(store);
    expect(left.map((r) => r.rating)).toEqual([4]);
  });

  it.each([
    ['rating 0', { rating: 0 }, 'ratingInvalid'],
    ['rating 6', { rating: '6' }, 'ratingInvalid'],
    ['rating 3.5', { rating: 3.5 }, 'ratingInvalid'],
    ['no rating', { good: 'nur Text' }, 'ratingInvalid'],
    ['a comment over 1,000 characters', { rating: 4, good: 'x'.repeat(1001) }, 'textTooLong'],
    ['an unknown session', { rating: 4, sessionId: 'sommerfest' }, 'unknownSession'],
    ['a session whose poll is not open', { rating: 4, sessionId: 'abschluss' }, 'pollNotOpen'],
    ['a malformed payload', { rating: { nested: true } }, 'malformed'],
  ])('rejects %s in the user language and stores nothing', async (_name, data, code) => {
    const { store, service } = await setup();
    const de = await vote(service, 1, data);
    const en = await vote(service, 1, data, 'en');
    expect('error' in de && de.error.code).toBe(code);
    expect('error' in en && en.error.code).toBe(code);
    if (!('error' in de) || !('error' in en)) throw new Error('expected rejections');
    expect(texts(de.card)).toContain('Das hat nicht geklappt');
    expect(texts(en.card)).toContain('That did not work');
    expect(de.error.text).not.toBe(en.error.text);
    expect(await rows(store)).toHaveLength(0);
  });

  it('rejects data that is not an object, a missing responder, and a closed poll', async () => {
    const { store, service, clock } = await setup();
    for (const data of ['rating=5', 42, null, [1]]) {
      const outcome = await service.submitVote({ responderAadId: aadId(1), locale: 'de', data });
      expect('error' in outcome && outcome.error.code).toBe('malformed');
    }
    const anonymous = await service.submitVote({ responderAadId: ' ', locale: 'de', data: { sessionId: 'data-governance', rating: 4 } });
    expect('error' in anonymous && anonymous.error.code).toBe('malformed');
    // One second past closeAfter, the poll is closed even before closeDuePolls ran.
    clock.set(AFTER_CLOSE);
    const late = await vote(service, 1, { rating: 5 });
    expect('error' in late && late.error.code).toBe('pollClosed');
    expect(await rows(store)).toHaveLength(0);
  });

  it('shows only the count while the poll runs, the average once it closed, and refreshes for the voter alone', async () => {
    const { service, clock } = await setup();
    await vote(service, 1, { rating: 3 });
    await vote(service, 2, { rating: 4 });
    const third = await vote(service, 3, { rating: 4 });
    expect(texts(third.card)).toContain('3 Antworten · Der Durchschnitt erscheint nach dem Ende der Umfrage');
    expect(texts(third.card)).not.toMatch(/Durchschnitt \d/);
    expect(third.card.refresh?.userIds).toEqual(['29:user-3']);
    const fourth = await vote(service, 4, { rating: 1 });
    expect(texts(fourth.card)).not.toMatch(/Durchschnitt \d/);

    clock.set(AFTER_CLOSE);
    const closed = await service.handleAction({ verb: 'feedback.refresh', data: { sessionId: 'data-governance' }, responderAadId: aadId(3), responderUserId: '29:user-3', locale: 'de' });
    expect(texts(closed.card)).toContain('4 Antworten · Durchschnitt 3,0 von 5');
    expect(closed.card.refresh?.userIds).toEqual(['29:user-3']);
  });

  it('a forged action carrying another person\'s responder key or ids changes and shows nothing of theirs', async () => {
    const { store, service } = await setup();
    await vote(service, 1, { rating: 2, good: 'Meine eigene Meinung' });
    const victim = service.repository.responderKey(aadId(1));
    const forged = { responderKey: victim, rowKey: victim, responderAadId: aadId(1), aadObjectId: aadId(1), userId: '29:user-1', voterUserIds: ['29:user-1'] };
    await vote(service, 2, { rating: 5, good: 'Überschrieben?', ...forged });
    const edit = await service.handleAction({ verb: 'feedback.edit', data: { sessionId: 'data-governance', ...forged }, responderAadId: aadId(2), locale: 'de' });
    const refresh = await service.handleAction({ verb: 'feedback.refresh', data: { sessionId: 'data-governance', ...forged }, responderAadId: aadId(2), responderUserId: '29:user-2', locale: 'de' });
    for (const outcome of [edit, refresh]) expect(JSON.stringify(outcome.card)).not.toContain('Meine eigene Meinung');
    expect(refresh.card.refresh?.userIds).toEqual(['29:user-2']);
    const stored = await rows(store);
    expect(stored.find((r) => r.rowKey === victim)).toMatchObject({ rating: 2, good: 'Meine eigene Meinung' });
    expect(stored).toHaveLength(2);
    expect(JSON.stringify(stored)).not.toMatch(/29:user-|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-/);
  });
});

describe('edit and refresh', () => {
  it('"Ändern" shows the poll pre-filled; refresh shows the voter their answer and others the poll', async () => {
    const { service, clock } = await setup();
    await vote(service, 1, { rating: 2, good: 'Vorher' });
    const edit = await service.handleAction({ verb: 'feedback.edit', data: { sessionId: 'data-governance' }, responderAadId: aadId(1), locale: 'de' });
    expect(JSON.stringify(edit.card)).toContain('"value":2');
    expect(JSON.stringify(edit.card)).toContain('"value":"Vorher"');

    // Action.Submit fallback: the verb arrives inside the data.
    const viaSubmit = await service.handleAction({
      data: { verb: 'feedback.submit', sessionId: 'data-governance', rating: '5', good: 'Nachher' },
      responderAadId: aadId(1),
      locale: 'de',
    });
    expect(texts(viaSubmit.card)).toContain('Nachher');

    const mine = await service.handleAction({ verb: 'feedback.refresh', data: { sessionId: 'data-governance' }, responderAadId: aadId(1), locale: 'en' });
    expect(texts(mine.card)).toContain('Thank you for your feedback!');
    const other = await service.handleAction({ verb: 'feedback.refresh', data: { sessionId: 'data-governance' }, responderAadId: aadId(9), locale: 'de' });
    expect(texts(other.card)).toContain('Wie hilfreich war der Termin?');

    clock.set('2025-12-24T00:00:00Z');
    const closedMine = await service.handleAction({ verb: 'feedback.refresh', data: { sessionId: 'data-governance' }, responderAadId: aadId(1), locale: 'de' });
    expect(texts(closedMine.card)).toContain('Die Umfrage ist geschlossen.');
    expect(texts(closedMine.card)).not.toContain('Ändern');
    const closedEdit = await service.handleAction({ verb: 'feedback.edit', data: { sessionId: 'data-governance' }, responderAadId: aadId(1), locale: 'de' });
    expect('error' in closedEdit && closedEdit.error.code).toBe('pollClosed');
  });

  it('answers an unknown verb with a typed error', async () => {
    const { service } = await setup();
    const outcome = await service.handleAction({ verb: 'feedback.hack', data: { sessionId: 'data-governance' }, responderAadId: aadId(1), locale: 'de' });
    expect('error' in outcome && outcome.error.code).toBe('malformed');
  });
});

describe('concurrency', () => {
  it('stores 500 concurrent votes of 500 people, and 50 concurrent edits of one person as one row', async () => {
    const { store, service } = await setup();
    const outcomes = await Promise.all(Array.from({ length: 500 }, (_, i) => vote(service, i + 1, { rating: (i % 5) + 1, good: `Kommentar ${i}` })));
    expect(outcomes.filter((o) => 'error' in o)).toEqual([]);
    const stored = await rows(store);
    expect(stored).toHaveLength(500);
    expect(new Set(stored.map((r) => r.rowKey)).size).toBe(500);

    const edits = await Promise.all(Array.from({ length: 50 }, (_, i) => vote(service, 1000, { rating: (i % 5) + 1, good: `Fassung ${i}` })));
    expect(edits.filter((o) => 'error' in o)).toEqual([]);
    const after = await rows(store);
    expect(after).toHaveLength(501);
    const results = await service.sessionResults('data-governance');
    expect(results?.count).toBe(501);
    expect(results?.distribution?.reduce((a, b) => a + b, 0)).toBe(501);
  });

  it('two service instances with one FEEDBACK_KEY derive the same responder key; another key, another one', async () => {
    const { store, program, clock } = await setup();
    const a = new FeedbackService({ store, program, clock, feedbackKey: FEEDBACK_KEY });
    const b = new FeedbackService({ store, program, clock, feedbackKey: Buffer.from(FEEDBACK_KEY) });
    const other = new FeedbackService({ store, program, clock, feedbackKey: crypto.randomBytes(32) });
    expect(a.repository.responderKey(aadId(7))).toBe(b.repository.responderKey(aadId(7).toUpperCase()));
    expect(other.repository.responderKey(aadId(7))).not.toBe(a.repository.responderKey(aadId(7)));
    // Nothing of the key lands in table storage.
    expect(await rows(store, 'settings')).toHaveLength(0);
  });
});

describe('privacy', () => {
  it('"meine daten löschen" removes that person\'s responses in every session and says so', async () => {
    const { store, service, polls, clock } = await setup();
    await vote(service, 1, { rating: 4 });
    await vote(service, 2, { rating: 5 });
    clock.set('2026-01-20T11:30:00Z');
    await polls.openPoll('abschluss', 'meetingEnd');
    await service.submitVote({ responderAadId: aadId(1), responderUserId: '29:user-1', locale: 'de', data: { sessionId: 'abschluss', rating: 3 } });

    const report = await service.deleteResponsesOf(aadId(1));
    expect(report.total).toBe(2);
    expect(report.sessions.map((s) => [s.sessionId, s.removed]).sort()).toEqual([
      ['abschluss', 1],
      ['data-governance', 1],
    ]);
    expect(service.deletionText(report, 'de')).toMatch(/^2 Feedback-Antworten gelöscht \((Data Governance Wegweiser, Abschlusstreffen|Abschlusstreffen, Data Governance Wegweiser)\)\.$/);
    const left = await rows(store);
    expect(left).toHaveLength(1);
    expect(left[0]!.rating).toBe(5);

    const again = await service.deleteResponsesOf(aadId(1));
    expect(again.total).toBe(0);
    expect(service.deletionText(again, 'en')).toBe('No feedback responses of yours were stored.');
  });

  it('purges responses older than the retention period and keeps newer ones', async () => {
    const { store, service, polls, clock } = await setup();
    await vote(service, 1, { rating: 4 });
    await vote(service, 2, { rating: 2 });
    clock.set('2026-01-20T11:30:00Z');
    await polls.openPoll('abschluss', 'timer');
    await service.submitVote({ responderAadId: aadId(3), locale: 'de', data: { sessionId: 'abschluss', rating: 5 } });

    const now = new Date('2026-12-20T00:00:00Z'); // 369 days after the first votes, 334 after the last
    expect((await service.purgeOlderThan(400, now)).removed).toBe(0);
    const purged = await service.purgeOlderThan(365, now);
    expect(purged.removed).toBe(2);
    expect(purged.cutoff.toISOString()).toBe('2025-12-20T00:00:00.000Z');
    const left = await rows(store);
    expect(left.map((r) => r.partitionKey)).toEqual(['stadt-daten-strategie.abschluss']);
  });
});

describe('results command', () => {
  it('resolves the session by title words or date and shows its results; unknown gives the list', async () => {
    const { service, clock } = await setup();
    for (const [i, rating] of [4, 3, 4, 4].entries()) await vote(service, i + 1, { rating, good: `Kommentar ${i}` });
    const whileOpen = texts((await service.resultsCommand('Data Governance', 'de')).card!);
    expect(whileOpen).toContain('4 Antworten');
    expect(whileOpen).toContain('Die Umfrage läuft noch.');
    expect(whileOpen).not.toMatch(/Durchschnittliche Bewertung|Kommentar \d/);
    clock.set(AFTER_CLOSE);
    const byTitle = await service.resultsCommand('Data Governance', 'de');
    expect(texts(byTitle.card!)).toContain('4 Antworten');
    expect(texts(byTitle.card!)).toContain('Durchschnittliche Bewertung: 3,8 von 5');
    const byDate = await service.resultsCommand('16.12.', 'en');
    expect(texts(byDate.card!)).toContain('Average rating: 3.8 out of 5');

    const unknown = await service.resultsCommand('Sommerfest', 'de');
    expect(unknown.card).toBeUndefined();
    expect(unknown.text).toContain('Keinen Termin zu „Sommerfest“ gefunden');
    expect(unknown.text).toContain('- 26.08.2025 Auftaktveranstaltung (auftakt)');
    expect(unknown.text).toContain('- 20.01.2026 Abschlusstreffen (abschluss)');
  });

  it('retrospective command shows the series', async () => {
    const { service, clock } = await setup();
    for (const [i, rating] of [5, 4, 5].entries()) await vote(service, i + 1, { rating, good: 'Praxisbeispiele' });
    // While the poll runs, the series does not show the session's ratings or comments.
    expect(texts((await service.retrospectiveCommand('de', 10)).card!)).not.toContain('Praxisbeispiele');
    clock.set(AFTER_CLOSE);
    const message = await service.retrospectiveCommand('de', 10);
    const shown = texts(message.card!);
    expect(shown).toContain('Am besten bewertet: Data Governance Wegweiser (16.12.), Ø 4,7');
    expect(shown).toContain('Rücklauf 30 %');
    expect(shown).toContain('Praxisbeispiele (3×)');
    // On 23.12.2025 the January session lies ahead: it is not listed as a session without responses.
    expect(shown).toContain('Auftaktveranstaltung');
    expect(shown).not.toContain('Abschlusstreffen');
  });
});

describe('storage failure', () => {
  it('answers with a retryable error card instead of throwing when storage is unreachable', async () => {
    const store = new TableStore({ kind: 'connectionString', connectionString: azuriteConnectionString(await freePort()) }, 'down');
    const service = new FeedbackService({ store, program: testProgram(), clock: new ManualClock(AFTER_END) });
    const outcome = await vote(service, 1, { rating: 4 });
    expect('error' in outcome && outcome.error.code).toBe('storage');
    expect(texts(outcome.card)).toContain('Erneut versuchen');
  });
});

describe('reading a session partially', () => {
  it('lists only the rows stored from a storage timestamp on, and reports the newest timestamp', async () => {
    const { store, service } = await setup();
    const repo = service.repository;
    await repo.putResponse('p', 's', 'early', { rating: 2 }, new Date(AFTER_END));
    const all = await repo.listResponsesByResponder('p', 's');
    expect([...all.responses.keys()]).toEqual(['early']);
    expect(all.newest).toBeInstanceOf(Date);
    await new Promise((r) => setTimeout(r, 50));
    const cut = new Date(all.newest!.getTime() + 1);
    await repo.putResponse('p', 's', 'late', { rating: 4, good: 'gut' }, new Date(AFTER_END));
    const since = await repo.listResponsesByResponder('p', 's', cut);
    expect([...since.responses.keys()]).toEqual(['late']);
    expect(since.responses.get('late')).toMatchObject({ rating: 4, good: 'gut' });
    expect(since.newest!.getTime()).toBeGreaterThan(all.newest!.getTime());
    expect((await rows(store)).length).toBe(2);
  });
});

describe('several programs', () => {
  it('keeps two programs with the same session ids apart: a card names its program, one without a program is refused', async () => {
    const store = storage.store();
    const first = testProgram({ id: 'erste-reihe' });
    const second = testProgram({ id: 'zweite-reihe' });
    const clock = new ManualClock(AFTER_END);
    const catalog = { ids: () => ['erste-reihe', 'zweite-reihe'], get: (id: string) => [first, second].find((p) => p.program.id === id) };
    const service = new FeedbackService({ store, program: catalog, clock, feedbackKey: FEEDBACK_KEY });
    for (const program of [first, second]) await new PollLifecycle({ store, program, clock }).openPoll('data-governance', 'timer');

    expect('error' in (await vote(service, 1, { programId: 'erste-reihe', rating: 5 }))).toBe(false);
    expect('error' in (await vote(service, 1, { programId: 'zweite-reihe', rating: 2 }))).toBe(false);
    expect('error' in (await vote(service, 2, { programId: 'zweite-reihe', rating: 4 }))).toBe(false);
    // A card from before programs were told apart cannot be placed when there are two.
    const unplaced = await vote(service, 3, { rating: 3 });
    expect('error' in unplaced && unplaced.error.code).toBe('unknownSession');
    expect('error' in (await vote(service, 3, { programId: 'dritte-reihe', rating: 3 }))).toBe(true);

    expect((await service.sessionResults('data-governance', first))?.count).toBe(1);
    expect((await service.sessionResults('data-governance', second))?.count).toBe(2);
    const results = texts((await service.resultsCommand('data-governance', 'de', second)).card!);
    expect(results).toContain('2 Antworten');
  });
});
