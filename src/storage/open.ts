// Chooses the storage the configuration asks for: a connection string, a Table endpoint reached with a
// managed identity, or (neither set) embedded Azurite persisting under DATA_DIR. The embedded instance writes
// DATA_DIR/azurite.json so that a CLI started beside a running service reuses it instead of opening the
// same files twice.
import fs from 'node:fs';
import path from 'node:path';
import net from 'node:net';
import type { Logger } from '../shared/log.js';
import { startAzurite, type AzuriteHandle } from './azurite.js';
import { TableStore, azuriteConnectionString } from './tables.js';

export interface StorageSettings {
  STORAGE_CONNECTION_STRING?: string;
  STORAGE_TABLE_ENDPOINT?: string;
  TABLE_PREFIX: string;
  dataDir: string;
}

export interface OpenedStorage {
  store: TableStore;
  /** "connection-string" | "managed-identity" | "embedded" | "embedded (shared)". */
  mode: string;
  close(): Promise<void>;
}

interface EmbeddedMarker {
  pid: number;
  port: number;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export async function openStorage(settings: StorageSettings, logger?: Logger, options: { allowShared?: boolean } = {}): Promise<OpenedStorage> {
  if (settings.STORAGE_CONNECTION_STRING) {
    return {
      store: new TableStore({ kind: 'connectionString', connectionString: settings.STORAGE_CONNECTION_STRING }, settings.TABLE_PREFIX),
      mode: 'connection-string',
      close: async () => {},
    };
  }
  if (settings.STORAGE_TABLE_ENDPOINT) {
    return {
      store: new TableStore({ kind: 'endpoint', endpoint: settings.STORAGE_TABLE_ENDPOINT }, settings.TABLE_PREFIX),
      mode: 'managed-identity',
      close: async () => {},
    };
  }
  const markerFile = path.join(settings.dataDir, 'azurite.json');
  if (options.allowShared) {
    try {
      const marker = JSON.parse(fs.readFileSync(markerFile, 'utf8')) as EmbeddedMarker;
      if (isAlive(marker.pid) && (await portOpen(marker.port))) {
        return {
          store: new TableStore({ kind: 'connectionString', connectionString: azuriteConnectionString(marker.port) }, settings.TABLE_PREFIX),
          mode: 'embedded (shared)',
          close: async () => {},
        };
      }
    } catch {
      // no running embedded storage: start our own below
    }
  }
  const location = path.join(settings.dataDir, 'azurite');
  let handle: AzuriteHandle;
  try {
    handle = await startAzurite({ location });
  } catch (error) {
    throw new Error(`embedded storage (Azurite) could not start in ${location}: ${(error as Error).message}`);
  }
  fs.writeFileSync(markerFile, JSON.stringify({ pid: handle.process.pid ?? 0, port: handle.port } satisfies EmbeddedMarker));
  logger?.info({ event: 'storage.embedded', port: handle.port, location }, 'embedded Azurite started');
  return {
    store: new TableStore({ kind: 'connectionString', connectionString: handle.connectionString }, settings.TABLE_PREFIX),
    mode: 'embedded',
    close: async () => {
      await handle.stop();
      try {
        const marker = JSON.parse(fs.readFileSync(markerFile, 'utf8')) as EmbeddedMarker;
        if (marker.pid === handle.process.pid) fs.rmSync(markerFile);
      } catch {
        // already gone
      }
    },
  };
}
