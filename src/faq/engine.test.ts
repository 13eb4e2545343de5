import { describe, expect, it } from 'vitest';
import { temporaryContent } from '../../tests/harness/temp-content.js';
import fc from 'fast-check';
import fs from 'node:fs/promises';
import path from 'node:path';
import { ManualClock } from '../shared/clock.js';
import { createFaqEngine, sections } from './engine.js';
import { splitIntoPassages, stripInlineMarkup, htmlToMarkdown } from './knowledge-base.js';
import { faqTexts } from '../i18n/faq.js';

const contentDir = temporaryContent('faq-engine-');

const PROGRAM = `program:
  id: test
  title: Testreihe
  timezone: Europe/Berlin
  format: virtual
  contacts:
    - { name: Erika Muster, organization: Amt X, email: erika@example.org }
sessions:
  - { id: start, title: Auftaktveranstaltung, date: "2025-03-04", start: "09:00", end: "10:30" }
  - { id: ende, title: Abschlusstreffen, date: "2025-04-01", start: "09:00", end: "10:30" }
`;

describe('knowledge base parsing', () => {
  it('splits by heading and paragraph and keeps the nearest heading as title', () => {
    const passages = splitIntoPassages('# Dokument\n\nErster Absatz.\n\n## Kapitel\n\nZweiter **Absatz**.\n', 'a.md');
    expect(passages.map((p) => [p.title, p.text])).toEqual([
      ['Dokument', 'Erster Absatz.'],
      ['Kapitel', 'Zweiter Absatz.'],
    ]);
  });

  it('strips HTML but keeps mailto addresses', () => {
    expect(stripInlineMarkup('Mail: <a href="mailto:a@b.de">Frau A</a>, <b>fett</b> &amp; mehr')).toBe('Mail: Frau A (a@b.de), fett & mehr');
    const md = htmlToMarkdown('<html><head><title>x</title></head><body><h2>Kontakt</h2><p>Schreiben Sie an <a href="mailto:team@x.de">team@x.de</a>.</p></body></html>');
    const passages = splitIntoPassages(md, 'k.html');
    expect(passages).toEqual([{ id: 'k.html#1', title: 'Kontakt', text: 'Schreiben Sie an team@x.de.', source: 'k.html' }]);
  });
});

