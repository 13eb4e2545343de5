// The port through which the delivery engine reaches Teams. The Teams layer implements it with
// botbuilder; tests and benchmarks can implement it directly. Feature code never sees TurnContext.
import type { OutgoingMessage } from '../cards/adaptive.js';
import type { StoredConversation } from '../registry/types.js';

export interface SendResult {
  activityId: string;
}

/**
 * Why a call without an HTTP answer failed, as far as it matters for a resend:
 * - `network`: the request never reached the connector (refused, name not resolved, connect timeout): retry.
 * - `reset`: the connection broke after the request was written; the connector may have accepted it.
 * - `timeout`: no answer within the engine's timeout; the connector may have accepted it.
 * - `credentials`: no token for the connector (MSAL, app id or secret wrong): retrying does not help.
 */
export type FailureCause = 'network' | 'reset' | 'timeout' | 'credentials';

/** A failed call to the Bot Connector, reduced to what the retry policy needs. */
export class SendFailure extends Error {
  constructor(
    message: string,
    readonly status: number | undefined,
    readonly options: { retryAfterMs?: number; subCode?: string; network?: boolean; cause?: FailureCause } = {},
  ) {
    super(message);
    this.name = 'SendFailure';
  }
  get retryAfterMs(): number | undefined {
    return this.options.retryAfterMs;
  }
  get subCode(): string | undefined {
    return this.options.subCode;
  }
  /** The request did not reach the connector, or its fate is unknown (reset, timeout): not an HTTP answer. */
  get network(): boolean {
    return this.options.network ?? (this.options.cause !== undefined && this.options.cause !== 'credentials');
  }
  get failureCause(): FailureCause | undefined {
    return this.options.cause ?? (this.options.network ? 'network' : undefined);
  }
}

export interface ConversationSender {
  send(conversation: StoredConversation, message: OutgoingMessage): Promise<SendResult>;
  update(conversation: StoredConversation, activityId: string, message: OutgoingMessage): Promise<void>;
  /**
   * The display name of a member of the conversation (by Entra object id), asked from Teams when needed and
   * never stored; undefined when the person is not (or no longer) a member.
   */
  memberName?(conversation: StoredConversation, aadObjectId: string): Promise<string | undefined>;
}
