// A poll, its results and the series retrospective survive a crash between claiming and queueing the send.
// The service runs as its own process group and reaches storage through a proxy; the proxy lets the first
// storage write of a step (the poll's claim or its job, whichever the code writes first) through and then
// kills the whole process group before the answer returns. A new process on the same storage must still send
// the poll to every participant, the results and the retrospective to the channel, each exactly once.
// (Marking first and queueing second loses the send for good: the next process sees the mark and queues nothing.)
import http from 'node:http';
import { spawn, type ChildProcess } from 'node:child_process';
import { DateTime } from 'luxon';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, startAzurite, type AzuriteHandle } from '../../src/storage/azurite.js';
import { azuriteConnectionString } from '../../src/storage/tables.js';
import * as A from '../harness/activities.js';
import { contentDir, fakedClock, programYaml, sessionUntil } from '../harness/content.js';
import { FakeConnector } from '../harness/fake-connector.js';
import { REPO_ROOT } from '../harness/service.js';

type Step = 'poll' | 'results' | 'series';
/**
 * What identifies a step's claim (a feedbackPolls write) or the creation of its job (a write to the job
 * table or one of its indexes). Never a per-recipient delivery record (table "deliveries", whose rows carry
 * the job id too): a kill there would land mid-send, where the crashed recipient is reported `uncertain` and,
 * by design, not resent.
 */
const STEP_WRITES: Record<Step, (text: string) => boolean> = {
  poll: (t) => t.includes('feedback-poll:') || (t.includes('feedbackPolls') && t.includes('openedAt')),
  results: (t) => t.includes('feedback-results:') || (t.includes('feedbackPolls') && t.includes('closedAt')),
  series: (t) => t.includes('feedback-series:') || (t.includes('feedbackPolls') && t.includes('~series')),
};
/** A write to "deliveries": its URL, or a batch whose body addresses it. */
const isRecordWrite = (text: string) => /\/deliveries(\(|\?|\s|$)/m.test(text);

const children: ChildProcess[] = [];
let azurite: AzuriteHandle | undefined;
let connector: FakeConnector | undefined;
let proxy: http.Server | undefined;

afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) killGroup(c);
  await new Promise<void>((resolve) => (proxy ? proxy.close(() => resolve()) : resolve()));
  await connector?.stop();
  await azurite?.stop();
});

function killGroup(child: ChildProcess): void {
  try {
    process.kill(-child.pid!, 'SIGKILL');
  } catch {
    // already gone
  }
}

/** A storage proxy that kills `victim()` right after the first write matching the armed step. */
async function startProxy(target: number, armed: () => { step: Step; victim: ChildProcess } | undefined, onKill: (step: Step) => void): Promise<number> {
  const port = await freePort();
  proxy = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const upstream = http.request({ host: '127.0.0.1', port: target, path: req.url, method: req.method, headers: req.headers }, (answer) => {
        const parts: Buffer[] = [];
        answer.on('data', (c: Buffer) => parts.push(c));
        answer.on('end', () => {
          const arm = armed();
          const write = req.method !== 'GET' && req.method !== 'DELETE' && !/\/Tables(\(|$|\?)/.test(req.url ?? '');
          const text = `${decodeURIComponent(req.url ?? '')}\n${body.toString('utf8')}`;
          if (arm && write && !isRecordWrite(text) && (answer.statusCode ?? 500) < 300 && STEP_WRITES[arm.step](text)) {
            killGroup(arm.victim);
            onKill(arm.step);
            res.destroy();
            return;
          }
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          res.end(Buffer.concat(parts));
        });
      });
      upstream.on('error', () => res.destroy());
      upstream.end(body);
    });
  });
  await new Promise<void>((resolve) => proxy!.listen(port, '127.0.0.1', resolve));
  return port;
}

function startProcess(env: Record<string, string>): ChildProcess {
  // Its own process group (detached), started with `node --import tsx` so that the group is the service.
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...fakedClock(), LOG_LEVEL: 'warn', ...env },
    // Its warnings and errors (LOG_LEVEL=warn, on stdout) show in the test output: a flake names its cause.
    stdio: ['ignore', 'inherit', 'inherit'],
    detached: true,
  });
  children.push(child);
  return child;
}