describe('FAQ engine', () => {
  it('answers a schedule question from the program and a topic question from a passage, with sources', async () => {
    const dir = await contentDir({
      'program.yaml': PROGRAM,
      'material/info.md': '# Info\n\n## Haushalt\n\nDas Budget der Reihe trägt der Landkreis.\n',
    });
    const engine = await createFaqEngine({ contentDir: dir, clock: new ManualClock('2025-03-10T08:00:00Z') });
    const next = engine.ask('Wann ist das nächste Treffen?', { locale: 'de' });
    expect(next.answered).toBe(true);
    expect(next.answer).toContain('01.04.2025');
    expect(next.answer).toContain('09:00–10:30 Uhr');
    const topic = engine.ask('Wer trägt das Budget?', { locale: 'en' });
    expect(topic).toMatchObject({ answered: true, sources: [{ title: 'Haushalt (info.md)' }] });
    expect(topic.answer).toContain('Landkreis');
    expect(topic.confidence).toBeGreaterThanOrEqual(engine.threshold);
  });

  it('says when the series is over and names the last session', async () => {
    const dir = await contentDir({ 'program.yaml': PROGRAM });
    const engine = await createFaqEngine({ contentDir: dir, clock: new ManualClock('2025-05-01T08:00:00Z') });
    expect(engine.ask('Wann ist der nächste Termin?').answer).toContain('beendet');
    expect(engine.ask('When is the next session?', { locale: 'en' }).answer).toMatch(/over.*Abschlusstreffen/);
  });

  it('answers a repeated question afresh: schedule answers follow the clock, and callers cannot change the next answer', async () => {
    const dir = await contentDir({ 'program.yaml': PROGRAM, 'material/info.md': '# Info\n\n## Haushalt\n\nDas Budget der Reihe trägt der Landkreis.\n' });
    const clock = new ManualClock('2025-03-01T08:00:00Z');
    const engine = await createFaqEngine({ contentDir: dir, clock });
    expect(engine.ask('Wann ist der nächste Termin?').answer).toContain('04.03.2025');
    clock.set(new Date('2025-03-10T08:00:00Z'));
    expect(engine.ask('Wann ist der nächste Termin?').answer).toContain('01.04.2025');
    expect(engine.ask('Wann ist der nächste Termin?', { now: new Date('2025-05-01T08:00:00Z') }).answer).toContain('beendet');

    const first = engine.ask('Wer trägt das Budget?');
    first.answer = 'verändert';
    first.sources[0]!.title = 'verändert';
    const again = engine.ask('Wer trägt das Budget?');
    expect(again.answer).toContain('Landkreis');
    expect(again.sources[0]!.title).toBe('Haushalt (info.md)');
    expect(engine.ask('Wer trägt das Budget?', { locale: 'en' }).answer).not.toBe(again.answer);
  });

  it('declines with the forward offer, in the requested language', async () => {
    const dir = await contentDir({ 'program.yaml': PROGRAM, 'material/a.md': '# A\n\nDaten sind wichtig.\n' });
    const engine = await createFaqEngine({ contentDir: dir, clock: new ManualClock('2025-03-10T08:00:00Z') });
    const de = engine.ask('Wie backe ich einen Apfelkuchen?');
    expect(de).toMatchObject({ answered: false, sources: [] });
    expect(de.answer).toContain(faqTexts.de.noAnswer);
    expect(de.answer).toContain(faqTexts.de.forwardOffer);
    expect(engine.ask('How do I bake an apple pie?', { locale: 'en' }).answer).toContain(faqTexts.en.noAnswer);
  });

  it('uses curated entries and picks up changed content on reload', async () => {
    const dir = await contentDir({ 'material/a.md': '# A\n\nDaten sind wichtig.\n' });
    const engine = await createFaqEngine({ contentDir: dir });
    expect(engine.ask('Gibt es eine Aufzeichnung?').answered).toBe(false);
    engine.addCurated([{ id: 'rec', questions: ['Werden die Termine aufgezeichnet?'], answer: 'Nein, es gibt keine Aufzeichnung.', source: 'Orga-Team' }]);
    expect(engine.ask('Gibt es eine Aufzeichnung?')).toMatchObject({ answered: true, answer: 'Nein, es gibt keine Aufzeichnung.' });

    expect(engine.ask('Wo liegt das Handbuch?').answered).toBe(false);
    await fs.writeFile(path.join(dir, 'material', 'b.md'), '# Handbuch\n\nDas Handbuch liegt im Intranet.\n');
    await engine.reload();
    expect(engine.ask('Wo liegt das Handbuch?').answer).toContain('Intranet');
    // curated entries survive a reload
    expect(engine.ask('Gibt es eine Aufzeichnung?').answered).toBe(true);
  });

  it('reads curated entries from faq.yaml and rejects a malformed one', async () => {
    const dir = await contentDir({
      'material/a.md': '# A\n\nDaten sind wichtig.\n',
      'faq.yaml': 'entries:\n  - id: slides\n    questions: ["Bekomme ich die Folien?", "Where are the slides?"]\n    answer: Die Folien kommen nach jedem Termin per E-Mail.\n',
    });
    const engine = await createFaqEngine({ contentDir: dir });
    expect(engine.ask('Where can I find the slides?', { locale: 'en' })).toMatchObject({
      answered: true,
      answer: 'Die Folien kommen nach jedem Termin per E-Mail.',
      sources: [{ title: faqTexts.en.sourceCurated }],
    });
    await fs.writeFile(path.join(dir, 'faq.yaml'), 'entries:\n  - questions: []\n    answer: x\n');
    await expect(engine.reload()).rejects.toMatchObject({ code: 'faq.curated_invalid' });
  });

  it('reloads by itself while watching the content directory', async () => {
    const dir = await contentDir({ 'material/a.md': '# A\n\nDaten sind wichtig.\n' });
    const engine = await createFaqEngine({ contentDir: dir });
    const reloaded = new Promise<void>((resolve, reject) => {
      const watcher = engine.watch({
        debounceMs: 50,
        onReload: (error) => {
          watcher.stop();
          if (error) reject(error);
          else resolve();
        },
      });
    });
    await fs.writeFile(path.join(dir, 'material', 'c.md'), '# Parkplatz\n\nParkplätze gibt es im Hof.\n');
    await reloaded;
    expect(engine.ask('Wo gibt es Parkplätze?').answered).toBe(true);
  });

  it('never throws and keeps its invariants for arbitrary input', async () => {
    const engine = await createFaqEngine({ contentDir: path.resolve(import.meta.dirname, '../../content'), clock: new ManualClock('2025-09-01T08:00:00Z') });
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 100 })), fc.constantFrom('de' as const, 'en' as const), (q, locale) => {
        const a = engine.ask(q, { locale });
        expect(a.confidence).toBeGreaterThanOrEqual(0);
        expect(a.confidence).toBeLessThanOrEqual(1);
        if (!a.answered) expect(a.sources).toEqual([]);
        else expect(a.sources.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
    expect(engine.ask('').answered).toBe(false);
    expect(engine.ask('Datenstrategie '.repeat(5000)).answered).toBe(true);
  });

  it('answers with the sentence that holds the fact and its neighbours, abbreviations kept inside a sentence', async () => {
    const dir = await contentDir({
      'program.yaml': PROGRAM,
      'material/orga.md':
        '# Orga\n\n## Aufzeichnung\n\nWird aufgezeichnet? Ja, die Online-Termine werden aufgezeichnet. Die Aufzeichnungen liegen danach vier Wochen im Kanal. ' +
        'Dr. Erika Muster moderiert alle Termine und beantwortet Fragen im Chat. Die Folien kommen ebenfalls in den Kanal, meistens am selben Tag. ' +
        'Für den Vor-Ort-Tag gibt es keine Aufzeichnung, dafür ein ausführliches Protokoll mit allen Ergebnissen der Gruppenarbeit und Fotos der Pinnwände.\n',
    });
    const engine = await createFaqEngine({ contentDir: dir, clock: new ManualClock('2025-03-01T09:00:00Z') });
    const a = engine.ask('Werden die Termine aufgezeichnet?');
    expect(a.answered).toBe(true);
    expect(a.answer).toContain('Ja, die Online-Termine werden aufgezeichnet.');
    expect(a.answer).toContain('vier Wochen');
    expect(a.answer).not.toMatch(/^Erika/m);
    expect(a.answer.length).toBeLessThan(700);
  });

  it('reads a separable verb with its particle ("Wie läuft ... ab?" finds "Ablauf")', async () => {
    const dir = await contentDir({
      'program.yaml': PROGRAM,
      'material/info.md': '# Info\n\n## Ablauf\n\nJeder Termin beginnt mit einem Impuls, danach arbeiten Kleingruppen.\n\n## Haushalt\n\nDas Budget trägt der Landkreis.\n',
    });
    const engine = await createFaqEngine({ contentDir: dir, clock: new ManualClock('2025-03-01T09:00:00Z') });
    const a = engine.ask('Wie läuft ein Termin ab?');
    expect(a.answered).toBe(true);
    expect(a.answer).toContain('Kleingruppen');
  });

  it('declines when the best passage lacks the rarest word of the question, and answers from a passage that has it', async () => {
    const dir = await contentDir({
      'program.yaml': PROGRAM,
      'material/info.md':
        '# Info\n\n## Bürgerbüro\n\nDas Bürgerbüro der Stadt Lindental berichtet im Auftakt über seine Onlinedienste. Das Bürgerbüro ist Vorreiter im Land.\n\n' +
        '## Team\n\nDie Mitarbeitenden der Kreisverwaltung betreuen die Reihe.\n',
    });
    const engine = await createFaqEngine({ contentDir: dir, clock: new ManualClock('2025-03-01T09:00:00Z') });
    expect(engine.ask('Welche Mitarbeitende hat das Bürgerbüro in Lindental?').answered).toBe(false);
    const a = engine.ask('Wer betreut die Reihe in der Kreisverwaltung?');
    expect(a.answered).toBe(true);
    expect(a.answer).toContain('Mitarbeitenden der Kreisverwaltung');
  });

  it('answers "how many" only from a passage with a number of the noun asked about', async () => {
    const dir = await contentDir({
      'program.yaml': PROGRAM,
      'material/info.md':
        '# Info\n\n## Beitrag\n\nDie Kommunen des Verbands zahlen 50 Euro im Jahr, alle anderen 80 Euro.\n\n' +
        '## Werkstatt\n\nIn der Werkstatt arbeiten 12 Kommunen an eigenen Projekten.\n\n## Termine\n\nWir treffen uns dienstags online.\n',
    });
    const engine = await createFaqEngine({ contentDir: dir, clock: new ManualClock('2025-03-01T09:00:00Z') });
    // The fee passage has the words and numbers, but no number of Kommunen.
    expect(engine.ask('Wie viele Kommunen zahlen an den Verband?').answered).toBe(false);
    const a = engine.ask('Wie viele Kommunen arbeiten in der Werkstatt?');
    expect(a.answered).toBe(true);
    expect(a.answer).toContain('12 Kommunen');
  });

  it("joins a slide's or a list's short parts under one heading into one section, not paragraphs that stand alone", () => {
    const part = (id: string, title: string, text: string, n = 1) => ({ id, title, text, source: 'folien.pptx', locator: { kind: 'slide' as const, n } });
    const joined = sections([
      part('1', 'Auftrag', 'Vorlage: Steckbrief (1 Seite)'),
      part('2', 'Auftrag', 'Einreichen bis 13.04.'),
      part('3', 'Kontakt', 'Erika Muster, erika@example.org', 2),
      part('4', 'Kontakt', 'Nächster Termin: 23.02.', 3),
      part('5', 'Kontakt', `${'Ein langer Absatz, der für sich steht. '.repeat(4)}`, 3),
    ]);
    expect(joined.map((p) => p.text)).toEqual(['Vorlage: Steckbrief (1 Seite)\nEinreichen bis 13.04.', 'Erika Muster, erika@example.org', 'Nächster Termin: 23.02.', expect.stringContaining('langer Absatz')]);
  });

  it("answers from a slide's bullets together: the template in one line, its deadline in the next", async () => {
    const dir = await contentDir({
      'material/auftrag.md': '# Werkstatt\n\n## Auftrag für das Labor\n\nVorlage: Steckbrief Vorhaben (1 Seite)\n\nEinreichen bis 13.04.2027 an labor@example.org\n\n## Sonstiges\n\nDas Labor findet online statt.\n',
    });
    const engine = await createFaqEngine({ contentDir: dir, clock: new ManualClock('2027-03-01T08:00:00Z') });
    const a = engine.ask('Bis wann muss der Steckbrief eingereicht sein?');
    expect(a.answered).toBe(true);
    expect(a.answer).toContain('13.04.2027');
  });

  it('shows a second passage that holds the same kind of fact for another case (two deadlines)', async () => {
    const dir = await contentDir({
      'material/01-ueberblick.md': '# Überblick\n\n## Mitmachen\n\nAnmeldung bis zum 22.01.2027 über das Formular.\n\n## Inhalte\n\nWir sprechen über Pläne und Karten.\n',
      'material/02-exkursion.md': '# Exkursion\n\n## Anmeldung und Kosten\n\nAnmeldung für die Exkursion bitte bis zum 26.03.2027 bei Max Beispiel. Es gibt 25 Plätze.\n\n## Weg\n\nWir gehen zu Fuß.\n',
    });
    const engine = await createFaqEngine({ contentDir: dir, clock: new ManualClock('2027-01-01T08:00:00Z') });
    const a = engine.ask('registration deadline?', { locale: 'en' });
    expect(a.answered).toBe(true);
    expect(a.answer).toContain('22.01.2027');
    expect(a.answer).toContain('26.03.2027');
  });

  it('answers a German question from English material through cognates', async () => {
    const dir = await contentDir({
      'material/guide.md': '# Guide\n\n## Before the start\n\nPlease complete the self-assessment. It has 24 indicators in six areas.\n\n## Venue\n\nAll sessions are online.\n',
    });
    const engine = await createFaqEngine({ contentDir: dir, clock: new ManualClock('2027-01-01T08:00:00Z') });
    const a = engine.ask('Wie viele Indikatoren gibt es?');
    expect(a.answered).toBe(true);
    expect(a.answer).toContain('24 indicators');
  });

  it("leaves a question about a session's topic with more specific words to the material", async () => {
    const dir = await contentDir({
      'program.yaml': PROGRAM,
      'material/info.md': '# Info\n\n## Beschluss\n\nDer Rat hat die Auftaktveranstaltung im Mai 2024 beschlossen.\n\n## Auftakt\n\nDie Auftaktveranstaltung stellt die Reihe vor.\n',
    });
    const engine = await createFaqEngine({ contentDir: dir, clock: new ManualClock('2025-02-01T08:00:00Z') });
    expect(engine.ask('Wann ist die Auftaktveranstaltung?').via).toBe('schedule');
    // "Amt" is known from the program's contacts, not from the session: the question is about more.
    const specific = engine.ask('Wann hat das Amt die Auftaktveranstaltung beschlossen?');
    expect(specific.via).not.toBe('schedule');
  });

  it('declines when the passage with the subject lacks the year asked about, even if another passage has the year', async () => {
    const dir = await contentDir({
      'material/info.md':
        '# Info\n\n## Förderung\n\nDas Förderprogramm hat 80 Prozent der Kosten übernommen.\n\n## Gesetz\n\nDas Gesetz gilt seit 2024, kleine Gemeinden haben bis 2028 Zeit.\n\n## Ablauf\n\nWir treffen uns online.\n',
    });
    const engine = await createFaqEngine({ contentDir: dir, clock: new ManualClock('2027-01-01T08:00:00Z') });
    expect(engine.ask('Gibt es das Förderprogramm auch 2028?').answered).toBe(false);
    expect(engine.ask('Wie viel Prozent der Kosten hat das Förderprogramm übernommen?').answer).toContain('80 Prozent');
  });

  it('answers who holds a role only from a passage that names the role, not from one that names the place and someone', async () => {
    const dir = await contentDir({
      'material/info.md':
        '# Info\n\n## Schnittstellen\n\nThomas Beispiel vom Rechenzentrum Nord stellt die Schnittstellen vor.\n\n## Bürgerbüro\n\nDas Bürgerbüro leitet Markus Muster seit 2020.\n\n## Reihe\n\nDie Leitung der Reihe hat Erika Beispiel.\n\n## Gruppen\n\nDie Gruppen leitet jeweils eine Kommune.\n\n## Ablauf\n\nWir treffen uns online.\n',
    });
    const engine = await createFaqEngine({ contentDir: dir, clock: new ManualClock('2027-01-01T08:00:00Z') });
    expect(engine.ask('Wer leitet das Rechenzentrum Nord?').answered).toBe(false);
    expect(engine.ask('Wer leitet das Bürgerbüro?').answer).toContain('Markus Muster');
    expect(engine.ask('Wer stellt die Schnittstellen vor?').answer).toContain('Thomas Beispiel');
  });
});
