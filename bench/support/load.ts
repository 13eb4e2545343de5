// Shared load-test plumbing for the message and soak benchmarks: a recording connector that answers 200 (and
// refuses calls without the bot's token), child processes for the service and the echo baseline, a keep-alive
// HTTP driver with bounded concurrency that can add each activity's token, /proc sampling of a child (RSS, heap
// is not visible from outside so VmRSS/VmData/fd count), percentiles and a description of the machine the
// figures were taken on.
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { spawn, type ChildProcess } from 'node:child_process';

export const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..');

export function option(args: string[], name: string, fallback: number): number {
  const i = args.indexOf(`--${name}`);
  const raw = i >= 0 ? args[i + 1] : args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const n = raw === undefined ? fallback : Number(raw);
  if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} expects a number`);
  return n;
}

export function flag(args: string[], name: string): boolean {
  return args.includes(`--${name}`);
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Math.round(sorted[Math.max(0, index)]! * 10) / 10;
}

/** A connector that records how many activities the bot posted and answers 200 (401 to a wrong token). */
export interface RecordingConnector {
  url: string;
  posted(): number;
  /** Calls refused because they did not carry the expected Authorization header. */
  unauthorized(): number;
  /** Posts per conversation id (decoded). */
  byConversation: Map<string, number>;
  stop(): Promise<void>;
}

/** `authorization`: the header every call must carry, as the real connector checks the bot's token. */
export async function startRecordingConnector(options: { authorization?: string } = {}): Promise<RecordingConnector> {
  let posted = 0;
  let unauthorized = 0;
  const byConversation = new Map<string, number>();
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      if (options.authorization !== undefined && req.headers.authorization !== options.authorization) {
        unauthorized++;
        res.writeHead(401, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { code: 'Unauthorized', message: 'token missing or not the bot\'s' } }));
        return;
      }
      const parts = (req.url ?? '').split('?')[0]!.split('/').filter(Boolean);
      if (parts[0] === 'v3' && parts[1] === 'conversations' && parts.length >= 4) {
        posted++;
        const id = decodeURIComponent(parts[2]!);
        byConversation.set(id, (byConversation.get(id) ?? 0) + 1);
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: crypto.randomUUID() }));
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/`,
    posted: () => posted,
    unauthorized: () => unauthorized,
    byConversation,
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export interface ChildService {
  child: ChildProcess;
  pid: number;
  port: number;
  url: string;
  output(): string;
  stop(): Promise<number | null>;
}

/**
 * Runs a TypeScript entry point as its own process and waits until `readyPath` answers 200. tsx is loaded
 * with --import rather than through its CLI, which would put a wrapper process in between: the pid sampled
 * and profiled must be the service itself.
 */
export async function spawnTs(
  script: string,
  env: Record<string, string>,
  options: { port: number; readyPath?: string; nodeArgs?: string[]; timeoutMs?: number; onOutput?: (chunk: string) => void },
): Promise<ChildService> {
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), '--import', 'tsx', script], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env, PORT: String(options.port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const keep = (d: Buffer) => {
    const text = d.toString();
    out = (out + text).slice(-8000);
    options.onOutput?.(text);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${options.port}`;
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${script} exited with ${child.exitCode}: ${out.slice(-1000)}`);
    try {
      const res = await fetch(`${url}${options.readyPath ?? '/healthz'}`);
      await res.text();
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${script} did not become ready: ${out.slice(-1000)}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    child,
    pid: child.pid!,
    port: options.port,
    url,
    output: () => out,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        const code = await exited;
        clearTimeout(timer);
        return code;
      }
      return child.exitCode;
    },
  };
}

export interface PostResult {
  status: number;
  body: string;
  ms: number;
}

/**
 * Keep-alive POST client: one agent, at most `sockets` connections (the concurrency of the driver).
 * `authorize` gives the Authorization header for a body (the channel token of its sender).
 */
export function httpClient(baseUrl: string, sockets: number, authorize?: (body: unknown) => string | undefined) {
  // Idle sockets are dropped after 4 s, before the server's 5 s keep-alive timeout can close one under a
  // request being sent (the classic keep-alive race, which would count as a client-side error).
  const agent = new http.Agent({ keepAlive: true, maxSockets: sockets, maxFreeSockets: sockets, timeout: 4000 });
  const target = new URL(baseUrl);
  const post = (pathName: string, body: unknown): Promise<PostResult> =>
    new Promise((resolve) => {
      const payload = Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
      const authorization = authorize?.(body);
      const t0 = performance.now();
      const req = http.request(
        {
          agent,
          host: target.hostname,
          port: target.port,
          method: 'POST',
          path: pathName,
          headers: { 'content-type': 'application/json', 'content-length': payload.length, ...(authorization ? { authorization } : {}) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), ms: performance.now() - t0 }));
          res.on('error', () => resolve({ status: 0, body: '', ms: performance.now() - t0 }));
        },
      );
      req.on('error', (error) => resolve({ status: 0, body: `${(error as NodeJS.ErrnoException).code ?? ''} ${error.message}`, ms: performance.now() - t0 }));
      req.end(payload);
    });
  return { post, close: () => agent.destroy() };
}

