// Test doubles for delivery tests: registry records and a scripted in-process connector.
import type { OutgoingMessage } from '../../src/cards/adaptive.js';
import type { ConversationSender, SendResult } from '../../src/delivery/sender.js';
import { SendFailure } from '../../src/delivery/sender.js';
import type { StoredConversation } from '../../src/registry/types.js';

export function conversation(id: string, overrides: Partial<StoredConversation> = {}): StoredConversation {
  return {
    conversationId: id,
    kind: 'personal',
    tenantId: 'tenant-a',
    serviceUrl: 'https://smba.example/de/',
    reference: { conversation: { id } },
    userAadObjectId: `aad-${id}`,
    locale: 'de',
    unsubscribed: false,
    removed: false,
    inactive: false,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

export function personalChats(n: number, overrides: Partial<StoredConversation> = {}): StoredConversation[] {
  return Array.from({ length: n }, (_, i) => conversation(`chat-${String(i).padStart(4, '0')}`, overrides));
}

/**
 * What a scripted call does: answer normally, fail, answer slowly (after a delay, or once `until` has settled), or
 * accept and never answer (a crash).
 */
export type Behaviour = { fail?: Error; delayMs?: number; hang?: boolean; until?: Promise<unknown> } | undefined;

/**
 * The connector side: counts what it accepted per conversation, so tests can check "exactly once".
 * Several senders (one per simulated instance) may share one connector.
 */
export class FakeConnector {
  readonly accepted = new Map<string, number>();
  /** Accepted per "conversationId|summary": tests put the job id into the summary. */
  readonly acceptedMessages = new Map<string, number>();
  readonly updates: { conversationId: string; activityId: string; message: OutgoingMessage }[] = [];
  readonly calls = new Map<string, number>();
  readonly updateCalls = new Map<string, number>();
  /** When each call to a conversation started (performance.now()), to check waits between attempts. */
  readonly callTimes = new Map<string, number[]>();
  readonly sent: { conversationId: string; message: OutgoingMessage }[] = [];
  script: (conversationId: string, call: number, kind: 'send' | 'update') => Behaviour = () => undefined;

  sender(onAccepted?: (count: number) => Behaviour): ConversationSender {
    return {
      send: async (c: StoredConversation, message: OutgoingMessage): Promise<SendResult> => {
        const call = (this.calls.get(c.conversationId) ?? 0) + 1;
        this.calls.set(c.conversationId, call);
        let times = this.callTimes.get(c.conversationId);
        if (!times) this.callTimes.set(c.conversationId, (times = []));
        times.push(performance.now());
        const b = this.script(c.conversationId, call, 'send');
        if (b?.delayMs) await new Promise((r) => setTimeout(r, b.delayMs));
        if (b?.until) await b.until;
        if (b?.fail) throw b.fail;
        this.accepted.set(c.conversationId, (this.accepted.get(c.conversationId) ?? 0) + 1);
        this.sent.push({ conversationId: c.conversationId, message });
        const key = `${c.conversationId}|${message.summary ?? ''}`;
        this.acceptedMessages.set(key, (this.acceptedMessages.get(key) ?? 0) + 1);
        const total = [...this.accepted.values()].reduce((a, v) => a + v, 0);
        const after = onAccepted?.(total);
        if (b?.hang || after?.hang) return new Promise<SendResult>(() => undefined);
        return { activityId: `act-${c.conversationId}-${call}` };
      },
      update: async (c: StoredConversation, activityId: string, message: OutgoingMessage): Promise<void> => {
        const call = (this.updateCalls.get(c.conversationId) ?? 0) + 1;
        this.updateCalls.set(c.conversationId, call);
        const b = this.script(c.conversationId, call, 'update');
        if (b?.delayMs) await new Promise((r) => setTimeout(r, b.delayMs));
        if (b?.until) await b.until;
        if (b?.fail) throw b.fail;
        if (b?.hang) return new Promise<void>(() => undefined);
        this.updates.push({ conversationId: c.conversationId, activityId, message });
      },
    };
  }

  duplicates(): string[] {
    return [...this.accepted].filter(([, n]) => n > 1).map(([id]) => id);
  }

  duplicateMessages(): string[] {
    return [...this.acceptedMessages].filter(([, n]) => n > 1).map(([key]) => key);
  }
}

export const failure = {
  throttled: (retryAfterMs?: number) => new SendFailure('throttled', 429, retryAfterMs !== undefined ? { retryAfterMs } : {}),
  unavailable: () => new SendFailure('unavailable', 503),
  blocked: () => new SendFailure('blocked', 403, { subCode: 'MessageWritesBlocked' }),
  notFound: () => new SendFailure('not found', 404),
  badRequest: () => new SendFailure('bad request', 400),
  badGateway: () => new SendFailure('bad gateway', 502),
  gatewayTimeout: () => new SendFailure('gateway timeout', 504),
  reset: () => new SendFailure('connection reset', undefined, { cause: 'reset' }),
  refused: () => new SendFailure('connection refused', undefined, { cause: 'network' }),
  credentials: () => new SendFailure('no token', undefined, { cause: 'credentials' }),
};
