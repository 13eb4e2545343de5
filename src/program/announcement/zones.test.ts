import { describe, expect, it } from 'vitest';
import { namedZones } from './zones.js';

describe('zones named in an announcement', () => {
  it('knows zones beyond Europe and North America by city, country or capital abbreviation', () => {
    expect(namedZones('Sessions start at 17:30 Tokyo time (JST).').map((z) => z.zone)).toEqual(['Asia/Tokyo']);
    expect(namedZones('Alle Zeiten in japanischer Zeit').map((z) => z.zone)).toEqual(['Asia/Tokyo']);
    expect(namedZones('10:00 AEST').map((z) => z.zone)).toEqual(['Australia/Sydney']);
    expect(namedZones('9 am Singapore time, 3 am German time').map((z) => z.zone)).toEqual(['Asia/Singapore', 'Europe/Berlin']);
  });

  it('never reads a lower-case word or an ambiguous abbreviation as a zone', () => {
    expect(namedZones('just in time; the kst values; IST es so?')).toEqual([]);
  });
});
