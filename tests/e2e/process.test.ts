// The service as a process: start-up validation, authentication, graceful shutdown and persistence
// across restarts (embedded Azurite under DATA_DIR, read back by the CLI).
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

function baseEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: 'info', CONTENT_DIR: path.join(REPO_ROOT, 'content'), ...extra };
  return env;
}

function run(script: string, args: string[], env: NodeJS.ProcessEnv) {
  // `node --import tsx` rather than the tsx command, which runs the script in a child of its own: signals
  // must reach the service itself, and a SIGKILL in clean-up must not leave it running as an orphan.
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, exited, output: () => ({ stdout, stderr }) };
}

async function waitHealthy(port: number, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`service on ${port} did not become healthy`);
}

afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
});

describe('configuration at start', () => {
  it.each([
    ['PORT', 'abc', /^Configuration error: PORT: expected a whole number$/],
    ['DELIVERY_MAX_RPS', '80', /^Configuration error: DELIVERY_MAX_RPS: must be at most 50$/],
    ['SCHEDULER_TICK', 'every minute', /^Configuration error: SCHEDULER_TICK: expected a node-cron expression/],
    ['COORDINATOR_IDS', 'alice,bob', /^Configuration error: COORDINATOR_IDS: expected comma-separated Entra object ids/],
    ['MicrosoftAppType', 'MultiTenant', /^Configuration error: MicrosoftAppType: expected SingleTenant or UserAssignedMSI/],
  ])('a bad %s ends the process with exit 1 and one clear line', async (name, value, pattern) => {
    const p = run('src/index.ts', [], baseEnv({ [name]: value }));
    expect(await p.exited).toBe(1);
    const lines = p.output().stderr.split('\n').filter((l) => l.trim() && !l.includes('DeprecationWarning') && !l.includes('--trace-deprecation'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(pattern);
  });

  const production = {
    MicrosoftAppId: '11111111-2222-4333-8444-555555555555',
    MicrosoftAppPassword: 'not-a-real-secret',
    MicrosoftAppTenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
  };
  it.each([
    ['a missing FEEDBACK_KEY in production', production, /^Configuration error: FEEDBACK_KEY: required when MicrosoftAppId is set/],
    ['a malformed FEEDBACK_KEY in production', { ...production, FEEDBACK_KEY: 'c2hvcnQ=' }, /^Configuration error: FEEDBACK_KEY: expected at least 32 random bytes in base64/],
    ['HOST beyond loopback without credentials', { HOST: '0.0.0.0' }, /^Configuration error: HOST: without MicrosoftAppId the service only listens on loopback; set ALLOW_UNAUTHENTICATED=true/],
  ])('%s ends the process with exit 1 and one clear line', async (_name, env, pattern) => {
    const p = run('src/index.ts', [], baseEnv(env));
    expect(await p.exited).toBe(1);
    const lines = p.output().stderr.split('\n').filter((l) => l.trim() && !l.includes('DeprecationWarning') && !l.includes('--trace-deprecation'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(pattern);
  });
});

describe('with MicrosoftAppId set', () => {
  it('answers 401 to requests without a valid Bot Framework token', async () => {
    const port = await freePort();
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'plb-auth-'));
    const p = run(
      'src/index.ts',
      [],
      baseEnv({
        PORT: String(port),
        DATA_DIR: dataDir,
        MicrosoftAppId: '11111111-2222-4333-8444-555555555555',
        MicrosoftAppPassword: 'not-a-real-secret',
        MicrosoftAppTenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
        FEEDBACK_KEY: 'Zm9yLWEtdGVzdC1vbmx5LXRoaXJ0eS10d28tYnl0ZXMtbG9uZw==',
      }),
    );
    await waitHealthy(port);
    const activity = A.personalMessage({ serviceUrl: 'http://127.0.0.1:9/' }, A.user(1), 'hilfe');
    const missing = await fetch(`http://127.0.0.1:${port}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
    expect(missing.status).toBe(401);
    const forged = await fetch(`http://127.0.0.1:${port}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer eyJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJ4In0.c2ln' },
      body: JSON.stringify(activity),
    });
    expect(forged.status).toBe(401);
    p.child.kill('SIGTERM');
    expect(await p.exited).toBe(0);
    expect(p.output().stdout).not.toContain('local mode');
  });
});

describe('restart', () => {
  it('keeps registrations across stop and restart, stops cleanly on SIGTERM, and the CLI reads them while stopped', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'plb-data-'));
    const connector = new FakeConnector();
    await connector.start();
    const port = await freePort();
    const env = baseEnv({ PORT: String(port), DATA_DIR: dataDir });

    const first = run('src/index.ts', [], env);
    await waitHealthy(port);
    expect(first.output().stdout).toContain('local mode');
    for (const n of [1, 2, 3]) {
      const res = await fetch(`http://127.0.0.1:${port}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(A.personalInstall({ serviceUrl: connector.url }, A.user(n))),
      });
      expect(res.status).toBe(200);
    }
    const stoppedAt = Date.now();
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(Date.now() - stoppedAt).toBeLessThan(10_000);

    const status = run('src/cli/main.ts', ['status', '--json'], env);
    expect(await status.exited).toBe(0);
    const parsed = JSON.parse(status.output().stdout.trim().split('\n').at(-1)!);
    expect(parsed.conversations).toBe(3);
    expect(parsed.storage.reachable).toBe(true);

    const second = run('src/index.ts', [], env);
    await waitHealthy(port);
    await fetch(`http://127.0.0.1:${port}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(A.personalInstall({ serviceUrl: connector.url }, A.user(4))),
    });
    // A second status while the service runs shares its embedded storage.
    const live = run('src/cli/main.ts', ['status', '--json'], env);
    expect(await live.exited).toBe(0);
    expect(JSON.parse(live.output().stdout.trim().split('\n').at(-1)!).conversations).toBe(4);
    second.child.kill('SIGINT');
    expect(await second.exited).toBe(0);
    // Welcomes went out once per user, none again after the restart.
    expect(connector.messages()).toHaveLength(4);
    await connector.stop();
  }, 90_000);
});
