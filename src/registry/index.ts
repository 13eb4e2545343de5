export { ConversationRepository, registryKey } from './repository.js';
export { ConversationRegistry, type ConversationSighting } from './service.js';
export type { ConversationKind, StoredConversation } from './types.js';
