// One Azurite per test file (started before its tests, stopped after them) and a fresh set of tables on it
// for every store a test asks for, so tests never see each other's rows. Table names are the same in every
// run (`<prefix><n>x`): Azurite 3.35 joins a request body's chunks as separate strings, which breaks a
// multi-byte character that straddles a chunk boundary, and where the boundaries fall depends on the
// length of the request line, so a name that varied from run to run (e.g. with the pid) would make large
// non-ASCII writes corrupt in some runs and not in others.
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
    store: () => new TableStore({ kind: 'connectionString', connectionString: storage.azurite.connectionString }, `${prefix}${++stores}x`),
  };
  return storage;
}
