// The port through which the delivery engine reaches Teams. The Teams layer implements it with
// botbuilder; tests and benchmarks can implement it directly. Feature code never sees TurnContext.
import type { OutgoingMessage } from '../cards/adaptive.js';
import type { StoredConversation } from '../registry/types.js';

export interface SendResult {
  activityId: string;
}

/** A failed call to the Bot Connector, reduced to what the retry policy needs. */
export class SendFailure extends Error {
  constructor(
    message: string,
    readonly status: number | undefined,
    readonly options: { retryAfterMs?: number; subCode?: string; network?: boolean } = {},
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
  get network(): boolean {
    return this.options.network ?? false;
  }
}

export interface ConversationSender {
  send(conversation: StoredConversation, message: OutgoingMessage): Promise<SendResult>;
  update(conversation: StoredConversation, activityId: string, message: OutgoingMessage): Promise<void>;
}
