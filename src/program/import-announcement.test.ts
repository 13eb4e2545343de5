import { describe, expect, it } from 'vitest';
import { forwardedMail } from '../../tests/harness/mail.js';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { importAnnouncement, normalizeAnnouncement, type ImportResult } from './import-announcement.js';
import { programSchema } from './model.js';

const now = new Date('2026-11-25T12:00:00Z');
// A verbatim copy of the seed announcement (shared/seed/000_4f8605784865f441.txt).
const seedPath = path.resolve('tests/program/announcements/seed.txt');

function importFixture(name: string): ImportResult {
  const text = fs.readFileSync(path.resolve('tests/program/announcements', name), 'utf8');
  return importAnnouncement(text, { now });
}

function expectConsistent(result: ImportResult): void {
  expect(programSchema.safeParse(result.draft).success).toBe(true);
  const ids = result.draft.sessions.map((s) => s.id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const f of result.findings) if (f.sessionId !== undefined) expect(ids).toContain(f.sessionId);
}

const sessionShape = (r: ImportResult) => r.draft.sessions.map((s) => [s.id, s.date, s.weekday, s.start, s.end, s.title]);

describe('importAnnouncement on the seed announcement', () => {
  const result = importAnnouncement(fs.readFileSync(seedPath, 'utf8'), { now });

  it('finds the five sessions in the order of the columns, with titles and 10:00–12:00', () => {
    expect(sessionShape(result)).toEqual([
      ['auftaktveranstaltung', '2025-08-26', 'Donnerstag', '10:00', '12:00', 'Auftaktveranstaltung'],
      ['wie-fange-ich-an', '2025-09-25', 'Donnerstag', '10:00', '12:00', 'Wie fange ich an?'],
      ['finalisierung', '2025-11-18', 'Dienstag', '10:00', '12:00', 'Finalisierung'],
      ['data-governance-wegweiser', '2026-12-16', 'Dienstag', '10:00', '12:00', 'Data Governance Wegweiser'],
      ['abschlussstreffen', '2026-01-20', 'Dienstag', '10:00', '12:00', 'Abschlussstreffen'],
    ]);
    expect(result.draft.sessions[4]!.summary).toBe('Was war gut? Was geht besser?');
    expect(result.draft.sessions[0]!.summary).toBeUndefined();
  });

  it('reports the three problems', () => {
    expect(result.findings.map((f) => [f.code, f.sessionId, f.suggestion])).toEqual([
      [
        'weekday-mismatch',
        'auftaktveranstaltung',
        '26.08.2025 ist ein Dienstag; der nächste Donnerstag ist der 28.08.2025, der vorige der 21.08.2025',
      ],
      ['weekday-mismatch', 'data-governance-wegweiser', '16.12.2025 ist ein Dienstag'],
      ['sessions-out-of-order', 'data-governance-wegweiser', '16.12.2025 ist ein Dienstag'],
      ['session-count-mismatch', undefined, 'announcedSessionCount: 5'],
    ]);
    expect(result.findings[3]!.message).toBe(
      'Die Ankündigung nennt unterschiedliche Terminzahlen („fünf Termine“, „sechs Termine“); aufgeführt sind 5.',
    );
    expectConsistent(result);
  });

  it('drafts the program facts and both contacts', () => {
    expect(result.draft.program).toEqual({
      id: 'stadt-daten-strategie',
      title: 'Stadt, Daten, Strategie: Erfolgreich in die datengetriebene Verwaltung',
      subtitle: 'Peer-Learning mit dem Modellprojekt Smart Cities Mönchengladbach',
      timezone: 'Europe/Berlin',
      language: 'de',
      format: 'virtual',
      announcedSessionCount: 5,
      contacts: [
        { name: 'Franziska Sahr', organization: 'KWB – Kompetenzzentrum Wasser Berlin', email: 'franziska.Sahr@kompetenz-wasser.de' },
        {
          name: 'Simone Schöttmer',
          organization: 'IQIB – Institut für qualifizierende Innovationsforschung und -beratung',
          email: 'startsmart@iqib.de',
        },
      ],
    });
  });
});

describe('importAnnouncement on the seed pasted without its tabs', () => {
  const text = fs.readFileSync(seedPath, 'utf8').replace(/\t/g, ' ');
  const result = importAnnouncement(text, { now });

  it('still finds all five sessions (in reading order) and infers the September year from its weekday', () => {
    expect(result.draft.sessions.map((s) => [s.id, s.date])).toEqual([
      ['auftaktveranstaltung', '2025-08-26'],
      ['data-governance-wegweiser', '2026-12-16'],
      ['wie-fange-ich-an', '2025-09-25'],
      ['abschlussstreffen', '2026-01-20'],
      ['finalisierung', '2025-11-18'],
    ]);
    expect(result.draft.sessions[1]!.summary).toMatch(/^Vorstellung und Einblick/);
    expect(result.draft.sessions[0]!.summary).toBeUndefined();
  });

  it('still proposes 16.12.2025 for the December session', () => {
    expect(result.findings).toContainEqual(
      expect.objectContaining({ code: 'weekday-mismatch', sessionId: 'data-governance-wegweiser', suggestion: '16.12.2025 ist ein Dienstag' }),
    );
    expectConsistent(result);
  });
});

