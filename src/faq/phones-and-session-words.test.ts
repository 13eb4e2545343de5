// Round 16: a telephone number as a kind of fact (an e-mail address does not answer "Telefonnummer?", and the
// program's contacts, which have none, do not either), "fängt … an" as beginning, a part of a session title's
// compound naming that session again ("Rundgang auf dem Schulhof" for "Schulhofbegehung"), time-of-day and
// manner words that count only where the material has them, and a hyphenated compound found in its sentence
// ("dark sky" beside "dark-sky"), and a year beside the thing a count asks for. Invented programs; each answer is checked against a decline nearby.
import { describe, expect, it } from 'vitest';
import { temporaryContent } from '../../tests/harness/temp-content.js';
import { createFaqEngine } from './engine.js';
import { ManualClock } from '../shared/clock.js';
import { isSoftWord } from './german.js';
import { GENERAL_LEXICON } from './lexicon.js';
import { questionTypes, sentenceAnswers } from './question-types.js';
import { PassageIndex } from './retrieval.js';

const contentDir = temporaryContent('faq-phones-');

const program = [
  'program:',
  '  id: schulhoefe',
  '  title: "Schulhöfe entsiegeln"',
  '  timezone: Europe/Berlin',
  '  language: de',
  '  contacts:',
  '    - name: Jana Berger',
  '      email: j.berger@schulhof.example.org',
  '      role: Programmleitung',
  '    - name: Tim Vogt',
  '      email: t.vogt@schulhof.example.org',
  '      role: Anmeldung',
  'sessions:',
  '  - id: auftakt',
  '    title: "Auftakt"',
  '    date: 2027-03-02',
  '    start: "15:00"',
  '    end: "16:30"',
  '  - id: begehung',
  '    title: "Schulhofbegehung in Talheim"',
  '    date: 2027-04-16',
  '    start: "10:00"',
  '    end: "13:00"',
  '',
].join('\n');

const material = [
  '# Kontakt',
  '',
  'Fragen zum Programm: Jana Berger, j.berger@schulhof.example.org.',
  '',
  'Am Tag der Begehung ist Tim Vogt mobil erreichbar unter Tel. 0171 555 2301.',
  '',
  '# Begehung',
  '',
  'Treffpunkt ist das Tor der Grundschule Talheim. Die Flächen werden nach 22 Uhr beleuchtet.',
  '',
  '# Talheim',
  '',
  'Die Grundschule Talheim hat 310 Schülerinnen und Schüler. Der Anteil entsiegelter Fläche lag 2019 bei 12 Prozent.',
  '',
  '# Aufzeichnung',
  '',
  'Die Vorträge werden aufgezeichnet und 3 Wochen im Kanal bereitgestellt.',
  '',
].join('\n');

const englishProgram = [
  'program:',
  '  id: nightlight',
  '  title: "Night lighting in small towns"',
  '  timezone: Europe/Dublin',
  '  language: en',
  'sessions:',
  '  - id: kickoff',
  '    title: "Kick-off"',
  '    date: 2027-02-10',
  '    start: "10:00"',
  '    end: "11:30"',
  '',
].join('\n');

const englishMaterial = [
  '# Cases',
  '',
  'Kilbrook adopted its dark-sky ordinance in 2021. Glenmore has none.',
  '',
  '# Kilbrook',
  '',
  'Kilbrook has 9,000 inhabitants and 1,200 streetlights. The town council meets monthly. Its dark-sky rules took effect in 2022, a year after the vote.',
  '',
  '# Certificate',
  '',
  'A certificate is sent to everyone who attended the session live. Watching the recording does not count.',
  '',
].join('\n');

async function engine() {
  const dir = await contentDir({ 'program.yaml': program, 'material/info.md': material });
  return createFaqEngine({ contentDir: dir, clock: new ManualClock(new Date('2027-03-10T08:00:00Z')) });
}

async function englishEngine() {
  const dir = await contentDir({ 'program.yaml': englishProgram, 'material/info.md': englishMaterial });
  return createFaqEngine({ contentDir: dir, clock: new ManualClock(new Date('2027-01-10T08:00:00Z')) });
}

