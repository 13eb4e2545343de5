// Everyday words of participants' questions that name no topic (light verbs, adverbs, the series itself), and
// the schedule questions they hide in. An invented program; each answer is checked against a decline nearby.
import { describe, expect, it } from 'vitest';
import { temporaryContent } from '../../tests/harness/temp-content.js';
import { forwardedMail } from '../../tests/harness/mail.js';
import { createFaqEngine } from './engine.js';
import { ManualClock } from '../shared/clock.js';

const contentDir = temporaryContent('faq-everyday-');

const program = [
  'program:',
  '  id: friedhof-digital',
  '  title: "Friedhofsverwaltung digital"',
  '  timezone: Europe/Berlin',
  'sessions:',
  '  - id: auftakt',
  '    title: "Auftakt: Wo stehen wir?"',
  '    date: 2027-05-03',
  '    start: "14:00"',
  '    end: "15:30"',
  '  - id: gelaendetag',
  '    title: "Geländetag"',
  '    date: 2027-05-20',
  '    start: "09:30"',
  '    end: "15:00"',
  '  - id: schreibwerkstatt',
  '    title: "Schreibwerkstatt: Bescheide"',
  '    date: 2027-05-27',
  '    start: "09:00"',
  '    end: "12:00"',
  '  - id: abschluss',
  '    title: "Abschluss"',
  '    date: 2027-06-07',
  '    start: "14:00"',
  '    end: "15:30"',
  '  - id: kosten',
  '    title: "Kostenschätzung und Förderung"',
  '    date: 2027-06-21',
  '    start: "14:00"',
  '    end: "15:30"',
  '',
].join('\n');

const material = [
  '# Über das Programm',
  '',
  'Das Programm richtet sich an Beschäftigte der Friedhofsverwaltungen kleiner Gemeinden. Das Programm umfasst 3 Termine.',
  '',
  '# Teilnahmeentgelt',
  '',
  'Das Entgelt beträgt 80 Euro je Person.',
  '',
  '# Plätze',
  '',
  'Die Zahl der Plätze ist auf 20 begrenzt.',
  '',
  '# Aufzeichnungen',
  '',
  'Die Vorträge werden aufgezeichnet und stehen 6 Wochen im Kanal des Programms bereit.',
  '',
  '# Teilnahmebescheinigung',
  '',
  'Eine Teilnahmebescheinigung erhält, wer an 2 der 3 Termine teilgenommen hat.',
  '',
  '# Geländetag',
  '',
  'Der Geländetag am 20.05.2027 in Kornfeld dauert fünfeinhalb Stunden, mit Mittagspause.',
  '',
  '# Vorbereitung',
  '',
  'Zum Geländetag bringen alle festes Schuhwerk und eine Flurkarte ihres Friedhofs mit.',
  '',
  '# Schreibwerkstatt',
  '',
  'In der Schreibwerkstatt arbeitet jede Gruppe an einem echten Bescheid.',
  '',
].join('\n');

async function engine() {
  const dir = await contentDir({ 'program.yaml': program, 'material/info.md': material });
  return createFaqEngine({ contentDir: dir, clock: new ManualClock(new Date('2027-04-01T08:00:00Z')) });
}

