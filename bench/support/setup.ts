// Starts the service as in production for a benchmark: Azurite as its own process, the service as its own
// process (`node --import tsx bench/support/service-main.ts`, which is src/index.ts with the Bot Framework
// authentication pointed at local stand-ins) with MicrosoftAppId set, so every activity's channel token is
// checked and every reply carries the bot's token (./channel-auth.ts); a recording connector in this process
// as serviceUrl that refuses calls without that token. Then prepares state: the bench session's poll is open
// (the scheduler ticks every second), and the askers and voters are installed.
import fs from 'node:fs';
import * as A from '../../tests/harness/activities.js';
import { freePort, startAzurite, type AzuriteHandle } from '../../src/storage/azurite.js';
import { ChannelAuth } from './channel-auth.js';
import { httpClient, spawnTs, startRecordingConnector, drive, type ChildService, type RecordingConnector } from './load.js';
import { BENCH_SESSION, benchContentDir, localeOf } from './traffic.js';

export interface FaqMemoCounts {
  asks: number;
  misses: number;
  /** The service's outgoing HTTP requests so far by "METHOD table" (or "METHOD connector"). */
  requests: Record<string, number>;
}

export interface BenchService {
  service: ChildService;
  azurite: AzuriteHandle;
  connector: RecordingConnector;
  auth: ChannelAuth;
  client: ReturnType<typeof httpClient>;
  /** The FAQ answer memo's counters so far, read from the service process (see ./service-main.ts). */
  faqMemo(): Promise<FaqMemoCounts>;
  stop(): Promise<void>;
}

const MEMO_LINE = /^\{"event":"bench\.faqMemo".*\}$/m;

export async function startBenchService(options: {
  concurrency: number;
  nodeArgs?: string[];
  env?: Record<string, string>;
  onOutput?: (chunk: string) => void;
  /** Reuse a channel (keys and tokens), e.g. for the echo baseline of the same run; else one of its own. */
  auth?: ChannelAuth;
}): Promise<BenchService> {
  const auth = options.auth ?? (await ChannelAuth.start());
  const connector = await startRecordingConnector({ authorization: `Bearer ${auth.connectorToken}` });
  const azurite = await startAzurite();
  const memoWaiters: Array<(counts: FaqMemoCounts) => void> = [];
  const onOutput = (chunk: string) => {
    options.onOutput?.(chunk);
    const line = MEMO_LINE.exec(chunk)?.[0];
    if (line) memoWaiters.shift()?.(JSON.parse(line) as FaqMemoCounts);
  };
  const stopOwnAuth = async () => {
    if (!options.auth) await auth.stop();
  };
  let service: ChildService | undefined;
  // The copy of the content the service reads, removed with the service.
  const contentDir = benchContentDir();
  const removeContent = () => fs.rmSync(contentDir, { recursive: true, force: true });
  try {
    service = await spawnTs(
      'bench/support/service-main.ts',
      {
        ...auth.env(),
        STORAGE_CONNECTION_STRING: azurite.connectionString,
        CONTENT_DIR: contentDir,
        LOG_LEVEL: 'warn',
        SCHEDULER_TICK: '*/1 * * * * *',
        DELIVERY_MAX_RPS: '50',
        ...options.env,
      },
      { port: await freePort(), readyPath: '/readyz', nodeArgs: options.nodeArgs, onOutput },
    );
  } catch (error) {
    await azurite.stop();
    await connector.stop();
    await stopOwnAuth();
    removeContent();
    throw error;
  }
  const client = httpClient(service.url, options.concurrency, (body) => auth.authorization(body));
  const running = service;
  return {
    service: running,
    azurite,
    connector,
    auth,
    client,
    faqMemo: () =>
      new Promise<FaqMemoCounts>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('the service did not report its FAQ memo counters')), 10_000);
        memoWaiters.push((counts) => {
          clearTimeout(timer);
          resolve(counts);
        });
        running.child.kill('SIGUSR2');
      }),
    stop: async () => {
      client.close();
      await running.stop();
      await azurite.stop();
      await connector.stop();
      await stopOwnAuth();
      removeContent();
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

/** Installs users first..first+count-1 (personal chats, each in its Teams locale), as the program's people would have. */
export async function installUsers(bench: BenchService, first: number, count: number, concurrency: number): Promise<void> {
  const installs = Array.from({ length: count }, (_, i) => ({
    kind: 'install',
    body: A.personalInstall({ serviceUrl: bench.connector.url, locale: localeOf(first + i) }, A.user(first + i)),
  }));
  bench.auth.prepare(installs);
  const result = await drive(bench.client, installs, concurrency);
  if (result.errors) throw new Error(`installs failed: ${JSON.stringify(result.errorKinds)}`);
}
