import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { parseProgramText } from '../program/load.js';
import { createFaqEngineFromKnowledgeBase } from './engine.js';
import { easterSunday } from './schedule-intents.js';

const program = parseProgramText(fs.readFileSync(path.resolve(import.meta.dirname, '../../tests/faq/fixtures/program.yaml'), 'utf8'));
const engine = createFaqEngineFromKnowledgeBase({ contentDir: '.', passages: [], curated: [], program });
// Times are written in the program's zone (Europe/Berlin); `now` values below are UTC instants.
const ask = (q: string, now: string, locale: 'de' | 'en' = 'de') => engine.ask(q, { locale, now: new Date(now) });

describe('schedule intents', () => {
  it('next session, and a running session counts as now', () => {
    expect(ask('Wann ist das nächste Treffen?', '2025-08-26T07:59:00Z').answer).toContain('Auftaktveranstaltung');
    expect(ask('Wann ist das nächste Treffen?', '2025-08-26T08:30:00Z').answer).toContain('läuft gerade');
    expect(ask('Wann ist das nächste Treffen?', '2025-08-26T10:00:01Z').answer).toContain('25.09.2025');
  });

  it('today and tomorrow follow the program zone, not UTC', () => {
    // 23:30 UTC on 17.11. is already 18.11. in Berlin.
    expect(ask('Ist heute ein Termin?', '2025-11-17T23:30:00Z').answer).toContain('Finalisierung');
    expect(ask('Ist morgen ein Termin?', '2025-11-16T23:30:00Z').answer).toContain('Morgen findet „Finalisierung“');
    expect(ask('Is there a session tomorrow?', '2025-11-18T12:00:00Z', 'en').answer).toContain('no session tomorrow');
  });

  it('this week, next week, a month, the remaining sessions', () => {
    expect(ask('Gibt es diese Woche einen Termin?', '2025-12-15T08:00:00Z').answer).toContain('Data Governance Wegweiser');
    expect(ask('Ist nächste Woche ein Termin?', '2025-12-08T08:00:00Z').answer).toContain('Nächste Woche:');
    expect(ask('Termin im Oktober?', '2025-08-01T08:00:00Z').answer).toContain('Im Oktober findet kein Termin statt');
    expect(ask('Was ist im November?', '2025-08-01T08:00:00Z').answer).toContain('18.11.2025');
    const remaining = ask('Welche Termine sind noch offen?', '2025-12-01T08:00:00Z').answer;
    expect(remaining).toContain('16.12.2025');
    expect(remaining).not.toContain('18.11.2025');
  });

  it('a session by position or by topic, with its summary when the question is about its content', () => {
    const second = ask('What is the topic of the second session?', '2025-08-01T08:00:00Z', 'en');
    expect(second.answer).toContain('Wie fange ich an?');
    expect(second.answer).toContain('Personas');
    expect(ask('Wann ist der Data Governance Wegweiser?', '2025-08-01T08:00:00Z').answer).toContain('16.12.2025');
    expect(ask('Wann war der Auftakt?', '2025-10-01T08:00:00Z').answer).toContain('fand am');
  });

  it('a session by its title quoted whole, even a title of question words', () => {
    expect(ask("Wann ist der Termin 'Wie fange ich an?'", '2025-08-01T08:00:00Z').answer).toContain('25.09.2025');
    expect(ask('wann ist wie fange ich an', '2025-08-01T08:00:00Z').answer).toContain('25.09.2025');
  });

  it('the end of the series names the last session', () => {
    for (const q of ['Wann ist der nächste Termin?', 'Ist heute ein Termin?', 'Welche Termine sind noch offen?']) {
      const a = ask(q, '2026-02-01T08:00:00Z');
      expect(a.answer).toContain('Die Reihe ist beendet');
      expect(a.answer).toContain('Abschlusstreffen');
    }
  });

  it('contacts narrowed to the person or organisation named', () => {
    const kwb = ask('Wer ist Ansprechpartnerin beim KWB?', '2025-08-01T08:00:00Z').answer;
    expect(kwb).toContain('Franziska Sahr');
    expect(kwb).not.toContain('Schöttmer');
    const all = ask('Who can I contact?', '2025-08-01T08:00:00Z', 'en').answer;
    expect(all).toContain('Franziska Sahr');
    expect(all).toContain('Simone Schöttmer');
  });

  it('unknown words keep a question out of the schedule', () => {
    expect(ask('Wann ist das nächste Fußballspiel?', '2025-08-01T08:00:00Z').answered).toBe(false);
    expect(ask('Wie viele Einwohner hat Berlin?', '2025-08-01T08:00:00Z').answered).toBe(false);
  });

  it('cancelled sessions are skipped and reported', () => {
    const cancelled = structuredClone(program);
    cancelled.sessions[1]!.status = 'cancelled';
    const e = createFaqEngineFromKnowledgeBase({ contentDir: '.', passages: [], curated: [], program: cancelled });
    expect(e.ask('Wann ist das nächste Treffen?', { now: new Date('2025-09-01T08:00:00Z') }).answer).toContain('Finalisierung');
    expect(e.ask('Wie viele Termine gibt es?', { now: new Date('2025-09-01T08:00:00Z') }).answer).toContain('4 Termine');
  });

  it('leaves the platform and the times of something specific to the material, and lists the sessions for "Welche Termine"', () => {
    const program2 = structuredClone(program);
    program2.sessions[program2.sessions.length - 1]!.summary = 'Rückblick und Übergabe der Teilnahmebestätigungen.';
    const e = createFaqEngineFromKnowledgeBase({
      contentDir: '.',
      passages: [
        { id: 'a', title: 'Format', text: 'Alle Termine finden in Microsoft Teams statt.', source: 'info.md' },
        { id: 'b', title: 'Zeiten', text: 'In Portugal beginnen die Termine eine Stunde früher, um 09:00 Uhr.', source: 'info.md' },
      ],
      curated: [],
      program: program2,
    });
    const now = new Date('2025-08-01T08:00:00Z');
    const platform = e.ask('Über welche Plattform laufen die Termine?', { now });
    expect(platform.via).not.toBe('schedule');
    expect(platform.answer).toContain('Teams');
    const portugal = e.ask('Um wie viel Uhr beginnen die Termine in Portugal?', { now });
    expect(portugal.via).not.toBe('schedule');
    expect(portugal.answer).toContain('09:00');
    expect(e.ask('Um wie viel Uhr beginnen die Termine?', { now }).via).toBe('schedule');

    expect(e.ask('Welche Termine gibt es?', { now }).via).toBe('schedule');
    // An amount of time of something else is no question about the sessions' times.
    expect(e.ask('Wie viele Stunden umfasst die Teilnahmebestätigung?', { now }).via).not.toBe('schedule');
    expect(e.ask('Um wie viel Uhr beginnen die Termine?', { now }).via).toBe('schedule');

  });
});

