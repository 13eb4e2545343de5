// The backup script printed in docs/deployment.md, run as an operator would run it: exported from one
// Azurite, imported into another, and compared entity by entity with the Edm types of every property.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TableClient, TableServiceClient } from '@azure/data-tables';
import { startAzurite, type AzuriteHandle } from '../../src/storage/azurite.js';

const run = promisify(execFile);

function scriptFromDocs(): string {
  const doc = fs.readFileSync('docs/deployment.md', 'utf8');
  const block = /<!-- tables-backup\.mjs:begin -->\s*```js\n([\s\S]*?)```\s*<!-- tables-backup\.mjs:end -->/.exec(doc);
  if (!block) throw new Error('tables-backup.mjs block not found in docs/deployment.md');
  return block[1]!;
}

let source: AzuriteHandle;
let target: AzuriteHandle;
let tmp: string;
// Inside the repository, so that the script's bare imports resolve to node_modules like in a checkout.
const script = path.resolve('tests/infra', `.tables-backup-${process.pid}.mjs`);

const options = { allowInsecureConnection: true };

async function allEntities(connectionString: string, table: string) {
  const client = TableClient.fromConnectionString(connectionString, table, options);
  const rows: Array<Record<string, unknown>> = [];
  for await (const e of client.listEntities({ disableTypeConversion: true })) {
    const { etag: _etag, timestamp: _timestamp, ...rest } = e as Record<string, unknown>;
    rows.push(rest);
  }
  return rows.sort((a, b) => String(a.partitionKey + '|' + a.rowKey).localeCompare(String(b.partitionKey + '|' + b.rowKey)));
}

beforeAll(async () => {
  [source, target] = await Promise.all([startAzurite(), startAzurite()]);
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tables-backup-'));
  fs.writeFileSync(script, scriptFromDocs());

  const responses = TableClient.fromConnectionString(source.connectionString, 'bkpFeedbackResponses', options);
  await responses.createTable();
  await responses.createEntity({
    partitionKey: 'sds-2025.auftakt',
    rowKey: 'a'.repeat(64),
    rating: 4,
    good: 'Gute Beispiele, klare Struktur – „Datenstrategie“ verständlich',
    submittedAt: new Date('2025-08-26T10:05:00Z'),
    ratio: 0.75,
    anonymous: true,
    big: { value: '9007199254740993', type: 'Int64' },
    id: { value: '6f1c2a8e-3b4d-4e5f-9a0b-1c2d3e4f5a6b', type: 'Guid' },
  });
  // One more than a page of the listing (1000), so the export must follow continuation tokens.
  const deliveries = TableClient.fromConnectionString(source.connectionString, 'bkpDeliveries', options);
  await deliveries.createTable();
  for (let p = 0; p < 11; p++) {
    const size = p < 10 ? 100 : 1;
    const batch = Array.from({ length: size }, (_, i) => ['create', { partitionKey: `job${p}`, rowKey: `r${i}`, n: p * 100 + i }] as ['create', { partitionKey: string; rowKey: string; n: number }]);
    await deliveries.submitTransaction(batch);
  }
  const other = TableClient.fromConnectionString(source.connectionString, 'otherapp', options);
  await other.createTable();
  await other.createEntity({ partitionKey: 'x', rowKey: 'y' });
}, 60_000);

afterAll(async () => {
  fs.rmSync(script, { force: true });
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  await Promise.all([source?.stop(), target?.stop()]);
});

describe('tables-backup.mjs from docs/deployment.md', () => {
  it('exports the tables with a prefix and imports them into an empty account unchanged', async () => {
    const folder = path.join(tmp, 'backup');
    const exported = await run('node', [script, 'export', folder, 'bkp'], {
      env: { ...process.env, STORAGE_CONNECTION_STRING: source.connectionString, STORAGE_TABLE_ENDPOINT: '' },
    });
    expect(exported.stdout).toContain('bkpDeliveries: 1001 entities');
    expect(exported.stdout).toContain('bkpFeedbackResponses: 1 entities');
    expect(fs.readdirSync(folder).sort()).toEqual(['bkpDeliveries.jsonl', 'bkpFeedbackResponses.jsonl']);

    const imported = await run('node', [script, 'import', folder], {
      env: { ...process.env, STORAGE_CONNECTION_STRING: target.connectionString, STORAGE_TABLE_ENDPOINT: '' },
    });
    expect(imported.stdout).toContain('bkpDeliveries: 1001 entities');

    for (const table of ['bkpFeedbackResponses', 'bkpDeliveries']) {
      expect(await allEntities(target.connectionString, table)).toEqual(await allEntities(source.connectionString, table));
    }
    const [restored] = await allEntities(target.connectionString, 'bkpFeedbackResponses');
    expect(restored!.big).toEqual({ value: '9007199254740993', type: 'Int64' });
    const submittedAt = restored!.submittedAt as { value: string; type: string };
    expect(submittedAt.type).toBe('DateTime');
    expect(new Date(submittedAt.value).toISOString()).toBe('2025-08-26T10:05:00.000Z');

    const names: string[] = [];
    for await (const t of TableServiceClient.fromConnectionString(target.connectionString, options).listTables()) names.push(t.name!);
    expect(names).not.toContain('otherapp');
  }, 60_000);

  it('refuses to run without a storage target', async () => {
    await expect(
      run('node', [script, 'export', path.join(tmp, 'none')], {
        env: { ...process.env, STORAGE_CONNECTION_STRING: '', STORAGE_TABLE_ENDPOINT: '' },
      }),
    ).rejects.toMatchObject({ code: 2 });
  });
});
