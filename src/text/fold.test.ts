import { describe, expect, it } from 'vitest';
import { foldLoose, foldText, lowerGerman, sameFolded } from './fold.js';

describe('foldText', () => {
  it('writes umlauts and ß as two letters and lowers the case', () => {
    expect(foldText('Gebühr')).toBe('gebuehr');
    expect(foldText('GEBÜHR')).toBe('gebuehr');
    expect(foldText('Gebuehr')).toBe('gebuehr');
    expect(foldText('Straße')).toBe('strasse');
    expect(foldText('STRAẞE')).toBe('strasse');
    expect(foldText('Öl Äpfel Übung')).toBe('oel aepfel uebung');
  });

  it('treats decomposed umlauts like composed ones', () => {
    expect(foldText('Gebu\u0308hr')).toBe('gebuehr');
  });

  it('strips other accents and flattens ligatures', () => {
    expect(foldText('Café Crème à la française')).toBe('cafe creme a la francaise');
    expect(foldText('Ærø Łódź Œuvre')).toBe('aero lodz oeuvre');
    expect(foldText('ﬁnal')).toBe('final');
  });

  it('drops soft hyphens and zero-width characters but keeps punctuation and spaces', () => {
    expect(foldText('Daten\u00ADstrategie\u200B, jetzt!')).toBe('datenstrategie, jetzt!');
  });
});

describe('foldLoose', () => {
  it('lets every spelling of an umlaut meet', () => {
    expect(foldLoose('Gebühr')).toBe('gebuhr');
    expect(foldLoose('Gebuehr')).toBe('gebuhr');
    expect(foldLoose('Gebuhr')).toBe('gebuhr');
    expect(foldLoose('Mönchengladbach')).toBe(foldLoose('Moenchengladbach'));
  });
});

describe('lowerGerman and sameFolded', () => {
  it('keeps umlauts for the stemmer', () => {
    expect(lowerGerman('Größe')).toBe('grösse');
  });
  it('compares folded', () => {
    expect(sameFolded('Rückblick', 'RUECKBLICK')).toBe(true);
    expect(sameFolded('Bär', 'Bar')).toBe(false);
  });
});
