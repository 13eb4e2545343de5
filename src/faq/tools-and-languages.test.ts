// Round 9: what participants ask of every series whatever its topic: the tool it runs on, its language, when
// registration closes, how often the group meets. An invented English-first program with German questions; each
// answer is checked against a decline nearby.
import { describe, expect, it } from 'vitest';
import { temporaryContent } from '../../tests/harness/temp-content.js';
import { createFaqEngine } from './engine.js';
import { ManualClock } from '../shared/clock.js';
import { questionTypes, sentenceAnswers } from './question-types.js';
import { GENERAL_LEXICON } from './lexicon.js';
import { passiveParticiples, separableInfinitive, STOPWORDS } from './german.js';

const contentDir = temporaryContent('faq-tools-');

const program = [
  'program:',
  '  id: harbour-ferries',
  '  title: "Electric harbour ferries"',
  '  timezone: Europe/Oslo',
  '  language: en',
  'sessions:',
  '  - id: kickoff',
  '    title: "Kick-off: fleets and routes"',
  '    summary: "Each port shows its fleet; a software tool compares the routes."',
  '    date: 2027-09-07',
  '    start: "10:00"',
  '    end: "11:30"',
  '  - id: charging',
  '    title: "Charging at the quay"',
  '    date: 2027-10-05',
  '    start: "10:00"',
  '    end: "11:30"',
  '  - id: crews',
  '    title: "Training crews"',
  '    date: 2027-11-02',
  '    start: "10:00"',
  '    end: "11:30"',
  '',
].join('\n');

const material = [
  '# How to take part',
  '',
  'Participation is free of charge. Please register by 20 August 2027 by e-mail to ferries@example.org.',
  '',
  '# Platform',
  '',
  'All sessions take place in Webex. The link is sent one week before each session. Webex runs in the browser; no account is needed.',
  '',
  '# Language',
  '',
  'The sessions are held in English. There is no interpretation.',
  '',
  '# Session 2 – Charging at the quay (5 October 2027)',
  '',
  'The port of Vestvik presents its charging mast. Registration for the harbour tour after the session opens on 1 October 2027.',
  '',
  '# Vestvik',
  '',
  'Vestvik runs 4 electric ferries on 3 routes.',
  '',
  '# Notizen',
  '',
  'Die Routen werden von den Häfen organisiert. Die Moderation der Termine übernimmt das NFKN.',
  '',
  '# Charging',
  '',
  'Wie werden Ladezeiten organisiert? Darüber sprechen wir im zweiten Termin.',
  '',
].join('\n');

async function engine() {
  const dir = await contentDir({ 'program.yaml': program, 'material/info.md': material });
  return createFaqEngine({ contentDir: dir, clock: new ManualClock(new Date('2027-09-20T08:00:00Z')) });
}

describe('the tool a series runs on and its language', () => {
  it('reads a question for the software or a named tool as one for the platform, answered by a sentence naming one', async () => {
    expect(questionTypes('Welche Videokonferenz-Software wird benutzt?', GENERAL_LEXICON).has('platform')).toBe(true);
    expect(sentenceAnswers('platform', 'All sessions take place in Webex.', GENERAL_LEXICON)).toBe(true);
    expect(sentenceAnswers('platform', 'All sessions take place online.', GENERAL_LEXICON)).toBe(false);
    const e = await engine();
    for (const q of ['Welche Videokonferenz-Software wird benutzt?', 'Which video tool do you use?', 'Which video platform do you use?', 'Läuft das über MS Teams?']) {
      const a = e.ask(q, { locale: q.startsWith('Which') ? 'en' : 'de' });
      expect(a.answered, q).toBe(true);
      expect(a.answer, q).toContain('Webex');
    }
    // The charging mast's software is not in the material.
    expect(e.ask('Welche Software steuert den Lademast in Vestvik?').answered).toBe(false);
  });

  it('answers "In welcher Sprache ...?" by the sentence that names a language', async () => {
    const language = (s: string) => sentenceAnswers('language', s, GENERAL_LEXICON);
    expect(language('Alle Termine finden auf Englisch statt.')).toBe(true);
    expect(language('The sessions are held in English.')).toBe(true);
    // A country's adjective is no language.
    expect(language('Die Termine beginnen um 10:00 Uhr German time.')).toBe(false);
    expect(language('Zwölf deutsche Kommunen nehmen teil.')).toBe(false);
    const e = await engine();
    const a = e.ask('In welcher Sprache finden die Treffen statt?');
    expect(a.answered).toBe(true);
    expect(a.answer).toContain('English');
    expect(e.ask('Wird ins Deutsche gedolmetscht?').answer).toContain('no interpretation');
    // Sign language is no language the sessions are held in.
    expect(e.ask('Gibt es Gebärdensprachdolmetscher?').answered).toBe(false);
  });

  it('answers whether something must be installed by where it runs, with "dafür" and "mitzumachen" as function words', async () => {
    expect(STOPWORDS.has('dafur')).toBe(true);
    expect(separableInfinitive('mitzumachen')).toBe('mitmachen');
    expect(separableInfinitive('anzumelden')).toBe('anmelden');
    const e = await engine();
    for (const q of ['Muss ich dafür was installieren?', 'Muss ich Webex installiert haben, um mitzumachen?']) expect(e.ask(q).answer, q).toContain('browser');
    expect(e.ask('Muss ich für den Lademast eine App installieren?').answered).toBe(false);
  });
});

