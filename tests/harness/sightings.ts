// Conversation sightings as the Teams layer hands them to the registry, for tests that work below the HTTP
// edge: one tenant, one service URL, a personal chat with its person's ids.
import type { ConversationSighting } from '../../src/registry/index.js';

export function sighting(id: string, kind: ConversationSighting['kind'], extra: Partial<ConversationSighting> = {}): ConversationSighting {
  return {
    kind,
    conversationId: id,
    tenantId: 'tenant-a',
    serviceUrl: 'https://smba.example/de/',
    reference: { conversation: { id } },
    locale: 'de',
    ...(kind === 'personal' ? { userAadObjectId: `aad-${id}`, userId: `29:${id}` } : {}),
    ...extra,
  };
}
