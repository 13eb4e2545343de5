// One Azurite per test file (started before its tests, stopped after them) and a fresh set of tables on it
// for every store a test asks for, so tests never see each other's rows. Table names carry a random part of
// random length, so no test depends on where a request's bytes happen to fall.
import { afterAll, beforeAll } from 'vitest';
import { startAzurite, type AzuriteHandle } from '../../src/storage/azurite.js';
import { TableStore } from '../../src/storage/tables.js';

export interface TestStorage {
  /** The running emulator; only inside tests and hooks. */
  readonly azurite: AzuriteHandle;
  /** A TableStore with a table prefix nobody else in this run uses. */
  store(): TableStore;
}

export function useAzurite(prefix: string): TestStorage {
  let handle: AzuriteHandle | undefined;
  let stores = 0;
  beforeAll(async () => {
    handle = await startAzurite();
  });
  afterAll(async () => {
    await handle?.stop();
  });
  const storage: TestStorage = {
    get azurite() {
      if (!handle) throw new Error('Azurite runs only while the tests of the file run');
      return handle;
    },
    store: () => new TableStore({ kind: 'connectionString', connectionString: storage.azurite.connectionString }, randomTablePrefix(`${prefix}${++stores}`)),
  };
  return storage;
}

/**
 * `prefix`, "z", then 1 to 12 random letters and digits and a closing "x": unique as long as `prefix` is (the
 * "z" ends a counter in `prefix`), and a different request-line length every run.
 */
export function randomTablePrefix(prefix: string): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  const length = 1 + Math.floor(Math.random() * 12);
  let out = `${prefix}z`;
  for (let i = 0; i < length; i++) out += alphabet[Math.floor(Math.random() * alphabet.length)];
  return `${out}x`;
}
