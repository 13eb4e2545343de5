import { describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { inferYears, isoDate, statedYear } from './years.js';
import type { WrittenDate } from './dates.js';

const now = DateTime.fromISO('2026-11-25T12:00:00', { zone: 'Europe/Berlin' });
const d = (day: number, month: number, year?: number): WrittenDate => (year === undefined ? { day, month } : { day, month, year });

describe('inferYears', () => {
  it('gives a date without a year the year of the date before it (issue 17: no year moved to fit a weekday)', () => {
    // "Montag 12.10.2026, Dienstag 10.11.2026, Mittwoch, den 8. Dezember": 8 Dec 2026 is a Tuesday, and stays 2026.
    expect(inferYears([d(12, 10, 2026), d(10, 11, 2026), d(8, 12)], now)).toEqual([2026, 2026, 2026]);
  });

  it('rolls into the next year when the date is earlier in the year than the one before', () => {
    expect(inferYears([d(8, 12, 2027), d(12, 1), d(9, 2)], now)).toEqual([2027, 2028, 2028]);
  });

  it('takes dates before the first written year from the date after them', () => {
    expect(inferYears([d(10, 11), d(8, 12), d(12, 1, 2028)], now)).toEqual([2027, 2027, 2028]);
  });

  it('starts a series without any year at the next occurrence on or after now', () => {
    expect(inferYears([d(3, 3), d(17, 3)], now)).toEqual([2027, 2027]);
    expect(inferYears([d(25, 11), d(2, 12)], now)).toEqual([2026, 2026]);
    expect(inferYears([d(3, 3)], DateTime.fromISO('2027-02-01', { zone: 'UTC' }))).toEqual([2027]);
  });

  it('keeps written years even when they are out of order', () => {
    expect(inferYears([d(18, 11, 2025), d(16, 12, 2026), d(20, 1, 2026)], now)).toEqual([2025, 2026, 2026]);
  });

  it('between neighbours that disagree, takes the year that keeps more written dates in order', () => {
    // The seed pasted without its tabs: 26.08.2025, 16.12.2026 (wrong year), 25.09., 20.01.2026, 18.11.2025.
    const dates = [d(26, 8, 2025), d(16, 12, 2026), d(25, 9), d(20, 1, 2026), d(18, 11, 2025)];
    expect(inferYears(dates, now)[2]).toBe(2025);
    // On a tie the date before wins.
    expect(inferYears([d(1, 12, 2026), d(15, 6), d(1, 1, 2026)], now)[1]).toBe(2027);
  });

  it('has no year to give an empty list', () => {
    expect(inferYears([], now)).toEqual([]);
  });
});

describe('isoDate', () => {
  it('refuses days the month does not have', () => {
    expect(isoDate(2027, 3, 3)).toBe('2027-03-03');
    expect(isoDate(2028, 2, 29)).toBe('2028-02-29');
    expect(isoDate(2027, 2, 29)).toBeUndefined();
    expect(isoDate(2027, 4, 31)).toBeUndefined();
  });
});

describe('statedYear', () => {
  const now = DateTime.fromISO('2027-04-20T10:00:00', { zone: 'Europe/Berlin' });

  it('takes the year the text names for its dates, not a building\'s year or a date\'s own year', () => {
    expect(statedYear('Betreff: Termine 2027\nWir treffen uns in 2027 fünfmal. Die Schule (Baujahr 1968) ...', now)).toBe(2027);
    expect(statedYear('Anmeldung bis 26.03.2027. Die Termine: Di, 13.4. ...', now)).toBeUndefined();
    expect(statedYear('Rückblick 2026 und Ausblick 2027', now)).toBeUndefined();
    expect(statedYear('Seit 2019 gibt es den Austausch.', now)).toBeUndefined();
  });

  it('gives the first date the stated year even when it lies before now, so the series keeps its year', () => {
    const dates = [{ day: 13, month: 4 }, { day: 11, month: 5 }, { day: 14, month: 9 }];
    expect(inferYears(dates, now, 2027)).toEqual([2027, 2027, 2027]);
    // Without a stated year the first date is the next 13 April on or after now.
    expect(inferYears(dates, now)).toEqual([2028, 2028, 2028]);
  });
});
