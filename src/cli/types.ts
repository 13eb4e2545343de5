// The contract between `npm run cli -- <command>` (src/cli/main.ts) and the feature folders that
// contribute commands. A command writes through `out`/`err` and returns its exit code.
import type { TableStore } from '../storage/tables.js';
import type { Clock } from '../shared/clock.js';

export interface CliContext {
  out(text: string): void;
  err(text: string): void;
  env: NodeJS.ProcessEnv;
  /** CONTENT_DIR from the configuration (default ./content). */
  contentDir: string;
  /** Opens storage: STORAGE_CONNECTION_STRING / STORAGE_TABLE_ENDPOINT, else embedded Azurite on DATA_DIR. */
  storage(): Promise<TableStore>;
  clock: Clock;
  /** Asks a yes/no question on the terminal; absent when stdin is not a terminal (scripts must pass --yes). */
  confirm?(question: string): Promise<boolean>;
}

export interface CliCommand {
  /** One or two words, e.g. "lint" or "program export". */
  name: string;
  usage: string;
  summary: string;
  run(args: string[], ctx: CliContext): Promise<number>;
}
