// `npm run playground`: the bot and the Microsoft 365 Agents Playground (a local Teams-like client) side by
// side, for people who want to chat with the bot without a Teams tenant. Also exports startPlayground(),
// which the browser tests (tests/client/) use to run the same Playground against an in-process service.
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';

export const DEFAULT_PLAYGROUND_PORT = 56150;

export interface PlaygroundOptions {
  /** The bot's messaging endpoint, e.g. http://127.0.0.1:3978/api/messages. */
  botEndpoint: string;
  /** Port for the web UI and the Playground's connector. The Playground itself falls back to a random port
   *  when this one is taken; the port it really uses is read from its output. */
  port?: number;
  /** Working directory; the Playground writes its logs to ./devTools/ below it when stdout is not a terminal. */
  cwd?: string;
  /** How long to wait for "Listening on PORT" (default 30 s). */
  timeoutMs?: number;
}

export interface PlaygroundHandle {
  port: number;
  /** The web UI, e.g. http://127.0.0.1:56150/. */
  url: string;
  process: ChildProcess;
  /** The last few kilobytes the Playground wrote to stdout/stderr, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

function playgroundCli(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('@microsoft/m365agentsplayground/package.json')), 'cli.js');
}

/** Ends the Playground's process group (it is started detached so that nothing it spawns outlives it). */
function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    child.kill(signal);
  }
}

export async function startPlayground(options: PlaygroundOptions): Promise<PlaygroundHandle> {
  const cwd = options.cwd ?? fs.mkdtempSync(path.join(os.tmpdir(), 'playground-'));
  fs.mkdirSync(cwd, { recursive: true });
  const args = [
    playgroundCli(),
    '-e', options.botEndpoint,
    '-c', 'msteams',
    '-p', String(options.port ?? DEFAULT_PLAYGROUND_PORT),
    '--disable-telemetry',
  ];
  // Without TEAMSAPPTESTER_BROWSER=none the Playground tries to open a desktop browser and exits.
  const child = spawn(process.execPath, args, {
    cwd,
    env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  // If the parent dies without calling stop() (a crashed test run), the Playground must not linger.
  const onParentExit = () => killGroup(child, 'SIGKILL');
  process.once('exit', onParentExit);

  let output = '';
  const append = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8000);
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);

  const timeoutMs = options.timeoutMs ?? 30_000;
  let port: number;
  try {
    port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`Agents Playground did not report "Listening on PORT" within ${timeoutMs} ms`)),
        timeoutMs,
      );
      const check = () => {
        const match = /Listening on (\d+)/.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(Number(match[1]));
        }
      };
      child.stdout?.on('data', check);
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`Agents Playground exited early (code ${code}, signal ${signal})`));
      });
      child.once('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
    });
  } catch (error) {
    killGroup(child, 'SIGKILL');
    process.removeListener('exit', onParentExit);
    throw new Error(`${(error as Error).message}\n--- Playground output ---\n${output.trim()}`);
  }

  const stop = () =>
    new Promise<void>((resolve) => {
      process.removeListener('exit', onParentExit);
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 3000);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      killGroup(child, 'SIGTERM');
    });

  return { port, url: `http://127.0.0.1:${port}/`, process: child, output: () => output, stop };
}

const scriptEnvSchema = z.object({
  PLAYGROUND_PORT: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z.coerce
      .number({ invalid_type_error: 'expected a port number (1-65535)' })
      .int('expected a port number (1-65535)')
      .min(1, 'expected a port number (1-65535)')
      .max(65535, 'expected a port number (1-65535)')
      .default(DEFAULT_PLAYGROUND_PORT),
  ),
});

async function main(): Promise<void> {
  const { loadDotEnv, parseConfig, ConfigError } = await import('../src/config/config.js');
  loadDotEnv();
  let config;
  let playgroundPort: number;
  try {
    config = parseConfig(process.env);
    const parsed = scriptEnvSchema.safeParse(process.env);
    if (!parsed.success) throw new ConfigError('PLAYGROUND_PORT', parsed.error.issues[0]!.message);
    playgroundPort = parsed.data.PLAYGROUND_PORT;
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  if (!config.localMode) {
    process.stderr.write('The Playground talks to the bot without Bot Framework tokens: unset MicrosoftAppId to use it.\n');
    process.exit(1);
  }
  const { startService } = await import('../src/service.js');
  const service = await startService(config, { host: '127.0.0.1' });
  let playground: PlaygroundHandle;
  try {
    playground = await startPlayground({
      botEndpoint: `http://127.0.0.1:${service.port}/api/messages`,
      port: playgroundPort,
      cwd: process.cwd(),
    });
  } catch (error) {
    await service.stop();
    throw error;
  }
  process.stdout.write(
    [
      '',
      `Bot:        http://127.0.0.1:${service.port}/api/messages`,
      `Playground: ${playground.url}`,
      '',
      `Open ${playground.url} in a browser. The Playground sends locale en-US, so the bot answers in English;`,
      'German command words (hilfe, termine, ...) work too. Playground logs: ./devTools/. Stop with Ctrl+C.',
      '',
    ].join('\n'),
  );

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    const hardStop = setTimeout(() => process.exit(1), 10_000);
    hardStop.unref();
    void Promise.allSettled([playground.stop(), service.stop()]).then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  playground.process.once('exit', (code) => {
    if (stopping) return;
    process.stderr.write(`The Playground stopped (code ${code}); stopping the bot.\n`);
    stop();
  });
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (invokedDirectly) {
  main().catch((error: Error) => {
    process.stderr.write(`Playground start failed: ${error.message}\n`);
    process.exit(1);
  });
}
