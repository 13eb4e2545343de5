// The embedded storage keeps what was written when the service's whole process group is signalled, as
// systemd, `timeout`, process managers and container runtimes do. Azurite saves its database every 5 s and on
// SIGINT only, so before it ran in its own process group a group SIGTERM one second after a write lost the
// write. Each case writes three registrations, signals the group one second later, and reads them back with
// `cli status --json` once the service and its storage are gone.
import { afterAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../src/storage/azurite.js';
import { REPO_ROOT } from '../harness/service.js';
import { FakeConnector } from '../harness/fake-connector.js';
import * as A from '../harness/activities.js';

const children: ChildProcess[] = [];

afterAll(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});

function start(script: string, args: string[], env: NodeJS.ProcessEnv, group: boolean) {
  // `node --import tsx`, so that the signal reaches the service itself (see tests/e2e/process.test.ts).
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: group });
  children.push(child);
  let stdout = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', () => undefined);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return { child, exited, stdout: () => stdout };
}

async function waitHealthy(port: number): Promise<void> {
  for (let i = 0; i < 150; i++) {
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.status === 200, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`service on ${port} did not become healthy`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitGone(pid: number): Promise<void> {
  for (let i = 0; i < 150 && alive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  expect(alive(pid)).toBe(false);
}

describe.each(['SIGTERM', 'SIGINT', 'SIGKILL'] as const)('a %s to the service process group one second after a write', (signal) => {
  it('loses no registration and leaves no storage process behind', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'plb-signal-'));
    const connector = new FakeConnector();
    await connector.start();
    const port = await freePort();
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: 'info', CONTENT_DIR: path.join(REPO_ROOT, 'content'), PORT: String(port), DATA_DIR: dataDir };

    const service = start('src/index.ts', [], env, true);
    await waitHealthy(port);
    const marker = JSON.parse(fs.readFileSync(path.join(dataDir, 'azurite.json'), 'utf8')) as { pid: number };
    for (const n of [1, 2, 3]) {
      const res = await fetch(`http://127.0.0.1:${port}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(A.personalInstall({ serviceUrl: connector.url }, A.user(n))),
      });
      expect(res.status).toBe(200);
    }
    await new Promise((r) => setTimeout(r, 1000));
    process.kill(-service.child.pid!, signal);
    await service.exited;
    // The storage process ends with the service, also when the service could not stop it (SIGKILL).
    await waitGone(marker.pid);

    const status = start('src/cli/main.ts', ['status', '--json'], env, false);
    await status.exited;
    expect(status.child.exitCode).toBe(0);
    expect(JSON.parse(status.stdout().trim().split('\n').at(-1)!).conversations).toBe(3);
    await connector.stop();
  }, 90_000);
});
