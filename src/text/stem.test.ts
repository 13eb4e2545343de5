import { describe, expect, it } from 'vitest';
import { stem, stemmerFor } from './stem.js';

describe('stem', () => {
  it('merges German inflections', () => {
    expect(stem('Beispiel')).toBe(stem('Beispiele'));
    expect(stem('Beispiele')).toBe(stem('Beispielen'));
    expect(stem('Strategien', 'de')).toBe(stem('Strategie', 'de'));
  });

  it('merges English inflections', () => {
    expect(stem('examples', 'en')).toBe(stem('example', 'en'));
    expect(stem('Running', 'en')).toBe('run');
  });

  it('lower-cases first and keeps the same answer from the cache', () => {
    expect(stem('GRÜSSE')).toBe(stem('grüße'));
    expect(stem('Grüße')).toBe(stem('Grüße'));
  });

  it('gives one stemmer per language', () => {
    expect(stemmerFor('de')).toBe(stemmerFor('de'));
    expect(stemmerFor('de')).not.toBe(stemmerFor('en'));
  });
});