/** A program of sessions at one time of day: [id, title, date, summary?] each. */
function seriesOf(id: string, title: string, timezone: string, [start, end]: [string, string], sessions: string[][]) {
  return parseProgramText(
    [
      'program:',
      `  id: ${id}`,
      `  title: "${title}"`,
      `  timezone: ${timezone}`,
      'sessions:',
      ...sessions.flatMap(([sid, stitle, date, summary]) => [`  - id: ${sid}`, `    title: "${stitle}"`, `    date: ${date}`, `    start: "${start}"`, `    end: "${end}"`, ...(summary ? [`    summary: "${summary}"`] : [])]),
      '',
    ].join('\n'),
  );
}

describe('the session after (or before) the series break', () => {
  const summer = seriesOf('brunnen', 'Trinkbrunnen planen', 'Europe/Berlin', ['10:00', '11:30'], [
    ['auftakt', 'Auftakt', '2027-05-04'],
    ['standorte', 'Standorte', '2027-06-15', 'Wo Trinkbrunnen am meisten genutzt werden.'],
    ['wartung', 'Wartung und Hygiene', '2027-09-14'],
    ['abschluss', 'Abschluss', '2027-10-12'],
  ]);
  const brunnen = createFaqEngineFromKnowledgeBase({ contentDir: '.', passages: [], curated: [], program: summer });
  const askSummer = (q: string, locale: 'de' | 'en' = 'de') => brunnen.ask(q, { locale, now: new Date('2027-04-01T08:00:00Z') });

  it('is the first session after the gap over August, or the last one before it', () => {
    expect(askSummer('Wann geht es nach der Sommerpause weiter?').answer).toContain('14.09.2027');
    expect(askSummer('Was kommt nach der Sommerpause?').answer).toContain('Wartung und Hygiene');
    expect(askSummer('When do we meet again after the summer break?', 'en').answer).toContain('14 September 2027');
    expect(askSummer('Wann ist der letzte Termin vor der Sommerpause?').answer).toContain('15.06.2027');
  });

  it('counts the sessions of the series named by its own name, also where a session is about that name', () => {
    const count = askSummer('Aus wie vielen Terminen besteht die Reihe Trinkbrunnen planen?');
    expect(count.via).toBe('schedule');
    expect(count.answer).toMatch(/\b4\b/);
    // A count beside a session's topic asks the material.
    expect(askSummer('Wie viele Trinkbrunnen werden im Standorte-Termin genutzt?').via).not.toBe('schedule');
  });

  it('is the first session of the new year after a winter break, and nothing where the series has no such gap', () => {
    expect(ask('Wann geht es nach der Winterpause weiter?', '2025-08-01T08:00:00Z').answer).toContain('20.01.2026');
    // The example series has no gap over August: the question is left to the material (none here: declined).
    expect(ask('Wann geht es nach der Sommerpause weiter?', '2025-08-01T08:00:00Z').via).not.toBe('schedule');
    // Something else after the break is the material's.
    expect(askSummer('Gibt es nach der Sommerpause Aufzeichnungen?').via).not.toBe('schedule');
  });
});

