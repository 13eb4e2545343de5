import { describe, expect, it } from 'vitest';
import { byTenant, runLane } from './lanes.js';

describe('runLane', () => {
  it('runs every item, brings a retry back after its delay and ends when nothing is waiting', async () => {
    const seen: string[] = [];
    let retried = false;
    await runLane(['a', 'b', 'c'], 1, { aborted: false }, async (item, requeue) => {
      seen.push(item);
      if (item === 'a' && !retried) {
        retried = true;
        requeue(item, 5);
      }
    });
    expect(seen.slice(0, 3)).toEqual(['a', 'b', 'c']);
    expect(seen).toHaveLength(4);
    expect(seen[3]).toBe('a');
  });

  it('stops taking work once aborted and rethrows the first error', async () => {
    const control = { aborted: false };
    const seen: number[] = [];
    await runLane([1, 2, 3], 1, control, async (item) => {
      seen.push(item);
      control.aborted = true;
    });
    expect(seen).toEqual([1]);
    await expect(runLane([1, 2], 2, { aborted: false }, async (item) => {
      if (item === 2) throw new Error('boom');
    })).rejects.toThrow('boom');
  });

  it('groups work by tenant', () => {
    const lanes = byTenant([{ tenantId: 'x', n: 1 }, { tenantId: 'y', n: 2 }, { tenantId: 'x', n: 3 }]);
    expect(lanes.map((l) => l.map((i) => i.n))).toEqual([[1, 3], [2]]);
  });
});
