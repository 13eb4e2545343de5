// The registry's program links over real Azurite: following, linking, the followers index that program
// audiences read, the one-time assignment of entries stored before programs existed, and deletion.
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/shared/clock.js';
import { silentLogger } from '../../src/shared/log.js';
import { ConversationRegistry, ConversationRepository, FollowerIndex, RegistryAudience } from '../../src/registry/index.js';
import type { TableStore } from '../../src/storage/tables.js';
import { useAzurite } from '../harness/azurite.js';
import { sighting } from '../harness/sightings.js';

const storage = useAzurite('followers');


function registryOver(store: TableStore, defaultProgram?: string) {
  return new ConversationRegistry({
    repository: new ConversationRepository(store),
    followers: new FollowerIndex(store),
    clock: new ManualClock('2027-01-10T08:00:00Z'),
    logger: silentLogger,
    defaultProgram: () => defaultProgram,
  });
}

const ids = (list: Array<{ conversationId: string }>) => list.map((c) => c.conversationId).sort();

describe('program links in the registry', () => {
  it('keeps each program audience to its own conversations', async () => {
    const store = storage.store();
    const registry = registryOver(store);
    for (const s of [sighting('p-a', 'personal'), sighting('p-b', 'personal'), sighting('p-both', 'personal'), sighting('p-none', 'personal'), sighting('g-1', 'groupChat')]) {
      await registry.install(s);
    }
    await registry.install(sighting('19:team-a@thread.tacv2', 'channel', { teamId: 'team-a', channelId: '19:team-a@thread.tacv2' }));
    await registry.follow(sighting('p-a', 'personal'), 'klima');
    await registry.follow(sighting('p-b', 'personal'), 'daten');
    await registry.follow(sighting('p-both', 'personal'), 'klima');
    await registry.follow(sighting('p-both', 'personal'), 'daten');
    await registry.link(sighting('19:team-a@thread.tacv2', 'channel', { teamId: 'team-a', channelId: '19:team-a@thread.tacv2' }), 'klima');
    await registry.link(sighting('g-1', 'groupChat'), 'daten');

    const audience = new RegistryAudience(registry);
    expect(ids(await audience.list({ purpose: 'announcement', programId: 'klima' }))).toEqual(['19:team-a@thread.tacv2', 'p-a', 'p-both']);
    expect(ids(await audience.list({ purpose: 'announcement', programId: 'daten' }))).toEqual(['g-1', 'p-b', 'p-both']);
    expect(await audience.list({ purpose: 'announcement', programId: 'other' })).toEqual([]);

    // Re-linking a group chat moves it; unfollowing the last program unsubscribes a personal chat.
    const moved = await registry.link(sighting('g-1', 'groupChat'), 'klima');
    expect(moved).toMatchObject({ before: ['daten'], changed: true });
    await registry.unfollow(sighting('p-a', 'personal'), 'klima');
    expect(ids(await audience.list({ purpose: 'announcement', programId: 'klima' }))).toEqual(['19:team-a@thread.tacv2', 'g-1', 'p-both']);
    expect(ids(await audience.list({ purpose: 'announcement', programId: 'daten' }))).toEqual(['p-b', 'p-both']);
    expect(await registry.get('personal', 'p-a')).toMatchObject({ programIds: [], unsubscribed: true });
    expect((await registry.link(sighting('g-1', 'groupChat'), 'klima')).changed).toBe(false);
  });

  it('joins new conversations to the only program, but never a meeting chat', async () => {
    const store = storage.store();
    const registry = registryOver(store, 'klima');
    await registry.install(sighting('p-1', 'personal'));
    await registry.touch(sighting('p-2', 'personal'));
    await registry.install(sighting('19:meeting_abc@thread.v2', 'groupChat'));
    expect(ids(await registry.followers('klima'))).toEqual(['p-1', 'p-2']);
    expect(await registry.programsOf('groupChat', '19:meeting_abc@thread.v2')).toEqual([]);
  });

  it('assigns entries stored before programs were chosen to the only program, once', async () => {
    const store = storage.store();
    const repository = new ConversationRepository(store);
    const legacy = registryOver(store);
    await legacy.install(sighting('old-1', 'personal'));
    await legacy.install(sighting('old-2', 'personal'));
    await legacy.install(sighting('old-team', 'channel', { teamId: 'old-team', channelId: 'old-team' }));
    // As the single-program version stored them: no program list; old-2 had unsubscribed.
    for (const c of await repository.list()) await repository.put({ ...c, programIds: undefined, unsubscribed: c.conversationId === 'old-2' });
    expect((await repository.get('personal', 'old-1'))?.programIds).toBeUndefined();

    const registry = registryOver(store, 'klima');
    expect(await registry.assignUndecided('klima')).toBe(3);
    expect(ids(await registry.followers('klima'))).toEqual(['old-1', 'old-team']);
    expect(await registry.get('personal', 'old-2')).toMatchObject({ programIds: [], unsubscribed: true });
    // Later changes are the users' own: a second start assigns nothing again.
    await registry.unfollow(sighting('old-1', 'personal'), 'klima');
    expect(await registryOver(store, 'klima').assignUndecided('klima')).toBe(0);
    expect(ids(await registry.followers('klima'))).toEqual(['old-team']);
    // With several programs nothing is assigned.
    expect(await registryOver(storage.store()).assignUndecided(undefined)).toBe(0);
  });

  it('leaves out an index row whose entry does not list the program (a change cut short)', async () => {
    const store = storage.store();
    const registry = registryOver(store);
    await registry.install(sighting('p-1', 'personal'));
    await registry.install(sighting('p-2', 'personal'));
    await registry.follow(sighting('p-1', 'personal'), 'klima');
    // The index row written first, the entry never updated: the crash case of follow().
    await new FollowerIndex(store).add('klima', { kind: 'personal', conversationId: 'p-2' });
    expect(ids(await registry.followers('klima'))).toEqual(['p-1']);
  });

  it('removes a person from every program with "meine Daten löschen"', async () => {
    const store = storage.store();
    const registry = registryOver(store);
    await registry.install(sighting('p-1', 'personal'));
    await registry.follow(sighting('p-1', 'personal'), 'klima');
    await registry.follow(sighting('p-1', 'personal'), 'daten');
    expect(await registry.deleteUser('aad-p-1')).toBe(1);
    const index = new FollowerIndex(store);
    expect(await index.list('klima')).toEqual([]);
    expect(await index.list('daten')).toEqual([]);
  });
});
