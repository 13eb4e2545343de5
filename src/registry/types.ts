// What the bot knows about a conversation it can write to. Stored by the conversation registry;
// read by the delivery engine (audience) and by coordinator commands.
import type { Locale } from '../i18n/locale.js';

export type ConversationKind = 'personal' | 'channel' | 'groupChat';

export interface StoredConversation {
  /** Stable key of the conversation (Teams conversation id). */
  conversationId: string;
  kind: ConversationKind;
  tenantId: string;
  serviceUrl: string;
  /** The whole Bot Framework ConversationReference, as JSON-compatible data. */
  reference: Record<string, unknown>;
  /** Entra object id of the user (personal chats). */
  userAadObjectId?: string;
  /** Bot Framework id of the user (personal chats), needed to recreate a 1:1 conversation. */
  userId?: string;
  locale: Locale;
  teamId?: string;
  channelId?: string;
  /** Teams: the team's announcement channel (set with "hier ankündigen"). */
  announcementChannelId?: string;
  /** Personal chats: the user opted out of announcements. */
  unsubscribed: boolean;
  /** The app was uninstalled here. */
  removed: boolean;
  /** The connector answered 403 MessageWritesBlocked or 404: do not send here any more. */
  inactive: boolean;
  inactiveReason?: string;
  createdAt: string;
  updatedAt: string;
}
