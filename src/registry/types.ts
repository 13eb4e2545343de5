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
  /**
   * Meeting chats: the session ("<programId>/<sessionId>") a coordinator linked this chat to; its meetingEnd
   * opens that session's poll, and the chat gets that poll. Meeting chats get nothing else.
   */
  meetingSession?: string;
  /**
   * The programs this conversation belongs to: a team or group chat is linked to one (`verknüpfen`), a
   * personal chat follows any number (`anmelden`). Absent on entries stored before programs were chosen;
   * the registry assigns those once (see ConversationRegistry.assignUndecided).
   */
  programIds?: string[];
  /** Personal chats: the person turned off the "Verpasst?" catch-up messages (`keine nachholhinweise`). */
  catchUpOff?: boolean;
  /**
   * Installed by an event that stated no language: the welcome waits for the next event of this chat that
   * states one (Teams sends conversationUpdate and installationUpdate together, not always both with a locale).
   */
  welcomePending?: boolean;
  /** Personal chats: the user follows no program (kept in step with programIds for older readers). */
  unsubscribed: boolean;
  /** The app was uninstalled here. */
  removed: boolean;
  /** The connector answered 403 MessageWritesBlocked or 404: do not send here any more. */
  inactive: boolean;
  inactiveReason?: string;
  createdAt: string;
  updatedAt: string;
}

/** A Teams meeting's own chat (thread id 19:meeting_…@thread.v2). */
export function isMeetingChat(conversation: Pick<StoredConversation, 'kind' | 'conversationId'>): boolean {
  return conversation.kind === 'groupChat' && /^19:meeting_/i.test(conversation.conversationId);
}