describe('everyday questions', () => {
  it('answers the price of the series from a passage that does not name the series', async () => {
    const a = (await engine()).ask('How much does the programme cost?', { locale: 'en' });
    expect(a.answered).toBe(true);
    expect(a.answer).toContain('80 Euro');
  });

  it('does not count light verbs and adverbs ("tun", "nachher", "ansehen", "zum Nachschauen") as unknown topics', async () => {
    const e = await engine();
    expect(e.ask('Was muss ich tun, um eine Bescheinigung zu bekommen?').answer).toContain('2 der 3');
    expect(e.ask('Wie lange kann ich mir die Aufnahmen nachher noch ansehen?').answer).toContain('6 Wochen');
    expect(e.ask('Gibt es Aufnahmen von den Vorträgen zum Nachschauen?').answer).toContain('6 Wochen');
  });

  it('reads a separable verb as one word and a question for the weekday or a trip as a schedule question', async () => {
    const e = await engine();
    const start = e.ask('Um wie viel Uhr fangen die Termine normalerweise an?');
    expect(start.via).toBe('schedule');
    expect(start.answer).toContain('14:00');
    const weekday = e.ask('What weekday is the Geländetag?', { locale: 'en' });
    expect(weekday.via).toBe('schedule');
    expect(weekday.answer).toContain('Thursday');
    expect(e.ask('when do we go to Kornfeld', { locale: 'en' }).answer).toContain('20 May 2027');
  });

  it('reads the infinitive after "zu" as a verb, a month by the numeric dates, and an English name of a German title', async () => {
    const e = await engine();
    expect(e.ask('An welchem Tag üben wir, selbst Bescheide zu formulieren?').answer).toContain('27.05.2027');
    expect(e.ask('Wie lange geht der Geländetag im Mai?').answer).toContain('fünfeinhalb Stunden');
    const writing = e.ask('When is the writing workshop?', { locale: 'en' });
    expect(writing.via).toBe('schedule');
    expect(writing.answer).toContain('27 May 2027');
  });

  it('leaves what to bring to a session named by position to the material, and still dates it', async () => {
    const e = await engine();
    expect(e.ask('Was soll ich zum zweiten Termin mitbringen?').via).not.toBe('schedule');
    expect(e.ask('Wann ist der zweite Termin?').answer).toContain('20.05.2027');
    expect(e.ask('An welchem Tag ist der zweite Termin?').answer).toContain('20.05.2027');
    expect(e.ask('Which day is the second session?', { locale: 'en' }).answer).toContain('20 May 2027');
    // "der Gruppe" names the participants, not a session: the next one by date.
    expect(e.ask('Wann ist eigentlich das nächste Treffen der Gruppe?', { now: new Date('2027-05-10T08:00:00Z') }).answer).toContain('20.05.2027');
  });

  it('leaves what a session needs, a rate per week and the last day to register to the material', async () => {
    const dir = await contentDir({ 'program.yaml': program, 'material/info.md': `${material}\n# Anmeldung\n\nAnmeldeschluss ist der 15.04.2027.\n` });
    const e = await createFaqEngine({ contentDir: dir, clock: new ManualClock(new Date('2027-04-01T08:00:00Z')) });
    expect(e.ask('Was brauche ich für den Geländetag am 20. Mai?').via).toBe('passage');
    expect(e.ask('Was ist am 20. Mai?').via).toBe('schedule');
    expect(e.ask('How many hours a week do the sessions take?', { locale: 'en' }).via).not.toBe('schedule');
    expect(e.ask('Ist diese Woche ein Termin?', { now: new Date('2027-05-18T08:00:00Z') }).via).toBe('schedule');
    const signUp = e.ask('Last day to sign up?', { locale: 'en' });
    expect(signUp.via).not.toBe('schedule');
    expect(signUp.answer).toContain('15.04.2027');
  });

  it('tells how long a session lasts from the schedule, and leaves a named session\'s length to the material', async () => {
    const e = await engine();
    const usual = e.ask('Wie lange dauert ein Termin normalerweise?');
    expect(usual.via).toBe('schedule');
    expect(usual.answer).toContain('In der Regel dauert ein Termin 90 Minuten');
    expect(usual.answer).toContain('Schreibwerkstatt: Bescheide: 3 Stunden');
    expect(usual.answer).toContain('Geländetag: 330 Minuten');
    expect(e.ask('How long is a session?', { locale: 'en' }).answer).toContain('A session usually lasts 90 minutes');
    expect(e.ask('Wie lange geht der Geländetag?').answer).toContain('fünfeinhalb Stunden');
  });

  it('finds a session by a general word of its title', async () => {
    const e = await engine();
    expect(e.ask('Wann reden wir über Kosten?').answer).toContain('21.06.2027');
  });

  it('sends a colleague as attending in one\'s place, and keeps no kind of data for another', async () => {
    const dir = await contentDir({
      'material/info.md': '# Aufzeichnungen\n\nDie Vorträge werden aufgezeichnet und nach 30 Tagen gelöscht.\n\n# Vertretung\n\nWer verhindert ist, kann eine Kollegin oder einen Kollegen aus derselben Verwaltung an seiner Stelle teilnehmen lassen.\n',
    });
    const e = await createFaqEngine({ contentDir: dir });
    expect(e.ask('Darf ich eine Kollegin schicken, wenn ich verhindert bin?').answer).toContain('an seiner Stelle');
    expect(e.ask('Wie lange werden meine Anmeldedaten gespeichert?').answered).toBe(false);
  });

  it('answers from the newer of two e-mails when a forwarded one quotes the older below it', async () => {
    const mail = forwardedMail('Reihe Friedhofsverwaltung', ['Liebe Kolleginnen und Kollegen, wir verlängern die Anmeldung bis zum 22.02.2027.'], [
      'Bitte melden Sie sich bis zum 15.02.2027 bei Anna Beispiel an.',
    ]);
    const e = await createFaqEngine({ contentDir: await contentDir({ 'material/mail.txt': mail }) });
    const a = e.ask('Bis wann kann ich mich noch anmelden?');
    expect(a.answer).toContain('22.02.2027');
    expect(a.answer).not.toContain('15.02.2027');
  });

  it('never takes the schedule from an older e-mail quoted below a newer one', async () => {
    const mail = forwardedMail(
      'Reihe Friedhofsverwaltung',
      ['Termin 2 findet nicht am 29.03.2027 statt, sondern am Mittwoch, 31.03.2027, 14:30 bis 16:00 Uhr.'],
      ['Termine, jeweils 14:30 bis 16:00 Uhr:', 'Mo 15.03.2027 Auftakt', 'Mo 29.03.2027 Gräberfelder digital', 'Mo 12.04.2027 Abschluss'],
    );
    const e = await createFaqEngine({ contentDir: await contentDir({ 'material/mail.txt': mail }), clock: new ManualClock(new Date('2027-03-20T08:00:00Z')) });
    expect(e.knowledgeBase.program).toBeUndefined();
    expect(e.ask('Wann ist Termin 2?').answer).toContain('31.03.2027');
  });

  it('still declines what the material does not say', async () => {
    const e = await engine();
    expect(e.ask('Was muss ich tun, um einen Parkplatz zu bekommen?').answered).toBe(false);
    expect(e.ask('Wie viel kostet das Mittagessen?').answered).toBe(false);
    expect(e.ask('Which places will we visit?', { locale: 'en' }).answered).toBe(false);
  });

  it('reads a question without the greeting, the "kurze Frage:" and the thanks around it', async () => {
    const e = await engine();
    const first = e.ask('Hallo zusammen, kurze Frage: wann ging das Programm eigentlich los?');
    expect(first.via).toBe('schedule');
    expect(first.answer).toContain('03.05.2027');
    expect(e.ask('Moin! Wie lange kann ich mir die Aufnahmen ansehen? Danke euch!').answer).toContain('6 Wochen');
    const fee = e.ask('Hi all, quick question: how much does the programme cost? Thanks!', { locale: 'en' });
    expect(fee.answered).toBe(true);
    expect(fee.answer).toContain('80 Euro');
    expect(e.ask('Hallo, gibt es eine Kinderbetreuung?').answered).toBe(false);
  });
});
