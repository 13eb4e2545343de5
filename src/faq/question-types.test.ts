import { describe, expect, it } from 'vitest';
import { GENERAL_LEXICON, Lexicon } from './lexicon.js';
import { countingNumbers, questionTypes, sentenceAnswers } from './question-types.js';

describe('question types', () => {
  it('finds amounts in several currencies and with multipliers, not words that start like one', () => {
    const cost = (s: string) => sentenceAnswers('cost', s, GENERAL_LEXICON);
    expect(cost('Das Netz hat 1,2 Millionen Euro gekostet.')).toBe(true);
    expect(cost('Einführungskosten: CHF 48’000, Betrieb CHF 900 pro Monat')).toBe(true);
    expect(cost('Der Betrag: EUR 50.')).toBe(true);
    expect(cost('12 Europaabgeordnete kamen.')).toBe(false);
  });

  it('reads a question about a person behind a talk, and about reimbursement as a cost question', () => {
    expect(questionTypes('Wer referiert zum Rechtsrahmen?', GENERAL_LEXICON).has('person')).toBe(true);
    expect(questionTypes('Werden Fahrtkosten erstattet?', GENERAL_LEXICON).has('cost')).toBe(true);
    expect(questionTypes('Teilnahmebeitrag für Gäste?', GENERAL_LEXICON).has('cost')).toBe(true);
    expect(questionTypes('How much is it for a researcher?', GENERAL_LEXICON).has('price')).toBe(true);
    expect(questionTypes('Wie war der Beitrag von Frau Li?', GENERAL_LEXICON).has('cost')).toBe(false);
    // "What share of …" asks for a part of a whole, answered by a percentage; "share" alone does not.
    expect(questionTypes('What share of the waste is recycled?', GENERAL_LEXICON).has('change')).toBe(true);
    expect(questionTypes('Will you share the slides?', GENERAL_LEXICON).has('change')).toBe(false);
    expect(questionTypes('maximale Teilnehmerzahl', GENERAL_LEXICON).has('count')).toBe(true);
  });

  it('keeps words that only share a stem apart: a "Wende" is no contact, a park no parking, a case no fall', () => {
    expect(GENERAL_LEXICON.lookup('wende')).toBeUndefined();
    expect(questionTypes('An wen wende ich mich bei Fragen?', GENERAL_LEXICON).has('contact')).toBe(true);
    expect(GENERAL_LEXICON.lookup('park')).toBeUndefined();
    expect(GENERAL_LEXICON.lookup('parkraum')).toBe(GENERAL_LEXICON.lookup('parking'));
    expect(GENERAL_LEXICON.lookup('fall')).toBeUndefined();
  });

  it('reads a year, not the digits of a phone number, as a date', () => {
    const date = (s: string) => sentenceAnswers('date', s, GENERAL_LEXICON);
    expect(date('Fragen zur Anmeldung: Tel. 0391 555 2081')).toBe(false);
    expect(date('Die Reihe läuft bis 2027.')).toBe(true);
    expect(date('Anmeldung bis 26.03.2027')).toBe(true);
  });

  it('judges a sentence by the lexicon it is asked with, also when another lexicon judged it before', () => {
    // What a sentence answers is remembered between questions; a program's synonyms (a new lexicon after a
    // reload) must still change the judgement.
    const sentence = 'Der Obolus für beide Tage liegt bei null.';
    const withSynonym = new Lexicon([['kosten', 'obolus']]);
    expect(sentenceAnswers('cost', sentence, GENERAL_LEXICON)).toBe(false);
    expect(sentenceAnswers('cost', sentence, withSynonym)).toBe(true);
    expect(sentenceAnswers('cost', sentence, GENERAL_LEXICON)).toBe(false);
    expect(sentenceAnswers('cost', sentence, new Lexicon())).toBe(false);
  });

  it('joins a lexicon phrase into one token whatever its case and umlaut spelling', () => {
    const lexicon = new Lexicon([['Schwammstadt', 'sponge city']]);
    expect(lexicon.tokens('Was ist eine Sponge City genau?')).toEqual(['was', 'ist', 'eine', 'sponge city', 'genau']);
    expect(lexicon.tokens('Findet es VOR ORT statt?')).toContain('vor ort');
    expect(lexicon.tokens('Treffen wir uns vor dem Ort?')).not.toContain('vor ort');
  });

  it('counts quantities, not the numbers of dates, times, years or amounts', () => {
    const count = (s: string) => sentenceAnswers('count', s, GENERAL_LEXICON);
    expect(count('Auftakt am 19.01.2027, 14:00 bis 15:30 Uhr.')).toBe(false);
    expect(count('Seit März 2026 im Einsatz.')).toBe(false);
    expect(count('21 Teilnehmende aus 14 Gemeinden.')).toBe(true);
    expect(countingNumbers('Am 4. März zahlen 12 Kommunen je 50 Euro.')).not.toMatch(/\b(4|50)\b/);
    expect(countingNumbers('Am 4. März zahlen 12 Kommunen je 50 Euro.')).toMatch(/\b12\b/);
  });

  it('asks for a day of the week with "Wochentag", answered by a day\'s name, not a date', () => {
    const types = questionTypes('An welchem Wochentag sind die Treffen?', GENERAL_LEXICON);
    expect(types.has('weekday')).toBe(true);
    expect(sentenceAnswers('weekday', 'Alle Termine jeweils dienstags, 14 Uhr.', GENERAL_LEXICON)).toBe(true);
    expect(sentenceAnswers('weekday', 'Nächster Termin: 23.02.2027', GENERAL_LEXICON)).toBe(false);
  });

  it('finds a span of time also in a compound unit ("9 Arbeitstage")', () => {
    const duration = (s: string) => sentenceAnswers('duration', s, GENERAL_LEXICON);
    expect(duration('Die Bearbeitungszeit ist von 21 auf 9 Arbeitstage gesunken.')).toBe(true);
    expect(duration('Recordings are deleted 30 days after the session.')).toBe(true);
    expect(duration('Es kamen 9 Arbeitsgruppen.')).toBe(false);
  });
});
