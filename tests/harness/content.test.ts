// The e2e tests build sessions from the wall clock; whenever CI runs, those sessions must be valid programs.
// Every minute of an ordinary day and of both daylight-saving days is tried.
import { describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { parseProgramText } from '../../src/program/load.js';
import { lintProgram } from '../../src/program/lint.js';
import { programYaml, sessionFrom, sessionUntil, type TimedSession } from './content.js';

const ZONE = 'Europe/Berlin';
const DAYS = ['2027-01-12', '2027-03-28', '2027-10-31'];

function expectValid(session: TimedSession, label: string): void {
  const program = parseProgramText(programYaml([session.spec], { reminders: [] }));
  expect(lintProgram(program).filter((f) => f.severity === 'error'), label).toEqual([]);
  expect(session.end > session.start, label).toBe(true);
  // The instants the test derives its due times from are the ones the program states.
  const local = (time: string) => DateTime.fromISO(`${session.spec.date}T${time}`, { zone: ZONE }).toMillis();
  expect(local(session.spec.start), label).toBe(session.start.toMillis());
  expect(local(session.spec.end), label).toBe(session.end.toMillis());
}

describe('sessions built from the wall clock', () => {
  it('stay within their day at any minute, so lint never refuses them', () => {
    for (const day of DAYS) {
      const midnight = DateTime.fromISO(day, { zone: ZONE }).startOf('day');
      for (let m = 0; m < 24 * 60; m += 1) {
        const at = midnight.plus({ minutes: m, seconds: 17 });
        expectValid(sessionFrom('a', 'A', at, 60), `from ${at.toISO()}`);
        expectValid(sessionUntil('b', 'B', at, 60), `until ${at.toISO()}`);
        // A session that ended must not end after the instant it was built from, one still to come must not start
        // before it.
        expect(sessionUntil('b', 'B', at, 60).end <= at, at.toISO()!).toBe(true);
        expect(sessionFrom('a', 'A', at, 60).start >= at.startOf('minute'), at.toISO()!).toBe(true);
      }
    }
  });
});
