// Embedded storage: Azurite's Table service as a child process. The service starts it when no connection
// string is configured (data under DATA_DIR, so it survives restarts); tests start it in memory.
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import fs from 'node:fs';
import { azuriteConnectionString } from './tables.js';

export interface AzuriteHandle {
  port: number;
  connectionString: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function azuriteTableMain(): string {
  const require = createRequire(import.meta.url);
  const pkg = require.resolve('azurite/package.json');
  return path.join(path.dirname(pkg), 'dist', 'src', 'table', 'main.js');
}

async function waitForPort(port: number, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`azurite exited with code ${child.exitCode}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`azurite did not listen on port ${port} within ${timeoutMs} ms`);
}

/**
 * Loaded into the Azurite process before its own code. Azurite saves its database only every 5 s and on
 * SIGINT, so the watchdog turns every way of being told to stop into a SIGINT:
 * - the parent holds the other end of Azurite's stdin; when the parent dies, however it dies (even SIGKILL),
 *   stdin ends and Azurite saves and exits instead of living on as an orphan;
 * - a SIGTERM sent to Azurite itself also saves first;
 * - after the SIGINT, stdin is let go so the process can exit once Azurite has closed; if closing hangs, it
 *   exits after 10 s.
 */
const WATCHDOG_SOURCE = `
let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  process.kill(process.pid, 'SIGINT');
};
process.on('SIGINT', () => {
  stopping = true;
  process.stdin.destroy();
  setTimeout(() => process.exit(0), 10000).unref();
});
process.on('SIGTERM', stop);
process.stdin.on('end', stop);
process.stdin.on('close', stop);
process.stdin.on('error', stop);
process.stdin.resume();
`;
const WATCHDOG = `data:text/javascript,${encodeURIComponent(WATCHDOG_SOURCE)}`;

export interface StartAzuriteOptions {
  /** Folder for persistent data; omitted means in-memory. */
  location?: string;
  port?: number;
  timeoutMs?: number;
}

export async function startAzurite(options: StartAzuriteOptions = {}): Promise<AzuriteHandle> {
  const port = options.port ?? (await freePort());
  const args = [azuriteTableMain(), '--tablePort', String(port), '--disableTelemetry', '--silent', '--skipApiVersionCheck'];
  if (options.location) {
    fs.mkdirSync(options.location, { recursive: true });
    args.push('--location', options.location);
  } else {
    args.push('--inMemoryPersistence');
  }
  const child = spawn(process.execPath, ['--import', WATCHDOG, ...args], {
    // stdin is the lifeline the watchdog watches; nothing is written to it.
    stdio: ['pipe', 'ignore', 'pipe'],
    cwd: options.location ?? process.cwd(),
    // Its own process group: a signal to the service's group (systemd, `timeout`, a container runtime, Ctrl-C)
    // does not reach Azurite, which would die on SIGTERM without saving. The service stops it with SIGINT.
    detached: true,
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-2000);
  });
  try {
    await waitForPort(port, child, options.timeoutMs ?? 15_000);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`${(error as Error).message}${stderr ? `: ${stderr.trim()}` : ''}`);
  }
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      // Azurite saves its database on SIGINT; SIGTERM would end it without saving.
      child.kill('SIGINT');
    });
  return { port, connectionString: azuriteConnectionString(port), process: child, stop };
}
