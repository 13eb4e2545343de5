// ConversationSender over botbuilder: proactive sends and in-place updates through the stored
// ConversationReference. Connector failures become SendFailure with status, Retry-After and subCode,
// which the delivery engine's retry policy reads.
import { TeamsInfo, type ConversationReference, type TurnContext } from 'botbuilder';
import type { OutgoingMessage } from '../cards/adaptive.js';
import type { StoredConversation } from '../registry/types.js';
import { SendFailure, type ConversationSender, type FailureCause, type SendResult } from '../delivery/sender.js';
import type { BotAdapter } from './adapter.js';
import { toActivity } from './outgoing.js';

function headerOf(headers: unknown, name: string): string | undefined {
  if (!headers) return undefined;
  const h = headers as { get?: (n: string) => string | undefined; [k: string]: unknown };
  if (typeof h.get === 'function') return h.get(name) ?? undefined;
  const v = h[name] ?? h[name.toLowerCase()];
  return typeof v === 'string' ? v : undefined;
}

/** Retry-After is either seconds or an HTTP date. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** Errors of our own code: a retry repeats them, and they are nobody's network. */
const PROGRAMMING_ERRORS = ['TypeError', 'ReferenceError', 'RangeError', 'SyntaxError'];
/** MSAL's error classes (`@azure/msal-node`), and botbuilder's own wording when MSAL returned no token. */
const CREDENTIAL_ERRORS = ['AuthError', 'ClientAuthError', 'ClientConfigurationError', 'ServerError', 'InteractionRequiredAuthError'];
/** The request never left: nothing can have been delivered. */
const NOT_SENT_CODES = /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ENETUNREACH|EHOSTUNREACH|UND_ERR_CONNECT_TIMEOUT/;
/** The connection broke while the request was out: the connector may have accepted it. */
const BROKEN_CODES = /ECONNRESET|EPIPE|ECONNABORTED|socket hang up|UND_ERR_SOCKET/i;

function causeOf(e: { name?: string; code?: string; message?: string; errorCode?: unknown }): FailureCause | undefined {
  const text = `${e.code ?? ''} ${e.message ?? ''}`;
  // MSAL reports an unreachable token endpoint as its own error: nothing reached the connector, so retry.
  if (e.name === 'NetworkError' || e.errorCode === 'network_error') return 'network';
  if (CREDENTIAL_ERRORS.includes(e.name ?? '') || typeof e.errorCode === 'string' || /AADSTS\d+|^Authentication: /.test(e.message ?? '')) return 'credentials';
  if (NOT_SENT_CODES.test(text)) return 'network';
  if (BROKEN_CODES.test(text)) return 'reset';
  // A connect timeout is raised before anything was written.
  if (/ETIMEDOUT|ESOCKETTIMEDOUT/.test(text)) return 'network';
  return undefined;
}

/**
 * A connector failure as the retry policy reads it. Errors without an HTTP answer are told apart: never
 * sent (retry), broken after the request went out (may be delivered), credentials (no retry). A programming
 * error is returned as it is, so that it fails the recipient under its own name.
 */
export function toSendFailure(error: unknown): SendFailure | Error {
  const e = error as {
    name?: string;
    statusCode?: number;
    code?: string;
    message?: string;
    errorCode?: unknown;
    response?: { status?: number; headers?: unknown; bodyAsText?: string; parsedBody?: unknown };
  };
  const status = e.statusCode ?? e.response?.status;
  if (status === undefined && error instanceof Error && PROGRAMMING_ERRORS.includes(error.name)) return error;
  const body = e.response?.bodyAsText ?? (e.response?.parsedBody ? JSON.stringify(e.response.parsedBody) : '');
  const subCode = /MessageWritesBlocked/i.test(body ?? '') || /MessageWritesBlocked/i.test(e.message ?? '') ? 'MessageWritesBlocked' : undefined;
  const cause = status === undefined ? causeOf(e) : undefined;
  return new SendFailure(`connector answered ${status ?? cause ?? e.code ?? e.name ?? 'error'}`, status, {
    retryAfterMs: parseRetryAfter(headerOf(e.response?.headers, 'retry-after')),
    ...(subCode ? { subCode } : {}),
    ...(cause ? { cause } : {}),
  });
}

/**
 * The connector client's HTTP pipeline retries 429 and 5xx by itself (three times, several seconds). For
 * proactive sends that hides every fault from the delivery engine, which owns retries, honours Retry-After,
 * paces per tenant and records attempts; so the retry phase is removed from the client this turn uses.
 */
function withoutClientRetries(context: TurnContext): void {
  const key = (context.adapter as { ConnectorClientKey?: symbol }).ConnectorClientKey;
  const connector = key ? (context.turnState.get(key) as { client?: { pipeline?: { removePolicy(o: { phase: string }): unknown } } } | undefined) : undefined;
  connector?.client?.pipeline?.removePolicy({ phase: 'Retry' });
}

export function createTeamsSender(adapter: BotAdapter, botAppId: string | undefined): Required<ConversationSender> {
  const reference = (c: StoredConversation) => ({ ...c.reference, serviceUrl: c.serviceUrl }) as unknown as Partial<ConversationReference>;
  /**
   * The connector's answer is caught inside the turn: an error escaping it would go to the adapter's
   * onTurnError, which logs and swallows it, and a throttled send would look delivered.
   */
  async function run(conversation: StoredConversation, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    let failure: unknown;
    try {
      await adapter.continueConversationAsync(botAppId ?? '', reference(conversation), async (context) => {
        withoutClientRetries(context);
        try {
          await logic(context);
        } catch (error) {
          failure = error;
        }
      });
    } catch (error) {
      failure ??= error;
    }
    if (failure !== undefined) throw toSendFailure(failure);
  }
  return {
    async send(conversation: StoredConversation, message: OutgoingMessage): Promise<SendResult> {
      let activityId = '';
      await run(conversation, async (context) => {
        const response = await context.sendActivity(toActivity(message));
        activityId = response?.id ?? '';
      });
      return { activityId };
    },
    async update(conversation: StoredConversation, activityId: string, message: OutgoingMessage): Promise<void> {
      await run(conversation, async (context) => {
        await context.updateActivity({ ...toActivity(message), id: activityId });
      });
    },
    async memberName(conversation: StoredConversation, aadObjectId: string): Promise<string | undefined> {
      let name: string | undefined;
      try {
        // Teams takes the Entra object id as the member id of GET /v3/conversations/{id}/members/{memberId}.
        await run(conversation, async (context) => {
          name = (await TeamsInfo.getMember(context, aadObjectId)).name || undefined;
        });
      } catch (error) {
        if (error instanceof SendFailure && error.status === 404) return undefined;
        throw error;
      }
      return name;
    },
  };
}
