// Storage outage: Azurite (persistent, on a fixed port) is stopped for OUTAGE_SECONDS (default 20) while
// votes keep arriving, then started again on the same port. Meanwhile /readyz says unavailable and every
// vote is either accepted (thank-you card) or answered "bitte gleich noch einmal", never a 500. Afterwards
// every accepted vote is stored, the people who were asked to retry can vote, and a reminder that fell due
// during the outage goes out exactly once per conversation. The voters are installed beforehand, as the
// people a poll is posted to are; one vote from a person the bot has never seen is sent during the outage too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseConfig } from '../../src/config/config.js';
import { startService, type RunningService } from '../../src/service.js';
import { freePort, startAzurite, type AzuriteHandle } from '../../src/storage/azurite.js';
import { silentLogger } from '../../src/shared/log.js';
import { ManualClock } from '../../src/shared/clock.js';
import { FakeConnector } from '../harness/fake-connector.js';
import { REPO_ROOT } from '../harness/service.js';
import { contentDir, programYaml } from '../harness/content.js';
import * as A from '../harness/activities.js';
import { feedbackTexts } from '../../src/i18n/feedback.js';
import { conversationMessages } from '../../src/i18n/conversation.js';

const OUTAGE_MS = Number(process.env.OUTAGE_SECONDS ?? 20) * 1000;
const THANKS = 'Danke für Ihr Feedback';
// The two ways of asking to try again: the feedback card's storage error, and the turn's storage-unavailable
// answer (invoke status 503). Not the internal error, which also ends in "gleich noch einmal".
const RETRY_CARD = feedbackTexts.de.errors.storage;
const RETRY_TURN = conversationMessages.de.storageUnavailable;

type Outcome = 'accepted' | 'retry' | 'other';

