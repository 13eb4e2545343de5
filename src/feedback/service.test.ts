import { describe, expect, it } from 'vitest';
import { coalesce } from './service.js';

describe('coalesce', () => {
  it('shares reads among concurrent callers but never returns a read that started before the call', async () => {
    let started = 0;
    const gates: Array<() => void> = [];
    const read = coalesce(async () => {
      const n = ++started;
      await new Promise<void>((resolve) => gates.push(resolve));
      return n;
    });
    const first = read(); // starts read 1
    const second = read(); // read 1 is running: waits for read 2
    const third = read(); // joins read 2
    expect(started).toBe(1);
    gates.shift()!();
    expect(await first).toBe(1);
    await new Promise((r) => setTimeout(r, 0));
    expect(started).toBe(2);
    gates.shift()!();
    expect(await second).toBe(2);
    expect(await third).toBe(2);
    const fourth = read(); // nothing running: starts read 3
    expect(started).toBe(3);
    gates.shift()!();
    expect(await fourth).toBe(3);
  });

  it('passes a failure to the callers of that read only', async () => {
    let calls = 0;
    const read = coalesce(async () => {
      calls += 1;
      if (calls === 1) throw new Error('storage down');
      return calls;
    });
    await expect(read()).rejects.toThrow('storage down');
    expect(await read()).toBe(2);
  });
});
