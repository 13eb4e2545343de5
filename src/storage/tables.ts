// Access to Azure Table Storage. Every repository gets its TableClient from here, so the code path is the
// same for Azurite (connection string) and for a production account (endpoint + managed identity).
import { TableClient, TableServiceClient, RestError, type GetTableEntityOptions, type GetTableEntityResponse, type TableEntity, type TableEntityResult } from '@azure/data-tables';
import { DefaultAzureCredential } from '@azure/identity';
import { TableBatcher } from './table-batcher.js';
import { asciiBodyPolicy } from './ascii-body-policy.js';

export type StorageTarget =
  | { kind: 'connectionString'; connectionString: string }
  | { kind: 'endpoint'; endpoint: string };

export class TableStore {
  private readonly clients = new Map<string, Promise<TableClient>>();
  private readonly batchers = new Map<string, Promise<TableBatcher>>();
  private credential: DefaultAzureCredential | undefined;

  constructor(
    readonly target: StorageTarget,
    /** Prepended to every table name; lets several deployments (or test runs) share one account. */
    readonly prefix = '',
  ) {}

  private insecure(): boolean {
    return this.target.kind === 'connectionString'
      ? /https?:\/\/(127\.0\.0\.1|localhost)/i.test(this.target.connectionString) ||
          /UseDevelopmentStorage=true/i.test(this.target.connectionString)
      : this.target.endpoint.startsWith('http://');
  }

  tableName(name: string): string {
    const full = `${this.prefix}${name}`;
    if (!/^[A-Za-z][A-Za-z0-9]{2,62}$/.test(full)) throw new Error(`invalid table name: ${full}`);
    return full;
  }

  private createClient(table: string): TableClient {
    const options = {
      allowInsecureConnection: this.insecure(),
      retryOptions: { maxRetries: 2 },
      // Every write leaves as ASCII-only JSON; see ascii-body-policy.ts for why.
      additionalPolicies: [{ policy: asciiBodyPolicy(), position: 'perCall' as const }],
    };
    if (this.target.kind === 'connectionString') {
      return TableClient.fromConnectionString(this.target.connectionString, table, options);
    }
    this.credential ??= new DefaultAzureCredential();
    return new TableClient(this.target.endpoint, table, this.credential, options);
  }

  /** The client for a table, created on first use. */
  table(name: string): Promise<TableClient> {
    const full = this.tableName(name);
    let client = this.clients.get(full);
    if (!client) {
      client = (async () => {
        const c = this.createClient(full);
        try {
          await c.createTable();
        } catch (error) {
          if (!isStatus(error, 409)) throw error;
        }
        return c;
      })();
      client.catch(() => this.clients.delete(full));
      this.clients.set(full, client);
    }
    return client;
  }

  /** The group-commit writer of a table (one per table, shared by every repository that writes there). */
  batcher(name: string): Promise<TableBatcher> {
    const full = this.tableName(name);
    let batcher = this.batchers.get(full);
    if (!batcher) {
      batcher = this.table(name).then((client) => new TableBatcher(client));
      batcher.catch(() => this.batchers.delete(full));
      this.batchers.set(full, batcher);
    }
    return batcher;
  }

  /** Cheap round trip used by readiness checks and `cli status`. */
  async ping(timeoutMs = 2000): Promise<boolean> {
    const service =
      this.target.kind === 'connectionString'
        ? TableServiceClient.fromConnectionString(this.target.connectionString, {
            allowInsecureConnection: this.insecure(),
            retryOptions: { maxRetries: 0 },
          })
        : new TableServiceClient(this.target.endpoint, (this.credential ??= new DefaultAzureCredential()), {
            allowInsecureConnection: this.insecure(),
            retryOptions: { maxRetries: 0 },
          });
    const abort = AbortSignal.timeout(timeoutMs);
    try {
      const pages = service.listTables({ abortSignal: abort }).byPage({ maxPageSize: 1 });
      await pages.next();
      return true;
    } catch {
      return false;
    }
  }
}

export function isStatus(error: unknown, status: number): boolean {
  return error instanceof RestError ? error.statusCode === status : (error as { statusCode?: number })?.statusCode === status;
}

/**
 * A point read where a missing row is an answer, not a failure: the entity, or undefined on 404. Every other
 * error (throttling, a lost connection, a bad key) is thrown, so a storage fault never reads as "not there".
 */
export async function getEntityOrUndefined<T extends object = Record<string, unknown>>(
  client: TableClient,
  partitionKey: string,
  rowKey: string,
  options?: GetTableEntityOptions,
): Promise<GetTableEntityResponse<TableEntityResult<T>> | undefined> {
  try {
    return await client.getEntity<T>(partitionKey, rowKey, options);
  } catch (error) {
    if (isStatus(error, 404)) return undefined;
    throw error;
  }
}

/** Escapes a value for an OData filter string literal. */
export function odataString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** Row and partition keys may not contain / \ # ? or control characters. */
export function safeKey(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`).replace(/%/g, '$');
}

/**
 * A stable bucket ("00".."ff") for a key: FNV-1a mod `buckets`. Spreads one logical partition over several,
 * so that a hot or large one stays under Azure's per-partition rate and the emulator's per-row partition scans
 * stay short. The count is part of a table's stored layout.
 */
export function bucketOf(key: string, buckets: number): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return ((h >>> 0) % buckets).toString(16).padStart(2, '0');
}

/** OData filter for every bucket partition "<prefix>|00".."<prefix>|ff" ("}" follows "|"). */
export function bucketRangeFilter(prefix: string): string {
  return `PartitionKey ge ${odataString(`${prefix}|`)} and PartitionKey lt ${odataString(`${prefix}}`)}`;
}

export async function listAll<T extends object>(client: TableClient, filter?: string): Promise<TableEntity<T>[]> {
  const out: TableEntity<T>[] = [];
  const iter = client.listEntities<T>(filter ? { queryOptions: { filter } } : undefined);
  for await (const entity of iter) out.push(entity as TableEntity<T>);
  return out;
}

/**
 * Deletes the rows a filter finds, one by one; a row already gone (another instance, a retried purge) is
 * fine. Returns how many rows the filter found.
 */
export async function deleteWhere(client: TableClient, filter: string): Promise<number> {
  const rows = await listAll(client, filter);
  for (const row of rows) {
    try {
      await client.deleteEntity(row.partitionKey!, row.rowKey!);
    } catch (error) {
      if (!isStatus(error, 404)) throw error;
    }
  }
  return rows.length;
}

export const DEVSTORE_ACCOUNT = 'devstoreaccount1';
// Azurite's published, well-known development key (not a secret).
export const DEVSTORE_KEY =
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export function azuriteConnectionString(port: number, host = '127.0.0.1'): string {
  return `DefaultEndpointsProtocol=http;AccountName=${DEVSTORE_ACCOUNT};AccountKey=${DEVSTORE_KEY};TableEndpoint=http://${host}:${port}/${DEVSTORE_ACCOUNT};`;
}
