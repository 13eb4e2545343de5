import { describe, expect, it } from 'vitest';
import { GENERAL_LEXICON } from './lexicon.js';
import { questionTypes, sentenceAnswers } from './question-types.js';

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
    expect(questionTypes('maximale Teilnehmerzahl', GENERAL_LEXICON).has('count')).toBe(true);
  });
});