async function waitHealthy(port: number): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.status === 200, () => false)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('service did not become healthy');
}

const exited = (child: ChildProcess) => new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(null) : child.once('exit', resolve)));

describe('feedback sends survive a crash between claim and send', () => {
  it('sends the poll, the results and the retrospective exactly once across three killed processes', async () => {
    azurite = await startAzurite();
    connector = new FakeConnector();
    await connector.start();
    let arm: { step: Step; victim: ChildProcess } | undefined;
    const killed: Step[] = [];
    const proxyPort = await startProxy(azurite.port, () => arm, (step) => {
      killed.push(step);
      arm = undefined;
    });

    // The session ended at the last full minute; its poll opens about 15 s from now and closes 20 s later.
    const now = DateTime.now().setZone('Europe/Berlin');
    const { spec, end } = sessionUntil('absturz', 'Absturztermin', now, 60);
    const openAfter = Math.round(now.plus({ seconds: 15 }).diff(end, 'seconds').seconds);
    const dir = contentDir(
      programYaml([spec], {
        reminders: ['P1D'],
        feedback: { openAfterEnd: `PT${openAfter}S`, closeAfter: 'PT20S', minResponses: 3 },
      }),
    );
    const env = { CONTENT_DIR: dir, STORAGE_CONNECTION_STRING: azuriteConnectionString(proxyPort), SCHEDULER_TICK: '*/1 * * * * *', DELIVERY_LEASE_SECONDS: '10' };
    const team = A.team(40);
    const people = [A.user(401), A.user(402), A.user(403)];
    const pollCards = () => connector!.messages().filter((c) => JSON.stringify(c.body).includes('feedback.submit'));
    const titled = (title: string) => connector!.messages().filter((c) => JSON.stringify(c.body).includes(title));

    // Armed from the spawn on: the first tick may run the step before /healthz answers, and a step run
    // unarmed would be killed later, at some other write.
    const run = async (step: Step | undefined) => {
      const port = await freePort();
      const child = startProcess({ ...env, PORT: String(port) });
      if (step) arm = { step, victim: child };
      await Promise.race([waitHealthy(port), exited(child)]);
      return { child, port };
    };

    // 1: installs, then the poll's first write kills the group.
    const first = await run(undefined);
    const where = { serviceUrl: connector.url };
    for (const activity of [A.teamInstall(where, team, people[0]!), ...people.map((p) => A.personalInstall(where, p))]) {
      const res = await fetch(`http://127.0.0.1:${first.port}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
      expect(res.status).toBe(200);
    }
    arm = { step: 'poll', victim: first.child };
    await exited(first.child);
    expect(killed).toEqual(['poll']);
    expect(pollCards()).toHaveLength(0);

    // 2: queues the poll and sends it, unless it starts after the poll's close time (a loaded machine): then
    // its first tick queues the poll and the results together and the poll goes out from a later process.
    // The results' first write kills it.
    const second = await run('results');
    await exited(second.child);
    expect(killed).toEqual(['poll', 'results']);

    // 3: closes the poll (its results were queued by 2); the retrospective's first write, in the same tick,
    // kills it before anything of that tick is sent.
    const third = await run('series');
    await exited(third.child);
    expect(killed).toEqual(['poll', 'results', 'series']);

    // 4: sends the results and the retrospective.
    const fourth = await run(undefined);
    await connector.waitFor(() => pollCards().length >= 4, 40_000, 'the poll after the crashes');
    await connector.waitFor(() => titled('Ergebnisse: Absturztermin').length >= 1, 40_000, 'the results after the crashes');
    await connector.waitFor(() => titled('Rückblick: Testreihe Daten').length >= 1, 40_000, 'the retrospective after the crash');
    await new Promise((r) => setTimeout(r, 2000)); // a few more ticks: nothing may come twice
    fourth.child.kill('SIGTERM');
    await exited(fourth.child);

    expect(pollCards().map((c) => c.conversationId).sort()).toEqual([team.channelId, ...people.map(A.personalConversationId)].sort());
    expect(titled('Ergebnisse: Absturztermin').map((c) => c.conversationId)).toEqual([team.channelId]);
    expect(titled('Rückblick: Testreihe Daten').map((c) => c.conversationId)).toEqual([team.channelId]);
  }, 180_000);
});
