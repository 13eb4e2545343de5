import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import fs from 'node:fs';
import path from 'node:path';
import { loadProgramFile } from './load.js';
import { hasErrors, lintProgram, neighbouringWeekdays, LINT_CODES, type LintFinding } from './lint.js';
import { programSchema } from './model.js';
import { parseWeekday, weekdayName } from './weekday.js';
import { localTimeStatus } from './time.js';

const fixtures = path.resolve('tests/program/lint');

async function lintFixture(name: string): Promise<LintFinding[]> {
  const { program } = await loadProgramFile(path.join(fixtures, `${name}.yaml`));
  return lintProgram(program);
}

function program(sessions: unknown[], extra: Record<string, unknown> = {}) {
  return programSchema.parse({ program: { id: 'p', title: 'P', timezone: 'Europe/Berlin', ...extra }, sessions });
}

describe('lintProgram', () => {
  it('has a fixture for every code, and each fixture yields its code', async () => {
    const names = fs.readdirSync(fixtures).map((f) => f.replace(/\.yaml$/, '')).sort();
    expect(names).toEqual([...LINT_CODES].sort());
    for (const code of LINT_CODES) {
      const findings = await lintFixture(code);
      expect(findings.map((f) => f.code), code).toContain(code);
    }
  });

  it('reports the seed weekday mistake with the nearest matching day', async () => {
    const findings = await lintFixture('weekday-mismatch');
    expect(findings).toEqual([
      {
        severity: 'error',
        code: 'weekday-mismatch',
        sessionId: 'a',
        message: 'Als „Donnerstag“ angekündigt, aber der 26.08.2025 ist ein Dienstag.',
        suggestion: '26.08.2025 ist ein Dienstag; der nächste Donnerstag ist der 28.08.2025, der vorige der 21.08.2025',
      },
    ]);
  });

  it('blames the December session with the wrong year and proposes 16.12.2025', async () => {
    const findings = await lintFixture('sessions-out-of-order');
    expect(findings.map((f) => [f.code, f.sessionId, f.suggestion])).toEqual([
      ['weekday-mismatch', 'dez', '16.12.2025 ist ein Dienstag'],
      ['sessions-out-of-order', 'dez', '16.12.2025 ist ein Dienstag'],
    ]);
  });

  it('proposes another year only when it lies nearer the neighbours, else the nearby days with that weekday', () => {
    // Issue 17: the year after (08.12.2027, a Wednesday) is thirteen months away from the series; not a fix.
    const series = program([
      { id: 'okt', title: 'Okt', date: '2026-10-12', weekday: 'Montag', start: '10:00', end: '12:00' },
      { id: 'nov', title: 'Nov', date: '2026-11-10', weekday: 'Dienstag', start: '10:00', end: '12:00' },
      { id: 'dez', title: 'Dez', date: '2026-12-08', weekday: 'Mittwoch', start: '10:00', end: '12:00' },
    ]);
    expect(lintProgram(series)).toEqual([
      {
        severity: 'error',
        code: 'weekday-mismatch',
        sessionId: 'dez',
        message: 'Als „Mittwoch“ angekündigt, aber der 08.12.2026 ist ein Dienstag.',
        suggestion: '08.12.2026 ist ein Dienstag; der nächste Mittwoch ist der 09.12.2026, der vorige der 02.12.2026',
      },
    ]);
    const english = lintProgram(programSchema.parse({ ...series, program: { ...series.program, language: 'en' } }));
    expect(english[0]!.suggestion).toBe('8 Dec 2026 is a Tuesday; the next Wednesday is 9 Dec 2026, the previous one 2 Dec 2026');
    // A lone session has no neighbours a year could come nearer to.
    const lone = lintProgram(program([{ id: 'a', title: 'A', date: '2026-12-08', weekday: 'Mi', start: '10:00', end: '11:00' }]));
    expect(lone[0]!.suggestion).toBe('08.12.2026 ist ein Dienstag; der nächste Mittwoch ist der 09.12.2026, der vorige der 02.12.2026');
  });

  it('names the next and previous date with the written weekday, a week apart', () => {
    expect(neighbouringWeekdays('2026-12-08', 3)).toEqual({ next: '2026-12-09', previous: '2026-12-02' });
    expect(neighbouringWeekdays('2026-12-08', 1)).toEqual({ next: '2026-12-14', previous: '2026-12-07' });
    expect(neighbouringWeekdays('2026-12-08', 2)).toEqual({ next: '2026-12-15', previous: '2026-12-01' });
  });

  it('blames the one misplaced session when there is no weekday to go by', () => {
    const findings = lintProgram(
      program([
        { id: 'a', title: 'A', date: '2027-01-10', start: '10:00', end: '11:00' },
        { id: 'b', title: 'B', date: '2026-02-10', start: '10:00', end: '11:00' },
        { id: 'c', title: 'C', date: '2027-03-10', start: '10:00', end: '11:00' },
        { id: 'd', title: 'D', date: '2027-04-10', start: '10:00', end: '11:00' },
      ]),
    );
    expect(findings.map((f) => [f.code, f.sessionId])).toEqual([['sessions-out-of-order', 'b']]);
    expect(findings[0]!.message).toContain('10.02.2026');
  });

  it('ignores cancelled sessions for overlaps but not live ones', async () => {
    const findings = await lintFixture('overlapping-sessions');
    expect(findings.map((f) => [f.code, f.sessionId])).toEqual([['overlapping-sessions', 'b']]);
  });

  it('flags the spring-forward gap as an error and the fall-back fold as a warning', async () => {
    const gap = await lintFixture('nonexistent-local-time');
    expect(gap).toMatchObject([{ severity: 'error', code: 'nonexistent-local-time', sessionId: 'nacht', suggestion: '03:30 Uhr oder später wählen' }]);
    const fold = await lintFixture('ambiguous-local-time');
    expect(fold).toMatchObject([{ severity: 'warning', code: 'ambiguous-local-time', sessionId: 'fold' }]);
    // language: en in that fixture
    expect(fold[0]!.message).toBe('25 Oct 2026 02:30 occurs twice in Europe/Berlin (clocks go back).');
    expect(hasErrors(fold)).toBe(false);
  });

  it('warns about join links that are not https or not a meeting service', async () => {
    const findings = await lintFixture('invalid-join-url');
    expect(findings.map((f) => [f.severity, f.sessionId])).toEqual([
      ['warning', 'http'],
      ['warning', 'host'],
    ]);
  });

  it('skips time checks but keeps date checks for an unknown zone', async () => {
    const findings = await lintFixture('unknown-timezone');
    expect(findings).toMatchObject([{ code: 'unknown-timezone', severity: 'error', suggestion: 'Europe/Berlin' }]);
  });

  it('reports an unrecognised weekday', () => {
    const findings = lintProgram(program([{ id: 'a', title: 'A', date: '2027-03-03', weekday: 'Mittwo', start: '10:00', end: '11:00' }]));
    expect(findings).toMatchObject([{ code: 'weekday-mismatch', sessionId: 'a', message: '„Mittwo“ ist kein bekannter Wochentag.' }]);
  });

  it('finds the default content clean', async () => {
    const { program: seed } = await loadProgramFile(path.resolve('content/program.yaml'));
    expect(lintProgram(seed)).toEqual([]);
    expect(seed.sessions.map((s) => s.id)).toEqual(['auftakt', 'wie-fange-ich-an', 'finalisierung', 'data-governance-wegweiser', 'abschluss']);
  });

  it('hasErrors distinguishes errors from warnings', () => {
    expect(hasErrors([])).toBe(false);
    expect(hasErrors([{ severity: 'warning', code: 'invalid-join-url', message: 'x' }])).toBe(false);
    expect(hasErrors([{ severity: 'error', code: 'end-before-start', message: 'x' }])).toBe(true);
  });
});

