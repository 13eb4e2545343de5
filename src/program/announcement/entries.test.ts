import { describe, expect, it } from 'vitest';
import { BOLD_CLOSE, BOLD_OPEN } from './cleanup.js';
import { matchHeader, parseSessions, proseSessions, takeTitle, type RawSession } from './entries.js';

const B = (s: string) => `${BOLD_OPEN}${s}${BOLD_CLOSE}`;
const brief = (sessions: RawSession[]) =>
  sessions.map((s) => [`${s.day}.${s.month}.${s.year ?? ''}`, s.weekday, s.time?.start, s.time?.end, s.title, s.description.join(' | ')]);

describe('matchHeader', () => {
  it('takes a bold title before the date', () => {
    const h = matchHeader(`- ${B('Auftakt')} – Mi., 3. März 2027, 14–15:30 Uhr`);
    expect(h?.session).toMatchObject({ day: 3, month: 3, year: 2027, weekday: 'Mi.', title: 'Auftakt', time: { start: '14:00', end: '15:30' } });
    expect(h?.rest).toBe('');
  });

  it('skips list markers, headings and numbering', () => {
    expect(matchHeader('## 17.03.2027 Zwei')?.session).toMatchObject({ day: 17, month: 3 });
    expect(matchHeader('2) 14.04.2027: Drei')?.rest).toBe(': Drei');
    expect(matchHeader('Vorgesehen sind fünf Termine')).toBeUndefined();
  });
});

describe('takeTitle', () => {
  const fresh = (): RawSession => ({ day: 1, month: 1, description: [], closed: false });
  it('splits at a sentence end, or takes a bold title', () => {
    const a = fresh();
    takeTitle(a, ': Wie fange ich an? Finden Sie eine Vorlage.');
    expect([a.title, a.description]).toEqual(['Wie fange ich an?', ['Finden Sie eine Vorlage.']]);
    const b = fresh();
    takeTitle(b, ` Uhr ${B('Schnittstellen – XBau:')} Aus der Praxis`);
    expect([b.title, b.description]).toEqual(['Schnittstellen – XBau', ['Aus der Praxis']]);
  });
});

describe('parseSessions', () => {
  it('reads entries with indented descriptions and closes them at blank lines and list items', () => {
    const text = ['Intro am 1. März 2027.', '', '- 3. März 2027, 10–12 Uhr: Eins', '  Mehr dazu.', '- 17. März 2027', '  14 bis 15 Uhr Zwei', '', 'Nachwort'].join('\n');
    expect(brief(parseSessions(text))).toEqual([
      ['3.3.2027', undefined, '10:00', '12:00', 'Eins', 'Mehr dazu.'],
      ['17.3.2027', undefined, '14:00', '15:00', 'Zwei', ''],
    ]);
  });

  it('reads a table laid out in columns down each column', () => {
    const text = ['1. März 2027, 10–11 Uhr A\t5. April 2027, 10–11 Uhr C', '15. März 2027, 10–11 Uhr B\t'].join('\n');
    expect(parseSessions(text).map((s) => s.title)).toEqual(['A', 'B', 'C']);
  });

  it('splits entries that run together when a table lost its tabs', () => {
    const text = 'Donnerstag, den 26. August 2025, 10 bis 12 Uhr Auftakt Dienstag, den 16. Dezember 2025, 10 bis 12 Uhr Ende Text';
    expect(brief(parseSessions(text))).toEqual([
      ['26.8.2025', 'Donnerstag', '10:00', '12:00', 'Auftakt', ''],
      ['16.12.2025', 'Dienstag', '10:00', '12:00', 'Ende Text', ''],
    ]);
  });
});

describe('proseSessions', () => {
  const prose = [
    'Wir beginnen am Dienstag, dem 2. März 2027, von 14:00 bis 15:30 Uhr mit dem Auftakt „Wege ins Quartier“.',
    'Am Dienstag, dem 6. April 2027, geht es zur gleichen Uhrzeit um Nachbarschaftstreffs und Sprechstunden.',
    'Bitte melden Sie sich bis Freitag, 26. Februar 2027, an. Den Abschluss bildet am Donnerstag, dem 6. Mai 2027, von 9:00 bis 12:00 Uhr ein Rundgang.',
  ].join('\n');

  it('reads one session per sentence that names a weekday before its date, with its time, title or topic', () => {
    const sessions = proseSessions(prose);
    expect(sessions.map((s) => [s.day, s.month, s.year, s.weekday, s.time?.start, s.time?.end, s.title])).toEqual([
      [2, 3, 2027, 'Dienstag', '14:00', '15:30', 'Wege ins Quartier'],
      [6, 4, 2027, 'Dienstag', '14:00', '15:30', 'Nachbarschaftstreffs und Sprechstunden'],
      [6, 5, 2027, 'Donnerstag', '09:00', '12:00', undefined],
    ]);
  });

  it('reads English prose, and never one dated sentence alone or a deadline', () => {
    const english = 'We start on Thursday, 4 March 2027, from 10:00 to 11:30 with the kick-off "Open doors". On Thursday, 1 April 2027, at the same time, we look at volunteers.';
    expect(proseSessions(english).map((s) => [s.day, s.month, s.time?.start, s.title])).toEqual([
      [4, 3, '10:00', 'Open doors'],
      [1, 4, '10:00', 'Volunteers'],
    ]);
    expect(proseSessions('Wir treffen uns am Dienstag, dem 2. März 2027, von 14:00 bis 15:30 Uhr. Anmeldung bis Freitag, 26. Februar 2027.')).toEqual([]);
  });

  it('never reads what happened on a date as a session: a meeting has a time, its own or one for all', () => {
    const report = 'Am Mittwoch, dem 12. Mai 2021, beschloss der Stadtrat das Konzept. Am Freitag, dem 1. Oktober 2021, ging das Portal online.';
    expect(proseSessions(report)).toEqual([]);
    const forAll = 'Alle Termine finden jeweils von 14 bis 15:30 Uhr statt. Wir beginnen am Dienstag, dem 2. März 2027, mit dem Auftakt. Am Dienstag, dem 6. April 2027, folgt der Abschluss.';
    expect(proseSessions(forAll).map((s) => [s.day, s.month])).toEqual([
      [2, 3],
      [6, 4],
    ]);
  });
});
