import { describe, expect, it } from 'vitest';
import { zoneNames } from './time.js';

describe('zoneNames', () => {
  it('gives a zone\'s abbreviations in winter and summer and its generic one, from the runtime\'s zone names', () => {
    const pacific = zoneNames('America/Los_Angeles');
    expect(pacific.abbreviations).toEqual(expect.arrayContaining(['pst', 'pdt', 'pt']));
    expect(pacific.names).toEqual(expect.arrayContaining(['pacific time', 'pacific standard time']));
    expect(zoneNames('Europe/Berlin').abbreviations).toEqual(expect.arrayContaining(['cet', 'cest', 'mez', 'mesz']));
    expect(zoneNames('Europe/Berlin').names).toContain('mitteleuropäische zeit');
    expect(zoneNames('Australia/Perth').abbreviations).toContain('awst');
  });

  it('leaves out abbreviations that are function words, offsets, and zones that do not exist', () => {
    // India's "IST" is German "ist".
    expect(zoneNames('Asia/Kolkata').abbreviations).not.toContain('ist');
    expect(zoneNames('America/Halifax').abbreviations).not.toContain('at');
    expect(zoneNames('Asia/Singapore').abbreviations.every((a) => /^[a-z]+$/.test(a))).toBe(true);
    expect(zoneNames('Asia/Singapore').abbreviations.length).toBeGreaterThan(0);
    expect(zoneNames('Mars/Olympus_Mons')).toEqual({ abbreviations: [], names: [] });
  });
});