describe('lintProgram properties', () => {
  const days = fc.uniqueArray(fc.integer({ min: 0, max: 1500 }), { minLength: 1, maxLength: 12 });
  const toSessions = (offsets: number[]) =>
    offsets.map((d, i) => {
      const date = DateTime.fromISO('2026-01-01', { zone: 'UTC' }).plus({ days: d });
      return { id: `s${i}`, title: `S${i}`, date: date.toISODate()!, weekday: weekdayName(date.weekday, 'de'), start: '10:00', end: '12:00' };
    });

  it('finds a chronological program with true weekdays clean', () => {
    fc.assert(
      fc.property(days, (offsets) => {
        expect(lintProgram(program(toSessions([...offsets].sort((a, b) => a - b))))).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it('reports sessions-out-of-order exactly when the listed order is not chronological', () => {
    fc.assert(
      fc.property(days, (offsets) => {
        const findings = lintProgram(program(toSessions(offsets)));
        const sorted = offsets.every((d, i) => i === 0 || offsets[i - 1]! < d);
        expect(findings.every((f) => f.code === 'sessions-out-of-order')).toBe(true);
        expect(findings.length === 0).toBe(sorted);
        // Removing the blamed sessions leaves a chronological list.
        const blamed = new Set(findings.map((f) => f.sessionId));
        const rest = offsets.filter((_, i) => !blamed.has(`s${i}`));
        expect(rest.every((d, i) => i === 0 || rest[i - 1]! < d)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe('parseWeekday', () => {
  it.each([
    ['Dienstag', 2], ['Di', 2], ['Di.', 2], ['di.', 2], ['Tue', 2], ['Tuesday', 2],
    ['Mi.', 3], ['Wed', 3], ['Donnerstag', 4], ['Do', 4], ['Thu.', 4], ['Sonnabend', 6], ['So', 7], ['Sun', 7],
  ])('%s -> %i', (text, day) => expect(parseWeekday(text)).toBe(day));
  it('rejects non-weekdays', () => expect(parseWeekday('Dezember')).toBeUndefined());
});

describe('localTimeStatus (Europe/Berlin)', () => {
  it.each([
    ['2026-03-29', '01:59', 'ok'],
    ['2026-03-29', '02:00', 'gap'],
    ['2026-03-29', '02:59', 'gap'],
    ['2026-03-29', '03:00', 'ok'],
    ['2026-10-25', '01:59', 'ok'],
    ['2026-10-25', '02:00', 'fold'],
    ['2026-10-25', '02:59', 'fold'],
    ['2026-10-25', '03:00', 'ok'],
    ['2026-07-01', '02:30', 'ok'],
  ])('%s %s is %s', (date, time, status) => expect(localTimeStatus(date, time, 'Europe/Berlin')).toBe(status));
  it('knows other zones (New York springs forward at 02:00 on 2026-03-08)', () => {
    expect(localTimeStatus('2026-03-08', '02:30', 'America/New_York')).toBe('gap');
    expect(localTimeStatus('2026-03-29', '02:30', 'America/New_York')).toBe('ok');
  });
});
