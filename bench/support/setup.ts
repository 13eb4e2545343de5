// Starts the service as in production for a benchmark: Azurite as its own process, the service as its own
// process (`node --import tsx src/index.ts` with env), a recording connector in this process as serviceUrl.
// Then prepares state: the bench session's poll is open (the scheduler ticks every second), and the askers
// and voters are installed.
import * as A from '../../tests/harness/activities.js';
import { freePort, startAzurite, type AzuriteHandle } from '../../src/storage/azurite.js';
import { httpClient, spawnTs, startRecordingConnector, drive, type ChildService, type RecordingConnector } from './load.js';
import { BENCH_SESSION, benchContentDir } from './traffic.js';

export interface BenchService {
  service: ChildService;
  azurite: AzuriteHandle;
  connector: RecordingConnector;
  client: ReturnType<typeof httpClient>;
  stop(): Promise<void>;
}

export async function startBenchService(options: { concurrency: number; nodeArgs?: string[]; env?: Record<string, string>; onOutput?: (chunk: string) => void }): Promise<BenchService> {
  const connector = await startRecordingConnector();
  const azurite = await startAzurite();
  let service: ChildService | undefined;
  try {
    service = await spawnTs(
      'src/index.ts',
      {
        STORAGE_CONNECTION_STRING: azurite.connectionString,
        CONTENT_DIR: benchContentDir(),
        LOG_LEVEL: 'warn',
        SCHEDULER_TICK: '*/1 * * * * *',
        DELIVERY_MAX_RPS: '50',
        ...options.env,
      },
      { port: await freePort(), readyPath: '/readyz', nodeArgs: options.nodeArgs, onOutput: options.onOutput },
    );
  } catch (error) {
    await azurite.stop();
    await connector.stop();
    throw error;
  }
  const client = httpClient(service.url, options.concurrency);
  const running = service;
  return {
    service: running,
    azurite,
    connector,
    client,
    stop: async () => {
      client.close();
      await running.stop();
      await azurite.stop();
      await connector.stop();
    },
  };
}

/** Waits until the service's scheduler has opened the bench session's poll (a probe vote is accepted). */
export async function waitForPoll(bench: BenchService, timeoutMs = 30_000): Promise<void> {
  const where = { serviceUrl: bench.connector.url };
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const probe = await bench.client.post('/api/messages', A.cardAction(where, A.user(999_999), 'feedback.submit', { sessionId: BENCH_SESSION, rating: 5 }));
    if (probe.status === 200 && probe.body.includes('Danke für Ihr Feedback')) return;
    if (Date.now() > deadline) throw new Error(`poll did not open: ${probe.status} ${probe.body.slice(0, 300)}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** Installs users first..first+count-1 (personal chats), as the people of the program would have. */
export async function installUsers(bench: BenchService, first: number, count: number, concurrency: number): Promise<void> {
  const where = { serviceUrl: bench.connector.url };
  const installs = Array.from({ length: count }, (_, i) => ({ kind: 'install', body: A.personalInstall(where, A.user(first + i)) }));
  const result = await drive(bench.client, installs, concurrency);
  if (result.errors) throw new Error(`installs failed: ${JSON.stringify(result.errorKinds)}`);
}
