// Round 12: a glossary of short lines loses none of them, "What does X mean?" asks only for X, a pair of
// capitalised common nouns names no one, "Who moderates the sessions?" is about the role, not the sessions, and
// places counted are seats; round 13: questions and answers written as "Q:"/"A:" lines.
// An invented English program with a glossary of Portuguese terms and German notes; each answer is checked
// against a decline nearby.
import { describe, expect, it } from 'vitest';
import { temporaryContent } from '../../tests/harness/temp-content.js';
import { createFaqEngine } from './engine.js';
import { ManualClock } from '../shared/clock.js';
import { plainTextHeadings, splitIntoPassages, unwrapPlainText } from './material.js';
import { noteCommonNouns, sentenceAnswers } from './question-types.js';
import { GENERAL_LEXICON, Lexicon } from './lexicon.js';
import { isSoftWord, STOPWORDS } from './german.js';

const contentDir = temporaryContent('faq-glossary-');

const program = [
  'program:',
  '  id: fountains',
  '  title: "Public fountains and drinking water"',
  '  timezone: Europe/Lisbon',
  '  language: en',
  'sessions:',
  '  - id: kickoff',
  '    title: "Kick-off: where our fountains stand"',
  '    date: 2027-03-03',
  '    start: "10:00"',
  '    end: "11:30"',
  '  - id: hygiene',
  '    title: "Hygiene and testing"',
  '    date: 2027-04-07',
  '    start: "10:00"',
  '    end: "11:30"',
  '',
].join('\n');

// Terms one per line, no blank lines between them: each line is shorter than the next one now and then.
const glossary = [
  'GLOSSARY OF PORTUGUESE TERMS',
  '(Portuguese - English - Deutsch)',
  '',
  'chafariz - public fountain - Brunnen',
  'bebedouro - drinking fountain - Trinkbrunnen',
  'fontanário (plural: fontanários) - public water point with a tap - Zapfstelle',
  'caudal - flow rate - Durchfluss',
  'potável - drinkable - trinkbar',
  'junta de freguesia - parish council, the smallest level of local government - Gemeinderat',
  '',
].join('\n');

const material = [
  '# Format',
  '',
  'All sessions are moderated and end with questions from the participants.',
  '',
  '# Contact',
  '',
  'Moderation: Marta Quintela (Rede de Fontes Públicas), m.quintela@example.org',
  '',
  '# Ablauf',
  '',
  'Jeder Termin beginnt mit einem Impuls zum Handlungsplan Termin für Termin, danach Diskussion in Kleingruppen.',
  '',
  '# Registration',
  '',
  'There are 30 places, 10 for each country. Participants come from Portugal, Spain and Greece.',
  '',
  '# Accessibility',
  '',
  'Sign language interpreting is available on request until 14 days before a session.',
  '',
  '# Walk',
  '',
  'On the walk we visit three places in Almada: the Chafariz da Praça, a school yard and the market.',
  '',
  '# Archiv',
  '',
  'Die Skartierung der alten Brunnenpläne wurde 2026 abgeschlossen.',
  '',
  '# Almada',
  '',
  'Almada runs 48 drinking fountains. The Handlungsplan Trinkwasser of the city was adopted in 2025.',
  '',
].join('\n');

async function engine() {
  const dir = await contentDir({ 'program.yaml': program, 'material/glossary.txt': glossary, 'material/info.md': material });
  return createFaqEngine({ contentDir: dir, clock: new ManualClock(new Date('2027-03-10T08:00:00Z')) });
}

describe('a glossary of short lines', () => {
  it('reads its entries as text, not as headings of one another', () => {
    const passages = splitIntoPassages(plainTextHeadings(unwrapPlainText(glossary)), 'glossary.txt', { plainText: true });
    const text = passages.map((p) => p.text).join('\n');
    for (const term of ['chafariz', 'bebedouro', 'fontanário', 'caudal', 'potável', 'junta de freguesia']) expect(text, term).toContain(term);
  });

  it('keeps a line read as a heading with nothing under it before the next heading', () => {
    const lines = 'Kosten\nTeilnahme kostenlos\nFür alle Mitgliedsgemeinden gilt das ganze Jahr über derselbe Satz.\n';
    expect(splitIntoPassages(plainTextHeadings(lines), 'info.txt', { plainText: true }).map((p) => p.text)).toContain('Kosten');
    expect(splitIntoPassages('## Anreise\n\n## Kosten\n\nDie Teilnahme ist kostenlos.\n', 'info.md').map((p) => p.text)).toContain('Anreise');
    // A heading over a deeper one names the part below it and stays a heading.
    const nested = splitIntoPassages('## Kapitel 2\n\n### Ziele\n\nDie Ziele stehen fest.\n', 'notes.md');
    expect(nested.map((p) => p.text)).toEqual(['Die Ziele stehen fest.']);
  });

  it('answers "What does X mean?" and "X meaning" from the glossary line, and declines a term it lacks', async () => {
    expect(STOPWORDS.has('mean')).toBe(true);
    const e = await engine();
    for (const [q, expected] of [
      ['What does chafariz mean?', 'public fountain'],
      ['What does caudal mean?', 'flow rate'],
      ['bebedouro meaning', 'drinking fountain'],
      ['Was heißt potável?', 'drinkable'],
    ] as const) {
      const a = e.ask(q, { locale: q.startsWith('Was') ? 'de' : 'en' });
      expect(a.answered, q).toBe(true);
      expect(a.answer, q).toContain(expected);
    }
    expect(e.ask('What does azulejo mean?', { locale: 'en' }).answered).toBe(false);
    // A long word one edit away from one word of the material is that word.
    expect(e.ask('Wann wurde die Skatierung abgeschlossen?').answer).toContain('2026');
    expect(isSoftWord('ganze')).toBe(true);
  });
});

