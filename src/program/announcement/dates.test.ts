import { describe, expect, it } from 'vitest';
import {
  HEADER, completeTime, dateFromGroups, mentionsDateOrTime, monthFromName, sharedTime, timeAfterDate, timeAtStart,
} from './dates.js';

function dateOf(text: string) {
  const m = HEADER.exec(text);
  return m?.groups ? { date: dateFromGroups(m.groups), weekday: m.groups.weekday, rest: text.slice(m[0].length) } : undefined;
}

describe('dates', () => {
  it('reads German month names in any spelling', () => {
    expect(['März', 'Maerz', 'MÄRZ', 'Mrz', 'mär'].map(monthFromName)).toEqual([3, 3, 3, 3, 3]);
    expect(['Januar', 'Sept', 'Okt.', 'dez'].map(monthFromName)).toEqual([1, 9, 10, 12]);
    expect(monthFromName('Montag')).toBeUndefined();
  });

  it('reads written, numeric and ISO dates with weekday, "am" and "den"', () => {
    expect(dateOf('Dienstag, den 16. Dezember 2026, 10 Uhr')).toMatchObject({
      date: { day: 16, month: 12, year: 2026 },
      weekday: 'Dienstag',
      rest: ', 10 Uhr',
    });
    expect(dateOf('am 03.03.27 von 14 bis 15 Uhr')?.date).toEqual({ day: 3, month: 3, year: 2027 });
    expect(dateOf('Mi., 3. März: Auftakt')?.date).toEqual({ day: 3, month: 3 });
    expect(dateOf('17.03. Titel')?.date).toEqual({ day: 17, month: 3 });
    expect(dateOf('2027-04-14 Titel')?.date).toEqual({ day: 14, month: 4, year: 2027 });
  });

  it('refuses numbers that are no date', () => {
    expect(dateOf('31.13.2027')?.date).toBeUndefined();
    expect(dateOf('0.3.2027')?.date).toBeUndefined();
    expect(dateOf('3. Märchen')).toBeUndefined();
    expect(dateOf('Einleitung 3. März')).toBeUndefined();
  });

  it('says whether text mentions a date or time', () => {
    expect(mentionsDateOrTime('26. August 2025')).toBe(true);
    expect(mentionsDateOrTime('10:00 bis 12:00')).toBe(true);
    expect(mentionsDateOrTime('Auftakt')).toBe(false);
  });
});

describe('times', () => {
  it('reads a range or a start after a date', () => {
    expect(timeAfterDate(', 10:00 Uhr bis 12:00 Uhr Titel')).toEqual({ time: { start: '10:00', end: '12:00' }, length: ', 10:00 Uhr bis 12:00 Uhr'.length });
    expect(timeAfterDate(' von 14 bis 15.30: x')?.time).toEqual({ start: '14:00', end: '15:30' });
    expect(timeAfterDate(', 14–15:30 Uhr')?.time).toEqual({ start: '14:00', end: '15:30' });
    expect(timeAfterDate(', um 18 Uhr: Vortrag')?.time).toEqual({ start: '18:00' });
    expect(timeAfterDate(': Titel ohne Zeit')).toBeUndefined();
    expect(timeAfterDate(', 25–26 Uhr')).toBeUndefined();
  });

  it('reads a time opening a line', () => {
    expect(timeAtStart('jeweils 9–12 Uhr Titel')).toEqual({ time: { start: '09:00', end: '12:00' }, length: 'jeweils 9–12 Uhr'.length });
    expect(timeAtStart('Titel 9–12 Uhr')).toBeUndefined();
  });

  it('takes the stated shared time, else the most common range', () => {
    expect(sharedTime('Die Termine finden jeweils von 10 bis 11:30 Uhr statt.', [{ start: '14:00', end: '15:00' }])).toEqual({
      start: '10:00',
      end: '11:30',
    });
    expect(
      sharedTime('', [{ start: '10:00', end: '12:00' }, { start: '14:00' }, undefined, { start: '10:00', end: '12:00' }, { start: '9:00', end: '10:00' }]),
    ).toEqual({ start: '10:00', end: '12:00' });
    expect(sharedTime('', [{ start: '14:00' }])).toBeUndefined();
  });

  it('completes a start with the shared length, a missing time with the shared time', () => {
    const shared = { start: '10:00', end: '12:00' };
    expect(completeTime({ start: '14:00' }, shared)).toEqual({ start: '14:00', end: '16:00' });
    expect(completeTime({ start: '23:00' }, shared)).toEqual({ start: '23:00', end: '23:59' });
    expect(completeTime(undefined, shared)).toEqual(shared);
    expect(completeTime({ start: '18:00' }, undefined)).toEqual({ start: '18:00', end: '18:00' });
    expect(completeTime(undefined, undefined)).toEqual({ start: '00:00', end: '00:00' });
    expect(completeTime({ start: '09:00', end: '10:30' }, shared)).toEqual({ start: '09:00', end: '10:30' });
  });
});
