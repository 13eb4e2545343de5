// Round 24: German time asked for by the asker's region („bei uns in Bayern“, „im Aargau“), „folks“ as people,
// telephone numbers written the North American way („(319) 555-0186“) and misspelt or shortened words for them
// („Telefonnumer“, „Telnr.“), a number in a contact list read as one line belongs to its item, and general
// German words of events and administration („Impulsreferate“, „nachschauen“, „Gde.“). Invented programs; each answer
// is checked against a decline or another session nearby.
import { describe, expect, it } from 'vitest';
import { temporaryContent } from '../../tests/harness/temp-content.js';
import { createFaqEngine } from './engine.js';
import { ManualClock } from '../shared/clock.js';
import { GENERAL_LEXICON } from './lexicon.js';
import { sentenceAnswers } from './question-types.js';

const contentDir = temporaryContent('faq-regions-');

const program = [
  'program:',
  '  id: bus-stops',
  '  title: "Accessible Bus Stops"',
  '  subtitle: "A peer exchange of Cedar Falls with German and Austrian towns"',
  '  timezone: America/Chicago',
  '  language: en',
  '  contacts:',
  '    - name: Dana Whitfield',
  '      email: transit@cedar.example.org',
  '      role: Program Manager',
  'sessions:',
  '  - id: kickoff',
  '    title: "Kick-off"',
  '    date: 2027-02-11',
  '    start: "09:00"',
  '    end: "10:30"',
  '  - id: tyrol',
  '    title: "Case study: Tyrol"',
  '    date: 2027-04-15',
  '    start: "09:00"',
  '    end: "10:30"',
  '',
].join('\n');

const material = [
  '# Contact',
  '',
  '- Dana Whitfield, Program Manager, City of Cedar Falls – transit@cedar.example.org, phone (319) 555-0186',
  '- Jonas Keller, Stadt Oberau – j.keller@oberau.example.org',
  '',
  '# Bus stops',
  '',
  'Cedar Falls has rebuilt 40 of its 310 bus stops with raised curbs since 2024.',
  '',
].join('\n');

const summary = [
  '# Zusammenfassung für die Teilnehmenden aus Deutschland',
  '',
  'Die Vorträge werden aufgezeichnet und 30 Tage im Teams-Kanal bereitgestellt.',
  '',
  '# Kosten',
  '',
  'Für Mitgliedsgemeinden des Netzwerks ist die Teilnahme kostenlos. Andere Gemeinden zahlen 150 Euro für die ganze Reihe.',
  '',
].join('\n');

async function engine() {
  const dir = await contentDir({ 'program.yaml': program, 'material/handbook.md': material, 'material/zusammenfassung.md': summary });
  return createFaqEngine({ contentDir: dir, clock: new ManualClock(new Date('2027-01-20T08:00:00Z')) });
}

describe('the asker\'s clock', () => {
  it('is German time where the asker names a region of Germany, Austria or Switzerland', async () => {
    const e = await engine();
    for (const q of ['Um wie viel Uhr beginnt das Kick-off bei uns in Bayern?', 'Um wie viel Uhr beginnt der Auftakt im Aargau?', 'What time does the kick-off start in North Rhine-Westphalia?']) {
      const a = e.ask(q, { locale: q.startsWith('What') ? 'en' : 'de' });
      expect(a.answered, q).toBe(true);
      // 09:00 in Chicago is 16:00 in Germany in February.
      expect(a.answer, q).toContain('16:00');
      expect(a.answer, q).toContain('11');
    }
    // A canton whose name is an everyday word is no region here: „im Zug“ is on the train.
    expect(e.ask('Um wie viel Uhr treffen wir uns im Zug?').via).not.toBe('schedule');
    // A region a session's title names is that session.
    const tyrol = e.ask('What time is the session in Tyrol?', { locale: 'en' });
    expect(tyrol.answered).toBe(true);
    expect(tyrol.answer).toContain('15 April 2027');
    expect(tyrol.answer).not.toContain('11 February');
  });

  it('is not asked for by a place the material names, nor in a program on German time', async () => {
    const visit = await contentDir({
      'program.yaml': program,
      'material/visit.md': '# Study visit\n\nThe Tyrol case study includes a walk in Salzburg. In Salzburg the walking tour starts at 2:00 pm local time.\n',
    });
    const abroad = await createFaqEngine({ contentDir: visit, clock: new ManualClock(new Date('2027-01-20T08:00:00Z')) });
    expect(abroad.ask('What time does the walking tour start in Salzburg?', { locale: 'en' }).answer).toContain('2:00 pm');
    const home = await contentDir({
      'program.yaml': program.replace('America/Chicago', 'Europe/Berlin'),
      'material/hafen.md': '# Vor-Ort-Tag\n\nDer Vor-Ort-Tag findet in Hamburg statt. Die Hafenführung in Hamburg beginnt um 13:00 Uhr an den Landungsbrücken.\n',
    });
    const german = await createFaqEngine({ contentDir: home, clock: new ManualClock(new Date('2027-01-20T08:00:00Z')) });
    expect(german.ask('Um wie viel Uhr beginnt die Hafenführung in Hamburg?').answer).toContain('13:00');
  });

  it('is asked for by „the folks in Germany“ as by „the people in Germany“', async () => {
    const e = await engine();
    const a = e.ask('What time is the April session for the folks in Germany?', { locale: 'en' });
    expect(a.answered).toBe(true);
    expect(a.answer).toContain('16:00');
    // Counted, folks are people: a limit of residents does not answer how many may come.
    const dir = await contentDir({ 'material/info.md': '# Teilnahme\n\nTeilnehmen können Gemeinden bis 50.000 Einwohner.\n' });
    const limits = await createFaqEngine({ contentDir: dir, clock: new ManualClock(new Date('2027-01-20T08:00:00Z')) });
    for (const q of ['How many people can attend?', 'How many folks can attend?']) expect(limits.ask(q).answered, q).toBe(false);
  });
});

