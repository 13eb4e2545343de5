// Round 10: who pays what, the keyword questions of a conditions list ("zertifikat bedingungen"), a condition in a
// "wenn" clause, and a figure of a thing the material never names. An invented German program whose fee names its
// payers by groups; each answer is checked against a decline nearby.
import { describe, expect, it } from 'vitest';
import { temporaryContent } from '../../tests/harness/temp-content.js';
import { createFaqEngine } from './engine.js';
import { ManualClock } from '../shared/clock.js';
import { askedName, askedSubject, foldUmlauts, isSoftWord, passiveParticiples, payers, selfDescription, STOPWORDS, verbPositionWords } from './german.js';
import { GENERAL_LEXICON, Lexicon, seriesSelfWords } from './lexicon.js';
import { seriesNameWords } from './schedule-intents.js';

const contentDir = temporaryContent('faq-payers-');

const program = [
  'program:',
  '  id: friedhof-netz',
  '  title: "Friedhöfe als Grünräume"',
  '  timezone: Europe/Berlin',
  'sessions:',
  '  - id: auftakt',
  '    title: "Auftakt: Flächen und Pflege"',
  '    date: 2027-05-04',
  '    start: "09:00"',
  '    end: "10:30"',
  '  - id: wege',
  '    title: "Wege und Bänke"',
  '    date: 2027-06-01',
  '    start: "09:00"',
  '    end: "10:30"',
  '',
].join('\n');

const material = [
  '# Kosten',
  '',
  'Für Friedhofsverwaltungen und Gemeinden ist die Teilnahme kostenfrei. Planungsbüros, Steinmetzbetriebe und Vereine zahlen 60 Euro pro Person.',
  '',
  '# Zertifikat',
  '',
  'Ein Zertifikat erhält, wer an beiden Terminen teilnimmt. Eine angesehene Aufzeichnung zählt nicht als Teilnahme.',
  '',
  '# Beispiel Lindholm',
  '',
  'Lindholm hat 2025 auf dem Nordfriedhof 40 Bänke aufgestellt und 3 Kilometer Wege entsiegelt. Die neuen Wege hat ein Planungsbüro aus der Region entworfen.',
  '',
  '# Beispiel Nordheim',
  '',
  'Nordheim hat 2026 einen Trauergarten angelegt.',
  '',
  '# Leitung',
  '',
  'Die Projektleiterin ist Dr. Jana Weber vom Friedhofsamt Lindholm.',
  '',
  '# Vor dem Auftakt',
  '',
  'Bitte bringen Sie zum Auftakt einen Lageplan Ihres Friedhofs mit.',
  '',
  '# Projektskizze',
  '',
  'Ihre Projektskizze zum eigenen Friedhof geht bis 15.06.2027 an friedhof@example.org.',
  '',
  '# Anreise',
  '',
  'Fahrtkosten zum Treffen in Lindholm werden nicht erstattet.',
  '',
].join('\n');

async function engine() {
  const dir = await contentDir({ 'program.yaml': program, 'material/info.md': material });
  return createFaqEngine({ contentDir: dir, clock: new ManualClock(new Date('2027-05-10T08:00:00Z')) });
}

