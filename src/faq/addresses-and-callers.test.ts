// Round 23: „Adresse“ asks where a place is unless something is to be sent there („An welche Adresse schicke
// ich die Anmeldung?“), the questions one calls about are no topic of a question for a contact („Who do I call
// if I have questions?“), telephone numbers with a two-digit area code („(08) 9461 2273“), and amounts in
// the currencies of other countries' programs („3,10 NZ-Dollar“, „MXN 2,500“). Invented programs; each
// answer is checked against a decline nearby.
import { describe, expect, it } from 'vitest';
import { temporaryContent } from '../../tests/harness/temp-content.js';
import { createFaqEngine } from './engine.js';
import { ManualClock } from '../shared/clock.js';
import { GENERAL_LEXICON } from './lexicon.js';
import { countingNumbers, sentenceAnswers } from './question-types.js';

const contentDir = temporaryContent('faq-addresses-');

const program = [
  'program:',
  '  id: brunnen',
  '  title: "Brunnen und Trinkwasser im Ort"',
  '  timezone: Europe/Berlin',
  '  language: de',
  '  contacts:',
  '    - name: Lea Sommer',
  '      email: l.sommer@brunnen.example.org',
  '      role: Programmleitung',
  'sessions:',
  '  - id: auftakt',
  '    title: "Auftakt"',
  '    date: 2027-03-03',
  '    start: "14:00"',
  '    end: "15:30"',
  '  - id: exkursion',
  '    title: "Exkursion zum Wasserwerk Brunnfeld"',
  '    date: 2027-05-07',
  '    start: "10:00"',
  '    end: "13:00"',
  '',
].join('\n');

const material = [
  '# Kontakt',
  '',
  'Programmleitung: Lea Sommer, Verband Trinkwasser Süd, Tel. (07) 3123 4567, l.sommer@brunnen.example.org.',
  '',
  '# Anmeldung',
  '',
  'Bitte melden Sie sich bis 19.02.2027 per E-Mail an anmeldung@brunnen.example.org an.',
  '',
  '# Exkursion',
  '',
  'Wir treffen uns am Wasserwerk Brunnfeld, Lindenweg 12, 71234 Brunnfeld. Festes Schuhwerk ist nötig.',
  '',
  '# Partnerstadt',
  '',
  'In der Partnerstadt Kauri kostet ein Kubikmeter Trinkwasser 3,10 NZ-Dollar.',
  '',
  '# Aufzeichnung',
  '',
  'Die Vorträge werden aufgezeichnet und 4 Wochen im Kanal bereitgestellt.',
  '',
].join('\n');

async function engine() {
  const dir = await contentDir({ 'program.yaml': program, 'material/info.md': material });
  return createFaqEngine({ contentDir: dir, clock: new ManualClock(new Date('2027-02-01T08:00:00Z')) });
}

describe('an address', () => {
  it('of a place is asked of the material, not of the program\'s contacts', async () => {
    const e = await engine();
    for (const q of ['Adresse Wasserwerk Exkursion?', 'Wie ist die Adresse vom Wasserwerk?']) {
      const a = e.ask(q);
      expect(a.answered, q).toBe(true);
      expect(a.answer, q).toContain('Lindenweg 12');
    }
    // Asked to be sent the address, the asker still wants the place's.
    expect(e.ask('Kannst du mir die Adresse vom Wasserwerk schicken?').answer).toContain('Lindenweg 12');
    // A place the material does not name has no address in it.
    expect(e.ask('Adresse vom Rathaus Brunnfeld?').answered).toBe(false);
    // A program contact's address is the contact's.
    expect(e.ask('Wie ist die Adresse von Frau Sommer?').answer).toContain('l.sommer@brunnen.example.org');
  });

  it('to send something to is a contact or the material\'s address for it', async () => {
    const e = await engine();
    const a = e.ask('An welche Adresse schicke ich die Anmeldung?');
    expect(a.answered).toBe(true);
    expect(a.answer).toContain('anmeldung@brunnen.example.org');
    // An address to write to is no place: the meeting point does not answer it.
    expect(a.answer).not.toContain('Lindenweg');
  });
});

describe('whom to call with questions', () => {
  it('is a question for the contact: the questions are no topic', async () => {
    const e = await engine();
    for (const q of ['Who do I call if I have questions? Phone number please', 'Wen rufe ich bei Rückfragen an? Telefonnummer bitte']) {
      const a = e.ask(q);
      expect(a.answered, q).toBe(true);
      expect(a.answer, q).toContain('3123 4567');
    }
    // A topic named beside the questions still counts.
    expect(e.ask('Wen rufe ich bei Fragen zur Kläranlage an? Telefonnummer bitte').answered).toBe(false);
  });

  it('counts a two-digit area code as a telephone number, a date or a postcode still not', () => {
    for (const s of ['phone (08) 9461 2273 (Monday to Thursday)', 'Tel. 08 9461 2273', 'Téléphone : 01 23 45 67 89', 'Tel. (07) 3123 4567'])
      expect(sentenceAnswers('phone', s, GENERAL_LEXICON), s).toBe(true);
    for (const s of ['Telefonkonferenz am 05 2027', 'Telefonisch bis 01.02.2027', 'Telefon im Büro 71234 Brunnfeld', 'Telefonumfrage (05) 2026-2027 mit 400 Anrufen', 'Telefon-Hotline seit 03 2026 2027'])
      expect(sentenceAnswers('phone', s, GENERAL_LEXICON), s).toBe(false);
    // A run of thousands of digits is read at once (an optional separator once made this take seconds), and is no number.
    expect(sentenceAnswers('phone', `Tel (01)${'1'.repeat(3000)} x`, GENERAL_LEXICON)).toBe(false);
  });
});

describe('an amount of money', () => {
  it('is one in the currency of any country, written after the figure or before it', async () => {
    for (const s of ['Wärmepreis 185 NZ-Dollar pro MWh', 'NZ$ 185 per MWh', 'fee: 2.500 pesos', 'costs ₹ 40,000', '120 SEK per person', 'EUR 120 or MXN 2,500', 'US$ 40', 'A$120', 'R$ 50', '€ 12.500,–', 'CHF 280.-'])
      expect(sentenceAnswers('price', s, GENERAL_LEXICON), s).toBe(true);
    for (const s of ['pay CAD 60 per person', 'costs 60 CAD.'])
      expect(sentenceAnswers('price', s, GENERAL_LEXICON), s).toBe(true);
    // Codes in lower case or before a noun, and currency words in compounds or in other senses, are none.
    for (const s of ['5 real cases', 'In 2019 won the town', 'Raum 3 am Rand', 'Mittwoch, 31. März 2027', '90 Sek. Redezeit', 'Schulen der Sek 1', '3 CAD drawings', 'The 2 AUD units', '40 Kronen von Straßenbäumen', '3 Pesos-Münzen', '24 Yen-Aktien'])
      expect(sentenceAnswers('price', s, GENERAL_LEXICON), s).toBe(false);
    expect(countingNumbers('Applicants upload 3 CAD drawings with each permit application.')).toContain('3 cad drawings');
    const e = await engine();
    const a = e.ask('Was kostet ein Kubikmeter Wasser in Kauri?');
    expect(a.answered).toBe(true);
    expect(a.answer).toContain('3,10 NZ-Dollar');
    expect(e.ask('Was kostet ein Kubikmeter Wasser in Talberg?').answered).toBe(false);
  });
});
