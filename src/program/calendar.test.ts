import { afterEach, describe, expect, it } from 'vitest';
import ical, { type VEvent } from 'node-ical';
import path from 'node:path';
import { buildVtimezone, calendarPath, personalCalendarPath, programCalendarPath, renderCalendar } from './calendar.js';
import { loadProgramFile } from './load.js';
import { programSchema } from './model.js';

const now = new Date('2026-02-01T09:30:00Z');

function events(text: string): VEvent[] {
  return Object.values(ical.sync.parseICS(text)).filter((c): c is VEvent => c?.type === 'VEVENT');
}

const dstProgram = programSchema.parse({
  program: { id: 'dst', title: 'Zeitumstellung', timezone: 'Europe/Berlin', language: 'de' },
  sessions: [
    { id: 'vor-maerz', title: 'Vor der Umstellung', date: '2026-03-27', start: '10:00', end: '12:00' },
    { id: 'nach-maerz', title: 'Nach der Umstellung', date: '2026-03-31', start: '10:00', end: '12:00',
      joinUrl: 'https://teams.microsoft.com/l/meetup-join/abc' },
    { id: 'vor-oktober', title: 'Vor Oktober', date: '2026-10-23', start: '10:00', end: '12:00' },
    { id: 'nach-oktober', title: 'Nach Oktober', date: '2026-10-27', start: '10:00', end: '12:00', status: 'cancelled' },
  ],
});

describe('renderCalendar', () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    if (originalTz === undefined) delete process.env.TZ;
    else process.env.TZ = originalTz;
  });

  it('renders the seed program with stable UIDs, SEQUENCE and Berlin times', async () => {
    const { program } = await loadProgramFile(path.resolve('content/program.yaml'));
    const text = renderCalendar(program, { now, sequences: { finalisierung: 3 }, baseUrl: 'https://bot.example.org/' });
    const parsed = events(text);
    expect(parsed.map((e) => e.uid)).toEqual([
      'auftakt@stadt-daten-strategie',
      'wie-fange-ich-an@stadt-daten-strategie',
      'finalisierung@stadt-daten-strategie',
      'data-governance-wegweiser@stadt-daten-strategie',
      'abschluss@stadt-daten-strategie',
    ]);
    expect(parsed.map((e) => e.start.toISOString())).toEqual([
      '2025-08-26T08:00:00.000Z',
      '2025-09-25T08:00:00.000Z',
      '2025-11-18T09:00:00.000Z',
      '2025-12-16T09:00:00.000Z',
      '2026-01-20T09:00:00.000Z',
    ]);
    expect(parsed.map((e) => Number(e.sequence ?? 0))).toEqual([0, 0, 3, 0, 0]);
    expect(parsed[4]!.summary).toBe('Abschlusstreffen');
    expect(parsed[4]!.description).toBe('Was war gut? Was geht besser?');
    expect(text).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin');
    expect(text).toContain('DTSTAMP:20260201T093000Z');
    expect(text).toContain('URL:https://bot.example.org/api/calendar.ics');
  });

  it('keeps 10:00 local across the March and October changes, cancels, and carries the join link in the personal feed', () => {
    const token = 'A'.repeat(43);
    const text = renderCalendar(dstProgram, { now, personalToken: token, baseUrl: 'https://bot.example.org' });
    expect(text.replace(/\r\n[ \t]/g, "")).toContain(`URL:https://bot.example.org${personalCalendarPath(token)}`);
    const parsed = events(text);
    expect(parsed.map((e) => [e.uid, e.start.toISOString(), e.end?.toISOString()])).toEqual([
      ['vor-maerz@dst', '2026-03-27T09:00:00.000Z', '2026-03-27T11:00:00.000Z'],
      ['nach-maerz@dst', '2026-03-31T08:00:00.000Z', '2026-03-31T10:00:00.000Z'],
      ['vor-oktober@dst', '2026-10-23T08:00:00.000Z', '2026-10-23T10:00:00.000Z'],
      ['nach-oktober@dst', '2026-10-27T09:00:00.000Z', '2026-10-27T11:00:00.000Z'],
    ]);
    expect(parsed.map((e) => e.status)).toEqual(['CONFIRMED', 'CONFIRMED', 'CONFIRMED', 'CANCELLED']);
    expect(parsed[3]!.summary).toBe('Abgesagt: Nach Oktober');
    expect(parsed[1]!.url).toMatchObject({ val: 'https://teams.microsoft.com/l/meetup-join/abc' });
    expect(parsed[1]!.location).toBe('https://teams.microsoft.com/l/meetup-join/abc');
    expect(parsed[1]!.description).toBe('Teilnehmen: https://teams.microsoft.com/l/meetup-join/abc');
  });

  it('leaves the join links out of the public feed and the public per-session file', () => {
    for (const options of [{ now }, { now, sessionId: 'nach-maerz' }]) {
      const text = renderCalendar(dstProgram, options);
      expect(text).not.toContain('teams.microsoft.com');
      expect(text).not.toContain('meetup-join');
      const session = events(text).find((e) => e.uid === 'nach-maerz@dst')!;
      expect(session.url).toBeUndefined();
      expect(session.location).toBeUndefined();
    }
  });

  it('does not depend on the process time zone', () => {
    const inUtc = renderCalendar(dstProgram, { now });
    process.env.TZ = 'America/New_York';
    expect(renderCalendar(dstProgram, { now })).toBe(inUtc);
  });

  it('renders a single session for its .ics link', () => {
    const parsed = events(renderCalendar(dstProgram, { now, sessionId: 'nach-maerz', sequences: { 'nach-maerz': 1 } }));
    expect(parsed.map((e) => [e.uid, Number(e.sequence)])).toEqual([['nach-maerz@dst', 1]]);
    expect(calendarPath('nach-maerz')).toBe('/api/calendar/nach-maerz.ics');
    expect(calendarPath()).toBe('/api/calendar.ics');
    expect(programCalendarPath('klima', 'nach-maerz')).toBe('/api/programs/klima/calendar/nach-maerz.ics');
    expect(programCalendarPath('klima')).toBe('/api/programs/klima/calendar.ics');
  });

  it('describes the Berlin rules of 2026 in the VTIMEZONE', () => {
    const vtz = buildVtimezone('Europe/Berlin', 2026, 2026);
    expect(vtz).toContain('BEGIN:DAYLIGHT\r\nDTSTART:20260329T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200');
    expect(vtz).toContain('BEGIN:STANDARD\r\nDTSTART:20261025T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100');
    const noDst = buildVtimezone('Asia/Tokyo', 2026, 2026);
    expect(noDst.match(/BEGIN:(STANDARD|DAYLIGHT)/g)).toEqual(['BEGIN:STANDARD']);
    expect(noDst).toContain('TZOFFSETTO:+0900');
  });
});
