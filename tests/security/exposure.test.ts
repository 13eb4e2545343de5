// Safe by default: without MicrosoftAppId (no token checks) the service listens on loopback only; another
// address needs ALLOW_UNAUTHENTICATED=true and is warned about at every start. Health semantics: /healthz is
// liveness, /readyz readiness (storage), and neither fails for a missing program.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../src/config/config.js';
import { startAzurite, type AzuriteHandle } from '../../src/storage/azurite.js';
import { startTestBed } from '../harness/service.js';

let azurite: AzuriteHandle;
beforeAll(async () => {
  azurite = await startAzurite();
});
afterAll(async () => azurite?.stop());

function recordingLogger() {
  const lines: Array<Record<string, unknown>> = [];
  return { logger: pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line)) }), lines };
}

describe('bind address without credentials', () => {
  it('listens on 127.0.0.1 only, as the socket reports it', async () => {
    const bed = await startTestBed({ azurite, env: { TABLE_PREFIX: 'bindlo' } });
    try {
      expect(bed.service.address).toBe('127.0.0.1');
      expect(bed.service.server.address()).toMatchObject({ address: '127.0.0.1', port: bed.service.port });
    } finally {
      await bed.stop();
    }
  });

  it('refuses another address without ALLOW_UNAUTHENTICATED=true, in one line naming HOST', () => {
    expect(() => parseConfig({ HOST: '0.0.0.0' })).toThrow(ConfigError);
    expect(() => parseConfig({ HOST: '0.0.0.0' })).toThrow(
      'Configuration error: HOST: without MicrosoftAppId the service only listens on loopback; set ALLOW_UNAUTHENTICATED=true to expose it unauthenticated',
    );
    expect(() => parseConfig({ HOST: '0.0.0.0', ALLOW_UNAUTHENTICATED: 'ja' })).toThrow('Configuration error: ALLOW_UNAUTHENTICATED: expected true or false');
    expect(parseConfig({ HOST: '127.0.0.2' }).host).toBe('127.0.0.2');
    expect(parseConfig({}).host).toBe('127.0.0.1');
  });

  it('binds elsewhere with ALLOW_UNAUTHENTICATED=true and warns at every start', async () => {
    for (const round of [1, 2]) {
      const { logger, lines } = recordingLogger();
      const bed = await startTestBed({ azurite, env: { TABLE_PREFIX: 'bindall', HOST: '0.0.0.0', ALLOW_UNAUTHENTICATED: 'true' }, service: { logger } });
      try {
        expect(bed.service.address, `start ${round}`).toBe('0.0.0.0');
        const warning = lines.find((l) => l.event === 'auth.exposedUnauthenticated');
        expect(warning, `start ${round}`).toMatchObject({ level: 40, host: '0.0.0.0' });
      } finally {
        await bed.stop();
      }
    }
  });
});

describe('health and readiness', () => {
  it('/healthz answers 200 with no program; /readyz is ready and reports the missing program', async () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'plb-empty-'));
    const bed = await startTestBed({ azurite, env: { TABLE_PREFIX: 'noprog', CONTENT_DIR: empty } });
    try {
      const health = await fetch(`${bed.service.url}/healthz`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ status: 'ok' });
      const ready = await fetch(`${bed.service.url}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({ status: 'ready', storage: 'ok', program: 'missing', programs: 0 });
    } finally {
      await bed.stop();
    }
  });

  it('/readyz fails while storage is unreachable, /healthz stays 200', async () => {
    const own = await startAzurite();
    const bed = await startTestBed({ azurite: own, env: { TABLE_PREFIX: 'ready' } });
    try {
      expect(await (await fetch(`${bed.service.url}/readyz`)).json()).toEqual({ status: 'ready', storage: 'ok', program: 'ok', programs: 1 });
      await own.stop();
      const ready = await fetch(`${bed.service.url}/readyz`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toMatchObject({ status: 'unavailable', storage: 'unavailable', program: 'ok' });
      expect((await fetch(`${bed.service.url}/healthz`)).status).toBe(200);
    } finally {
      await bed.service.stop();
      await bed.connector.stop();
    }
  });
});
