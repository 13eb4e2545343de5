// A service process killed with SIGKILL in the middle of a fan-out, then a new process on the same storage:
// it resumes the job once the lease has expired. Nobody gets the reminder twice, and every conversation that
// did not get it is reported as `uncertain` (never silently lost, never blindly re-sent).
import { afterAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { DateTime } from 'luxon';
import { REPO_ROOT } from '../harness/service.js';
import { contentDir, fakedClock, programYaml, sessionFrom } from '../harness/content.js';
import { FakeConnector } from '../harness/fake-connector.js';
import { freePort, startAzurite, type AzuriteHandle } from '../../src/storage/azurite.js';
import { TableStore, listAll } from '../../src/storage/tables.js';
import * as A from '../harness/activities.js';

const children: ChildProcess[] = [];
let azurite: AzuriteHandle | undefined;
let connector: FakeConnector | undefined;

// `node --import tsx`, not the tsx command: that one runs the script in a child process of its own, so a
// SIGKILL would end only the wrapper and leave the service running on as an orphan.
function startProcess(env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...fakedClock(), LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.push(child);
  return child;
}

async function waitHealthy(port: number): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.status === 200, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('service did not become healthy');
}

afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  await connector?.stop();
  await azurite?.stop();
});

describe('crash mid-fan-out', () => {
  it('resumes after SIGKILL without sending anything twice, reporting what is uncertain', async () => {
    azurite = await startAzurite();
    connector = new FakeConnector();
    await connector.start();
    const people = Array.from({ length: 24 }, (_, i) => A.user(300 + i));

    // Everyone registers with a first process whose program has no reminder yet. Then the program gains a
    // reminder that is already due (within its grace period), and the process under test starts with it: the
    // fan-out begins at its first tick, after everyone is registered, however long the start takes.
    const { spec: session, start } = sessionFrom('spaeter', 'Späterer Termin', DateTime.now().setZone('Europe/Berlin').plus({ minutes: 30 }), 60);
    const dir = contentDir(programYaml([session], { reminders: [] }));
    const env = {
      CONTENT_DIR: dir,
      STORAGE_CONNECTION_STRING: azurite.connectionString,
      SCHEDULER_TICK: '*/1 * * * * *',
      DELIVERY_CONCURRENCY: '2',
      DELIVERY_LEASE_SECONDS: '10',
      DELIVERY_MAX_RPS: '10',
    };
    const setupPort = await freePort();
    const setup = startProcess({ ...env, PORT: String(setupPort) });
    await waitHealthy(setupPort);
    for (const p of people) {
      const res = await fetch(`http://127.0.0.1:${setupPort}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(A.personalInstall({ serviceUrl: connector.url }, p)),
      });
      expect(res.status).toBe(200);
    }
    setup.kill('SIGTERM');
    await new Promise((r) => setup.once('exit', r));
    connector.reset();
    connector.latencyMs = 250;

    const dueNow = Math.round(start.diff(DateTime.now(), 'seconds').seconds);
    fs.writeFileSync(path.join(dir, 'program.yaml'), programYaml([session], { reminders: [`PT${dueNow}S`] }));
    const port = await freePort();
    const first = startProcess({ ...env, PORT: String(port) });
    await waitHealthy(port);

    const reminders = () => connector!.messages().filter((c) => JSON.stringify(c.body.attachments ?? []).includes('Späterer Termin'));
    await connector.waitFor(() => reminders().length >= 6, 40_000, 'the fan-out to start');
    first.kill('SIGKILL');
    await new Promise((r) => first.once('exit', r));
    // The process is really gone: once the calls in flight at the kill have landed, nothing more arrives
    // while no service runs (a survivor would hold the 10 s lease and go on sending 2 per 250 ms).
    await new Promise((r) => setTimeout(r, 1000));
    const beforeRestart = reminders().length;
    expect(beforeRestart).toBeLessThan(people.length);
    await new Promise((r) => setTimeout(r, 2000));
    expect(reminders().length).toBe(beforeRestart);

    const port2 = await freePort();
    const second = startProcess({ ...env, PORT: String(port2) });
    await waitHealthy(port2);
    const store = new TableStore({ kind: 'connectionString', connectionString: azurite.connectionString });
    const records = async () => listAll<{ status: string; conversationId: string; owner?: string }>(await store.table('deliveries'));
    // The new process resumes after the lease (10 s) and finishes the job.
    const deadline = Date.now() + 60_000;
    let rows = await records();
    while (Date.now() < deadline && (rows.length < people.length || rows.some((r) => r.status === 'sending' || r.status === 'pending'))) {
      await new Promise((r) => setTimeout(r, 500));
      rows = await records();
    }
    second.kill('SIGTERM');
    await new Promise((r) => second.once('exit', r));

    const received = reminders().map((c) => c.conversationId);
    expect(new Set(received).size).toBe(received.length); // nothing twice
    expect(received.length).toBeGreaterThan(beforeRestart); // the second process carried on
    expect(rows).toHaveLength(people.length);
    const byConversation = new Map(rows.map((r) => [r.conversationId, r.status]));
    for (const p of people) {
      const id = A.personalConversationId(p);
      const status = byConversation.get(id);
      if (received.includes(id)) expect(['sent', 'uncertain']).toContain(status);
      else expect(status).toBe('uncertain'); // not received: reported, never silently lost
    }
    // At most the calls in flight at the kill can be uncertain.
    expect(rows.filter((r) => r.status === 'uncertain').length).toBeLessThanOrEqual(2);
    // Both processes worked on the job: run tokens are host:pid:random#run.
    const sentBy = (pid: number | undefined) => rows.filter((r) => r.status === 'sent' && r.owner?.includes(`:${pid}:`)).length;
    expect(sentBy(first.pid)).toBeGreaterThan(0);
    expect(sentBy(second.pid)).toBeGreaterThan(0);
    expect(sentBy(first.pid) + sentBy(second.pid)).toBe(rows.filter((r) => r.status === 'sent').length);
  }, 150_000);
});
