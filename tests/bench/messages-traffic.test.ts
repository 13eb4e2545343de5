// The message benchmark measures production's path (issue 17, point 11): its questions never repeat, so the
// FAQ's answer memo cannot serve them, and it runs with Bot Framework authentication on, in the service and in
// the echo baseline alike. These tests fail if the traffic went back to repeating the evaluation questions,
// if the bench's tokens were not ones botbuilder accepts, or if either bot ran without token checks again
// (an activity without a token must be refused), or if replies went out without the bot's token.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as A from '../harness/activities.js';
import { freePort } from '../../src/storage/azurite.js';
import { ChannelAuth } from '../../bench/support/channel-auth.js';
import { httpClient, spawnTs, startRecordingConnector } from '../../bench/support/load.js';
import { startBenchService, type BenchService } from '../../bench/support/setup.js';
import { CLOSINGS, OPENINGS, QuestionStream, baseQuestions, faqQuestions, languageOf, mixedActivities } from '../../bench/support/traffic.js';
import { isStopWord } from '../../src/text/index.js';

describe('benchmark traffic', () => {
  it('draws 5,000 questions per language without repeating one', () => {
    const stream = new QuestionStream();
    for (const lang of ['de', 'en'] as const) {
      const texts = Array.from({ length: 5000 }, () => stream.next(lang));
      expect(new Set(texts).size).toBe(5000);
    }
  });

  it('wraps a question only in words the FAQ ignores, so it is answered as written', () => {
    for (const lang of ['de', 'en'] as const) {
      const fillerWords = [...OPENINGS[lang], ...CLOSINGS[lang]].flatMap((filler) => filler.split(/[^\p{L}]+/u).filter(Boolean));
      expect(fillerWords.filter((word) => !isStopWord(word, lang))).toEqual([]);
    }
  });

  it('sends no question twice across warm-up and measurement, in the 60/30/10 mix, German and English', () => {
    const questions = new QuestionStream();
    const options = { serviceUrl: 'http://127.0.0.1:1/', askers: 200 };
    const activities = [...mixedActivities(300, { ...options, voterBase: 500_000 }, questions), ...mixedActivities(5000, { ...options, voterBase: 10_000 }, questions)];
    const faq = activities.filter((a) => a.kind === 'faq').map((a) => a.body as { text: string; locale: string; from: { id: string } });
    expect(faq).toHaveLength(3180);
    expect(new Set(faq.map((q) => q.text)).size).toBe(faq.length);
    expect(activities.filter((a) => a.kind === 'vote')).toHaveLength(1590);
    expect(activities.filter((a) => a.kind === 'command')).toHaveLength(530);
    // The evaluation questions as written are at most the first variant of each, never the bulk of the traffic.
    const asWritten = new Set(faqQuestions());
    expect(faq.filter((q) => asWritten.has(q.text)).length).toBeLessThanOrEqual(asWritten.size);
    // English-speaking askers ask English questions with an English Teams locale.
    const english = new Set(baseQuestions().en);
    const fromEnglish = faq.filter((q) => languageOf(Number(q.from.id.split('-').pop())) === 'en');
    expect(fromEnglish.length).toBeGreaterThan(faq.length / 5);
    expect(fromEnglish.every((q) => q.locale === 'en-US' && [...english].some((e) => q.text.includes(e)))).toBe(true);
  });
});

describe('benchmark authentication', () => {
  let auth: ChannelAuth;
  let bench: BenchService;

  beforeAll(async () => {
    auth = await ChannelAuth.start();
    bench = await startBenchService({ concurrency: 2, auth });
  });
  afterAll(async () => {
    await bench?.stop();
    await auth?.stop();
  });

  it('the service accepts the bench tokens, refuses an activity without one, and replies with the bot token', async () => {
    const where = { serviceUrl: bench.connector.url };
    const person = A.user(7);
    const installed = await bench.client.post('/api/messages', A.personalInstall(where, person));
    expect(installed.status).toBe(200);
    // The keys came from the bench's OpenID stand-in, so the check ran (a service in local mode reads none).
    expect(auth.metadataRequests).toEqual(expect.arrayContaining(['/v1/.well-known/openidconfiguration', '/v1/.well-known/keys']));

    const posted = bench.connector.posted();
    const question = A.personalMessage(where, person, 'Wann ist der erste Termin?');
    expect((await bench.client.post('/api/messages', question)).status).toBe(200);
    expect(bench.connector.posted()).toBe(posted + 1);
    expect(bench.connector.unauthorized()).toBe(0);

    const unsigned = httpClient(bench.service.url, 1);
    try {
      expect((await unsigned.post('/api/messages', A.personalMessage(where, person, 'hilfe'))).status).toBe(401);
    } finally {
      unsigned.close();
    }
  });

  it('counts the FAQ memo in the service: the same text again is a hit', async () => {
    const where = { serviceUrl: bench.connector.url };
    const person = A.user(8);
    await bench.client.post('/api/messages', A.personalInstall(where, person));
    const before = await bench.faqMemo();
    for (let i = 0; i < 2; i++) await bench.client.post('/api/messages', A.personalMessage(where, person, 'Wie viele Termine gibt es insgesamt?'));
    const after = await bench.faqMemo();
    expect(after.asks - before.asks).toBe(2);
    expect(after.misses - before.misses).toBe(1);
  });

  it('the echo baseline runs on the same authenticated path', async () => {
    const connector = await startRecordingConnector({ authorization: `Bearer ${auth.connectorToken}` });
    const echo = await spawnTs('bench/echo-bot.ts', auth.env(), { port: await freePort() });
    const signed = httpClient(echo.url, 1, (body) => auth.authorization(body));
    const unsigned = httpClient(echo.url, 1);
    try {
      const message = () => A.personalMessage({ serviceUrl: connector.url }, A.user(9), 'Hallo');
      expect((await signed.post('/api/messages', message())).status).toBe(200);
      expect(connector.posted()).toBe(1);
      expect(connector.unauthorized()).toBe(0);
      expect((await unsigned.post('/api/messages', message())).status).toBe(401);
    } finally {
      signed.close();
      unsigned.close();
      await echo.stop();
      await connector.stop();
    }
  });
});
