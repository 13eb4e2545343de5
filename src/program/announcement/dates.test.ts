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

describe('English dates and times', () => {
  it('reads English month names, day-month and month-day, with ordinals', () => {
    expect(['January', 'May', 'Oct.', 'December', 'dec'].map(monthFromName)).toEqual([1, 5, 10, 12, 12]);
    expect(dateOf('Thursday, March 4, 2027, 10:00–11:30 am: Kick-off')).toMatchObject({
      date: { day: 4, month: 3, year: 2027 },
      weekday: 'Thursday',
    });
    expect(dateOf('12 January 2027 – Kick-off')?.date).toEqual({ day: 12, month: 1, year: 2027 });
    expect(dateOf('4th of March 2027')?.date).toEqual({ day: 4, month: 3, year: 2027 });
    expect(dateOf('Tue 9 Feb: Data portals')?.date).toEqual({ day: 9, month: 2 });
    expect(dateOf('March 4th')?.date).toEqual({ day: 4, month: 3 });
    // A month and a year are no date.
    expect(dateOf('March 2027: planning')).toBeUndefined();
  });

  it('reads am and pm, with the start taking the end half of the day unless that puts it after the end', () => {
    expect(timeAfterDate(', 10:00–11:30 am: Kick-off')?.time).toEqual({ start: '10:00', end: '11:30' });
    expect(timeAfterDate(', 2–3:30 pm')?.time).toEqual({ start: '14:00', end: '15:30' });
    expect(timeAfterDate(', 9:00–10:30 a.m. (IST)')?.time).toEqual({ start: '09:00', end: '10:30' });
    expect(timeAfterDate(' from 2 pm to 3.30 pm')?.time).toEqual({ start: '14:00', end: '15:30' });
    expect(timeAfterDate(', 11–1 pm')?.time).toEqual({ start: '11:00', end: '13:00' });
    expect(timeAfterDate(', 12 pm–1:30 pm')?.time).toEqual({ start: '12:00', end: '13:30' });
    expect(timeAfterDate(' at 6 pm')?.time).toEqual({ start: '18:00' });
  });

  it('reads a German "am" after a time as the preposition it is', () => {
    expect(timeAfterDate(', 14–16 am Rathaus')?.time).toEqual({ start: '14:00', end: '16:00' });
    expect(timeAfterDate(', 10–12 am Montag')?.time).toEqual({ start: '10:00', end: '12:00' });
  });

  it('takes a time stated once for every session, also with the weekday as a habit', () => {
    expect(sharedTime('Die Reihe umfasst fünf Termine, jeweils donnerstags 09:30–11:00 Uhr:', [])).toEqual({ start: '09:30', end: '11:00' });
    expect(sharedTime('We meet four times, always on Tuesdays, 9:00–10:30 a.m. (IST).', [])).toEqual({ start: '09:00', end: '10:30' });
  });
});