describe('the session after (or before) Easter or Whitsun', () => {
  it('computes Easter Sunday in the Gregorian calendar', () => {
    expect(easterSunday(2000)).toEqual({ month: 4, day: 23 });
    expect(easterSunday(2024)).toEqual({ month: 3, day: 31 });
    expect(easterSunday(2025)).toEqual({ month: 4, day: 20 });
    expect(easterSunday(2027)).toEqual({ month: 3, day: 28 });
    expect(easterSunday(2038)).toEqual({ month: 4, day: 25 });
  });

  const spring = seriesOf('spielplaetze', 'Spielplätze erneuern', 'Europe/Vienna', ['14:00', '15:30'], [
    ['auftakt', 'Auftakt', '2027-03-09'],
    ['material', 'Material und Sicherheit', '2027-04-06'],
    ['beteiligung', 'Kinder beteiligen', '2027-05-11'],
    ['abschluss', 'Abschluss', '2027-06-22'],
  ]);
  const e = createFaqEngineFromKnowledgeBase({ contentDir: '.', passages: [], curated: [], program: spring });
  const askSpring = (q: string, locale: 'de' | 'en' = 'de') => e.ask(q, { locale, now: new Date('2027-03-01T08:00:00Z') });

  it('is the first session after the feast, or the last one before it', () => {
    // Easter Sunday 2027 is 28 March, Whit Sunday 16 May.
    expect(askSpring('Was ist der erste Termin nach Ostern?').answer).toContain('06.04.2027');
    expect(askSpring("What's the next session after Easter?", 'en').answer).toContain('6 April 2027');
    expect(askSpring('Welcher Termin ist vor Ostern?').answer).toContain('09.03.2027');
    expect(askSpring('Wann treffen wir uns nach Pfingsten?').answer).toContain('22.06.2027');
    // General English verbs ("run", "happening") ask nothing beyond the schedule.
    expect(askSpring('Until what time does the final session run?', 'en').answer).toContain('22 June 2027');
    expect(askSpring('Is the session on 11 May still happening?', 'en').answer).toContain('Kinder beteiligen');
    // A feast outside the series' months names no session.
    expect(askSpring('Wann treffen wir uns nach Weihnachten?').via).not.toBe('schedule');
    // School holidays around a feast differ by state and year: they name no day the series could count from.
    expect(askSpring('Was ist der erste Termin nach den Osterferien?').via).not.toBe('schedule');
    expect(askSpring('Welcher Termin ist vor den Pfingstferien?').via).not.toBe('schedule');
  });
});

