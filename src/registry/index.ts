export { ConversationRepository, registryKey } from './repository.js';
export { ConversationRegistry, type ConversationSighting, type ProgramLinkChange } from './service.js';
export { FollowerIndex, FOLLOWERS_TABLE, follows, type FollowerKey } from './followers.js';
export { isMeetingChat, type ConversationKind, type StoredConversation } from './types.js';
export { CalendarFeeds, CALENDAR_FEEDS_TABLE, isFeedToken } from './calendar-feeds.js';
export { ConversationRoles, type ConversationRole } from './roles.js';
export { RegistryAudience } from './audience.js';
