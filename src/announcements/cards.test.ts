import { describe, expect, it } from 'vitest';
import { announcementMessage, buildAnnouncementCard, RSVP_VERB } from './cards.js';
import type { AnnouncementPayload } from './payload.js';

const payload: AnnouncementPayload = {
  programId: 'datenstrategie',
  programTitle: 'Stadt, Daten, Strategie: Erfolgreich in die datengetriebene Verwaltung',
  timezone: 'Europe/Berlin',
  session: {
    id: 'data-governance',
    title: 'Data Governance Wegweiser',
    date: '2026-12-16',
    start: '10:00',
    end: '12:00',
    summary: 'Vorstellung und Einblick in das übertragbare Modell für Data Governance.',
    joinUrl: 'https://teams.microsoft.com/l/meetup-join/abc',
    status: 'scheduled',
  },
  offset: 'P1D',
};
const options = { publicBaseUrl: 'https://bot.example.org/' };

describe('announcement card', () => {
  it('German card: date and time in the program zone, join, calendar and RSVP actions', () => {
    const card = buildAnnouncementCard(payload, 'de', options);
    expect(card).toMatchSnapshot();
    expect(JSON.stringify(card)).toContain('Mittwoch, 16. Dezember 2026');
    expect(JSON.stringify(card)).toContain('10:00–12:00 Uhr');
    expect(card.actions?.map((a) => a.type)).toEqual(['Action.OpenUrl', 'Action.OpenUrl', 'Action.Execute']);
    expect(card.actions?.[1]).toMatchObject({ title: 'Zum Kalender hinzufügen', url: 'https://bot.example.org/api/programs/datenstrategie/calendar/data-governance.ics' });
    expect(card.actions?.[2]).toMatchObject({ verb: RSVP_VERB, data: { sessionId: 'data-governance', attending: true } });
  });

  it('a program in another zone: its clock time with the zone, and German time beside it', () => {
    const tokyo = { ...payload, timezone: 'Asia/Tokyo', session: { ...payload.session, date: '2027-04-20', start: '17:30', end: '19:00' } };
    expect(JSON.stringify(buildAnnouncementCard(tokyo, 'de', options))).toContain('17:30–19:00 Uhr (Ortszeit Asia/Tokyo; 10:30–12:00 Uhr deutscher Zeit)');
    expect(JSON.stringify(buildAnnouncementCard(tokyo, 'en', options))).toContain('17:30–19:00 (Asia/Tokyo; 10:30–12:00 German time)');
    // An early morning in Tokyo is the evening before in Germany: the German day is named.
    const early = { ...tokyo, session: { ...tokyo.session, start: '06:00', end: '07:00' } };
    expect(JSON.stringify(buildAnnouncementCard(early, 'de', options))).toContain('(Ortszeit Asia/Tokyo; Montag, 19. April 2027, 23:00–00:00 Uhr deutscher Zeit)');
    // Vienna shares Berlin's clock: nothing is added.
    expect(JSON.stringify(buildAnnouncementCard({ ...payload, timezone: 'Europe/Vienna' }, 'de', options))).not.toContain('deutscher Zeit');
  });

  it('English card', () => {
    expect(buildAnnouncementCard(payload, 'en', options)).toMatchSnapshot();
  });

  it('no join button without a joinUrl', () => {
    const { joinUrl: _omit, ...session } = payload.session;
    const card = buildAnnouncementCard({ ...payload, session }, 'de', options);
    expect(card.actions?.map((a) => (a as { title: string }).title)).toEqual(['Zum Kalender hinzufügen', 'Ich nehme teil']);
  });

  it('"verschoben" and "abgesagt" variants', () => {
    const moved = buildAnnouncementCard({ ...payload, session: { ...payload.session, date: '2026-12-18', start: '14:00', end: '16:00' }, change: 'moved' }, 'de', { ...options, variant: 'moved' });
    expect(moved).toMatchSnapshot();
    expect(JSON.stringify(moved)).toContain('Neuer Termin: Freitag, 18. Dezember 2026, 14:00–16:00 Uhr');
    const cancelled = buildAnnouncementCard({ ...payload, change: 'cancelled' }, 'en', { ...options, variant: 'cancelled' });
    expect(cancelled).toMatchSnapshot();
    expect(cancelled.actions).toBeUndefined();
  });

  it('the card returned after an RSVP confirms it, shows the count and offers withdrawal', () => {
    const card = buildAnnouncementCard(payload, 'de', { ...options, rsvp: { attending: true, count: 3 } });
    const text = JSON.stringify(card);
    expect(text).toContain('Sie nehmen teil');
    expect(text).toContain('3 Zusagen');
    expect(card.actions?.[2]).toMatchObject({ title: 'Doch nicht', data: { attending: false } });
  });

  it('program text cannot inject mentions or Markdown links', () => {
    const card = buildAnnouncementCard({ ...payload, session: { ...payload.session, title: '<at>Alle</at> [klick](https://evil.example)' } }, 'de', options);
    expect(JSON.stringify(card)).not.toContain('<at>');
    // TextBlocks render Markdown; fallbackText is plain text.
    expect(JSON.stringify(card.body)).not.toContain('](https://evil');
  });

  it('message: card, Markdown text fallback and summary, well under 80 KB', () => {
    const message = announcementMessage(payload, 'de', options);
    expect(message.summary).toBe('Erinnerung: Data Governance Wegweiser, Mittwoch, 16. Dezember 2026, 10:00–12:00 Uhr');
    expect(message.text).toMatchSnapshot();
    expect(Buffer.byteLength(JSON.stringify(message), 'utf16le')).toBeLessThan(80_000);
  });
});
