// Starts the real service for end-to-end tests: in-memory Azurite, the HTTP server on a free port and
// the fake connector. Tests post activities and read what the bot sent from the connector.
import path from 'node:path';
import { parseConfig } from '../../src/config/config.js';
import { startService, type RunningService } from '../../src/service.js';
import { startAzurite, type AzuriteHandle } from '../../src/storage/azurite.js';
import { createLogger, silentLogger } from '../../src/shared/log.js';
import { ManualClock, type Clock } from '../../src/shared/clock.js';
import { FakeConnector } from './fake-connector.js';
import type { ProgramService } from '../../src/program/index.js';

export const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..');

export interface TestBed {
  azurite: AzuriteHandle;
  connector: FakeConnector;
  service: RunningService;
  clock: Clock;
  /** POSTs an activity to /api/messages and returns status and parsed body. */
  post(activity: unknown, headers?: Record<string, string>): Promise<{ status: number; body: any }>;
  where: { serviceUrl: string; locale?: string };
  stop(): Promise<void>;
}

export interface TestBedOptions {
  env?: Record<string, string>;
  clock?: Clock;
  /** Reuse an Azurite (e.g. two instances on one storage). */
  azurite?: AzuriteHandle;
  connector?: FakeConnector;
  /** Further startService options (e.g. startScheduler: false). */
  service?: Partial<Parameters<typeof startService>[1]>;
}

export async function startTestBed(options: TestBedOptions = {}): Promise<TestBed> {
  const azurite = options.azurite ?? (await startAzurite());
  const connector = options.connector ?? new FakeConnector();
  if (!connector.url) await connector.start();
  const config = parseConfig(
    {
      PORT: '0',
      CONTENT_DIR: path.join(REPO_ROOT, 'content'),
      STORAGE_CONNECTION_STRING: azurite.connectionString,
      LOG_LEVEL: 'silent',
      ...options.env,
    },
    REPO_ROOT,
  );
  const clock = options.clock ?? new ManualClock('2025-08-01T08:00:00Z');
  // TEST_LOG=debug|info|warn|error shows the service's log lines while debugging a test.
  const logger = process.env.TEST_LOG ? createLogger({ level: process.env.TEST_LOG }) : silentLogger;
  // No host option: the bind address is the configuration's (loopback without credentials).
  const service = await startService(config, { clock, logger, ...options.service });
  const post = async (activity: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(`${service.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof activity === 'string' ? activity : JSON.stringify(activity),
    });
    const text = await res.text();
    let body: any = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON
    }
    return { status: res.status, body };
  };
  return {
    azurite,
    connector,
    service,
    clock,
    post,
    where: { serviceUrl: connector.url },
    stop: async () => {
      await service.stop();
      if (!options.connector) await connector.stop();
      if (!options.azurite) await azurite.stop();
    },
  };
}

/** The program of a deployment that has exactly one (most end-to-end tests run the one-program layout). */
export function soleProgram(service: RunningService): ProgramService {
  const ids = service.catalog.ids();
  if (ids.length !== 1) throw new Error(`expected one program, found ${ids.length}`);
  return service.catalog.service(ids[0]!)!;
}
