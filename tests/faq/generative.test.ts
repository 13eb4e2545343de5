// Generative mode against a local stand-in for Azure OpenAI's chat-completions endpoint (HTTPS on
// 127.0.0.1 with a throw-away self-signed certificate, since teams-ai accepts only https endpoints): the
// composed answer is used only when it cites the given passages; errors, timeouts, garbage and uncited
// answers fall back to the offline answer; a declined question never reaches the model.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import https from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { silentLogger } from '../../src/shared/log.js';
import { createFaqEngine, type FaqAnswer, type FaqEngine } from '../../src/faq/index.js';
import { buildComposePrompt, citedNumbers, shouldCompose, validateComposed, withComposer } from '../../src/faq/generative.js';
import { createAzureOpenAIComposer } from '../../src/teams/generative-answers.js';

const DEPLOYMENT = 'faq-gpt';
const API_KEY = 'stand-in-key';
const NOW = new Date('2025-11-01T10:00:00Z');

const MATERIAL = `# Anmeldung

Die Anmeldung zum Peer-Learning erfolgt per E-Mail an kontakt@example.org bis zum 15. Mai. Eine Teilnahmegebühr wird nicht erhoben.

# Barrierefreiheit

Alle Unterlagen werden barrierefrei als PDF bereitgestellt. Für die Online-Sitzungen gibt es auf Wunsch Live-Untertitel.
`;

interface Recorded {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

type Reply = (res: ServerResponse) => void;

let dir: string;
let server: https.Server;
let agent: https.Agent;
let endpoint: string;
let engine: FaqEngine;
const requests: Recorded[] = [];
let reply: Reply;

function completion(content: string): Reply {
  return (res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'apim-request-id': 'stand-in' });
    res.end(
      JSON.stringify({
        id: 'chatcmpl-standin',
        object: 'chat.completion',
        created: 1_760_000_000,
        model: 'gpt-4o-mini',
        prompt_filter_results: [{ prompt_index: 0, content_filter_results: {} }],
        choices: [{ index: 0, finish_reason: 'stop', logprobs: null, message: { role: 'assistant', content }, content_filter_results: {} }],
        usage: { prompt_tokens: 200, completion_tokens: 30, total_tokens: 230 },
      }),
    );
  };
}

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'faq-generative-'));
  await fs.mkdir(path.join(dir, 'content', 'material'), { recursive: true });
  await fs.writeFile(path.join(dir, 'content', 'material', 'hinweise.md'), MATERIAL);
  engine = await createFaqEngine({ contentDir: path.join(dir, 'content') });

  const key = path.join(dir, 'key.pem');
  const cert = path.join(dir, 'cert.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', key, '-out', cert], { stdio: 'ignore' });
  const certPem = await fs.readFile(cert);
  server = https.createServer({ key: await fs.readFile(key), cert: certPem }, (req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      reply(res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  agent = new https.Agent({ ca: certPem });
});

afterEach(() => {
  requests.length = 0;
  server.closeAllConnections();
});

afterAll(async () => {
  agent.destroy();
  await new Promise((resolve) => server.close(resolve));
  await fs.rm(dir, { recursive: true, force: true });
});

function ask(timeoutMs = 4000) {
  const composer = createAzureOpenAIComposer({ endpoint, apiKey: API_KEY, deployment: DEPLOYMENT, httpAgent: agent, timeoutMs: 4000 });
  return withComposer((q, o) => engine.ask(q, o), composer, { logger: silentLogger, timeoutMs });
}

const QUESTION_DE = 'Wie erfolgt die Anmeldung?';
const offline = (question: string, locale: 'de' | 'en' = 'de'): FaqAnswer => engine.ask(question, { locale, now: NOW });

describe('generative mode against the chat-completions stand-in', () => {
  it('the question is answered offline from the material (precondition of every case below)', () => {
    const a = offline(QUESTION_DE);
    expect(a.answered).toBe(true);
    expect(a.via).toBe('passage');
    expect(a.sources[0]?.title).toBe('Anmeldung (hinweise.md)');
  });

  it('uses a composed answer that cites the given passages, and sends the Azure request', async () => {
    const text = 'Sie melden sich per E-Mail an kontakt@example.org an, spätestens bis zum 15. Mai [1].';
    reply = completion(text);
    const answer = await ask()(QUESTION_DE, { locale: 'de', now: NOW });

    expect(answer.answer).toBe(text);
    expect(answer.answered).toBe(true);
    expect(answer.sources).toEqual([{ title: '[1] Anmeldung (hinweise.md)', excerpt: offline(QUESTION_DE).sources[0]!.excerpt }]);
    expect(requests).toHaveLength(1);
    const req = requests[0]!;
    const url = new URL(req.url, endpoint);
    expect(req.method).toBe('POST');
    expect(url.pathname).toBe(`/openai/deployments/${DEPLOYMENT}/chat/completions`);
    expect(url.searchParams.get('api-version')).toBe('2024-06-01');
    expect(req.headers['api-key']).toBe(API_KEY);
    const body = JSON.parse(req.body) as { messages: { role: string; content: string }[]; temperature: number };
    expect(body.messages.map((m) => m.role)).toEqual(['system', 'user']);
    expect(body.messages[1]!.content).toBe(QUESTION_DE);
    const system = body.messages[0]!.content;
    expect(system).toContain('Answer only from the numbered passages');
    expect(system).toContain('Answer in German');
    expect(system).toContain('[1] Anmeldung (hinweise.md)\nDie Anmeldung zum Peer-Learning erfolgt per E-Mail');
    expect(system).toContain('Das weiß ich nicht.');
  });

  it('asks for the language of the user, not of the material', async () => {
    reply = completion('Register by e-mail to kontakt@example.org by 15 May [1].');
    const answer = await ask()('Anmeldung per E-Mail?', { locale: 'en', now: NOW });
    expect(answer.answer).toBe('Register by e-mail to kontakt@example.org by 15 May [1].');
    const body = JSON.parse(requests[0]!.body) as { messages: { content: string }[] };
    expect(body.messages[0]!.content).toContain('Answer in English');
    expect(body.messages[0]!.content).toContain("I don't know.");
  });

  it.each([
    ['cites nothing', completion('Die Anmeldung erfolgt per E-Mail.')],
    ['says it does not know', completion('Das weiß ich nicht.')],
    ['cites a passage it was not given', completion('Die Anmeldung erfolgt per Post [7].')],
    ['is empty', completion('   ')],
    ['answers 500', (res: ServerResponse) => { res.writeHead(500, { 'content-type': 'application/json' }); res.end('{"error":{"code":"InternalServerError","message":"boom"}}'); }],
    ['answers 429', (res: ServerResponse) => { res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '1' }); res.end('{"error":{"code":"429","message":"rate limited"}}'); }],
    ['answers garbage', (res: ServerResponse) => { res.writeHead(200, { 'content-type': 'application/json' }); res.end('<html>not json'); }],
    ['answers JSON without choices', (res: ServerResponse) => { res.writeHead(200, { 'content-type': 'application/json' }); res.end('{"id":"x","object":"chat.completion"}'); }],
    ['drops the connection', (res: ServerResponse) => res.socket?.destroy()],
  ])('falls back to the offline answer when the model %s', async (_name, r) => {
    reply = r;
    const answer = await ask()(QUESTION_DE, { locale: 'de', now: NOW });
    expect(requests).toHaveLength(1);
    expect(answer).toEqual(offline(QUESTION_DE));
  });

  it('falls back to the offline answer when the model does not answer in time', async () => {
    reply = () => {}; // never answers; the connection is closed after the test
    const answer = await ask(300)(QUESTION_DE, { locale: 'de', now: NOW });
    expect(requests).toHaveLength(1);
    expect(answer).toEqual(offline(QUESTION_DE));
  });

  it('never calls the model for a declined question', async () => {
    reply = completion('Parken kostet 5 Euro [1].');
    const answer = await ask()('Was kostet ein Parkplatz in Paris?', { locale: 'de', now: NOW });
    expect(answer.answered).toBe(false);
    expect(answer.sources).toEqual([]);
    expect(requests).toHaveLength(0);
  });
});

