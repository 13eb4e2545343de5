import { describe, expect, it } from 'vitest';
import { ENGLISH_STOP_WORDS, GERMAN_STOP_WORDS, guessLanguage, isStopWord, statedLanguage } from './stop-words.js';

describe('stop words', () => {
  it('finds German function words in every umlaut spelling and case', () => {
    for (const w of ['für', 'fuer', 'FÜR', 'fur', 'über', 'Müssen', 'heißt', 'heisst', 'und', 'Die']) {
      expect(isStopWord(w, 'de'), w).toBe(true);
    }
  });

  it('knows the filler of questions and of comments', () => {
    for (const w of ['machen', 'passiert', 'bedeutet', 'toll', 'danke', 'vielleicht']) expect(isStopWord(w, 'de'), w).toBe(true);
    for (const w of ['thanks', 'please', 'really', 'anything']) expect(isStopWord(w, 'en'), w).toBe(true);
  });

  it('keeps topic words', () => {
    for (const w of ['Daten', 'Strategie', 'Termin', 'Gebühr', 'Workshop', 'data', 'strategy']) {
      expect(isStopWord(w), w).toBe(false);
    }
  });

  it('keeps the languages apart when asked for one', () => {
    expect(isStopWord('the', 'de')).toBe(false);
    expect(isStopWord('the', 'en')).toBe(true);
    expect(isStopWord('nicht', 'en')).toBe(false);
    expect(isStopWord('nicht')).toBe(true);
  });

  it('stores folded forms only', () => {
    for (const w of [...GERMAN_STOP_WORDS, ...ENGLISH_STOP_WORDS]) expect(w).toMatch(/^[a-z]+$/);
  });
});

describe('guessLanguage', () => {
  it('counts stop words of each language', () => {
    expect(guessLanguage('The examples were really helpful for the team'.split(' '))).toBe('en');
    expect(guessLanguage('Die Beispiele waren sehr hilfreich für das Team'.split(' '))).toBe('de');
  });
  it('prefers German on a tie', () => {
    expect(guessLanguage(['Workshop'])).toBe('de');
  });
});

describe('statedLanguage', () => {
  it('tells a language by the stop words only it has and by German letters, and none for names and figures', () => {
    expect(statedLanguage('The examples were really helpful for the team'.split(' '))).toBe('en');
    expect(statedLanguage('Anmeldeschluss 12.02.2027 Rückmeldung per E-Mail an Thomas Wendler'.split(' '))).toBe('de');
    expect(statedLanguage('Noise complaints 2026 Harbourton 2,360 Eastfield 640'.split(' '))).toBeUndefined();
    // Words both lists hold ("in", "an") tell nothing.
    expect(statedLanguage(['in', 'Berlin'])).toBeUndefined();
  });
});
