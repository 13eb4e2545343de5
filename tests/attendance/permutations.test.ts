// Any arrival of a set of joins, leaves, meetingStarts and meetingEnds (any order, any repetition, split over
// two instances writing concurrently) gives the same attendance as the events in time order, once each.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AttendanceRepository, createAttendanceService, type AttendanceService } from '../../src/attendance/index.js';
import { mergeEvents, presenceOf, type PresenceEvent } from '../../src/attendance/presence.js';
import { silentLogger } from '../../src/shared/log.js';
import { TableStore } from '../../src/storage/tables.js';
import * as A from '../harness/activities.js';
import { useAzurite } from '../harness/azurite.js';

const storage = useAzurite('perm');
const BASE = Date.parse('2026-12-16T09:00:00Z');
const minute = 60_000;

type Happening =
  | { type: 'join' | 'leave'; person: number; minute: number }
  | { type: 'start' | 'end'; minute: number };

const happening: fc.Arbitrary<Happening> = fc.oneof(
  { arbitrary: fc.record({ type: fc.constantFrom('join' as const, 'leave' as const), person: fc.integer({ min: 1, max: 3 }), minute: fc.integer({ min: 0, max: 180 }) }), weight: 6 },
  { arbitrary: fc.record({ type: fc.constantFrom('start' as const, 'end' as const), minute: fc.integer({ min: 0, max: 180 }) }), weight: 1 },
);

/** The distinct happenings, and an arrival: every one at least once, some again, in any order. */
const arrival = fc
  .uniqueArray(happening, { minLength: 1, maxLength: 10, selector: (h) => JSON.stringify(h) })
  .chain((set) =>
    fc.tuple(
      fc.constant(set),
      fc.array(fc.integer({ min: 0, max: set.length - 1 }), { maxLength: 6 }).chain((again) => fc.shuffledSubarray([...set, ...again.map((i) => set[i]!)], { minLength: set.length + again.length })),
    ),
  );

function apply(s: AttendanceService, session: string, h: Happening): Promise<unknown> {
  const at = new Date(BASE + h.minute * minute);
  if (!('person' in h)) return h.type === 'start' ? s.meetingStarted('p', session, at) : s.meetingEnded('p', session, at);
  const member = { userId: A.user(h.person).id, aadObjectId: A.user(h.person).aadObjectId };
  return s.record('p', session, { name: h.type === 'join' ? 'participantJoin' : 'participantLeave', members: [member], at });
}

describe('attendance under any arrival', () => {
  it('the same events in any order and repetition, on two instances at once, give the same attendance', async () => {
    const store = storage.store();
    const service = (tables: TableStore) => createAttendanceService({ repository: new AttendanceRepository(tables), logger: silentLogger, knownUser: async () => true });
    const a = service(store);
    const b = service(new TableStore(store.target, store.prefix));
    let run = 0;
    await fc.assert(
      fc.asyncProperty(arrival, async ([set, arrived]) => {
        run++;
        const ordered = [...set].sort((x, y) => x.minute - y.minute);
        for (const h of ordered) await apply(a, `in-order-${run}`, h);
        await Promise.all(arrived.map((h, i) => apply(i % 2 ? a : b, `arrived-${run}`, h)));
        expect(await b.summary('p', `arrived-${run}`)).toEqual(await a.summary('p', `in-order-${run}`));
        expect(await b.attendees('p', `arrived-${run}`)).toEqual(await a.attendees('p', `in-order-${run}`));
      }),
      { numRuns: 25 },
    );
  });

  it('merging event sets in any grouping and order gives the same set and presence', () => {
    const event = fc.record({ kind: fc.constantFrom<PresenceEvent['kind']>('join', 'leave'), at: fc.integer({ min: 0, max: 100 }).map((m) => BASE + m * minute) });
    fc.assert(
      fc.property(fc.array(fc.array(event, { maxLength: 6 }), { maxLength: 6 }), fc.integer({ min: 0, max: 100 }), (batches, end) => {
        const forward = batches.reduce<PresenceEvent[]>((set, batch) => mergeEvents(set, batch).events, []);
        const backward = [...batches].reverse().reduce<PresenceEvent[]>((set, batch) => mergeEvents(set, [...batch].reverse()).events, []);
        const twice = [...batches, ...batches].reduce<PresenceEvent[]>((set, batch) => mergeEvents(set, batch).events, []);
        expect(backward).toEqual(forward);
        expect(twice).toEqual(forward);
        const window = { start: BASE, end: BASE + end * minute };
        expect(presenceOf(backward, window, 0)).toEqual(presenceOf(forward, window, 0));
      }),
    );
  });
});