describe('importAnnouncement in other styles', () => {
  it('Markdown list with bold dates, short weekdays, en dashes and indented descriptions', () => {
    const r = importFixture('markdown-list.md');
    expect(sessionShape(r)).toEqual([
      ['auftakt-und-bestandsaufnahme', '2027-03-03', 'Mi.', '14:00', '15:30', 'Auftakt und Bestandsaufnahme'],
      ['prozesse-modellieren', '2027-03-17', 'Mi.', '14:00', '15:30', 'Prozesse modellieren'],
      ['schnittstellen-xbau-in-der-praxis', '2027-04-14', 'Mi.', '14:00', '15:30', 'Schnittstellen – XBau in der Praxis'],
      ['abschluss', '2027-05-05', 'Mi.', '14:00', '15:30', 'Abschluss'],
    ]);
    expect(r.draft.sessions[1]!.summary).toBe('Vom Papierweg zum digitalen Ablauf. Mit Beispielen aus zwei Landkreisen.');
    expect(r.draft.program.subtitle).toBe('Ein Peer-Learning für Bauaufsichtsbehörden');
    expect(r.draft.program.announcedSessionCount).toBe(4);
    expect(r.draft.program.contacts).toEqual([
      { name: 'Dr. Anna Beispiel', organization: 'Stadt Musterstadt', email: 'anna.beispiel@musterstadt.de' },
    ]);
    expect(r.findings).toEqual([]);
    expectConsistent(r);
  });

  it('"am 03.03.2027 von 14 bis 15:30 Uhr: Titel" with two-digit years and 15.30', () => {
    const r = importFixture('numeric-dates.txt');
    expect(sessionShape(r)).toEqual([
      ['was-kann-ein-chatbot', '2027-03-03', undefined, '14:00', '15:30', 'Was kann ein Chatbot?'],
      ['datenschutz-und-ki', '2027-03-17', undefined, '14:00', '15:30', 'Datenschutz und KI'],
      ['erfahrungen-teilen', '2027-04-14', undefined, '14:00', '15:30', 'Erfahrungen teilen'],
    ]);
    expect(r.draft.sessions[0]!.summary).toBe('Ein Überblick über Einsatzfelder und Grenzen.');
    expect(r.draft.program.announcedSessionCount).toBe(3);
    expect(r.draft.program.contacts).toEqual([
      { name: 'Max Mustermann', organization: 'Landesamt für Digitalisierung', email: 'max.mustermann@example.org' },
    ]);
    expect(r.findings).toEqual([]);
  });

  it('"jeweils von 10 bis 11:30 Uhr" for all sessions, missing years inferred across the turn of the year', () => {
    const r = importFixture('shared-time.txt');
    expect(sessionShape(r)).toEqual([
      ['offene-daten-veroeffentlichen', '2027-12-08', 'Mittwoch', '10:00', '11:30', 'Offene Daten veröffentlichen'],
      ['portale-im-vergleich', '2028-01-12', 'Mittwoch', '10:00', '11:30', 'Portale im Vergleich'],
      ['wirkung-messen', '2028-02-09', 'Mi', '10:00', '11:30', 'Wirkung messen'],
    ]);
    expect(r.findings).toEqual([]);
  });

  it('HTML with <b> titles before or after the date, entities and mailto links', () => {
    const r = importFixture('bold-title-first.html');
    expect(sessionShape(r)).toEqual([
      ['krisenstab-digital', '2027-03-04', 'Do.', '10:00', '12:00', 'Krisenstab digital'],
      ['kommunikation-im-ernstfall', '2027-03-18', 'Do.', '10:00', '12:00', 'Kommunikation im Ernstfall'],
      ['uebung-auswertung', '2027-04-01', 'Donnerstag', '10:00', '12:00', 'Übung & Auswertung'],
    ]);
    expect(r.draft.sessions.map((s) => s.summary)).toEqual([
      'Wie ein Krisenstab ohne Papier arbeitet.',
      undefined,
      'Eine Planübung mit Nachbesprechung.',
    ]);
    expect(r.draft.program.title).toBe('Resiliente Rathäuser');
    expect(r.draft.program.announcedSessionCount).toBe(3);
    expect(r.draft.program.contacts).toEqual([
      { name: 'Jana Krause', organization: 'Landkreis Beispielstadt', email: 'jana.krause@resilienz.example' },
      { name: 'info@resilienz.example', email: 'info@resilienz.example' },
    ]);
    expect(r.findings).toEqual([]);
  });

  it('HTML table with one row per session; reports a promised count that the list does not keep', () => {
    const r = importFixture('html-table.html');
    expect(sessionShape(r)).toEqual([
      ['evergabe-plattformen', '2027-09-21', 'Di.', '09:00', '12:00', 'eVergabe-Plattformen'],
      ['rechtsrahmen', '2027-10-19', 'Di.', '09:00', '12:00', 'Rechtsrahmen'],
      ['praxisbericht', '2027-11-16', 'Di.', '09:00', '12:00', 'Praxisbericht'],
    ]);
    expect(r.draft.program.format).toBe('onsite');
    expect(r.findings).toMatchObject([{ code: 'session-count-mismatch', message: 'Angekündigt sind 4 Termine, aufgeführt sind 3.' }]);
  });

  it('never moves a date by a year to fit its weekday; reports it with the nearby days that fit (issue 17)', () => {
    const r = importAnnouncement('Reihe\n\nMontag 12.10.2026, 10–12 Uhr: Eins\n\nDienstag 10.11.2026, 10–12 Uhr: Zwei\n\nMittwoch, den 8. Dezember, 10–12 Uhr: Drei\n', {
      now,
    });
    expect(r.draft.sessions.map((s) => [s.date, s.weekday])).toEqual([
      ['2026-10-12', 'Montag'],
      ['2026-11-10', 'Dienstag'],
      ['2026-12-08', 'Mittwoch'],
    ]);
    expect(r.findings).toEqual([
      {
        severity: 'error',
        code: 'weekday-mismatch',
        sessionId: 'drei',
        message: 'Als „Mittwoch“ angekündigt, aber der 08.12.2026 ist ein Dienstag.',
        suggestion: '08.12.2026 ist ein Dienstag; der nächste Mittwoch ist der 09.12.2026, der vorige der 02.12.2026',
      },
    ]);
    // The same without any year at all: the series starts after now and keeps its written dates.
    const bare = importAnnouncement('Reihe\n\nMittwoch, 8. Dezember, 10–12 Uhr: Eins\n\nMittwoch, 12. Januar, 10–12 Uhr: Zwei\n', { now });
    expect(bare.draft.sessions.map((s) => s.date)).toEqual(['2026-12-08', '2027-01-12']);
    expect(bare.findings.map((f) => [f.code, f.sessionId])).toEqual([
      ['weekday-mismatch', 'eins'],
      ['weekday-mismatch', 'zwei'],
    ]);
  });

  it('dates without any year take the next occurrence after now', () => {
    const r = importFixture('no-year.txt');
    expect(r.draft.sessions.map((s) => s.date)).toEqual(['2027-03-03', '2027-03-17']);
    const later = importAnnouncement(fs.readFileSync(path.resolve('tests/program/announcements/no-year.txt'), 'utf8'), {
      now: new Date('2027-02-01T00:00:00Z'),
    });
    expect(later.draft.sessions.map((s) => s.date)).toEqual(['2027-03-03', '2027-03-17']);
  });

  it('makes ids unique and flags a session without a time', () => {
    const r = importAnnouncement('Reihe\n\n3. März 2027, 10–11 Uhr: Austausch\n\n10. März 2027, 10–11 Uhr: Austausch\n\n17. März 2027: Ohne Zeit\n', {
      now,
      defaultTimezone: 'Europe/Vienna',
    });
    expect(r.draft.sessions.map((s) => [s.id, s.start, s.end])).toEqual([
      ['austausch', '10:00', '11:00'],
      ['austausch-2', '10:00', '11:00'],
      ['ohne-zeit', '10:00', '11:00'],
    ]);
    expect(r.draft.program.timezone).toBe('Europe/Vienna');
    expectConsistent(r);
  });

  it('completes a start-only time with the usual length, or leaves it for lint to flag', () => {
    const r = importAnnouncement(
      'Reihe\n\nDi., 2. März 2027, 10–12 Uhr: Eins\n\nDi., 9. März 2027, um 14 Uhr: Zwei\n\nDi., 16. März 2027, 10:00–12:00 Uhr: Drei\n',
      { now },
    );
    expect(r.draft.sessions.map((s) => [s.title, s.start, s.end])).toEqual([
      ['Eins', '10:00', '12:00'],
      ['Zwei', '14:00', '16:00'],
      ['Drei', '10:00', '12:00'],
    ]);
    const solo = importAnnouncement('Vortrag\n\nDonnerstag, 4. März 2027, 18 Uhr: Abendvortrag\n', { now });
    expect(solo.draft.sessions.map((s) => [s.title, s.start, s.end])).toEqual([['Abendvortrag', '18:00', '18:00']]);
    expect(solo.findings.map((f) => [f.code, f.sessionId])).toEqual([['end-before-start', 'abendvortrag']]);
  });

  it('keeps mailto addresses when stripping HTML', () => {
    expect(normalizeAnnouncement('<p>Fragen: <a href="mailto:a@b.de">Anna Berg</a></p>')).toContain('Anna Berg, a@b.de');
    expect(normalizeAnnouncement('Fragen: [Anna Berg](mailto:a@b.de?subject=x), [Programm](https://x.example/p)')).toBe(
      'Fragen: Anna Berg, a@b.de, Programm',
    );
  });

  it('drafts a valid program from a text that is only an empty heading (found by the property below)', () => {
    for (const text of ['#', '# ', '#\n##', '']) {
      const r = importAnnouncement(text, { now });
      expectConsistent(r);
      expect(r.draft.program.title).toBe('Programm');
    }
  });

  it('never throws and always drafts a valid program, whatever the text', () => {
    const piece = fc.constantFrom(
      'Mi., 3. März 2027, 14:00–15:30 Uhr: Titel', 'am 03.03. von 14 bis 15 Uhr', '<b>Titel</b>', '**x**', '\t', '\n', '\n\n',
      'Dienstag, den 16. Dezember', '- ', 'jeweils 10–12 Uhr', 'fünf Termine', 'a@b.de', '# Titel', '31.02.2027', '29. Februar',
      'Sa 25:61 Uhr', '<li>', '</td>', '&amp;',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, fc.string({ maxLength: 12 })), { maxLength: 25 }), (parts) => {
        const r = importAnnouncement(parts.join(' '), { now });
        expectConsistent(r);
      }),
      { numRuns: 300 },
    );
  });
});