describe('a telephone number', () => {
  it('is a kind of fact that only a number answers', () => {
    expect(questionTypes('Welche Telefonnummer hat Frau Berger?', GENERAL_LEXICON).has('phone')).toBe(true);
    expect(questionTypes('handynummer vogt', GENERAL_LEXICON).has('phone')).toBe(true);
    expect(questionTypes('What is the coordinator\'s phone number?', GENERAL_LEXICON).has('phone')).toBe(true);
    for (const s of ['Tel. 0171 555 2301', 'phone +1 303 555 0142', 'Telefon: (030) 1234-567', 'Rufnummer +39 0471 555 210']) expect(sentenceAnswers('phone', s, GENERAL_LEXICON), s).toBe(true);
    for (const s of ['Jana Berger, j.berger@schulhof.example.org', 'am 16.04.2027 um 10:00 Uhr', '39040 Völsegg', '2.860 Grabstellen', 'Rechnungsadresse: Stadt Neustadt, Aktenzeichen 0815/2024', 'IBAN DE89 3704 0044 0532 0130 00'])
      expect(sentenceAnswers('phone', s, GENERAL_LEXICON), s).toBe(false);
    // A question about the telephone that asks no number.
    expect(questionTypes('Can I dial in by phone?', GENERAL_LEXICON).has('phone')).toBe(false);
  });

  it('is answered where the material gives it, declined where it gives only an e-mail address, never from the program\'s contacts', async () => {
    const e = await engine();
    const vogt = e.ask('Unter welcher Telefonnummer erreiche ich Herrn Vogt?');
    expect(vogt.answered).toBe(true);
    expect(vogt.answer).toContain('0171 555 2301');
    const berger = e.ask('Unter welcher Telefonnummer erreiche ich Frau Berger?');
    expect(berger.via).not.toBe('schedule');
    expect(berger.answer).not.toContain('0171');
    // The program's contacts still answer a question for them.
    expect(e.ask('Wie erreiche ich Frau Berger?').answer).toContain('j.berger@schulhof.example.org');
  });
});

describe('the words of a session question', () => {
  it('reads "fängt … an" as beginning and a part of the title\'s compound as naming the session', async () => {
    expect(GENERAL_LEXICON.lookup('anfängt')).toBe(GENERAL_LEXICON.lookup('beginnt'));
    const e = await engine();
    for (const q of ['Wann fängt die Begehung an?', 'Um wie viel Uhr fängt der Rundgang auf dem Schulhof an?']) {
      const a = e.ask(q);
      expect(a.via, q).toBe('schedule');
      expect(a.answer, q).toContain('10:00');
    }
    // A word beyond the session's title still asks the material.
    expect(e.ask('Um wie viel Uhr fängt der Rundgang auf dem Sportplatz an?').via).not.toBe('schedule');
  });

  it('counts time-of-day and manner words only where the material has them', async () => {
    for (const w of ['nachts', 'mittags', 'extra', 'nachhinein', 'watch', 'allowed']) expect(isSoftWord(w), w).toBe(true);
    const e = await engine();
    const night = e.ask('Ab wie viel Uhr werden die Flächen nachts beleuchtet?');
    expect(night.answered).toBe(true);
    expect(night.answer).toContain('22 Uhr');
    const later = e.ask('Wie lange kann man die Vorträge im Nachhinein anschauen?');
    expect(later.answer).toContain('3 Wochen');
    const en = await englishEngine();
    const watch = en.ask('Do I get a certificate if I only watch the recording?', { locale: 'en' });
    expect(watch.answered).toBe(true);
    expect(watch.answer).toContain('does not count');
  });
});

describe('a year the question gives', () => {
  it('must stand beside the thing counted, not beside another figure of the passage', async () => {
    const e = await engine();
    expect(e.ask('Wie viele Schülerinnen und Schüler hat die Grundschule Talheim?').answer).toContain('310');
    expect(e.ask('Wie viele Schülerinnen und Schüler hatte die Grundschule Talheim 2019?').answered).toBe(false);
    expect(e.ask('Wie hoch war der Anteil entsiegelter Fläche 2019?').answer).toContain('12 Prozent');
  });
});

describe('a hyphenated compound in its sentence', () => {
  it('is among the sentence\'s terms as one word, as the index has it', () => {
    const text = 'Its dark-sky rules took effect in 2022.';
    const index = new PassageIndex([{ id: 'a', kind: 'passage', title: 'Kilbrook', text, source: 'info.md' }]);
    expect(index.sentenceTerms(text).has(index.termsOf('darksky')[0]!)).toBe(true);
  });

  it('is found for the words written apart', async () => {
    const en = await englishEngine();
    const a = en.ask('When did Kilbrook pass its dark sky ordinance?', { locale: 'en' });
    expect(a.answered).toBe(true);
    expect(a.answer).toContain('2021');
    const rules = en.ask('When did the dark sky rules take effect?', { locale: 'en' });
    expect(rules.answered).toBe(true);
    expect(rules.answer).toContain('2022');
    expect(en.ask('When did Kilbrook pass its noise ordinance?', { locale: 'en' }).answered).toBe(false);
  });
});
