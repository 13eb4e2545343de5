// General noun synonyms: a participant's word meets the material's other word for the same thing; a verb, a
// word the material has, a word of many meanings and the program's own-word check stay as they were.
import { describe, expect, it } from 'vitest';
import { temporaryContent } from '../../tests/harness/temp-content.js';
import { ManualClock } from '../shared/clock.js';
import { createFaqEngine } from './engine.js';
import { termsOfWord, Vocabulary } from './german.js';
import { nounSynonyms } from './thesaurus.js';
import { nounSynsets } from '../../scripts/make-thesaurus.js';

const contentDir = temporaryContent('faq-thesaurus-');

const program = [
  'program:',
  '  id: ortsbild',
  '  title: "Klima, Ortsbild und Verkehr"',
  '  timezone: Europe/Vienna',
  'sessions:',
  '  - id: auftakt',
  '    title: "Auftakt"',
  '    date: 2027-09-08',
  '    start: "16:00"',
  '    end: "17:30"',
  '  - id: querungen',
  '    title: "Schutzwege und Querungshilfen"',
  '    date: 2027-09-22',
  '    start: "16:00"',
  '    end: "17:30"',
  '',
].join('\n');

const material = [
  '# Anmeldung',
  '',
  'Die Bibliothek Ihrer Gemeinde meldet sich bis zum 01.09.2027 beim Sekretariat an.',
  '',
  '# Klima und Ortsbild',
  '',
  'Bäume im Ortskern verbessern das Klima in heißen Sommern.',
  '',
].join('\n');

async function engine() {
  const dir = await contentDir({ 'program.yaml': program, 'material/info.md': material });
  return createFaqEngine({ contentDir: dir, clock: new ManualClock(new Date('2027-08-01T08:00:00Z')) });
}

describe('noun synonyms', () => {
  it('lists the nouns of the same meaning, and none for a verb', () => {
    expect(nounSynonyms('Bücherei')).toContain('bibliothek');
    expect(nounSynonyms('Zebrastreifen')).toContain('schutzweg');
    expect(nounSynonyms('aufzeichnen')).toEqual([]);
  });

  it('finds a plural\'s group through its singular, and none for a word of many meanings', () => {
    expect(nounSynonyms('Haltestellen')).toContain('haltepunkt');
    expect(nounSynonyms('Laternen')).toContain('lampion');
    // "Zeit" is a span, a tense and a time of day.
    expect(nounSynonyms('Zeit')).toEqual([]);
    expect(nounSynonyms('Zeiten')).toEqual([]);
  });

  it('lets a question noun the material lacks stand for the synonym the material has, and only a question noun', () => {
    const vocabulary = new Vocabulary();
    vocabulary.addText('Die Bibliothek ist geöffnet. Die Stadtbibliothek auch.');
    expect(termsOfWord('Bücherei', vocabulary, undefined, { synonyms: true })).toContain(termsOfWord('Bibliothek', vocabulary)[0]);
    // The word's own stem stays first: it is half known, like a compound known only in parts.
    expect(termsOfWord('Bücherei', vocabulary, undefined, { synonyms: true })[0]).toBe(termsOfWord('Bücherei', vocabulary)[0]);
    expect(termsOfWord('Bücherei', vocabulary)).not.toContain(termsOfWord('Bibliothek', vocabulary)[0]);
    expect(termsOfWord('Bücherei', vocabulary, undefined, { synonyms: true, indexing: true })).not.toContain(termsOfWord('Bibliothek', vocabulary)[0]);
  });

  it('answers a question in the participant\'s words and finds a session by the material\'s', async () => {
    const e = await engine();
    expect(e.ask('Bis wann muss ich meine Bücherei anmelden?').answer).toContain('01.09.2027');
    const crossing = e.ask('Wann geht es um Zebrastreifen?');
    expect(crossing.answer).toContain('22.09.2027');
  });

  it('does not make a synonym the program\'s own word: a month with a loosely related noun stays out of the schedule', async () => {
    const e = await engine();
    // "Wetter" and "Klima" share a group; the material's Klima is no reason to answer with September's sessions.
    const weather = e.ask('Wie ist das Wetter im September?');
    expect(weather.via).not.toBe('schedule');
    expect(weather.answered).toBe(false);
  });

  it('builds the groups from the thesaurus file: nouns only, without broader, narrower or opposite terms', () => {
    const dat = [
      'UTF-8',
      'bücherei|1',
      '-|Bibliothek|Bücherei|Bücherhalle (veraltet)',
      'aufzeichnen|1',
      '-|aufnehmen|aufzeichnen|mitschneiden',
      'treffpunkt|1',
      '-|Sammelpunkt|Treffpunkt|Ort (Oberbegriff)|Tummelplatz (ugs.)|Punkt, an dem man sich trifft',
      'bibliothek|1',
      '-|Bibliothek|Bücherei',
    ].join('\n');
    expect(nounSynsets(dat)).toEqual(['Bibliothek|Bücherei', 'Sammelpunkt|Treffpunkt|Tummelplatz']);
  });
});
