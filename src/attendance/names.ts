// Names for programs with `attendance: named`: asked from the session's meeting chat roster (Teams) at the
// moment a coordinator asks, never stored. The meeting chat is the one whose id is the thread id in the
// session's join link, or a chat a coordinator linked to the session.
import type { Program } from '../program/model.js';
import { meetingThreadId } from '../program/meeting-link.js';
import type { ConversationRegistry, StoredConversation } from '../registry/index.js';

export interface RosterDeps {
  programs: { get(programId: string): Program | undefined };
  registry: Pick<ConversationRegistry, 'get' | 'list'>;
  /** The Teams layer's member lookup (src/teams/sender.ts); without it nobody has a known name. */
  memberName?: (conversation: StoredConversation, aadObjectId: string) => Promise<string | undefined>;
}

/** A nameOf for the attendance feature. Names that cannot be found stay unknown ("ohne bekannten Namen"). */
export function rosterNames(deps: RosterDeps): (aadObjectId: string, session: { programId: string; sessionId: string }) => Promise<string | undefined> {
  const chatOf = async (programId: string, sessionId: string): Promise<StoredConversation | undefined> => {
    const session = deps.programs.get(programId)?.sessions.find((s) => s.id === sessionId);
    const thread = meetingThreadId(session?.joinUrl);
    const byLink = thread ? await deps.registry.get('groupChat', thread) : undefined;
    if (byLink && !byLink.removed) return byLink;
    // A coordinator's `verknüpfen <Termin>` (rare, and only when asked: a scan of the group chats is fine).
    return (await deps.registry.list('groupChat')).find((c) => c.meetingSession === `${programId}/${sessionId}` && !c.removed);
  };
  return async (aadObjectId, { programId, sessionId }) => {
    if (!deps.memberName) return undefined;
    const chat = await chatOf(programId, sessionId);
    return chat ? deps.memberName(chat, aadObjectId) : undefined;
  };
}