describe('who pays', () => {
  it('reads the payer after a verb of paying, before "pay", or after "für" with an indefinite article', () => {
    expect(payers('Was zahlt ein Ingenieurbüro für die Teilnahme?')).toEqual(new Set(['ingenieurburo']));
    expect(payers('Kostet das was für eine Stadtbücherei?')).toEqual(new Set(['stadtbucherei']));
    expect(payers('Was kostet die Teilnahme für jemanden von einer Hochschule?')).toEqual(new Set(['hochschule']));
    expect(payers('Do consultants have to pay?')).toEqual(new Set(['consultants']));
    expect(payers('Is it free for volunteers?')).toEqual(new Set(['volunteers']));
    // Paid for, not paying: a definite article names what costs; "Wer zahlt ...?" asks for the payer.
    expect(payers('Gibt es eine Gebühr für die Exkursion?')).toEqual(new Set());
    expect(payers('Gibt es eine Gebühr für Parkplätze?')).toEqual(new Set());
    expect(payers('Is there a fee for parking?')).toEqual(new Set());
    expect(payers('Kostet die Teilnahme für Workshops extra?')).toEqual(new Set());
    // After the participation itself, an article names who takes part.
    expect(payers('Was kostet die Teilnahme für eine Stadtverwaltung?')).toEqual(new Set(['stadtverwaltung']));
    expect(payers('Is registration for a consultancy free?')).toEqual(new Set(['consultancy']));
    expect(payers('Wer zahlt die Fahrtkosten nach Lindholm?')).toEqual(new Set());
    expect(payers('Was müssen wir für den Austausch bezahlen?')).toEqual(new Set());
    expect(payers('Wie viele Bänke hat Lindholm aufgestellt?')).toEqual(new Set());
    // The asker's own organisation, and what the asker says they are ("wir als …", "we as …").
    expect(payers('Was kostet die Reihe für unsere Stadtverwaltung?')).toEqual(new Set(['stadtverwaltung']));
    expect(payers('What does the exchange cost for our city?')).toEqual(new Set(['city']));
    expect(payers('Müssen wir als kleine Gemeinde mit 3.200 Einwohnern zahlen?')).toEqual(new Set(['kleine', 'gemeinde', '3', '200', 'einwohnern']));
    expect(payers('Do we as a small town have to pay?')).toEqual(new Set(['small', 'town']));
    // Where the payers come from names them too; "what"/"how much" before the auxiliary ("does" folds to "dos").
    expect(payers('Was zahlen Gäste aus Ingenieurbüros?')).toEqual(new Set(['gaste', 'ingenieurburos']));
    expect(payers('How much does a consultant pay?')).toEqual(new Set(['consultant']));
    expect(payers('What do guests from consultancies pay?')).toEqual(new Set([foldUmlauts('guests'), 'consultancies']));
    // All the subject says before the verb; a bare plural of organisations or people after "für"/"for"; a
    // compound of two English nouns; a price asked without a word of paying.
    expect(payers('Müssen ganz kleine Gemeinden mit 800 Einwohnern auch zahlen?')).toEqual(new Set(['ganz', 'kleine', 'gemeinden', '800', 'einwohnern']));
    expect(payers('Kostet die Teilnahme für Bauämter etwas?')).toEqual(new Set(['bauamter']));
    expect(payers('How much is it for a university researcher?')).toEqual(new Set(['university', 'researcher']));
    expect(payers('Kostet die Teilnahme für Workshops extra?')).toEqual(new Set());
    // What is paid for is no payer: an object after the subject, a passive, a year, a thing after a person.
    expect(payers('Müssen Teilnehmende die Anreise selbst bezahlen?')).toEqual(new Set(['teilnehmende']));
    expect(payers('Müssen Kommunen für das Mittagessen zahlen?')).toEqual(new Set(['kommunen']));
    expect(payers('Muss das Mittagessen am Praxistag bezahlt werden?')).toEqual(new Set());
    expect(payers('Müssen Kommunen 2028 zahlen?')).toEqual(new Set(['kommunen']));
    expect(payers('Is there a charge for staff parking?')).toEqual(new Set(['staff']));
    // What the asker says of themselves in a clause of its own, whatever the question asks.
    expect(selfDescription('Wir sind eine Gemeinde mit 6.000 Einwohnern, müssen wir trotzdem zahlen?')).toEqual(new Set(['gemeinde', '6', '000', 'einwohnern']));
    expect(selfDescription('I work for a Brazilian municipality - who do I register with?')).toEqual(new Set(['brazilian', 'municipality']));
    expect(selfDescription('Wir sind eine Gemeinde mit 6.000 Einwohnern')).toEqual(new Set());
    // "Im Jahr 2024, …" is no "I'm"; a year is never what the asker is.
    expect(selfDescription('Im Jahr 2024, wie lange warteten Familien in Muldenau?')).toEqual(new Set());
    expect(selfDescription('Wir sind seit 2019 Mitglied, was kostet es?')).toEqual(new Set(['mitglied']));
  });

  it('answers the fee for a payer the material names only by its group, and declines the price of a thing it never names', async () => {
    const e = await engine();
    for (const q of ['Was zahlt ein Architekturbüro für die Teilnahme?', 'Kostet das was für eine Kirchengemeinde?', 'Do landscape architects have to pay?', 'Was kostet die Teilnahme für unseren Bauhof?', 'Müssen wir als kleines Bestattungshaus mit 4.500 Kunden im Jahr zahlen?', 'Müssen ganz kleine Gartenbaubetriebe mit 3 Leuten auch zahlen?', 'Wir sind eine Gärtnerei mit 12 Leuten, was zahlen wir?']) {
      const a = e.ask(q, { locale: /^(Do|How) /.test(q) ? 'en' : 'de' });
      expect(a.answered, q).toBe(true);
      expect(a.answer, q).toContain('60 Euro');
    }
    // A thing that costs, not a payer: the material gives no price of a gravestone.
    expect(e.ask('Was kostet ein Grabstein in Lindholm?').answered).toBe(false);
    // In a question for something else, what the asker says of themselves may be the topic.
    expect(e.ask('Ich bin an Urnengräbern interessiert, gibt es dazu einen Termin?').answered).toBe(false);
    expect(e.ask('Gibt es eine Gebühr für Parkplätze?').answered).toBe(false);
    expect(e.ask('Wer zahlt die Fahrtkosten nach Lindholm?').answer).toContain('nicht erstattet');
  });
});

