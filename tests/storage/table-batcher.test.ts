// The group-commit writer against real Azurite: writes that arrive together share a transaction, every
// caller learns the fate of its own write, and a transaction that fails is retried write by write.
import { describe, expect, it, vi } from 'vitest';
import type { TableClient } from '@azure/data-tables';
import { isStatus, listAll, TableStore } from '../../src/storage/tables.js';
import { TableBatcher } from '../../src/storage/table-batcher.js';
import { useAzurite } from '../harness/azurite.js';

const storage = useAzurite('b');

async function freshTable(): Promise<{ store: TableStore; client: TableClient }> {
  const store = storage.store();
  return { store, client: await store.table('Batched') };
}

describe('TableBatcher', () => {
  it('stores 250 concurrent creates in far fewer requests, and every caller gets its etag', async () => {
    const { client } = await freshTable();
    const transactions = vi.spyOn(client, 'submitTransaction');
    const singles = vi.spyOn(client, 'createEntity');
    const batcher = new TableBatcher(client);
    const etags = await Promise.all(Array.from({ length: 250 }, (_, i) => batcher.write({ type: 'create', entity: { partitionKey: 'p', rowKey: `r${String(i).padStart(3, '0')}`, i } })));
    expect(etags.every((e) => typeof e === 'string' && e.length > 0)).toBe(true);
    const rows = await listAll<{ i: number }>(client);
    expect(rows.map((r) => r.i).sort((a, b) => a - b)).toEqual(Array.from({ length: 250 }, (_, i) => i));
    const requests = transactions.mock.calls.length + singles.mock.calls.length;
    expect(requests).toBeLessThanOrEqual(10);
    expect(transactions.mock.calls.every(([actions]) => actions.length <= 100)).toBe(true);
  });

  it('a duplicate in a batch fails only its own caller; the others are stored', async () => {
    const { client } = await freshTable();
    await client.createEntity({ partitionKey: 'p', rowKey: 'taken', v: 'first' });
    const batcher = new TableBatcher(client);
    const writes = ['a', 'taken', 'b', 'c'].map((rowKey) => batcher.write({ type: 'create', entity: { partitionKey: 'p', rowKey, v: 'second' } }));
    const settled = await Promise.allSettled(writes);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    expect(isStatus((settled[1] as PromiseRejectedResult).reason, 409)).toBe(true);
    expect((await client.getEntity<{ v: string }>('p', 'taken')).v).toBe('first');
    expect((await listAll(client)).length).toBe(4);
  });

  it('writes of one row are stored in the order they were made; Replace drops absent fields', async () => {
    const { client } = await freshTable();
    // Every transaction but the one with the last write of x is slow here, so if that one went out while an
    // earlier write of x was still in flight, it would land first and be overwritten.
    const submit = client.submitTransaction.bind(client);
    vi.spyOn(client, 'submitTransaction').mockImplementation(async (actions) => {
      const last = actions.some((a) => a[1].rowKey === 'x' && (a[1] as { rating?: number }).rating === 5);
      await new Promise((r) => setTimeout(r, last ? 0 : 150));
      return submit(actions);
    });
    const batcher = new TableBatcher(client);
    const writes = [batcher.write({ type: 'upsert', mode: 'Replace', entity: { partitionKey: 'p', rowKey: 'x', rating: 0, comment: 'alt' } })];
    for (let i = 1; i <= 30; i++) {
      writes.push(batcher.write({ type: 'upsert', mode: 'Replace', entity: { partitionKey: 'p', rowKey: `other${i}`, rating: i } }));
      writes.push(batcher.write({ type: 'upsert', mode: 'Replace', entity: { partitionKey: 'p', rowKey: i % 2 ? 'x' : 'y', rating: i } }));
    }
    writes.push(batcher.write({ type: 'upsert', mode: 'Replace', entity: { partitionKey: 'p', rowKey: 'x', rating: 5 } }));
    writes.push(batcher.write({ type: 'upsert', mode: 'Replace', entity: { partitionKey: 'p', rowKey: 'y', rating: 3 } }));
    await Promise.all(writes);
    const x = await client.getEntity<{ rating: number; comment?: string }>('p', 'x');
    expect(x.rating).toBe(5);
    expect(x.comment).toBeUndefined();
    await batcher.write({ type: 'upsert', entity: { partitionKey: 'p', rowKey: 'y', comment: 'neu' } });
    expect(await client.getEntity<{ rating: number; comment?: string }>('p', 'y')).toMatchObject({ rating: 3, comment: 'neu' });
  });

  it('TableStore hands out one batcher per table', async () => {
    const { store } = await freshTable();
    const [a, b] = await Promise.all([store.batcher('Batched'), store.batcher('Batched')]);
    expect(a).toBe(b);
    expect(await store.batcher('Other')).not.toBe(a);
  });
});
