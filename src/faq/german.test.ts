import { describe, expect, it } from 'vitest';
import { canonicalStem, foldUmlauts, splitCompound, termsOfWord, Vocabulary, words } from './german.js';

describe('German text processing', () => {
  it('folds umlauts, their two-letter spellings and ß', () => {
    expect(canonicalStem('Mönchengladbach')).toBe(canonicalStem('Moenchengladbach'));
    expect(canonicalStem('Straße')).toBe(canonicalStem('Strasse'));
    expect(foldUmlauts('über')).toBe('uber');
  });

  it('stems inflected forms to one term', () => {
    expect(canonicalStem('Termine')).toBe(canonicalStem('Termin'));
    expect(canonicalStem('virtuellen')).toBe(canonicalStem('virtuell'));
  });

  it('maps synonyms and English domain words through the glossary', () => {
    expect(canonicalStem('Kickoff')).toBe(canonicalStem('Auftakt'));
    expect(canonicalStem('online')).toBe(canonicalStem('virtuell'));
    expect(canonicalStem('data')).toBe(canonicalStem('Daten'));
    expect(canonicalStem('Ansprechpartnerin')).toBe(canonicalStem('contact'));
  });

  it('splits compounds against the vocabulary, with linking elements', () => {
    const vocabulary = new Vocabulary();
    vocabulary.addText('Data Governance und Strategie für das Treffen');
    expect(splitCompound('datengovernance', (w) => vocabulary.knows(w))).toEqual(['daten', 'governance']);
    expect(splitCompound('abschlusstreffen', (w) => vocabulary.knows(w))).toEqual(['abschluss', 'treffen']);
    expect(splitCompound('wasserkraftwerk', (w) => vocabulary.knows(w))).toBeUndefined();
    expect(termsOfWord('Datengovernance', vocabulary)).toEqual(expect.arrayContaining([canonicalStem('Data'), canonicalStem('Governance')]));
  });

  it('drops stop words and splits on punctuation', () => {
    expect(words('Change-Management: wie geht das?')).toEqual(['change', 'management', 'wie', 'geht', 'das']);
    expect(termsOfWord('der', undefined)).toEqual([]);
    expect(termsOfWord('the', undefined)).toEqual([]);
  });
});