describe('the citation contract', () => {
  const sources = [
    { title: 'A', excerpt: 'a' },
    { title: 'B', excerpt: 'b' },
  ];

  it('reads single and grouped markers', () => {
    expect(citedNumbers('x [2] y [1, 2] z [1;2]')).toEqual([1, 2]);
    expect(citedNumbers('no markers, [a] or [ ]')).toEqual([]);
  });

  it('keeps only the cited sources, numbered as the model cited them', () => {
    expect(validateComposed(' Beides [2]. ', sources)).toEqual({ ok: true, answer: 'Beides [2].', sources: [{ title: '[2] B', excerpt: 'b' }] });
    expect(validateComposed('x [0]', sources)).toEqual({ ok: false, reason: 'unknown_citation' });
    expect(validateComposed('x [3]', sources)).toEqual({ ok: false, reason: 'unknown_citation' });
    expect(validateComposed(`${'x'.repeat(1300)} [1]`, sources)).toEqual({ ok: false, reason: 'too_long' });
  });

  it('numbers the passages in the order of the sources', () => {
    expect(buildComposePrompt('Frage?', 'de', sources).system).toContain('[1] A\na\n\n[2] B\nb');
  });

  it('composes only answers quoted from the material', () => {
    const base: FaqAnswer = { answered: true, answer: 'x', sources, confidence: 0.9, via: 'passage' };
    expect(shouldCompose(base)).toBe(true);
    expect(shouldCompose({ ...base, via: 'schedule' })).toBe(false);
    expect(shouldCompose({ ...base, via: 'curated' })).toBe(false);
    expect(shouldCompose({ ...base, sources: [] })).toBe(false);
    expect(shouldCompose({ ...base, answered: false })).toBe(false);
  });
});