describe('keyword questions for conditions', () => {
  it('answers "<topic> bedingungen" and "<topic> ja/nein" like the topic alone', async () => {
    const e = await engine();
    for (const q of ['zertifikat bedingungen', 'zertifikat voraussetzungen', 'zertifikat ja/nein']) {
      const a = e.ask(q);
      expect(a.answered, q).toBe(true);
      expect(a.answer, q).toContain('beiden Terminen');
    }
    expect(e.ask('bänke lindholm bedingungen').answer).toContain('40 Bänke');
    expect(e.ask('urnengräber bedingungen').answered).toBe(false);
  });
});

describe('a condition in a "wenn" clause, the infinitive after a modal verb, and "zählt" that does not pay', () => {
  it('reads the last word of a clause opened by a conjunction as its verb', () => {
    expect(verbPositionWords('Zählt es fürs Zertifikat, wenn ich mir nur die Aufzeichnung anschaue?').has(foldUmlauts('anschaue'))).toBe(true);
    expect(verbPositionWords('Gilt das auch, falls die Gemeinde keine Bänke aufstellt?').has('aufstellt')).toBe(true);
    // A question for a thing with a modal verb ends with its infinitive; a yes/no question asks for the verb itself.
    expect(verbPositionWords('Was sollen wir vor dem Auftakt vorbereiten?').has(foldUmlauts('vorbereiten'))).toBe(true);
    expect(verbPositionWords('Kann ich mich per Telefon einwählen?').has(foldUmlauts('einwählen'))).toBe(false);
    // "Wie" and "wo" ask how or where the verb is done: the verb is the topic. "Wie oft" asks for a measure.
    expect(verbPositionWords('Wie kann ich mich vom Austausch abmelden?').has('abmelden')).toBe(false);
    expect(verbPositionWords('Wo kann ich in Lindholm parken?').has('parken')).toBe(false);
    expect(verbPositionWords('Wie oft muss man die Wege überarbeiten?').has(foldUmlauts('überarbeiten'))).toBe(true);
    // Not in a question written in lower case throughout (no capitals tell nouns from verbs).
    expect(verbPositionWords('zählt es wenn ich die aufzeichnung schaue').has('schaue')).toBe(false);
  });

  it('keeps "zählt" (counts) apart from "zahlt" (pays)', () => {
    expect(GENERAL_LEXICON.lookup('zählt')).toBeUndefined();
    expect(GENERAL_LEXICON.lookup('zahlt')).toBe(GENERAL_LEXICON.lookup('Kosten'));
    expect(GENERAL_LEXICON.lookup('Gebühr')).toBe(GENERAL_LEXICON.lookup('Kosten'));
    // An umlaut of the plural still joins the singular's group.
    expect(GENERAL_LEXICON.lookup('Räume')).toBe(GENERAL_LEXICON.lookup('Raum'));
    expect(GENERAL_LEXICON.lookup('Plätze')).toBe(GENERAL_LEXICON.lookup('Platz'));
    // A program's group with an entry that has no word in it still marks its umlaut words as written.
    const program = new Lexicon([['—', 'Zählung', 'count']]);
    expect(program.lookup('Zählung')).toBe(program.lookup('count'));
  });

  it('reads the verb of a "wenn" clause without nouns of its own, in a question that has them elsewhere', async () => {
    expect(verbPositionWords('Bekomme ich ein Zertifikat, wenn ich zweimal fehle?').has('fehle')).toBe(true);
    expect(isSoftWord('zweimal')).toBe(true);
    const a = (await engine()).ask('Bekomme ich ein Zertifikat, wenn ich zweimal fehle?');
    expect(a.answered).toBe(true);
    expect(a.answer).toContain('beiden Terminen');
  });

  it('reads "dabei sein" as taking part and "beide" as a count ("Wie oft muss ich dabei sein ...?")', async () => {
    expect(GENERAL_LEXICON.lookup('dabei sein')).toBe(GENERAL_LEXICON.lookup('teilnehmen'));
    expect(GENERAL_LEXICON.lookup('limit')).toBe(GENERAL_LEXICON.lookup('höchstens'));
    expect(STOPWORDS.has('altogether')).toBe(true);
    const a = (await engine()).ask('Wie oft muss ich dabei sein, um das Zertifikat zu bekommen?');
    expect(a.answered).toBe(true);
    expect(a.answer).toContain('beiden Terminen');
  });

  it('answers whether a watched recording counts for the certificate', async () => {
    const a = (await engine()).ask('Zählt es fürs Zertifikat, wenn ich mir nur die Aufzeichnung anschaue?');
    expect(a.answered).toBe(true);
    expect(a.answer).toContain('zählt nicht');
  });

  it('declines "Wo kann ich in Lindholm parken?": the material names the town, never parking', async () => {
    expect((await engine()).ask('Wo kann ich in Lindholm parken?').answered).toBe(false);
  });

  it('answers "Was sollen wir zum Auftakt einpacken?" from what the material asks to bring', async () => {
    const a = (await engine()).ask('Was sollen wir zum Auftakt einpacken?');
    expect(a.answered).toBe(true);
    expect(a.answer).toContain('Lageplan');
  });
});

