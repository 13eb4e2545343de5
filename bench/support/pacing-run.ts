// One pacing measurement, as the pacing test and `npm run bench -- delivery --mode instances` run it: a
// receiver process (./pacing-receiver.ts) and several instance processes (./delivery-instance.ts) on one
// Azurite. Each instance claims and runs a job of its own; every job goes to every tenant, so the instances
// send for the same tenants at the same time. Returns what the receiver counted.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { DeliveryJobRepository } from '../../src/delivery/index.js';
import { TableStore } from '../../src/storage/tables.js';
import type { AzuriteHandle } from '../../src/storage/azurite.js';
import { pacingChats, pacingText, type InstanceOptions } from './delivery-instance.js';
import type { ExpectedDelivery, ReceiverOptions, ReceiverReport } from './pacing-receiver.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

export interface PacingRun {
  azurite: AzuriteHandle;
  /** Distinct per run on one Azurite. */
  tablePrefix: string;
  instances: number;
  tenants: number;
  /** Recipients per tenant, spread over the instances' jobs. */
  perTenant: number;
  limit: number;
  p429: number;
  p503: number;
  seed: number;
  /** Further environment for the instances (DELIVERY_* settings). */
  env?: Record<string, string>;
  timeoutMs?: number;
}

export interface PacingResult {
  report: ReceiverReport;
  outcomes: { jobId: string; outcome: string; counts: Record<string, number> }[];
  seconds: number;
}

type Message = { type: string; [k: string]: unknown };

class Child {
  private readonly waiting: { match: (m: Message) => boolean; resolve: (m: Message) => void }[] = [];
  private exited: Error | undefined;
  private readonly failures: ((e: Error) => void)[] = [];

  constructor(readonly name: string, readonly process: ChildProcess) {
    process.on('message', (raw) => {
      const m = raw as Message;
      const i = this.waiting.findIndex((w) => w.match(m));
      if (i >= 0) this.waiting.splice(i, 1)[0]!.resolve(m);
    });
    process.on('exit', (code, signal) => {
      this.exited = new Error(`${name} exited (${code ?? signal})`);
      for (const f of this.failures) f(this.exited);
    });
  }

  next(match: (m: Message) => boolean): Promise<Message> {
    if (this.exited) return Promise.reject(this.exited);
    return new Promise((resolve, reject) => {
      this.waiting.push({ match, resolve });
      this.failures.push(reject);
    });
  }

  /** Resolves when the process has ended. */
  exit(): Promise<void> {
    if (this.exited) return Promise.resolve();
    return new Promise((resolve) => this.failures.push(() => resolve()));
  }

  send(m: Message): void {
    this.process.send(m);
  }
}

function spawnChild(name: string, script: string, arg: unknown, env: Record<string, string> = {}): Child {
  // `node --import tsx`, not the tsx command, so that the pid is the process that does the work.
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, script), JSON.stringify(arg)], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: 'silent', ...(process.env.TEST_LOG ? { TEST_LOG: process.env.TEST_LOG } : {}), ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Child(name, child);
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`pacing run: timed out waiting for ${what}`)), ms))),
  ]).finally(() => clearTimeout(timer));
}

export async function runPacing(run: PacingRun): Promise<PacingResult> {
  const children: Child[] = [];
  const timeoutMs = run.timeoutMs ?? 120_000;
  try {
    const receiverOptions: ReceiverOptions = { limit: run.limit, p429: run.p429, p503: run.p503, latencyMs: [20, 40], seed: run.seed };
    const receiver = spawnChild('receiver', 'bench/support/pacing-receiver.ts', receiverOptions);
    children.push(receiver);
    const url = String((await withTimeout(receiver.next((m) => m.type === 'ready'), 30_000, 'the receiver')).url);

    const chats = pacingChats(run.tenants, run.perTenant, url);
    const jobIds = Array.from({ length: run.instances }, (_, i) => `pacing-${run.tablePrefix}-${i}`);
    // Job i takes every instances-th chat of each tenant: each job reaches every tenant.
    const share = (i: number) => chats.filter((_, n) => (n % run.perTenant) % run.instances === i);
    const expected: ExpectedDelivery[] = jobIds.flatMap((jobId, i) => share(i).map((c) => ({ conversationId: c.conversationId, tenantId: c.tenantId, text: pacingText(jobId) })));
    receiver.send({ type: 'expect', deliveries: expected });
    await receiver.next((m) => m.type === 'expected');

    const store = new TableStore({ kind: 'connectionString', connectionString: run.azurite.connectionString }, run.tablePrefix);
    const jobs = new DeliveryJobRepository(store);
    for (const [i, jobId] of jobIds.entries()) {
      await jobs.create({ jobId, kind: 'pacing', payload: {}, audience: { purpose: 'broadcast', conversationIds: share(i).map((c) => c.conversationId) }, dueAt: new Date() }, new Date());
    }

    const instances = jobIds.map((_, i) => {
      const options: InstanceOptions = {
        ownerId: `instance-${i + 1}`,
        connectionString: run.azurite.connectionString,
        tablePrefix: run.tablePrefix,
        serviceUrl: url,
        tenants: run.tenants,
        perTenant: run.perTenant,
      };
      const child = spawnChild(`instance-${i + 1}`, 'bench/support/delivery-instance.ts', options, { DELIVERY_MAX_RPS: String(run.limit), ...run.env });
      children.push(child);
      return child;
    });
    await withTimeout(Promise.all(instances.map((c) => c.next((m) => m.type === 'ready'))), 30_000, 'the instances');

    const t0 = performance.now();
    const done = instances.map((c, i) => c.next((m) => m.type === 'done' && m.jobId === jobIds[i]));
    const started = await Promise.all(
      instances.map((c, i) => {
        const reply = c.next((m) => m.type === 'started' && m.jobId === jobIds[i]);
        c.send({ type: 'start', jobId: jobIds[i]! });
        return reply;
      }),
    );
    for (const s of started) if (!s.ok) throw new Error(`job ${String(s.jobId)} was not claimed${s.error ? `: ${String(s.error)}` : ''}`);
    const outcomes = (await withTimeout(Promise.all(done), timeoutMs, 'the jobs')).map((m) => ({
      jobId: String(m.jobId),
      outcome: String(m.outcome),
      counts: m.counts as Record<string, number>,
    }));
    const seconds = (performance.now() - t0) / 1000;
    receiver.send({ type: 'report' });
    const report = (await receiver.next((m) => m.type === 'report')).report as ReceiverReport;
    for (const c of instances) c.send({ type: 'stop' });
    await withTimeout(Promise.all(instances.map((c) => c.exit())), 10_000, 'the instances to stop').catch(() => undefined);
    return { report, outcomes, seconds: Math.round(seconds * 100) / 100 };
  } finally {
    for (const c of children) if (c.process.exitCode === null && c.process.signalCode === null) c.process.kill('SIGKILL');
  }
}
