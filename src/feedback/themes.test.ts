import { describe, expect, it } from 'vitest';
import { extractThemes } from './themes.js';

describe('extractThemes', () => {
  it('merges inflected German forms and counts each comment once', () => {
    const themes = extractThemes([
      'Die Beispiele aus der Praxis waren sehr gut',
      'Mehr Beispiele bitte, Beispiele sind das Wichtigste',
      'Ein Beispiel aus einer kleineren Kommune',
      'Mehr Zeit für den Austausch',
      'Der Austausch war super',
    ]);
    expect(themes[0]).toEqual({ word: 'Beispiele', stem: 'beispiel', count: 3 });
    expect(themes.find((t) => t.stem === 'austausch')?.count).toBe(2);
  });

  it('removes German and English stop words and keeps themes seen in at least two comments', () => {
    const themes = extractThemes([
      'The workshops were really useful',
      'I liked the workshop on personas',
      'Die Workshops waren hilfreich',
      'und oder aber the and of',
      'Personas helped a lot',
    ]);
    const words = themes.map((t) => t.stem);
    expect(words).toContain('workshop');
    expect(themes.find((t) => t.stem === 'workshop')?.count).toBe(3);
    expect(themes.find((t) => t.stem.startsWith('persona'))?.count).toBe(2);
    for (const stop of ['the', 'und', 'oder', 'aber', 'were', 'waren']) expect(words).not.toContain(stop);
    expect(themes.every((t) => t.count >= 2)).toBe(true);
  });

  it('returns nothing for no comments and honours the limit', () => {
    expect(extractThemes([])).toEqual([]);
    const many = Array.from({ length: 20 }, (_, i) => `thema${i} thema${i}`);
    expect(extractThemes([...many, ...many], { limit: 5 })).toHaveLength(5);
  });
});