describe('a session named by its day, and one that is cancelled', () => {
  const text = [
    'program:',
    '  id: akten',
    '  title: "Akten digital"',
    '  timezone: Europe/Vienna',
    'sessions:',
    '  - id: auftakt',
    '    title: "Auftakt"',
    '    date: 2027-01-12',
    '    start: "09:00"',
    '    end: "10:30"',
    '  - id: scannen-alt',
    '    title: "Scannen und Posteingang"',
    '    date: 2027-02-04',
    '    start: "14:00"',
    '    end: "15:30"',
    '    status: cancelled',
    '  - id: scannen',
    '    title: "Scannen und Posteingang (Ersatztermin)"',
    '    date: 2027-02-17',
    '    start: "13:00"',
    '    end: "14:30"',
    '  - id: abschluss',
    '    title: "Abschluss"',
    '    date: 2027-03-10',
    '    start: "09:00"',
    '    end: "10:30"',
    '',
  ].join('\n');
  const e = createFaqEngineFromKnowledgeBase({ contentDir: '.', passages: [], curated: [], program: parseProgramText(text) });
  const ask = (q: string, locale: 'de' | 'en' = 'de') => e.ask(q, { locale, now: new Date('2027-01-20T08:00:00Z') });

  it('finds the session by its day in digits or with the month, and names what replaces a cancelled one', () => {
    for (const q of ['Findet der Termin am 4.2. statt?', 'findet der termin am 4.2. statt', 'Findet der Termin am 4. Februar statt?']) {
      const a = ask(q);
      expect(a.via, q).toBe('schedule');
      expect(a.answer, q).toContain('abgesagt');
      expect(a.answer, q).toContain('17.02.2027');
    }
    const en = ask('Is the session on 4 February still happening?', 'en');
    expect(en.answer).toContain('cancelled');
    expect(en.answer).toContain('17 February 2027');
    // A held session by its day; a year that is not the session's names none.
    expect(ask('Was ist am 10.03.2027?').answer).toContain('Abschluss');
    expect(ask('Findet der Termin am 4.2.2026 statt?').answer).not.toContain('abgesagt');
  });

  it('reads a topic shared by a cancelled session and its replacement as the cancelled one, which names both dates', () => {
    for (const [q, locale] of [['Wann ist der Termin zum Scannen und Posteingang?', 'de'], ['Wann geht es um den Posteingang?', 'de']] as const) {
      const a = ask(q, locale);
      expect(a.via, q).toBe('schedule');
      expect(a.answer, q).toContain(locale === 'de' ? '17.02.2027' : '17 February 2027');
      expect(a.answer, q).toContain(locale === 'de' ? 'abgesagt' : 'cancelled');
    }
  });

  it('reads "wieder"/"again" beside a meeting word and a question for when as the next session', () => {
    for (const [q, locale] of [['und danach, wann trifft sich die gruppe wieder?', 'de'], ['When do we meet again?', 'en']] as const) {
      const a = ask(q, locale);
      expect(a.via, q).toBe('schedule');
      expect(a.answer, q).toContain(locale === 'de' ? '17.02.2027' : '17 February 2027');
    }
    // Without a question for when, "wieder" asks something else.
    expect(ask('Wird die Reihe wieder angeboten?').via).not.toBe('schedule');
  });
});

describe('a session named by its kind', () => {
  const text = (second: string) =>
    [
      'program:',
      '  id: wehren',
      '  title: "Wehren im Wandel"',
      '  timezone: Europe/Berlin',
      'sessions:',
      '  - id: auftakt',
      '    title: "Auftakt online"',
      '    date: 2027-03-02',
      '    start: "19:00"',
      '    end: "20:30"',
      '  - id: uebung',
      '    title: "Übungs- und Austauschtag im Gerätehaus"',
      '    date: 2027-06-05',
      '    start: "09:00"',
      '    end: "16:00"',
      '  - id: zweiter',
      `    title: "${second}"`,
      '    date: 2027-07-06',
      '    start: "19:00"',
      '    end: "20:30"',
      '',
    ].join('\n');
  const ask = (programText: string, q: string) =>
    createFaqEngineFromKnowledgeBase({ contentDir: '.', passages: [], curated: [], program: parseProgramText(programText) }).ask(q, { locale: 'de', now: new Date('2027-01-20T08:00:00Z') });

  it('reads a compound of a kind of session that nothing else names as the one session of that kind', () => {
    const a = ask(text('Abschluss online'), 'wann is der praxistag vor ort');
    expect(a.via).toBe('schedule');
    expect(a.answer).toContain('05.06.2027');
    // Two sessions of that kind: the question says not which.
    expect(ask(text('Abschluss- und Feiertag'), 'wann is der praxistag vor ort').via).not.toBe('schedule');
    // Not a weekday, a day of the calendar or a question that does not ask when.
    for (const q of ['Wann ist am Dienstag etwas?', 'Wann ist der Feiertag?', 'Gibt es einen Praxistag?', 'Wann ist der Abgabetag?', 'Wann ist der Aktionstag?'])
      expect(ask(text('Abschluss online'), q).via, q).not.toBe('schedule');
    // A weekday in a title is no kind of session.
    expect(ask(text('Abschluss am Dienstag'), 'wann is der praxistag vor ort').via).toBe('schedule');
  });
});