describe('importAnnouncement on announcements in other shapes', () => {
  const shape = (text: string, options: Parameters<typeof importAnnouncement>[1] = {}) => importAnnouncement(text, { now, ...options });

  it('reads an English announcement with US dates and am/pm times, and still catches a wrong weekday', () => {
    const result = shape(
      [
        '# Peer Learning: Open Data in Small Towns',
        '',
        'Dear colleagues, our series has **three** sessions, all online via Microsoft Teams (Eastern Time):',
        '',
        '- Thursday, March 4, 2027, 10:00–11:30 am: Kick-off',
        '- Thursday, April 1, 2027, 10:00–11:30 am: Data portals',
        '- Friday, May 6, 2027, 2–3:30 pm: Wrap-up',
      ].join('\n'),
      { defaultTimezone: 'America/New_York' },
    );
    expectConsistent(result);
    expect(result.draft.program).toMatchObject({ language: 'en', timezone: 'America/New_York', announcedSessionCount: 3, format: 'virtual' });
    expect(sessionShape(result)).toEqual([
      ['kick-off', '2027-03-04', 'Thursday', '10:00', '11:30', 'Kick-off'],
      ['data-portals', '2027-04-01', 'Thursday', '10:00', '11:30', 'Data portals'],
      ['wrap-up', '2027-05-06', 'Friday', '14:00', '15:30', 'Wrap-up'],
    ]);
    // 6 May 2027 is a Thursday: reported in the announcement's language, never corrected.
    const mismatch = result.findings.find((f) => f.code === 'weekday-mismatch');
    expect(mismatch).toMatchObject({ sessionId: 'wrap-up', severity: 'error' });
    expect(mismatch!.message).toContain('Thursday');
  });

  it('reads labelled English entries, a time stated once for all, a count in words, and the format of the series', () => {
    const result = shape(
      [
        'Community of Practice "Digital Councils"',
        'We meet four times online, always on Tuesdays, 9:00–10:30 a.m.',
        'Session 1: 12 January 2027 – Kick-off',
        'Session 2: 9 February 2027 – Hybrid meetings',
        'Session 3: 9 March 2027 – Livestreaming',
        'Session 4: 13 April 2027 – Closing',
      ].join('\n'),
    );
    expectConsistent(result);
    expect(result.draft.program).toMatchObject({ language: 'en', announcedSessionCount: 4, format: 'virtual' });
    expect(result.draft.sessions.map((s) => [s.date, s.start, s.end, s.title])).toEqual([
      ['2027-01-12', '09:00', '10:30', 'Kick-off'],
      ['2027-02-09', '09:00', '10:30', 'Hybrid meetings'],
      ['2027-03-09', '09:00', '10:30', 'Livestreaming'],
      ['2027-04-13', '09:00', '10:30', 'Closing'],
    ]);
    expect(result.findings).toEqual([]);
  });

  it('gives German sessions the time stated once with the weekday as a habit', () => {
    const result = shape(['Werkstattreihe Digitale Bauakte', '', 'Die Reihe umfasst drei Termine, jeweils donnerstags 09:30–11:00 Uhr:', '- Do., 14.01.2027 Auftakt', '- Do., 11.02.2027 Prozessanalyse', '- Do., 11.03.2027 Schnittstellen'].join('\n'));
    expect(result.draft.program.language).toBe('de');
    expect(result.draft.sessions.map((s) => [s.start, s.end])).toEqual([
      ['09:30', '11:00'],
      ['09:30', '11:00'],
      ['09:30', '11:00'],
    ]);
    expect(result.findings).toEqual([]);
  });

  it('reports a session without any time as time-missing, not as an end before its start', () => {
    const result = shape(['Reihe Y', '', '- Mo., 12.10.2026 Auftakt', '- Mo., 9.11.2026 Mitte'].join('\n'));
    expectConsistent(result);
    expect(result.findings.map((f) => [f.code, f.sessionId])).toEqual([
      ['time-missing', 'auftakt'],
      ['time-missing', 'mitte'],
    ]);
    expect(result.findings[0]!.message).toContain('keine Uhrzeit');
  });

  it('reads a Markdown table, single-digit dates and a time stated once "jeweils von … bis"', () => {
    const result = shape(
      ['# Werkstattreihe Wärme', '', 'Vier Termine, jeweils von 9.30 bis 11 Uhr, online.', '', '| Termin | Thema |', '| --- | :-- |', '| Mo., 8.3.2027 | Auftakt |', '| Mo., 12.4.2027 | Datenlage |', '| Mo., 10.5.2027 | Beteiligung |', '| Mo., 14.6.2027 | Abschluss |'].join('\n'),
    );
    expectConsistent(result);
    expect(sessionShape(result)).toEqual([
      ['auftakt', '2027-03-08', 'Mo.', '09:30', '11:00', 'Auftakt'],
      ['datenlage', '2027-04-12', 'Mo.', '09:30', '11:00', 'Datenlage'],
      ['beteiligung', '2027-05-10', 'Mo.', '09:30', '11:00', 'Beteiligung'],
      ['abschluss', '2027-06-14', 'Mo.', '09:30', '11:00', 'Abschluss'],
    ]);
    expect(result.findings).toEqual([]);
  });

  it('reads numbered labels, Austrian month names, remarks in brackets and a start-only time; the list ends at its last item', () => {
    const result = shape(
      ['Austausch Digitale Bauakte', '', 'Termine:', '1. Termin: 12. Jänner 2027, 14:00 - 15:30', '2. Termin: 9. Feber 2027, 14:00 - 15:30', '3. Termin: 9. März 2027, 14 bis 16 Uhr (verlängert)', '4. Termin: 13. April 2027, ab 14 Uhr', '', 'Zeitangaben in MEZ. Kontakt: Maria Huber, maria.huber@example.at'].join('\n'),
    );
    expectConsistent(result);
    expect(sessionShape(result)).toEqual([
      ['termin-1', '2027-01-12', undefined, '14:00', '15:30', 'Termin 1'],
      ['termin-2', '2027-02-09', undefined, '14:00', '15:30', 'Termin 2'],
      ['termin-3', '2027-03-09', undefined, '14:00', '16:00', 'Termin 3'],
      ['termin-4', '2027-04-13', undefined, '14:00', '15:30', 'Termin 4'],
    ]);
    expect(result.draft.sessions[2]!.summary).toBe('verlängert');
    expect(result.draft.sessions[3]!.summary).toBeUndefined();
  });

  it('keeps a session over two days as its first day and warns that the others are missing', () => {
    const result = shape(['Open Data im Landkreis', '', '- Dienstag, 2. bis Mittwoch, 3. März 2027 (zweitägig, jeweils 9–16 Uhr)', '- Donnerstag, 15.04.27, 10:00 Uhr – 12:30 Uhr', '- 20.–21. Mai 2027, 13–15 Uhr: Abschluss'].join('\n'));
    expectConsistent(result);
    expect(result.draft.sessions.map((s) => [s.date, s.weekday, s.start, s.end])).toEqual([
      ['2027-03-02', 'Dienstag', '09:00', '16:00'],
      ['2027-04-15', 'Donnerstag', '10:00', '12:30'],
      ['2027-05-20', undefined, '13:00', '15:00'],
    ]);
    expect(result.findings.map((f) => [f.code, f.severity, f.sessionId])).toEqual([
      ['multi-day-session', 'warning', 'termin-1'],
      ['multi-day-session', 'warning', 'abschluss'],
    ]);
    expect(result.findings[0]!.message).toContain('02.03.2027 bis 03.03.2027');
    // A deadline after a plain label is no session; a time range is never read as days.
    const deadline = shape(['Reihe Z', '', 'Anmeldeschluss: 1. März 2027', '14–16 Uhr am 3. März 2027', '- Mi., 10.03.2027, 14–16 Uhr: Auftakt'].join('\n'));
    expect(deadline.draft.sessions.map((s) => s.date)).toEqual(['2027-03-10']);
  });

  it('reads fields set apart by dots or bars, bold numbered labels, and a mixed format as hybrid', () => {
    const dots = shape(['Netzwerk Klimaanpassung', '', 'Mittwoch, 3. März 2027 · 14–15.30 Uhr · online · Auftakt', 'Mittwoch, 5. Mai 2027 · 14–15.30 Uhr · vor Ort in Kassel · Exkursion'].join('\n'));
    expect(dots.draft.sessions.map((s) => [s.title, s.summary, s.start, s.end])).toEqual([
      ['Auftakt', 'online', '14:00', '15:30'],
      ['Exkursion', 'vor Ort in Kassel', '14:00', '15:30'],
    ]);
    expect(dots.draft.program.format).toBe('hybrid');
    const bars = shape(['## Programm', '', '**Termin 1** | Di 09.03.2027 | 10–11:30 Uhr', 'Einführung in die Wärmeplanung', '', '**Termin 2** | Di 13.04.2027 | 10–11:30 Uhr', 'Bestandsanalyse'].join('\n'));
    expect(bars.draft.sessions.map((s) => [s.title, s.date, s.start, s.end])).toEqual([
      ['Einführung in die Wärmeplanung', '2027-03-09', '10:00', '11:30'],
      ['Bestandsanalyse', '2027-04-13', '10:00', '11:30'],
    ]);
  });

  it('reads dates with slashes day first, month first only where the written weekday says so', () => {
    const result = shape(['Open Data Exchange', '', 'Thursday 15/04/2027, 10:00-11:30 – Publishing', 'Tuesday 03/02/2027, 2pm–3pm: Licensing', 'Wednesday 03/02/2027, 2pm–3pm: Data quality'].join('\n'));
    expect(result.draft.sessions.map((s) => [s.date, s.title])).toEqual([
      ['2027-04-15', 'Publishing'],
      // 3 February 2027 is a Wednesday, 2 March 2027 a Tuesday.
      ['2027-03-02', 'Licensing'],
      ['2027-02-03', 'Data quality'],
    ]);
  });

  it('takes the time zone the text names, and reports one that contradicts the given zone', () => {
    const uk = ['Open Data Exchange', '', 'All times UK time.', '- Wed 3rd March 2027, 2pm–3.30pm: Kick-off', '- Thu 15 April 2027, 10:00-11:30: Pipelines'].join('\n');
    const taken = shape(uk);
    expect(taken.draft.program.timezone).toBe('Europe/London');
    expect(taken.findings.map((f) => [f.code, f.severity])).toEqual([['timezone-from-text', 'warning']]);
    const given = shape(uk, { defaultTimezone: 'Europe/Berlin' });
    expect(given.draft.program.timezone).toBe('Europe/Berlin');
    expect(given.findings.map((f) => [f.code, f.severity, f.suggestion])).toEqual([['timezone-mismatch', 'error', 'timezone: Europe/London']]);
    // A zone with the same offsets as the given one on the session dates is no contradiction ("MEZ" in Vienna).
    const vienna = shape(['Austausch Bauakte', '', 'Zeitangaben in MEZ.', '- Di., 12. Jänner 2027, 14:00–15:30 Uhr: Auftakt'].join('\n'), { defaultTimezone: 'Europe/Vienna' });
    expect(vienna.findings).toEqual([]);
    // "All sessions at …": one time for all; a second zone is a conversion, the first named one is used and both are reported.
    const us = shape(['Hybrid council meetings', '', 'All sessions at 10:00-11:30 Eastern Time (16:00 German time).', '- Wed, February 17, 2027: Kick-off', '- Wed, March 17, 2027: Streaming'].join('\n'));
    expect(us.draft.program.timezone).toBe('America/New_York');
    expect(us.draft.sessions.map((s) => [s.start, s.end])).toEqual([['10:00', '11:30'], ['10:00', '11:30']]);
    expect(us.findings.map((f) => f.code)).toEqual(['timezone-ambiguous']);
    // A zone written right after a session's time belongs to the time, not to the title.
    const cet = shape(['Digital Twins', '', 'Session 1 — Tuesday 9 March 2027 — 2:00 to 3:30pm CET — Why twins?', 'Session 2 — Tuesday 13 April 2027 — 2:00 to 3:30pm (CEST) — Data'].join('\n'));
    expect(cet.draft.sessions.map((s) => [s.title, s.start, s.end])).toEqual([['Why twins?', '14:00', '15:30'], ['Data', '14:00', '15:30']]);
    expect(cet.findings).toEqual([]);
    // Lower-case "et" or "pt" in a sentence names no zone.
    expect(shape(['Reihe', '', 'Wir sprechen über pt und et cetera.', '- Mi., 10.03.2027, 14–16 Uhr: Auftakt'].join('\n')).draft.program.timezone).toBe('Europe/Berlin');
  });

  it('reads a session table whose first column numbers the sessions, and a time for all with a count or a bare weekday habit', () => {
    const table = shape(
      '<h1>Exchange 2027</h1><table><tr><th>#</th><th>Date</th><th>Time</th><th>Topic</th></tr>' +
        '<tr><td>1</td><td>Thursday, 16 September 2027</td><td>10:00–11:30</td><td>Kick-off</td></tr>' +
        '<tr><td>2</td><td>Tuesday, 9 November 2027</td><td>14:00–15:30</td><td>Heat</td></tr></table>',
    );
    expect(table.draft.sessions.map((s) => [s.date, s.start, s.title])).toEqual([
      ['2027-09-16', '10:00', 'Kick-off'],
      ['2027-11-09', '14:00', 'Heat'],
    ]);
    const counted = shape(['# Termine', '', 'Alle 5 Termine finden mittwochs von 09:30 bis 11:30 Uhr in Teams statt.', '', 'Mittwoch, 18.11.2026: Auftakt', '', 'Mittwoch, 20.01.2027: Nachnutzung'].join('\n'));
    expect(counted.draft.sessions.map((s) => [s.start, s.end])).toEqual([['09:30', '11:30'], ['09:30', '11:30']]);
    const habit = shape(['Reihe', '', '- **Online-Termine:** donnerstags, 14:00 bis 15:30 Uhr, in Teams', '', '- **Do, 04.02.2027 – Kick-off.** Kennenlernen.', '- **Do, 04.03.2027 – Analyse.** Daten.'].join('\n'));
    expect(habit.draft.sessions.map((s) => [s.date, s.start, s.end])).toEqual([['2027-02-04', '14:00', '15:30'], ['2027-03-04', '14:00', '15:30']]);
  });

  it('merges a session listed twice (overview line and detailed list) into one, with the time either gives', () => {
    const result = shape(
      [
        'Reihe Wärme',
        '',
        '- **Online-Termine:** donnerstags, 14:00 bis 15:30 Uhr',
        '- **Vor-Ort-Tag:** Freitag, 16.04.2027, 10:00 bis 15:00 Uhr im Rathaus',
        '',
        '- **Do, 04.03.2027 – Analyse.** Daten.',
        '- **Fr, 16.04.2027 – Vor-Ort-Tag: Zielszenario.** Den ganzen Tag im Rathaus.',
        '- **Do, 06.05.2027 – Umsetzung.** Vom Plan zu Maßnahmen.',
        // Two sessions on one day at different times stay two.
        '- Do, 10.06.2027, 10–11 Uhr: Abschluss I',
        '- Do, 10.06.2027, 14–15 Uhr: Abschluss II',
      ].join('\n'),
    );
    expectConsistent(result);
    expect(result.draft.sessions.map((s) => [s.date, s.start, s.end, s.title])).toEqual([
      ['2027-03-04', '14:00', '15:30', 'Analyse'],
      ['2027-04-16', '10:00', '15:00', 'Vor-Ort-Tag: Zielszenario'],
      ['2027-05-06', '14:00', '15:30', 'Umsetzung'],
      ['2027-06-10', '10:00', '11:00', 'Abschluss I'],
      ['2027-06-10', '14:00', '15:00', 'Abschluss II'],
    ]);
    expect(result.findings.map((f) => f.code)).toEqual([]);
  });

  it('reads paragraph-numbered entries, a time in brackets after the title, and no count from a paragraph number', () => {
    const result = shape(
      [
        'AUSSCHREIBUNG',
        '1.2 Das Peer-Learning umfasst 3 Termine.',
        '1.3 Die Termine finden dienstags von 10:00 bis 11:30 Uhr statt. Abweichend davon findet die Werkstatt am',
        '    Donnerstag, 25.02.2027, von 09:00 bis 12:00 Uhr statt (drei Stunden).',
        '',
        '3.1 Di 12.01.2027  Auftakt',
        '3.2 Do 25.02.2027  Werkstatt: Reinigungsmittel (09:00-12:00 Uhr)',
        '3.3 Di 13.04.2027  Abschluss',
      ].join('\n'),
    );
    expectConsistent(result);
    expect(result.draft.sessions.map((s) => [s.date, s.start, s.end, s.title])).toEqual([
      ['2027-01-12', '10:00', '11:30', 'Auftakt'],
      ['2027-02-25', '09:00', '12:00', 'Werkstatt: Reinigungsmittel'],
      ['2027-04-13', '10:00', '11:30', 'Abschluss'],
    ]);
    expect(result.draft.program.announcedSessionCount).toBe(3);
    expect(result.findings).toEqual([]);
  });

  it('never takes sessions from an older e-mail quoted below a newer one', () => {
    const mail = forwardedMail(
      'Reihe - neue Termine',
      ['Die Reihe findet an diesen Terminen statt, jeweils 14:30 bis 16:00 Uhr:', 'Mi 31.03.2027 Auftakt', 'Mo 12.04.2027 Abschluss'],
      ['Termine, jeweils 14:30 bis 16:00 Uhr:', 'Mo 29.03.2027 Auftakt', 'Mo 12.04.2027 Abschluss'],
    );
    expect(shape(mail).draft.sessions.map((s) => s.date)).toEqual(['2027-03-31', '2027-04-12']);
  });

  it('reads "1.1." as a paragraph number, not the 1st of January, in a text numbered in sections', () => {
    const result = shape(
      [
        'Teilnahmebedingungen',
        '',
        '1. Teilnahme',
        '1.1. Die Teilnahme ist kostenfrei.',
        '1.2. Anmeldung bis zum 3. März 2027.',
        '2. Termine',
        '2.1. Di 09.03.2027, 10:00-11:30 Uhr Auftakt',
        '2.2. Di 23.03.2027, 10:00-11:30 Uhr Abschluss',
      ].join('\n'),
    );
    expectConsistent(result);
    expect(result.draft.sessions.map((s) => [s.date, s.title])).toEqual([
      ['2027-03-09', 'Auftakt'],
      ['2027-03-23', 'Abschluss'],
    ]);
    // Without the sections' own lines, "1.2." at a line's start is still read as a date.
    expect(shape('Termine\n\n1.2. Auftakt, 10:00-11:30 Uhr\n15.2. Abschluss, 10:00-11:30 Uhr').draft.sessions).toHaveLength(2);
  });

  it('reads dates enumerated in running text when no line opens with one, never a single date such as a deadline', () => {
    const german = shape('Austausch Quartiere\n\nWir treffen uns am 3. März, 7. April und 5. Mai 2027, jeweils von 14 bis 15:30 Uhr, online. Anmeldung bis 20. Februar 2027.');
    expectConsistent(german);
    expect(german.draft.sessions.map((s) => [s.date, s.start, s.end])).toEqual([
      ['2027-03-03', '14:00', '15:30'],
      ['2027-04-07', '14:00', '15:30'],
      ['2027-05-05', '14:00', '15:30'],
    ]);
    const english = shape('Heat plans exchange\n\nWe will meet on 3 March, 7 April and 5 May 2027, 2–3.30pm CET. Register by 20 February 2027.');
    expect(english.draft.sessions.map((s) => [s.date, s.start, s.end])).toEqual([
      ['2027-03-03', '14:00', '15:30'],
      ['2027-04-07', '14:00', '15:30'],
      ['2027-05-05', '14:00', '15:30'],
    ]);
    expect(shape('Reihe\n\nAnmeldung bis 20. Februar 2027, Beginn im Frühjahr.').findings.map((f) => f.code)).toEqual(['no-sessions-found']);
  });

  it('keeps the year the text names for dates written without one, also when read after the first session', () => {
    const text = 'Betreff: Peer-Learning Schulhöfe - Termine 2027\n\nWir treffen uns 2027 dreimal.\n\nDi, 13.4. | 9:30 - 11 Uhr | Auftakt\nDi, 11.5. | 9:30 - 11 Uhr | Pausenhöfe\nDi, 14.9. | 9:30 - 11 Uhr | Abschluss\n';
    const later = importAnnouncement(text, { now: new Date('2027-04-20T08:00:00Z') });
    expect(later.draft.sessions.map((s) => s.date)).toEqual(['2027-04-13', '2027-05-11', '2027-09-14']);
    expect(later.findings.map((f) => f.code)).not.toContain('weekday-mismatch');
  });

  it('reads sessions told one per sentence, and lint still catches a wrong weekday there', () => {
    const prose = shape(
      'Austausch Quartiere\n\nWir beginnen am Dienstag, dem 2. März 2027, von 14:00 bis 15:30 Uhr online mit dem Auftakt „Wege ins Quartier“.\nAm Dienstag, dem 6. April 2027, geht es zur gleichen Uhrzeit um Nachbarschaftstreffs.\nDen Abschluss bildet am Mittwoch, dem 6. Mai 2027, von 9:00 bis 12:00 Uhr ein Rundgang.\nBitte melden Sie sich bis Freitag, 26. Februar 2027, an.',
    );
    expect(prose.draft.sessions.map((s) => [s.date, s.start, s.end, s.title])).toEqual([
      ['2027-03-02', '14:00', '15:30', 'Wege ins Quartier'],
      ['2027-04-06', '14:00', '15:30', 'Nachbarschaftstreffs'],
      ['2027-05-06', '09:00', '12:00', 'Termin 3'],
    ]);
    // The 6th of May 2027 is a Thursday.
    expect(prose.findings.map((f) => f.code)).toContain('weekday-mismatch');
  });

  it('reports an announcement without any recognisable date as an error, never as "no findings"', () => {
    const german = shape('Einladung zur Reihe X\n\nWir treffen uns dreimal im Frühjahr.\nAnmeldung bis bald.');
    expect(german.draft.sessions).toEqual([]);
    // "dreimal" is a count too, so the empty list contradicts it as well.
    expect(german.findings.map((f) => [f.code, f.severity])).toEqual([
      ['session-count-mismatch', 'error'],
      ['no-sessions-found', 'error'],
    ]);
    const english = shape('Invitation to our series\n\nWe will meet three times in the spring. Please register with the office.');
    expect(english.findings.map((f) => f.code)).toEqual(['session-count-mismatch', 'no-sessions-found']);
    expect(english.findings[1]!.message).toContain('No session was recognised');
  });
});