export interface DriveResult {
  activities: number;
  errors: number;
  errorKinds: Record<string, number>;
  latencies: number[];
  wallMs: number;
}

/**
 * Sends every activity with `concurrency` requests in flight. `check` decides whether an answer is an error
 * (default: any status other than 200/201/202).
 */
export async function drive(
  client: ReturnType<typeof httpClient>,
  activities: Array<{ kind: string; body: unknown }>,
  concurrency: number,
  check: (kind: string, result: PostResult) => string | undefined = (_k, r) => (r.status >= 200 && r.status < 300 ? undefined : `http-${r.status}`),
): Promise<DriveResult> {
  const latencies: number[] = new Array(activities.length);
  const errorKinds: Record<string, number> = {};
  let next = 0;
  let errors = 0;
  const t0 = performance.now();
  const worker = async () => {
    for (;;) {
      const i = next++;
      if (i >= activities.length) return;
      const a = activities[i]!;
      const result = await client.post('/api/messages', a.body);
      latencies[i] = result.ms;
      const problem = check(a.kind, result);
      if (problem) {
        errors++;
        const key = `${a.kind}:${problem}`;
        errorKinds[key] = (errorKinds[key] ?? 0) + 1;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { activities: activities.length, errors, errorKinds, latencies, wallMs: performance.now() - t0 };
}

export function summarize(result: DriveResult, kinds?: string[]) {
  const sorted = [...result.latencies].sort((a, b) => a - b);
  const perKind: Record<string, { n: number; p50_ms: number; p99_ms: number }> = {};
  if (kinds) {
    for (const kind of new Set(kinds)) {
      const mine = result.latencies.filter((_, i) => kinds[i] === kind).sort((a, b) => a - b);
      perKind[kind] = { n: mine.length, p50_ms: percentile(mine, 50), p99_ms: percentile(mine, 99) };
    }
  }
  return {
    activities: result.activities,
    errors: result.errors,
    ...(result.errors ? { error_kinds: result.errorKinds } : {}),
    throughput_per_s: Math.round((result.activities / result.wallMs) * 1000),
    p50_ms: percentile(sorted, 50),
    p99_ms: percentile(sorted, 99),
    ...(kinds ? { by_kind: perKind } : {}),
  };
}

/** CPU seconds (user + system) a process has used so far, from /proc/<pid>/stat. */
export function cpuSeconds(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return Math.round((ticks / 100) * 100) / 100;
}

/** Memory and descriptors of another process, from /proc (nothing is added to the measured process). */
export function procSample(pid: number): { rss_mb: number; data_mb: number; fds: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
  const fds = fs.readdirSync(`/proc/${pid}/fd`).length;
  return { rss_mb: Math.round((kb('VmRSS') / 1024) * 10) / 10, data_mb: Math.round((kb('VmData') / 1024) * 10) / 10, fds };
}

/** Jiffies from /proc/stat's cpu line: all of them, and those stolen by the hypervisor. */
function cpuJiffies(): { total: number; steal: number } {
  const line = fs.existsSync('/proc/stat') ? fs.readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]! : '';
  const fields = line.trim().split(/\s+/).slice(1, 9).map(Number);
  return { total: fields.reduce((a, b) => a + (Number.isFinite(b) ? b : 0), 0), steal: fields[7] ?? 0 };
}

/**
 * CPU time the hypervisor gave to other guests while the benchmark ran, in percent. On a shared VM this is
 * what makes the same code measure very differently from one day to the next; it is reported with the figures.
 */
export function stealMeter(): () => number | null {
  const start = cpuJiffies();
  return () => {
    const end = cpuJiffies();
    const total = end.total - start.total;
    return total > 0 ? Math.round(((end.steal - start.steal) / total) * 1000) / 10 : null;
  };
}

export function machine() {
  const cpuinfo = fs.existsSync('/proc/cpuinfo') ? fs.readFileSync('/proc/cpuinfo', 'utf8') : '';
  return {
    date: new Date().toISOString(),
    nproc: os.availableParallelism(),
    cpu: /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? os.cpus()[0]?.model ?? 'unknown',
    memory_gb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    loadavg: os.loadavg().map((l) => Math.round(l * 100) / 100),
  };
}
