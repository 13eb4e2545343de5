import { describe, expect, it } from 'vitest';
import type { StoredConversation } from '../registry/types.js';
import { MemoryAudience } from './audience.js';
import { MemoryRecordStore } from './record-repository.js';
import { resolveTargets } from './targets.js';
import type { DeliveryJob } from './types.js';

const chat = (id: string, extra: Partial<StoredConversation> = {}): StoredConversation => ({
  conversationId: id,
  kind: 'personal',
  tenantId: 't1',
  serviceUrl: 'https://smba.example/',
  reference: { conversation: { id } },
  locale: 'de',
  unsubscribed: false,
  removed: false,
  inactive: false,
  createdAt: '',
  updatedAt: '',
  ...extra,
});

const job = (extra: Partial<DeliveryJob>): DeliveryJob => ({
  jobId: 'j',
  kind: 'k',
  action: 'send',
  payload: {},
  audience: { purpose: 'announcement' },
  dueAt: '',
  status: 'running',
  claims: 1,
  createdAt: '',
  updatedAt: '',
  etag: '',
  ...extra,
});

describe('resolveTargets', () => {
  it('a send job targets the eligible audience', async () => {
    const targets = await resolveTargets(job({}), new MemoryAudience([chat('a'), chat('b', { unsubscribed: true })]), new MemoryRecordStore());
    expect([...targets.keys()]).toEqual(['a']);
    expect(targets.get('a')?.record).toEqual({ targetKey: 'a', conversationId: 'a', tenantId: 't1' });
  });

  it('an update job targets what its source sent, in conversations still reachable', async () => {
    const records = new MemoryRecordStore();
    const now = new Date('2026-01-01T00:00:00Z');
    for (const id of ['a', 'gone', 'failed']) {
      const r = await records.create('src', { targetKey: id, conversationId: id, tenantId: 't1' }, { status: 'sending' }, now);
      await records.update(r!, id === 'failed' ? { status: 'failed' } : { status: 'sent', activityId: `act-${id}` }, now);
    }
    const audience = new MemoryAudience([chat('a'), chat('gone', { removed: true }), chat('failed')]);
    const targets = await resolveTargets(job({ action: 'update', updateOf: ['src'] }), audience, records);
    expect([...targets.keys()]).toEqual(['a|act-a']);
    expect(targets.get('a|act-a')?.target).toEqual({ activityId: 'act-a', sourceJobId: 'src' });
  });
});