describe('a figure of a thing the material never names', () => {
  it('reads the thing after "Wie hoch ist der/die/das ..." and "What is the ..."', () => {
    expect(askedSubject('Wie hoch ist die Strafe, wenn eine Gemeinde keine Bänke aufstellt?')).toBe('strafe');
    expect(askedSubject('How high is the fine?')).toBe('fine');
    expect(askedSubject('Was ist der Preis für Planungsbüros?')).toBe('preis');
    expect(askedSubject('Wann ist der Auftakt?')).toBeUndefined();
    expect(askedSubject('Wie hoch ist die Zahl der Bänke?')).toBeUndefined();
    // An adjective before the noun is skipped: the noun is the thing.
    expect(askedSubject('Was ist die genaue Adresse?')).toBe('adresse');
    expect(askedSubject('was ist die genaue adresse')).toBe('adresse');
    expect(askedSubject('What is the latest date to register?')).toBe('date');
    expect(askedSubject('What is the exact address?')).toBe('address');
    expect(askedSubject('Wie hoch ist die Strafe bei Verspätung?')).toBe('strafe');
    // Right after "Wie viel" a capitalised noun (German) or a word that is no verb (English); money and time are
    // only measures.
    expect(askedSubject('Wie viel CO2 spart Lindholm mit den Bänken?')).toBe('co2');
    expect(askedSubject('How much CO2 does Lindholm save?')).toBe('co2');
    expect(askedSubject('Wie viel hat Lindholm mit den Bänken gespart?')).toBeUndefined();
    expect(askedSubject('Wie viel Geld hat Lindholm ausgegeben?')).toBeUndefined();
  });

  it('declines it although the rest of the question stands in the material', async () => {
    const e = await engine();
    expect(e.ask('Wie hoch ist die Strafe, wenn eine Gemeinde keine Bänke aufstellt?').answered).toBe(false);
    expect(e.ask('Wie hoch ist die Zahl der Bänke in Lindholm?').answer).toContain('40 Bänke');
    expect(e.ask('Wie viel CO2 spart Lindholm mit den neuen Bänken?').answered).toBe(false);
  });

  it('answers a kind of fact asked for by its word, with or without an adjective ("Was ist die genaue Frist ...?")', async () => {
    const e = await engine();
    for (const q of ['Was ist die Frist für die Projektskizze?', 'Was ist die genaue Frist für die Projektskizze?']) expect(e.ask(q).answer, q).toContain('15.06.2027');
  });
});

