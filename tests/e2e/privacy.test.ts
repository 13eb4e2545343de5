// Anonymity and secrecy through the running service. One full run (installs, messages, a poll with votes,
// comments and an edit, the FAQ with a forwarded question, delete-my-data, the results post) is recorded at
// debug level; afterwards the logs hold no user id, name, comment or question text, and no row of any
// feedback table holds a voter's Teams id or Entra object id. The calendar: the public feed has no join link,
// the personal one has, and stops working after `kalender zurücksetzen`.
import { TableServiceClient } from '@azure/data-tables';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ManualClock } from '../../src/shared/clock.js';
import { listAll } from '../../src/storage/tables.js';
import * as A from '../harness/activities.js';
import { contentDir, programYaml } from '../harness/content.js';
import { startTestBed, type TestBed } from '../harness/service.js';

const JOIN_URL = 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_geheim%40thread.v2/0';
const cardText = (call: { body: any } | undefined) => JSON.stringify(call?.body?.attachments?.[0]?.content ?? {});

describe('a full run keeps people out of logs and feedback tables', () => {
  let bed: TestBed;
  let questionId: string | undefined;
  const logLines: string[] = [];
  const clock = () => bed.clock as ManualClock;
  const team = A.team(20);
  const coordinator = { ...A.user(70), name: 'Koordinatorin Erika Mustermann' };
  const people = [71, 72, 73, 74].map((n) => ({ ...A.user(n), name: `Teilnehmerin Nummer ${n} Beispielname` }));
  const comments = ['Kommentar-Geheimnis-Alpha zur Moderation', 'Kommentar-Geheimnis-Beta zum Tempo', 'Kommentar-Geheimnis-Gamma bearbeitet', 'Kommentar-Geheimnis-Delta'];
  const questions = ['Wann ist der Auftakt Daten?', 'Darf ich meinen Hund Fiffi-Geheimfrage zum Termin mitbringen?'];

  beforeAll(async () => {
    const dir = contentDir(
      programYaml(
        [{ id: 'auftakt', title: 'Auftakt Daten', date: '2030-03-12', start: '10:00', end: '12:00', summary: 'Kennenlernen', joinUrl: JOIN_URL }],
        { reminders: ['P1D'], feedback: { openAfterEnd: 'PT0M', closeAfter: 'P2D', minResponses: 3 } },
      ),
    );
    const logger = pino({ level: 'trace' }, { write: (line: string) => void logLines.push(line) });
    bed = await startTestBed({
      env: { CONTENT_DIR: dir, COORDINATOR_IDS: coordinator.aadObjectId, LOG_LEVEL: 'trace' },
      clock: new (await import('../../src/shared/clock.js')).ManualClock('2030-03-01T08:00:00Z'),
      service: { startScheduler: false, logger },
    });

    // Installs and messages
    await bed.post(A.teamInstall(bed.where, team, coordinator));
    await bed.post(A.channelMention(bed.where, team, coordinator, 'hier eskalieren'));
    for (const p of people) await bed.post(A.personalInstall(bed.where, p));
    await bed.post(A.personalMessage(bed.where, people[0]!, 'hilfe'));
    await bed.post(A.personalMessage(bed.where, people[0]!, 'termine'));
    for (const q of questions) await bed.post(A.personalMessage(bed.where, people[1]!, q));
    const declined = JSON.stringify(bed.connector.messages(A.personalConversationId(people[1]!)).map(cardText));
    questionId = /questionId\\":\\"([^"\\]+)/.exec(declined)?.[1];
    if (questionId) {
      await bed.post(A.cardAction(bed.where, people[1]!, 'faq.forward', { questionId }));
      await bed.post(A.cardAction(bed.where, coordinator, 'faq.answer', { questionId, answer: 'Bitte ohne Hund.' }, { team }));
    }

    // The poll: votes with comments, an edit, a forged vote carrying someone else's ids
    clock().set('2030-03-12T11:00:30Z');
    await bed.service.scheduler.tick();
    await bed.service.engine.idle();
    const vote = (u: A.UserRef, data: Record<string, unknown>) => bed.post(A.cardAction(bed.where, u, 'feedback.submit', { sessionId: 'auftakt', ...data }));
    await vote(people[0]!, { rating: 5, good: comments[0], better: '' });
    await vote(people[1]!, { rating: 2, good: '', better: comments[1] });
    await vote(people[2]!, { rating: 3, good: '', better: '' });
    await vote(people[2]!, { rating: 4, good: comments[2], better: '' });
    await vote(people[3]!, { rating: 4, good: comments[3], better: '', responderAadId: people[0]!.aadObjectId, userId: people[0]!.id });
    await bed.post(A.cardAction(bed.where, people[0]!, 'feedback.refresh', { sessionId: 'auftakt' }));
    await bed.post(A.personalMessage(bed.where, people[0]!, 'ergebnisse auftakt'));

    // Delete my data, then close the poll and post the results
    await bed.post(A.personalMessage(bed.where, people[3]!, 'meine daten löschen'));
    await bed.post(A.cardAction(bed.where, people[3]!, 'privacy.delete.confirm', {}));
    clock().set('2030-03-14T11:01:00Z');
    await bed.service.scheduler.tick();
    await bed.service.engine.idle();
  });
  afterAll(async () => bed?.stop());

  it('ran: the question was forwarded and answered, the results were posted from the three remaining votes', () => {
    expect(questionId).toBeDefined();
    expect(bed.connector.messages(A.personalConversationId(people[1]!)).map(cardText).join('\n')).toContain('Bitte ohne Hund');
    const events = logLines.map((l) => JSON.parse(l).event as string);
    expect(events).toEqual(expect.arrayContaining(['feedback.vote.stored', 'privacy.deleted']));
    const posted = bed.connector.messages(team.channelId).map(cardText).join('\n');
    expect(posted).toContain('Kommentar-Geheimnis-Alpha');
    expect(posted).toMatch(/3 Antworten/);
    expect(logLines.length).toBeGreaterThan(20);
  });

  it('logs no user id, Entra object id, name, comment or question text', () => {
    const logs = logLines.join('\n');
    const secrets = [
      ...[coordinator, ...people].flatMap((u) => [u.id, u.aadObjectId, u.name!]),
      ...comments,
      ...questions,
      'Fiffi-Geheimfrage',
      'Bitte ohne Hund',
      JOIN_URL,
    ];
    for (const secret of secrets) expect(logs, secret).not.toContain(secret);
  });

  it('stores no voter Teams id or Entra object id in any feedback table', async () => {
    const service = TableServiceClient.fromConnectionString(bed.azurite.connectionString, { allowInsecureConnection: true });
    const tables: string[] = [];
    for await (const t of service.listTables()) if (/feedback/i.test(t.name!)) tables.push(t.name!);
    expect(tables).toEqual(expect.arrayContaining(['feedbackResponses', 'feedbackPolls']));
    const ids = [coordinator, ...people].flatMap((u) => [u.id, u.aadObjectId, u.aadObjectId.toUpperCase(), u.name!]);
    let rows = 0;
    for (const name of tables) {
      const dump = await listAll<Record<string, unknown>>(await bed.service.storage.store.table(name));
      rows += dump.length;
      // The storage's own etag and timestamp hold the wall-clock time, which can read "…:29:…" like a Teams id.
      const text = JSON.stringify(dump.map(({ etag: _etag, timestamp: _timestamp, ...row }) => row));
      for (const id of ids) expect(text, `${name}: ${id}`).not.toContain(id);
      // Not even in another spelling: no GUIDs and no Bot Framework ids at all.
      expect(text, name).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i);
      expect(text, name).not.toMatch(/\b29:/);
    }
    expect(rows).toBeGreaterThanOrEqual(4); // three responses and the poll
  });
});

describe('calendar feeds', () => {
  let bed: TestBed;
  const participant = A.user(80);
  const other = A.user(81);

  beforeAll(async () => {
    const dir = contentDir(programYaml([{ id: 'auftakt', title: 'Auftakt Daten', date: '2030-03-12', start: '10:00', end: '12:00', joinUrl: JOIN_URL }]));
    bed = await startTestBed({ env: { CONTENT_DIR: dir, PUBLIC_BASE_URL: 'https://bot.example.org' }, service: { startScheduler: false } });
    await bed.post(A.personalInstall(bed.where, participant));
    await bed.post(A.personalInstall(bed.where, other));
  });
  afterAll(async () => bed?.stop());

  const personalUrl = async (u: A.UserRef, text: string) => {
    bed.connector.reset();
    await bed.post(A.personalMessage(bed.where, u, text));
    const reply = String(bed.connector.messages(A.personalConversationId(u)).at(-1)?.body.text ?? '');
    const url = /https:\/\/bot\.example\.org(\/api\/calendar\/personal\/[A-Za-z0-9_-]{43}\.ics)/.exec(reply);
    expect(url, reply).not.toBeNull();
    return { path: url![1]!, reply };
  };
  const get = (path: string) => fetch(`${bed.service.url}${path}`);

  it('the public feed and the per-session file have no join link', async () => {
    for (const path of ['/api/calendar.ics', '/api/calendar/auftakt.ics']) {
      const res = await get(path);
      expect(res.status).toBe(200);
      const text = await res.text();
      expect(text).toContain('Auftakt Daten');
      expect(text).not.toContain('meetup-join');
    }
  });

  it('`termine` in a personal chat gives a personal feed with the join link; a reset revokes it', async () => {
    const first = await personalUrl(participant, 'termine');
    expect(first.reply).toContain('Auftakt Daten');
    expect(first.reply).toContain('kalender zurücksetzen');
    expect((await personalUrl(participant, 'termine')).path).toBe(first.path); // stable until reset
    const mine = await get(first.path);
    expect(mine.status).toBe(200);
    expect(mine.headers.get('cache-control')).toBe('private, no-store');
    expect((await mine.text()).replace(/\r\n[ \t]/g, '')).toContain('meetup-join');
    expect((await personalUrl(other, 'termine')).path).not.toBe(first.path);

    const reset = await personalUrl(participant, 'kalender zurücksetzen');
    expect(reset.reply).toContain('gilt nicht mehr');
    expect(reset.path).not.toBe(first.path);
    expect((await get(first.path)).status).toBe(404);
    expect((await get(reset.path)).status).toBe(200);
    expect((await personalUrl(participant, 'reset calendar')).path).not.toBe(reset.path);
  });

  it('answers a wrong or malformed token with 404, and gives no personal link outside a personal chat', async () => {
    expect((await get(`/api/calendar/personal/${'x'.repeat(43)}.ics`)).status).toBe(404);
    expect((await get('/api/calendar/personal/kurz.ics')).status).toBe(404);
    expect((await get('/api/calendar/personal/..%2F..%2Fetc.ics')).status).toBe(404);
    const team = A.team(21);
    await bed.post(A.teamInstall(bed.where, team, participant));
    bed.connector.reset();
    await bed.post(A.channelMention(bed.where, team, participant, 'termine'));
    const reply = JSON.stringify(bed.connector.messages().map((c) => c.body));
    expect(reply).toContain('Auftakt Daten');
    expect(reply).not.toContain('/api/calendar/personal/');
  });

  it('"meine daten löschen" removes the personal feed', async () => {
    const { path } = await personalUrl(other, 'termine');
    expect((await get(path)).status).toBe(200);
    await bed.post(A.personalMessage(bed.where, other, 'meine daten löschen'));
    const res = await bed.post(A.cardAction(bed.where, other, 'privacy.delete.confirm', {}));
    expect(String(res.body.value)).toContain('Ihr persönlicher Kalenderlink');
    expect((await get(path)).status).toBe(404);
  });
});
