import { describe, expect, it } from 'vitest';
import { joinedWords, words } from './tokenize.js';

describe('words', () => {
  it('splits at everything that is not a letter or digit', () => {
    expect(words('Change-Management: 3 Termine, „Daten“!')).toEqual(['Change', 'Management', '3', 'Termine', 'Daten']);
  });
  it('keeps umlauts, ß and decomposed accents inside the word', () => {
    expect(words('Grüße Gebu\u0308hr')).toEqual(['Grüße', 'Gebühr']);
  });
});

describe('joinedWords', () => {
  it('keeps inner hyphens and apostrophes', () => {
    expect(joinedWords("Change-Management isn't -neu- ok")).toEqual(['Change-Management', "isn't", 'neu', 'ok']);
  });
});