describe('someone in a role', () => {
  it("names someone only with a title, an organisation's short name or a capitalised pair that is no function word", () => {
    const person = (s: string) => sentenceAnswers('person', s, GENERAL_LEXICON);
    expect(person('Welche Daten sind relevant?')).toBe(false);
    expect(person('Es moderiert Dr. Weber.')).toBe(true);
    expect(person('Die Moderation übernimmt das NFKN.')).toBe(true);
    expect(person('Es spricht Jana Okafor aus Vestvik.')).toBe(true);
  });

  it('answers "Wer moderiert ...?" from a passage that names someone, and declines where the passage names nobody', async () => {
    const e = await engine();
    expect(e.ask('Wer moderiert die Termine?').answer).toContain('NFKN');
    // "organisiert" is only said of charging times and of routes; no one is named as organiser of the charging.
    expect(e.ask('Wer organisiert die Ladezeiten?').answered).toBe(false);
  });
});

describe('deadlines and counts as participants ask them', () => {
  it('takes the deadline from the passage that says it of registration, not a session page that mentions registration', async () => {
    const e = await engine();
    for (const q of ['When does registration close?', 'Bis wann muss man sich anmelden?']) {
      const a = e.ask(q, { locale: q.startsWith('When') ? 'en' : 'de' });
      expect(a.answered, q).toBe(true);
      expect(a.answer, q).toContain('20 August 2027');
    }
  });

  it('counts the sessions for "how many times", "how often" and "wie oft" with a verb of meeting', async () => {
    const e = await engine();
    for (const q of ['How many times do we meet?', 'How often do we meet?', 'Wie oft treffen wir uns?', 'Wie oft trifft sich die Gruppe?']) {
      const a = e.ask(q, { locale: q.startsWith('How') ? 'en' : 'de' });
      expect(a.via, q).toBe('schedule');
      expect(a.answer, q).toMatch(/\b3\b/);
    }
    // "how many times" is no clock time, and "wie oft" with another topic asks the material.
    expect(e.ask('Wie oft fährt die Fähre in Vestvik?').via).not.toBe('schedule');
  });

  it('reads the word after "which <noun>" as its verb ("Which session comes next?")', async () => {
    const a = (await engine()).ask('Which session comes next?', { locale: 'en' });
    expect(a.via).toBe('schedule');
    expect(a.answer).toContain('5 October 2027');
  });
});

describe('a passive question about a compound of costs', () => {
  const germanMaterial = [
    '# Anreise nach Vestvik',
    '',
    'Vom Bahnhof Vestvik fährt der Bus 5 in 12 Minuten zum Hafen.',
    '',
    '# Reisekosten',
    '',
    'Fahrt- und Übernachtungskosten für den Termin in Vestvik werden nicht erstattet. Fahrtkosten innerhalb der Stadt trägt der Hafen.',
    '',
    '# Fährbetrieb',
    '',
    'Die Stadt Vestvik hat 2024 den Betrieb der Fähre übernommen.',
    '',
  ].join('\n');

  it('reads the participle as what is done, and the compound as a question of cost', async () => {
    expect(passiveParticiples('Werden Fahrtkosten für den Termin in Vestvik übernommen?')).toEqual(new Set(['ubernommen']));
    expect(passiveParticiples('Wann wird die Fähre gewartet')).toEqual(new Set(['gewartet']));
    expect(passiveParticiples('wann wird gewartet')).toEqual(new Set());
    expect(questionTypes('Werden Fahrtkosten übernommen?', GENERAL_LEXICON).has('cost')).toBe(true);
    const dir = await contentDir({ 'program.yaml': program, 'material/kosten.md': germanMaterial });
    const e = await createFaqEngine({ contentDir: dir, clock: new ManualClock(new Date('2027-09-20T08:00:00Z')) });
    const a = e.ask('Werden Fahrtkosten für den Termin in Vestvik übernommen?');
    expect(a.answered).toBe(true);
    expect(a.answer).toContain('nicht erstattet');
  });
});
