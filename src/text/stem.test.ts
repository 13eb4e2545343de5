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

  it('lower-cases first and answers from the cache what the stemmer answers', () => {
    expect(stem('GRÜSSE')).toBe(stem('grüße'));
    const first = stem('Grüße');
    expect(first).toBe(stemmerFor('de').stem('grüsse'));
    expect(stem('Grüße')).toBe(first);
  });

  it('keeps one cache per language: a word stemmed in German is stemmed again in English', () => {
    expect(stem('running', 'de')).toBe(stemmerFor('de').stem('running'));
    expect(stem('running', 'en')).toBe('run');
    expect(stem('running', 'de')).not.toBe('run');
  });

  it('gives one stemmer per language', () => {
    expect(stemmerFor('de')).toBe(stemmerFor('de'));
    expect(stemmerFor('de')).not.toBe(stemmerFor('en'));
  });
});
