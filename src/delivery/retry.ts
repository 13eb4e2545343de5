// The retry policy: what a failed connector call means for the recipient. Retry-After wins on 429;
// exponential backoff with jitter on 412/502/503/504 and network errors; 403 MessageWritesBlocked and 404
// make the conversation unreachable; anything else fails without retry.
import { SendFailure } from './sender.js';
import type { DeliverySettings } from './settings.js';

export type RetryVerdict =
  | { kind: 'retry'; delayMs: number; reason: string }
  | { kind: 'unreachable'; reason: string }
  | { kind: 'fail'; reason: string };

const BACKOFF_STATUSES = new Set([412, 502, 503, 504]);

/** "Equal jitter": half the exponential delay fixed, half random, so retries of a burst spread out. */
export function backoffMs(attempt: number, settings: Pick<DeliverySettings, 'baseBackoffMs' | 'maxBackoffMs'>, random = Math.random): number {
  const exp = Math.min(settings.maxBackoffMs, settings.baseBackoffMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exp / 2 + (exp / 2) * random());
}

export function errorCode(error: unknown): string {
  if (error instanceof SendFailure) {
    if (error.network) return 'network';
    return `http-${error.status ?? 'unknown'}${error.subCode ? `-${error.subCode}` : ''}`;
  }
  return error instanceof Error ? error.name : 'unknown';
}

/**
 * @param attempt the attempt that just failed (1-based)
 * @param action `update` calls answer 404 when the activity is gone, which says nothing about the chat.
 */
export function classifyFailure(
  error: unknown,
  attempt: number,
  settings: Pick<DeliverySettings, 'maxAttempts' | 'baseBackoffMs' | 'maxBackoffMs'>,
  action: 'send' | 'update' = 'send',
  random = Math.random,
): RetryVerdict {
  const reason = errorCode(error);
  if (!(error instanceof SendFailure)) return { kind: 'fail', reason };
  if (error.status === 403 && error.subCode === 'MessageWritesBlocked') return { kind: 'unreachable', reason };
  if (error.status === 404) return action === 'send' ? { kind: 'unreachable', reason } : { kind: 'fail', reason };
  const retryable = error.status === 429 || error.network || (error.status !== undefined && BACKOFF_STATUSES.has(error.status));
  if (!retryable) return { kind: 'fail', reason };
  if (attempt >= settings.maxAttempts) return { kind: 'fail', reason: `${reason}-max-attempts` };
  const delayMs = error.retryAfterMs !== undefined && (error.status === 429 || error.status === 503)
    ? Math.max(0, error.retryAfterMs)
    : backoffMs(attempt, settings, random);
  return { kind: 'retry', delayMs, reason };
}