describe('who holds a role', () => {
  it('takes capitalised words the material writes after an article for common nouns, not for a name', () => {
    const lexicon = new Lexicon();
    noteCommonNouns(lexicon, [material]);
    expect(sentenceAnswers('person', 'Jeder Termin beginnt mit einem Impuls zum Handlungsplan Termin für Termin.', lexicon)).toBe(false);
    expect(sentenceAnswers('person', 'Moderation: Marta Quintela (Rede de Fontes Públicas)', lexicon)).toBe(true);
    // Overlapping pairs are all tried: the second pair names someone although the first does not.
    expect(sentenceAnswers('person', 'Zum Handlungsplan Marta Quintela.', lexicon)).toBe(true);
  });

  it('answers "Who moderates the sessions?" from the sentence that names the moderator, not the sessions', async () => {
    const a = (await engine()).ask('Who moderates the sessions?', { locale: 'en' });
    expect(a.answered).toBe(true);
    expect(a.answer).toContain('Marta Quintela');
  });
});

describe('places counted', () => {
  it('are seats in either language, while the places of a walk stay sites', async () => {
    const e = await engine();
    for (const [q, locale] of [['How many places are there?', 'en'], ['Wie viele Plätze gibt es?', 'de']] as const) {
      const a = e.ask(q, { locale });
      expect(a.answered, q).toBe(true);
      expect(a.answer, q).toContain('30 places');
    }
    expect(e.ask('Which places do we visit on the walk?', { locale: 'en' }).answer).toContain('school yard');
  });
});

describe('questions and answers as lines of plain text', () => {
  const faq = [
    'Organisatorisches',
    '',
    'Q: Für wen ist die Reihe gedacht?',
    'A: Für Beschäftigte der Wasserversorger und der Gemeinden.',
    '',
    'Q: Wie viele Plätze gibt es?',
    'A: 30 Plätze für die Online-Termine, 12 Plätze für die Begehung des Brunnens.',
    '',
    'Q: Gibt es eine Bescheinigung?',
    'A: Ja, wer an beiden Terminen teilnimmt.',
    '',
  ].join('\n');

  it('reads each question as the heading of its answer', () => {
    const passages = splitIntoPassages(plainTextHeadings(unwrapPlainText(faq)), 'faq.txt', { plainText: true });
    expect(passages.find((p) => p.text.startsWith('Für Beschäftigte'))?.title).toBe('Für wen ist die Reihe gedacht?');
    expect(passages.map((p) => p.text)).not.toContain('Q: Für wen ist die Reihe gedacht?');
  });

  it('answers from the answer line, with the walk and the certificate asked in other words', async () => {
    const dir = await contentDir({ 'program.yaml': program, 'material/faq.txt': faq });
    const e = await createFaqEngine({ contentDir: dir, clock: new ManualClock(new Date('2027-03-10T08:00:00Z')) });
    expect(e.ask('Für wen ist das gedacht?').answer).toContain('Wasserversorger');
    expect(e.ask('How many places are there for the site visit?', { locale: 'en' }).answer).toContain('12 Plätze');
    expect(e.ask('What do I need for a certificate of attendance?', { locale: 'en' }).answer).toContain('beiden Terminen');
    expect(e.ask('Wie viele Plätze gibt es beim Rundgang?').answer).toContain('12 Plätze');
  });
});

describe('countries and sign language', () => {
  it('meet by their German and English names from the Unicode region names', async () => {
    expect(GENERAL_LEXICON.lookup('Kenia')).toBeDefined();
    expect(GENERAL_LEXICON.lookup('Kenia')).toBe(GENERAL_LEXICON.lookup('Kenya'));
    expect(GENERAL_LEXICON.lookup('Neuseeland')).toBe(GENERAL_LEXICON.lookup('New Zealand'));
    // "Deutschland" keeps its part "deutsch", which meets "German".
    expect(GENERAL_LEXICON.lookup('Deutschland')).toBeUndefined();
    const e = await engine();
    expect(e.ask('Kommen auch Teilnehmende aus Griechenland?').answer).toContain('Greece');
    expect(e.ask('Kommen auch Teilnehmende aus Norwegen?').answered).toBe(false);
  });

  it('and so does sign language', async () => {
    expect((await engine()).ask('Kann ich eine Gebärdensprachdolmetschung bekommen?').answer).toContain('14 days');
  });
});
