import { describe, expect, it } from 'vitest';
import { BoundedCache } from './bounded-cache.js';

describe('BoundedCache', () => {
  it('computes a value once and keeps it', () => {
    const cache = new BoundedCache<string, number>(10);
    let calls = 0;
    const length = (s: string) => {
      calls++;
      return s.length;
    };
    expect(cache.get('abc', length)).toBe(3);
    expect(cache.get('abc', length)).toBe(3);
    expect(calls).toBe(1);
  });

  it('keeps falsy values too', () => {
    const cache = new BoundedCache<string, boolean | undefined>(10);
    let calls = 0;
    cache.get('x', () => (calls++, undefined));
    cache.get('x', () => (calls++, undefined));
    cache.get('y', () => (calls++, false));
    cache.get('y', () => (calls++, false));
    expect(calls).toBe(2);
  });

  it('never holds more than its limit, forgetting the oldest entry first', () => {
    const cache = new BoundedCache<number, number>(3);
    for (let i = 0; i < 5; i++) cache.get(i, (k) => k * 2);
    expect(cache.size).toBe(3);
    const computed: number[] = [];
    const again = (k: number) => cache.get(k, (key) => (computed.push(key), key * 2));
    expect([again(2), again(3), again(4)]).toEqual([4, 6, 8]);
    expect(computed).toEqual([]);
    expect(again(0)).toBe(0);
    expect(computed).toEqual([0]);
  });
});
