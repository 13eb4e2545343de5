// registry.recent(), the entry FAQ answers read their programs from: one storage read serves the next
// RECENT_ENTRY_TTL_MS, this instance's own writes show at once, and another instance's change (the storage is
// shared) shows once that time has passed. Over real Azurite, two registries standing for two instances.
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/shared/clock.js';
import { silentLogger } from '../../src/shared/log.js';
import { ConversationRegistry, ConversationRepository, FollowerIndex } from '../../src/registry/index.js';
import { RECENT_ENTRY_TTL_MS } from '../../src/registry/service.js';
import type { TableStore } from '../../src/storage/tables.js';
import { useAzurite } from '../harness/azurite.js';
import { sighting } from '../harness/sightings.js';

const storage = useAzurite('recent');

/** A repository that counts its point reads. */
class CountingRepository extends ConversationRepository {
  reads = 0;
  override get(...args: Parameters<ConversationRepository['get']>) {
    this.reads++;
    return super.get(...args);
  }
}

function instance(store: TableStore, monotonic: { ms: number }) {
  const repository = new CountingRepository(store);
  const registry = new ConversationRegistry({
    repository,
    followers: new FollowerIndex(store),
    clock: new ManualClock('2027-01-10T08:00:00Z'),
    logger: silentLogger,
    monotonicMs: () => monotonic.ms,
  });
  return { registry, repository };
}

describe('registry.recent', () => {
  it('reads once per interval, shows its own writes at once and another instance’s after the interval', async () => {
    const store = storage.store();
    const time = { ms: 1_000 };
    const a = instance(store, time);
    const b = instance(store, time);
    const chat = sighting('p-recent', 'personal');
    await a.registry.install(chat);

    expect((await a.registry.recent('personal', 'p-recent'))?.programIds).toEqual([]);
    const reads = a.repository.reads;
    expect((await a.registry.recent('personal', 'p-recent'))?.programIds).toEqual([]);
    expect(a.repository.reads).toBe(reads);

    await a.registry.follow(chat, 'klima');
    expect((await a.registry.recent('personal', 'p-recent'))?.programIds).toEqual(['klima']);

    await b.registry.follow(chat, 'daten');
    time.ms += RECENT_ENTRY_TTL_MS - 1;
    expect((await a.registry.recent('personal', 'p-recent'))?.programIds).toEqual(['klima']);
    time.ms += 1;
    expect((await a.registry.recent('personal', 'p-recent'))?.programIds).toEqual(['klima', 'daten']);
  });

  it('does not keep an entry read while this instance writes it', async () => {
    const store = storage.store();
    const time = { ms: 1_000 };
    const a = instance(store, time);
    const chat = sighting('p-overlap', 'personal');
    await a.registry.install(chat);
    const [, read] = await Promise.all([a.registry.follow(chat, 'klima'), a.registry.recent('personal', 'p-overlap')]);
    expect(read).toBeDefined();
    expect((await a.registry.recent('personal', 'p-overlap'))?.programIds).toEqual(['klima']);
  });

  it('knows an uninstalled chat as removed at once', async () => {
    const store = storage.store();
    const a = instance(store, { ms: 1_000 });
    await a.registry.install(sighting('p-gone', 'personal'));
    expect((await a.registry.recent('personal', 'p-gone'))?.removed).toBe(false);
    await a.registry.uninstall('personal', 'p-gone');
    expect((await a.registry.recent('personal', 'p-gone'))?.removed).toBe(true);
  });
});
