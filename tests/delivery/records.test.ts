// The delivery record layout against real Azurite: a job's records spread over bucket partitions and are
// listed whole, jobs whose ids share a prefix stay apart, and conditional writes find their row.
import { describe, expect, it } from 'vitest';
import { listAll } from '../../src/storage/tables.js';
import { DELIVERY_RECORDS_TABLE, TableRecordStore } from '../../src/delivery/index.js';
import { useAzurite } from '../harness/azurite.js';

const storage = useAzurite('rec');

const now = new Date('2025-09-01T08:00:00Z');
const target = (i: number) => ({ targetKey: `a:conv-${i}`, conversationId: `a:conv-${i}`, tenantId: 't' });

describe('TableRecordStore', () => {
  it('spreads a job over bucket partitions, lists it whole, and keeps jobs with similar ids apart', async () => {
    const store = storage.store();
    const records = new TableRecordStore(store);
    const jobs = ['job', 'job~2', 'job-2', 'jo', 'job|x'];
    for (const [j, jobId] of jobs.entries()) {
      await Promise.all(Array.from({ length: 40 + j }, (_, i) => records.create(jobId, target(i), { status: 'sending', owner: 'me' }, now)));
    }
    for (const [j, jobId] of jobs.entries()) {
      const listed = await records.list(jobId);
      expect(listed).toHaveLength(40 + j);
      expect(new Set(listed.map((r) => r.jobId))).toEqual(new Set([jobId]));
    }
    const partitions = new Set((await listAll(await store.table(DELIVERY_RECORDS_TABLE))).map((r) => r.partitionKey));
    expect(partitions.size).toBeGreaterThanOrEqual(jobs.length * 6);
  });

  it('finds a record again for conditional and plain updates, and refuses a stale etag', async () => {
    const store = storage.store();
    const records = new TableRecordStore(store);
    const created = (await records.create('job', target(7), { status: 'pending' }, now))!;
    expect(await records.create('job', target(7), { status: 'pending' }, now)).toBeNull();
    const claimed = (await records.claim(created, 'me', now))!;
    expect(claimed.status).toBe('sending');
    expect(await records.claim(created, 'other', now)).toBeNull();
    await records.update(claimed, { status: 'sent', activityId: 'act-1' }, now);
    expect(await records.list('job')).toMatchObject([{ status: 'sent', activityId: 'act-1', owner: 'me' }]);
  });
});
