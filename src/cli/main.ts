// `npm run --silent cli -- <command>`: operator and tooling commands. Feature folders contribute their
// commands (CliCommand); this file parses the command name, builds the context and maps errors to one line.
import path from 'node:path';
import readline from 'node:readline/promises';
import { loadDotEnv, parseConfig, ConfigError, type AppConfig } from '../config/config.js';
import { openStorage, type OpenedStorage } from '../storage/open.js';
import { systemClock } from '../shared/clock.js';
import type { CliCommand, CliContext } from './types.js';
import { statusCommand } from './status.js';
import { programPurgeCommand } from './program-purge.js';
import { programCliCommands } from '../program/index.js';
import { faqCliCommands } from '../faq/index.js';
import { feedbackCliCommands } from '../feedback/index.js';
import { deliveryCliCommands } from '../delivery/index.js';
import { coordinationCliCommands } from '../coordination/index.js';

function commands(): CliCommand[] {
  return [statusCommand, ...programCliCommands, programPurgeCommand, ...faqCliCommands, ...feedbackCliCommands, ...deliveryCliCommands, ...coordinationCliCommands];
}

function usage(list: CliCommand[]): string {
  const width = Math.max(...list.map((c) => c.usage.length));
  return [
    'Usage: npm run --silent cli -- <command> [options]',
    '',
    'Commands:',
    ...list.map((c) => `  ${c.usage.padEnd(width)}  ${c.summary}`),
    '',
    'Run a command with --help for its options.',
  ].join('\n');
}

export async function runCli(argv: string[], io: { out(s: string): void; err(s: string): void }, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const list = commands();
  if (!argv.length || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    io.out(usage(list));
    return argv.length ? 0 : 1;
  }
  // Two-word commands ("program export") win over one-word ones.
  const two = `${argv[0]} ${argv[1] ?? ''}`.trim();
  const command = list.find((c) => c.name === two) ?? list.find((c) => c.name === argv[0]);
  if (!command) {
    io.err(`Unknown command: ${argv[0]}\n\n${usage(list)}`);
    return 2;
  }
  const args = argv.slice(command.name.split(' ').length);
  if (args.includes('--help') || args.includes('-h')) {
    io.out(`Usage: npm run --silent cli -- ${command.usage}\n\n${command.summary}`);
    return 0;
  }
  let config: AppConfig;
  try {
    config = parseConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      io.err(error.message);
      return 1;
    }
    throw error;
  }
  let opened: OpenedStorage | undefined;
  const ctx: CliContext = {
    out: io.out,
    err: io.err,
    env,
    contentDir: config.contentDir,
    clock: systemClock,
    ...(process.stdin.isTTY ? { confirm: askOnTerminal } : {}),
    storage: async () => {
      opened ??= await openStorage(config, undefined, { allowShared: true });
      return opened.store;
    },
  };
  try {
    return await command.run(args, ctx);
  } catch (error) {
    io.err(`${command.name}: ${(error as Error).message}`);
    return 1;
  } finally {
    await opened?.close();
  }
}

/** A y/N question on the terminal: "j", "ja", "y" and "yes" confirm, anything else declines. */
async function askOnTerminal(question: string): Promise<boolean> {
  const rl = readline.createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^(j|ja|y|yes)$/i.test((await rl.question(question)).trim());
  } finally {
    rl.close();
  }
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname);
if (isMain) {
  loadDotEnv();
  runCli(process.argv.slice(2), {
    out: (s) => process.stdout.write(`${s}\n`),
    err: (s) => process.stderr.write(`${s}\n`),
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: Error) => {
      process.stderr.write(`${error.message}\n`);
      process.exitCode = 1;
    },
  );
}