describe('the name of someone in a role', () => {
  it('reads the role after "Wie heißt der/die/das ..." and "Wer ist der/die ..."', () => {
    expect(askedName('Wie heißt das Planungsbüro, das die Wege entworfen hat?')?.role).toBe(foldUmlauts('planungsbüro'));
    expect(askedName('Wer ist die Ansprechpartnerin?')?.role).toBe('ansprechpartnerin');
    expect(askedName('Who is the data protection officer?')).toEqual({ role: 'officer', phrase: ['data', 'protection', 'officer'] });
    expect(askedName('Wer ist die zuständige Ansprechpartnerin?')?.role).toBe('ansprechpartnerin');
    expect(askedName('Wie heißt die Agentur, die die Wege geplant hat?')?.role).toBe('agentur');
    expect(askedName('Wie heißt Lindholms Friedhof?')).toBeUndefined();
    // A thing is no role: its name is answered otherwise.
    expect(askedName('Wie lautet die Adresse für die Projektskizze?')).toBeUndefined();
    expect(askedName('Wie heißt die Plattform?')).toBeUndefined();
    expect(askedName('Wer ist die Zielgruppe?')).toBeUndefined();
  });

  it('answers only from a passage that names someone beside the role', async () => {
    const e = await engine();
    expect(e.ask('Wer ist die Projektleiterin?').answer).toContain('Jana Weber');
    expect(e.ask('Wie heißt das Planungsbüro, das die Wege in Lindholm entworfen hat?').answered).toBe(false);
    // The name of a thing ("Nordfriedhof") is no person's name: the passage that gives it answers.
    expect(e.ask('Wie heißt der Friedhof, auf dem Lindholm die Bänke aufgestellt hat?').answer).toContain('Nordfriedhof');
  });
});

describe('a name the question gives', () => {
  it('must stand in the answer\'s passage: another town\'s figures answer a neighbouring question', async () => {
    const e = await engine();
    expect(e.ask('Wie viele Bänke hat Lindholm aufgestellt?').answer).toContain('40 Bänke');
    expect(e.ask('Wie viele Bänke hat Nordheim aufgestellt?').answered).toBe(false);
  });
});

describe('a passive with a modal verb', () => {
  it('reads "... eingereicht werden" as what is done, and answers the deadline of the thing', async () => {
    expect(passiveParticiples('Bis wann muss die Projektskizze eingereicht werden?')).toEqual(new Set(['eingereicht']));
    // A state after a modal verb ends the same way; the perfect does not (its verb may be what is asked).
    expect(passiveParticiples('Bis wann soll die Projektskizze ausgefüllt sein?')).toEqual(new Set([foldUmlauts('ausgefüllt')]));
    expect(passiveParticiples('Wer hat die Heizzentrale gebaut?')).toEqual(new Set());
    const e = await engine();
    for (const q of ['Bis wann muss die Projektskizze eingereicht werden?', 'Bis wann soll die Projektskizze ausgefüllt sein?']) {
      const a = e.ask(q);
      expect(a.answered, q).toBe(true);
      expect(a.answer, q).toContain('15.06.2027');
    }
    expect(e.ask('Bis wann muss der Förderantrag eingereicht werden?').answered).toBe(false);
    // A participle that asks for a kind of fact still counts: this material says nothing of recordings.
    const dir = await contentDir({ 'program.yaml': program, 'material/info.md': '# Termine\n\nDie Termine finden online statt.\n' });
    const plain = await createFaqEngine({ contentDir: dir, clock: new ManualClock(new Date('2027-05-10T08:00:00Z')) });
    expect(plain.ask('Werden die Termine aufgezeichnet?').answered).toBe(false);
  });
});

