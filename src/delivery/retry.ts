// The retry policy: what a failed connector call means for the recipient. Retry-After wins on 429;
// exponential backoff with jitter on 412/503 and on requests that never reached the connector (the first
// retry of a server or network error comes quickly, a throttled request never does). A send that may have
// been accepted (502, 504, a connection reset after the request was written, no answer in time) is
// `uncertain` and never sent again; an update replaces a card with the same content, so it is retried.
// 403 MessageWritesBlocked and 404 make the conversation unreachable; credential failures and anything
// else (a programming error included) fail without retry.
import { SendFailure } from './sender.js';
import type { DeliverySettings } from './settings.js';

export type RetryVerdict =
  | { kind: 'retry'; delayMs: number; reason: string }
  | { kind: 'unreachable'; reason: string }
  | { kind: 'uncertain'; reason: string }
  | { kind: 'fail'; reason: string };

const BACKOFF_STATUSES = new Set([412, 502, 503, 504]);
/** Answers that may come after the connector accepted the message (a gateway lost the backend's answer). */
const MAYBE_ACCEPTED_STATUSES = new Set([502, 504]);

type BackoffSettings = Pick<DeliverySettings, 'baseBackoffMs' | 'maxBackoffMs' | 'firstRetryMs'>;

/** "Equal jitter": half the delay fixed, half random, so retries of a burst spread out. */
function jittered(ms: number, random: () => number): number {
  return Math.round(ms / 2 + (ms / 2) * random());
}

/** Exponential backoff after the failed attempt `attempt` (1-based): base, 2 × base, 4 × base, ... capped. */
export function backoffMs(attempt: number, settings: Pick<DeliverySettings, 'baseBackoffMs' | 'maxBackoffMs'>, random = Math.random): number {
  return jittered(Math.min(settings.maxBackoffMs, settings.baseBackoffMs * 2 ** Math.max(0, attempt - 1)), random);
}

/**
 * Server and network errors: a single quick retry first (`firstRetryMs`), which clears most one-off
 * failures before the recipient notices, then the exponential schedule from `baseBackoffMs`.
 */
export function serverErrorBackoffMs(attempt: number, settings: BackoffSettings, random = Math.random): number {
  return attempt <= 1 ? jittered(Math.min(settings.firstRetryMs, settings.maxBackoffMs), random) : backoffMs(attempt - 1, settings, random);
}

export function errorCode(error: unknown): string {
  if (error instanceof SendFailure) {
    const cause = error.failureCause;
    if (cause === 'reset') return 'connection-reset';
    if (cause) return cause;
    if (error.status === undefined) return 'connector-error';
    return `http-${error.status}${error.subCode ? `-${error.subCode}` : ''}`;
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
  settings: Pick<DeliverySettings, 'maxAttempts'> & BackoffSettings,
  action: 'send' | 'update' = 'send',
  random = Math.random,
): RetryVerdict {
  const reason = errorCode(error);
  if (!(error instanceof SendFailure)) return { kind: 'fail', reason };
  if (error.status === 403 && error.subCode === 'MessageWritesBlocked') return { kind: 'unreachable', reason };
  if (error.status === 404) return action === 'send' ? { kind: 'unreachable', reason } : { kind: 'fail', reason };
  const cause = error.failureCause;
  if (cause === 'credentials') return { kind: 'fail', reason };
  const maybeAccepted = cause === 'reset' || cause === 'timeout' || (error.status !== undefined && MAYBE_ACCEPTED_STATUSES.has(error.status));
  if (maybeAccepted && action === 'send') return { kind: 'uncertain', reason };
  const retryable = error.status === 429 || maybeAccepted || cause === 'network' || (error.status !== undefined && BACKOFF_STATUSES.has(error.status));
  if (!retryable) return { kind: 'fail', reason };
  if (attempt >= settings.maxAttempts) return { kind: 'fail', reason: `${reason}-max-attempts` };
  // A 429 without Retry-After is throttling all the same: it backs off at once, with no quick retry.
  const delayMs = error.retryAfterMs !== undefined && (error.status === 429 || error.status === 503)
    ? Math.max(0, error.retryAfterMs)
    : error.status === 429
      ? backoffMs(attempt, settings, random)
      : serverErrorBackoffMs(attempt, settings, random);
  return { kind: 'retry', delayMs, reason };
}
