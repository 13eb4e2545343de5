import { describe, expect, it } from 'vitest';
import { backoffMs, classifyFailure, serverErrorBackoffMs } from './retry.js';
import { SendFailure } from './sender.js';

const settings = { maxAttempts: 5, firstRetryMs: 100, baseBackoffMs: 1000, maxBackoffMs: 60_000 };
const half = () => 0.5;

describe('classifyFailure', () => {
  it('waits exactly Retry-After on 429', () => {
    expect(classifyFailure(new SendFailure('x', 429, { retryAfterMs: 7000 }), 1, settings, 'send', half)).toEqual({ kind: 'retry', delayMs: 7000, reason: 'http-429' });
  });
  it('backs off exponentially with jitter on 429 without Retry-After, from the first retry on', () => {
    expect(classifyFailure(new SendFailure('x', 429), 1, settings, 'send', half)).toMatchObject({ kind: 'retry', delayMs: 750 });
    expect(classifyFailure(new SendFailure('x', 429), 3, settings, 'send', half)).toMatchObject({ kind: 'retry', delayMs: 3000 });
  });
  it('retries 412, 503 and network errors once quickly, then backs off exponentially with jitter', () => {
    for (const error of [new SendFailure('x', 412), new SendFailure('x', 503), new SendFailure('x', undefined, { network: true })]) {
      expect(classifyFailure(error, 1, settings, 'send', half)).toMatchObject({ kind: 'retry', delayMs: 75 });
      expect(classifyFailure(error, 2, settings, 'send', half)).toMatchObject({ kind: 'retry', delayMs: 750 });
      expect(classifyFailure(error, 3, settings, 'send', half)).toMatchObject({ kind: 'retry', delayMs: 1500 });
    }
  });
  it('a send that may have been accepted (502, 504, reset, timeout) is uncertain; an update of it is retried like a 503', () => {
    for (const error of [new SendFailure('x', 502), new SendFailure('x', 504), new SendFailure('x', undefined, { cause: 'reset' }), new SendFailure('x', undefined, { cause: 'timeout' })]) {
      expect(classifyFailure(error, 1, settings, 'send', half).kind).toBe('uncertain');
      expect(classifyFailure(error, 1, settings, 'update', half)).toMatchObject({ kind: 'retry', delayMs: 75 });
      expect(classifyFailure(error, 2, settings, 'update', half)).toMatchObject({ kind: 'retry', delayMs: 750 });
    }
  });
  it('credential failures fail without retry', () => {
    expect(classifyFailure(new SendFailure('x', undefined, { cause: 'credentials' }), 1, settings)).toEqual({ kind: 'fail', reason: 'credentials' });
  });
  it('honours Retry-After on 503 too', () => {
    expect(classifyFailure(new SendFailure('x', 503, { retryAfterMs: 2000 }), 1, settings, 'send', half)).toMatchObject({ kind: 'retry', delayMs: 2000 });
  });
  it('stops at the maximum number of attempts', () => {
    expect(classifyFailure(new SendFailure('x', 503), 5, settings)).toEqual({ kind: 'fail', reason: 'http-503-max-attempts' });
  });
  it('treats 403 MessageWritesBlocked and 404 as unreachable, other 4xx as failures', () => {
    expect(classifyFailure(new SendFailure('x', 403, { subCode: 'MessageWritesBlocked' }), 1, settings).kind).toBe('unreachable');
    expect(classifyFailure(new SendFailure('x', 404), 1, settings).kind).toBe('unreachable');
    expect(classifyFailure(new SendFailure('x', 404), 1, settings, 'update').kind).toBe('fail');
    expect(classifyFailure(new SendFailure('x', 403), 1, settings).kind).toBe('fail');
    expect(classifyFailure(new SendFailure('x', 413), 1, settings).kind).toBe('fail');
    expect(classifyFailure(new Error('boom'), 1, settings).kind).toBe('fail');
  });
});

describe('backoffMs', () => {
  it('stays between half and all of the capped exponential delay', () => {
    expect(backoffMs(1, settings, () => 0)).toBe(500);
    expect(backoffMs(1, settings, () => 1)).toBe(1000);
    expect(backoffMs(20, settings, () => 1)).toBe(60_000);
  });
  it('after a server error: the quick retry first, then the same schedule one step later', () => {
    expect(serverErrorBackoffMs(1, settings, () => 0)).toBe(50);
    expect(serverErrorBackoffMs(1, settings, () => 1)).toBe(100);
    expect(serverErrorBackoffMs(2, settings, () => 1)).toBe(backoffMs(1, settings, () => 1));
    expect(serverErrorBackoffMs(20, settings, () => 1)).toBe(60_000);
  });
});
