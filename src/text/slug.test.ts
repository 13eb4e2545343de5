import { describe, expect, it } from 'vitest';
import { slug, uniqueSlug } from './slug.js';

describe('slug', () => {
  it('transliterates umlauts, ß and accents', () => {
    expect(slug('Auftakt: Daten & Ämter')).toBe('auftakt-daten-aemter');
    expect(slug('Straße der Zukunft')).toBe('strasse-der-zukunft');
    expect(slug('Café-Runde à Paris')).toBe('cafe-runde-a-paris');
  });

  it('is empty when nothing is left', () => {
    expect(slug(' — !? ')).toBe('');
  });

  it('stays within the bound and never ends in a dash', () => {
    const long = slug('Ein sehr langer Titel für eine Sitzung mit vielen Wörtern und noch mehr', 20);
    expect(long.length).toBeLessThanOrEqual(20);
    expect(long).toBe('ein-sehr-langer-tite');
    expect(slug('abc def', 4)).toBe('abc');
    expect(slug('x'.repeat(100)).length).toBe(60);
  });
});

describe('uniqueSlug', () => {
  it('adds a counter when the slug is taken', () => {
    const taken = new Set(['rueckblick', 'rueckblick-2']);
    expect(uniqueSlug('Rückblick', (id) => taken.has(id), { fallback: 'termin' })).toBe('rueckblick-3');
    expect(uniqueSlug('Neu', (id) => taken.has(id), { fallback: 'termin' })).toBe('neu');
  });

  it('uses the fallback when the text has no letters', () => {
    expect(uniqueSlug('???', () => false, { fallback: 'termin' })).toBe('termin');
    expect(uniqueSlug('???', (id) => id === 'termin', { fallback: 'termin' })).toBe('termin-2');
  });

  it('shortens the base so the suffix fits the bound', () => {
    const title = 'a'.repeat(70);
    const id = uniqueSlug(title, (candidate) => candidate === 'a'.repeat(10), { maxLength: 10, fallback: 'x' });
    expect(id).toBe(`${'a'.repeat(8)}-2`);
  });
});