describe('storage outage in the middle of traffic', () => {
  const clock = new ManualClock('2030-03-12T11:30:00Z'); // auftakt ended 11:00Z; folge starts 13:00Z
  const connector = new FakeConnector();
  const location = fs.mkdtempSync(path.join(os.tmpdir(), 'plb-outage-'));
  const team = A.team(3);
  const people = [A.user(1), A.user(2), A.user(3)];
  const VOTERS = 200;
  let port = 0;
  let azurite: AzuriteHandle;
  let service: RunningService;
  const where = () => ({ serviceUrl: connector.url });

  const post = async (activity: unknown) => {
    const res = await fetch(`${service.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
    const text = await res.text();
    return { status: res.status, text };
  };
  const vote = async (u: A.UserRef): Promise<{ status: number; outcome: Outcome; text: string }> => {
    const res = await post(A.cardAction(where(), u, 'feedback.submit', { sessionId: 'auftakt', rating: 4, good: 'Gut', better: '' }));
    // Card actions always answer HTTP 200; the invoke's own status is in the body.
    let body: { statusCode?: number; type?: string; value?: { code?: string; message?: string } } = {};
    try {
      body = JSON.parse(res.text) as typeof body;
    } catch {
      // not JSON: classified as 'other' below, and the traffic loop reports the text
    }
    const card = body.type === 'application/vnd.microsoft.card.adaptive' && body.statusCode === 200;
    const outcome: Outcome =
      card && res.text.includes(THANKS)
        ? 'accepted'
        : (card && res.text.includes(RETRY_CARD)) || (body.statusCode === 503 && body.value?.code === 'storage-unavailable' && body.value.message === RETRY_TURN)
          ? 'retry'
          : 'other';
    return { status: res.status, outcome, text: res.text };
  };
  const readyz = async () => {
    const res = await fetch(`${service.url}/readyz`);
    return { status: res.status, body: (await res.json()) as { status: string; storage: string } };
  };

  beforeAll(async () => {
    await connector.start();
    port = await freePort();
    azurite = await startAzurite({ location, port });
    const dir = contentDir(
      programYaml(
        [
          { id: 'auftakt', title: 'Auftakt Daten', date: '2030-03-12', start: '10:00', end: '12:00' },
          { id: 'folge', title: 'Folgetermin Daten', date: '2030-03-12', start: '14:00', end: '16:00' },
        ],
        { reminders: ['PT1H'], feedback: { openAfterEnd: 'PT0M', closeAfter: 'P2D', minResponses: 3 } },
      ),
    );
    const config = parseConfig({ PORT: '0', CONTENT_DIR: dir, STORAGE_CONNECTION_STRING: azurite.connectionString, LOG_LEVEL: 'silent' }, REPO_ROOT);
    service = await startService(config, { clock, logger: silentLogger, host: '127.0.0.1', startScheduler: false, watchContent: false });
    expect((await post(A.teamInstall(where(), team, A.user(90)))).status).toBe(200);
    for (const p of people) expect((await post(A.personalInstall(where(), p))).status).toBe(200);
    for (let n = 100; n < 100 + VOTERS; n += 20) {
      const batch = await Promise.all(Array.from({ length: 20 }, (_, i) => post(A.personalInstall(where(), A.user(n + i)))));
      expect(batch.every((r) => r.status === 200)).toBe(true);
    }
    await service.scheduler.tick(); // opens the poll of auftakt and posts it
    connector.reset();
  }, 60_000);

  afterAll(async () => {
    await service?.stop();
    await azurite?.stop();
    await connector.stop();
    fs.rmSync(location, { recursive: true, force: true });
  });

  it('answers every vote with thanks or "gleich noch einmal", reports unavailable, loses nothing and sends the due reminder once', async () => {
    const results = new Map<string, Outcome>();
    const statuses: number[] = [];
    let next = 100;
    let running = true;
    const traffic = (async () => {
      while (running && next < 100 + VOTERS) {
        const u = A.user(next++);
        const r = await vote(u);
        statuses.push(r.status);
        results.set(u.aadObjectId, r.outcome);
        if (r.outcome === 'other') throw new Error(`unexpected vote answer: ${r.status} ${r.text.slice(0, 300)}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();

    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect((await readyz()).status).toBe(200);

    // The outage: the reminder of `folge` (due 12:00Z) falls into it.
    await azurite.stop();
    const outageStart = Date.now();
    const during = await readyz();
    expect(during.status).toBe(503);
    expect(during.body).toMatchObject({ status: 'unavailable', storage: 'unavailable' });
    clock.set('2030-03-12T12:00:30Z');
    await expect(service.scheduler.tick()).rejects.toBeDefined();
    const stranger = await vote(A.user(5000));
    const health = await fetch(`${service.url}/healthz`);
    expect(health.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, OUTAGE_MS - (Date.now() - outageStart))));
    const retriesDuringOutage = [...results.values()].filter((o) => o === 'retry').length;

    azurite = await startAzurite({ location, port });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    running = false;
    await traffic;
    expect((await readyz()).status).toBe(200);

    // Everyone who was asked to try again does so, and is accepted now.
    for (const [aad, outcome] of results) {
      if (outcome !== 'retry') continue;
      const n = Number.parseInt(aad.slice(-12), 16);
      const again = await vote(A.user(n));
      expect(again.outcome).toBe('accepted');
      results.set(aad, 'accepted');
    }

    expect(statuses.every((s) => s === 200)).toBe(true);
    expect(retriesDuringOutage).toBeGreaterThan(0);
    expect(results.size).toBeGreaterThan(retriesDuringOutage);
    const stored = await service.feedback.sessionResults('auftakt');
    expect(stored?.count).toBe(results.size);

    // The reminder due during the outage goes out after the restart, once per conversation.
    clock.set('2030-03-12T12:01:00Z');
    await service.scheduler.tick();
    await service.scheduler.tick();
    clock.set('2030-03-12T12:02:00Z');
    await service.scheduler.tick();
    const reminders = connector.messages().filter((c) => JSON.stringify(c.body).includes('Folgetermin Daten'));
    const targets = reminders.map((c) => c.conversationId).sort();
    const voters = Array.from({ length: VOTERS }, (_, i) => A.personalConversationId(A.user(100 + i)));
    expect(targets).toEqual([team.channelId, ...people.map(A.personalConversationId), ...voters].sort());

    // A person the bot has not seen yet is told to try again too (not a 5xx).
    expect({ status: stranger.status, outcome: stranger.outcome }).toEqual({ status: 200, outcome: 'retry' });
  }, 90_000);
});