describe('a telephone number', () => {
  it('may be written the North American way; dates and codes are none', () => {
    for (const s of ['phone (319) 555-0186', 'call 319-555-0186', 'Tel. (319) 555 0186', 'phone 319.555.0186'])
      expect(sentenceAnswers('phone', s, GENERAL_LEXICON), s).toBe(true);
    // Reference, meeting, case and library numbers of the same shape, ranges and the tails of longer codes are none.
    for (const s of [
      'Phone survey 2026-12-0412',
      'Telefon: ISBN 978-3-16-148410-0',
      'phone budget 2027-2028-2029',
      'Marcus Okafor coordinates the call for proposals (reference 104-220-3150)',
      'Telefonsprechstunde für Gemeinden mit 100-200-3000 Einwohnern.',
      'Handy-Zuschuss: Fördernummer 2027-100-200-3000',
      'Call the hotline; your booking code is 555-123-4567-89.',
      'Call-ID 987-654-3210',
      'Dial-in by phone, meeting ID 845-123-4567',
      'Telefonische Beratung: Vorgangsnummer 202.604.1500',
      'Mobilitätsdaten: 123.456.7890 Fahrten pro Jahr',
    ])
      expect(sentenceAnswers('phone', s, GENERAL_LEXICON), s).toBe(false);
  });

  it('belongs to its item of a contact list read as one line, and is asked for with a misspelt or short word', async () => {
    const e = await engine();
    for (const q of ["What's the phone number of the program manager?", 'telefonnumer von dana whitfield?', 'Telnr. von Frau Whitfield?']) {
      const a = e.ask(q, { locale: 'de' });
      expect(a.answered, q).toBe(true);
      expect(a.answer, q).toContain('555-0186');
    }
    // The next item's person has no number: the one above is not hers.
    expect(e.ask('Telefonnummer von Jonas Keller?').answered).toBe(false);
    // Asked in another spelling, it is still a number that is asked for: the material has none for the stops.
    expect(e.ask('Telephonnummer für die Bus stops?').answered).toBe(false);
  });

  it('stays with its person where a dash stands between name and number', async () => {
    const dir = await contentDir({
      'material/kontakt.md': [
        '# Kontakt',
        '',
        'Ansprechpartnerin ist Frau Sabine Meier - Telefon 0471 123 456, s.meier@rad.example.org.',
        '',
        '# Organisation',
        '',
        '- Jonas Weber, Programmleitung - Tel. 0471 555 210',
        '- Petra Lang, Anmeldung - p.lang@rad.example.org',
        '',
      ].join('\n'),
    });
    const e = await createFaqEngine({ contentDir: dir, clock: new ManualClock(new Date('2027-01-20T08:00:00Z')) });
    expect(e.ask('Telefonnummer von Frau Meier?').answer).toContain('0471 123 456');
    expect(e.ask('Telefonnummer von Jonas Weber?').answer).toContain('0471 555 210');
    expect(e.ask('Telefonnummer von Petra Lang?').answered).toBe(false);
  });
});

describe('general German words of events and administration', () => {
  it('„Impulsreferate“ are talks and „nachschauen“ is watching; a „Referat“ of the administration is no talk', async () => {
    const e = await engine();
    const a = e.ask('Werden die Impulsreferate aufgenommen und wie lange kann man sie nachschauen?');
    expect(a.answered).toBe(true);
    expect(a.answer).toContain('30 Tage');
    const dir = await contentDir({
      'material/baumpaten.md': '# Baumpatenschaften\n\nDie Anträge prüft das Referat Stadtgrün der Stadt Oberau. Das Referat leitet Dr. Jonas Keller.\n',
    });
    const office = await createFaqEngine({ contentDir: dir, clock: new ManualClock(new Date('2027-01-20T08:00:00Z')) });
    for (const q of ['Wer hält den Vortrag?', 'Who gives the talk?']) expect(office.ask(q).answered, q).toBe(false);
  });

  it('„Gde.“ is a Gemeinde', async () => {
    const e = await engine();
    const a = e.ask('Was kostet die Teilnahme für eine Gde., die nicht Mitglied ist?');
    expect(a.answered).toBe(true);
    expect(a.answer).toContain('150 Euro');
  });
});
