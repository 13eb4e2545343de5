// getEntityOrUndefined against real Azurite: a missing row is undefined, every other failure is thrown, so a
// repository built on it never mistakes a storage fault for "not there".
import { describe, expect, it } from 'vitest';
import { TableClient } from '@azure/data-tables';
import { DEVSTORE_ACCOUNT, getEntityOrUndefined, isStatus } from '../../src/storage/tables.js';
import { useAzurite } from '../harness/azurite.js';

const storage = useAzurite('pr');

describe('getEntityOrUndefined', () => {
  it('returns the stored row with its etag, and honours the options of the read', async () => {
    const client = await storage.store().table('PointReads');
    await client.createEntity({ partitionKey: 'p', rowKey: 'r', a: 'x', b: 2 });
    const row = await getEntityOrUndefined<{ a: string; b: number }>(client, 'p', 'r');
    expect(row).toMatchObject({ partitionKey: 'p', rowKey: 'r', a: 'x', b: 2 });
    expect(row?.etag).toMatch(/\S/);
    const selected = await getEntityOrUndefined<{ a: string }>(client, 'p', 'r', { queryOptions: { select: ['a'] } });
    expect(selected?.a).toBe('x');
    expect((selected as Record<string, unknown> | undefined)?.b).toBeUndefined();
  });

  it('returns undefined for a row that does not exist', async () => {
    const client = await storage.store().table('PointReads');
    await client.createEntity({ partitionKey: 'p', rowKey: 'other' });
    expect(await getEntityOrUndefined(client, 'p', 'missing')).toBeUndefined();
    expect(await getEntityOrUndefined(client, 'missing', 'other')).toBeUndefined();
  });

  it('throws any other status, here a refused signature (403)', async () => {
    const store = storage.store();
    const table = store.tableName('PointReads');
    await (await store.table('PointReads')).createEntity({ partitionKey: 'p', rowKey: 'r' });
    const wrongKey = Buffer.alloc(64, 7).toString('base64');
    const forged = TableClient.fromConnectionString(
      `DefaultEndpointsProtocol=http;AccountName=${DEVSTORE_ACCOUNT};AccountKey=${wrongKey};TableEndpoint=http://127.0.0.1:${storage.azurite.port}/${DEVSTORE_ACCOUNT};`,
      table,
      { allowInsecureConnection: true, retryOptions: { maxRetries: 0 } },
    );
    const error = await getEntityOrUndefined(forged, 'p', 'r').then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isStatus(error, 403)).toBe(true);
  });

  it('throws a failure without a status (nothing listening)', async () => {
    const client = TableClient.fromConnectionString(
      `DefaultEndpointsProtocol=http;AccountName=${DEVSTORE_ACCOUNT};AccountKey=${Buffer.alloc(64, 1).toString('base64')};TableEndpoint=http://127.0.0.1:1/${DEVSTORE_ACCOUNT};`,
      'PointReads',
      { allowInsecureConnection: true, retryOptions: { maxRetries: 0 } },
    );
    await expect(getEntityOrUndefined(client, 'p', 'r')).rejects.toThrow();
  });
});
