// The coordinators' attendance answer (counts; names only with `attendance: named`) and the "Verpasst?"
// catch-up card in German and English.
import { describe, expect, it } from 'vitest';
import { attendanceReport, buildCatchUpCard, catchUpMessage, type CatchUpInput } from '../../src/attendance/index.js';

const input: CatchUpInput = {
  programTitle: 'Werkstattreihe Daten',
  timezone: 'Europe/Berlin',
  missed: { title: 'Daten teilen', date: '2026-12-16', start: '10:00', end: '12:00', summary: 'Wie Ämter Daten *sicher* teilen.' },
  material: [
    { title: 'Folien (PDF)', url: 'https://bot.example.org/material/daten-teilen/folien (final).pdf' },
    { title: 'Checkliste', url: 'javascript:alert(1)' },
  ],
  next: {
    title: 'Daten nutzen',
    date: '2027-01-13',
    start: '10:00',
    end: '12:00',
    joinUrl: 'https://teams.microsoft.com/l/meetup-join/abc',
    calendarUrl: 'https://bot.example.org/api/calendar/daten-nutzen.ics',
  },
};

function texts(value: unknown): string {
  return JSON.stringify(value);
}

describe('catch-up card', () => {
  it('German: the missed session with its summary, the material as links, the next session with join and calendar', () => {
    const card = buildCatchUpCard(input, 'de');
    expect(card).toMatchSnapshot();
    const text = texts(card);
    expect(text).toContain('VERPASST?');
    expect(text).toContain('Mittwoch, 16. Dezember 2026');
    expect(text).toContain('10:00–12:00 Uhr');
    expect(text).toContain('Wie Ämter Daten \\\\*sicher\\\\* teilen.');
    expect(text).toContain('[Folien (PDF)](https://bot.example.org/material/daten-teilen/folien%20%28final%29.pdf)');
    expect(text).toContain('- Checkliste');
    expect(text).not.toContain('javascript:');
    expect(text).toContain('Mittwoch, 13. Januar 2027');
    expect(card.actions).toEqual([
      { type: 'Action.OpenUrl', title: 'An der Besprechung teilnehmen', url: input.next!.joinUrl },
      { type: 'Action.OpenUrl', title: 'Zum Kalender hinzufügen', url: input.next!.calendarUrl },
    ]);
    expect(text).toContain('keine nachholhinweise');
  });

  it('English card', () => {
    const card = buildCatchUpCard(input, 'en');
    expect(card).toMatchSnapshot();
    expect(texts(card)).toContain('Wednesday, 16 December 2026');
    expect(texts(card)).toContain('no catch-up');
    expect(card.lang).toBe('en');
  });

  it('without material, summary or next session those parts are left out; without a join link only the calendar', () => {
    const bare = buildCatchUpCard({ ...input, missed: { ...input.missed, summary: undefined }, material: [], next: undefined }, 'de');
    expect(texts(bare)).not.toContain('Material zum Termin');
    expect(texts(bare)).not.toContain('Worum es ging');
    expect(texts(bare)).not.toContain('Nächster Termin');
    expect(bare.actions).toBeUndefined();
    const { joinUrl: _none, ...next } = input.next!;
    const noJoin = buildCatchUpCard({ ...input, next }, 'en');
    expect(noJoin.actions?.map((a) => (a as { title: string }).title)).toEqual(['Add to calendar']);
  });

  it('the message has a Markdown fallback with the links written out and a plain summary', () => {
    const message = catchUpMessage({ ...input, missed: { ...input.missed, title: 'Daten <at>teilen</at>' } }, 'de');
    expect(message.text).toContain('[An der Besprechung teilnehmen](https://teams.microsoft.com/l/meetup-join/abc)');
    expect(message.text).toContain('[Zum Kalender hinzufügen](https://bot.example.org/api/calendar/daten-nutzen.ics)');
    expect(message.summary).toBe('Verpasst? Daten ‹at›teilen‹/at›: Zusammenfassung, Material und nächster Termin');
    expect(texts(message)).not.toContain('<at>');
  });
});

describe('attendance answer', () => {
  const summary = { attendees: 3, minutesMedian: 95, minutesTotal: 1234 };
  const names: Record<string, string> = { a: 'Zoe Zander', b: 'Ärne Albers' };
  const nameOf = async (id: string) => names[id];

  it('gives counts and minutes without names when the program does not name attendees', async () => {
    let asked = 0;
    const text = await attendanceReport({ sessionTitle: 'Daten teilen', summary, attendees: ['a', 'b', 'c'], named: false, nameOf: async () => (asked++, 'x') }, 'de');
    expect(text).toBe(
      '**Teilnahme: Daten teilen**\n\n3 Personen haben teilgenommen, im Median 95 Minuten (zusammen 1.234 Minuten).\n\nNamen zeigt der Bot nur, wenn das Programm `attendance: named` setzt.',
    );
    expect(asked).toBe(0);
  });

  it('lists names sorted, and counts those without a known name, when the program names attendees', async () => {
    const de = await attendanceReport({ sessionTitle: 'Daten teilen', summary, attendees: ['a', 'b', 'c'], named: true, nameOf }, 'de');
    expect(de.split('\n').slice(-4)).toEqual(['Teilgenommen haben:', '- Ärne Albers', '- Zoe Zander', '- 1 weitere Person ohne bekannten Namen']);
    const en = await attendanceReport({ sessionTitle: 'Sharing data', summary, attendees: ['a', 'b', 'c'], named: true, nameOf }, 'en');
    expect(en).toContain('3 people attended, for a median of 95 minutes (1,234 minutes together).');
    expect(en).toContain('- 1 more person without a known name');
  });

  it('says when there is no attendance data, and how it comes about', async () => {
    const text = await attendanceReport({ sessionTitle: 'Daten teilen', summary: { attendees: 0, minutesMedian: 0, minutesTotal: 0 }, attendees: [], named: true, nameOf }, 'en');
    expect(text).toContain('There is no attendance data for "Daten teilen"');
    expect(text).toContain('added to the session');
  });
});