describe('the series by another name, and prepositions', () => {
  it('reads "der Austausch" / "the exchange" as the series itself when the series calls itself so', async () => {
    expect(seriesSelfWords('Friedhöfe als Grünräume\nErfahrungsaustausch der Friedhofsverwaltungen')).toEqual(['austausch', 'exchange', 'erfahrungsaustausch']);
    expect(seriesSelfWords('Friedhöfe als Grünräume\nEine Reihe der Friedhofsverwaltungen')).toEqual([]);
    const exchange = new Lexicon([], seriesSelfWords('A peer exchange of cemetery offices'));
    expect(exchange.lookup('Austausch')).toBe(exchange.lookup('Reihe'));
    expect(exchange.lookup('exchange')).toBe(exchange.lookup('series'));
    // Elsewhere an exchange is a topic ("Gibt es Austausch mit anderen Friedhöfen?", "Can I exchange my ticket?").
    expect(GENERAL_LEXICON.lookup('Austausch')).not.toBe(GENERAL_LEXICON.lookup('Reihe'));
    const called = program.replace('  timezone:', '  subtitle: "Erfahrungsaustausch der Friedhofsverwaltungen"\n  timezone:');
    const dir = await contentDir({ 'program.yaml': called, 'material/info.md': material });
    const a = (await createFaqEngine({ contentDir: dir, clock: new ManualClock(new Date('2027-05-10T08:00:00Z')) })).ask('Was müssen wir für den Austausch bezahlen?');
    expect(a.answered).toBe(true);
    expect(a.answer).toContain('60 Euro');
    expect((await engine()).ask('Was müssen wir für den Austausch bezahlen?').answered).toBe(false);
  });

  it('answers when the exchange starts and ends from the schedule where the series calls itself one', async () => {
    const called = program.replace('  timezone:', '  subtitle: "A peer exchange of cemetery offices"\n  timezone:');
    const dir = await contentDir({ 'program.yaml': called, 'material/info.md': material });
    const e = await createFaqEngine({ contentDir: dir, clock: new ManualClock(new Date('2027-04-10T08:00:00Z')) });
    for (const [q, date] of [['When does the exchange start?', '4 May 2027'], ['What date does the exchange end?', '1 June 2027'], ['When does the last session finish?', '1 June 2027']] as const) {
      const a = e.ask(q, { locale: 'en' });
      expect(a.via, q).toBe('schedule');
      expect(a.answer, q).toContain(date);
    }
  });

  it('takes a compound the material has as a word for its topic, not for a name of the series', () => {
    const none = () => false;
    expect(seriesNameWords('Wann ist die Abschlusssitzung der Lindholmreihe?', none)).toEqual(new Set(['lindholmreihe']));
    expect(seriesNameWords('Wann endet der Steinmetz-Austausch?', none)).toEqual(new Set(['steinmetz', 'austausch']));
    expect(seriesNameWords('Gibt es einen Datenaustausch mit dem Land?', (w) => w === 'datenaustausch')).toEqual(new Set());
    expect(seriesNameWords('Wie lang ist die Messreihe?', (w) => w === 'messreihe')).toEqual(new Set());
    // A name written apart, capitalised, before the word for a series; never an article or a question word.
    expect(seriesNameWords('How many sessions does the Steinmetz series have?', none)).toEqual(new Set(['steinmetz', 'series']));
    expect(seriesNameWords('Wann endet die Steinmetz Reihe?', none)).toEqual(new Set(['steinmetz', 'reihe']));
    expect(seriesNameWords('Which series is this?', none)).toEqual(new Set());
    expect(seriesNameWords('Die Reihe beginnt wann?', none)).toEqual(new Set());
    expect(seriesNameWords('is there a time series of the data?', none)).toEqual(new Set());
  });

  it('counts general adjectives and small numbers as words only where the material uses them', () => {
    for (const w of ['neuen', 'new', 'drei', 'three', 'nachträglich', 'afterwards']) expect(isSoftWord(w), w).toBe(true);
    // Videos and filming are recordings.
    expect(GENERAL_LEXICON.lookup('Videos')).toBe(GENERAL_LEXICON.lookup('Aufzeichnung'));
    expect(GENERAL_LEXICON.lookup('gefilmt')).toBe(GENERAL_LEXICON.lookup('Aufzeichnung'));
  });

  it('reads a compound ending in the series ("Lindholmreihe", "Steinmetz-Austausch") as the series\' own name', async () => {
    const e = await engine();
    for (const q of ['Wann ist die Abschlusssitzung der Lindholmreihe?', 'Wann ist die Abschlusssitzung beim Steinmetz-Austausch?', 'When is the closing session of the Steinmetz series?']) {
      const a = e.ask(q);
      expect(a.via, q).toBe('schedule');
      expect(a.answer, q).toContain('01.06.2027');
    }
  });

  it('treats prepositions such as "während", "wegen", "despite" as function words', () => {
    for (const w of ['während', 'wegen', 'trotz', 'innerhalb', 'despite', 'within', 'regarding', 'ums', 'aufs']) expect(STOPWORDS.has(foldUmlauts(w)), w).toBe(true);
  });
});
