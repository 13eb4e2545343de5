// Unit tests of the coordinator pieces without storage: offsets, form validation, the progress card's
// German number formatting, the in-place progress updates' pacing and the audit keys.
import { afterEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { silentLogger } from '../shared/log.js';
import type { DeliveryJob, RunHandle, RunResult } from '../delivery/index.js';
import { countRecords } from '../delivery/index.js';
import { previewCard, progressCard } from './announce-cards.js';
import { broadcastPayload } from './broadcast.js';
import { programListCard, remindersCard, sessionFormCard } from './program-cards.js';
import { programSchema } from '../program/model.js';
import { auditRowKey, truncateJson } from './audit-repository.js';
import { formatReminderOffset, parseReminderOffset } from './durations.js';
import { parseForm, parseOffsetList, sessionFormSchema } from './forms.js';
import { ProgressWatcher } from './progress.js';
import { defaultTimes } from './program-flow.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('reminder offsets', () => {
  it('reads friendly German and English spellings and ISO durations; calendar days stay days', () => {
    expect(parseReminderOffset('7 Tage')).toBe('P7D');
    expect(parseReminderOffset('1 Tag')).toBe('P1D');
    expect(parseReminderOffset('1 Stunde')).toBe('PT1H');
    expect(parseReminderOffset('2 Wochen')).toBe('P14D');
    expect(parseReminderOffset('30 min')).toBe('PT30M');
    expect(parseReminderOffset('3 hours')).toBe('PT3H');
    expect(parseReminderOffset('p2dt4h')).toBe('P2DT4H');
    expect(parseReminderOffset('3 Jahre')).toBeUndefined();
    expect(parseReminderOffset('P')).toBeUndefined();
    expect(formatReminderOffset('P7D', 'de')).toBe('7 Tage');
    expect(formatReminderOffset('PT1H', 'de')).toBe('1 Stunde');
    expect(formatReminderOffset('P2DT4H', 'en')).toBe('2 days 4 hours');
  });

  it('dedupes, sorts longest first, and limits range and count', () => {
    expect(parseOffsetList('1 Stunde, 7 Tage, PT1H, 1 Tag')).toEqual({ offsets: ['P7D', 'P1D', 'PT1H'] });
    expect(parseOffsetList('1 min')).toEqual({ error: 'errDurationRange' });
    expect(parseOffsetList('61 Tage')).toEqual({ error: 'errDurationRange' });
    expect(parseOffsetList(Array.from({ length: 11 }, (_, i) => `${i + 1} Stunden`).join(','))).toEqual({ error: 'errTooMany:10' });
  });
});

describe('session form', () => {
  it('accepts a complete form and trims it', () => {
    const result = parseForm(sessionFormSchema, { date: '2026-12-16', start: '10:00:00', end: '12:00', title: '  Titel ', summary: '', joinUrl: ' https://teams.microsoft.com/x ' });
    expect(result).toEqual({ ok: true, value: { date: '2026-12-16', start: '10:00', end: '12:00', title: 'Titel', joinUrl: 'https://teams.microsoft.com/x' } });
  });

  it('never throws on arbitrary payloads and never accepts a non-https link', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('date', 'start', 'end', 'title', 'summary', 'joinUrl', 'x'), fc.anything()), (data) => {
        const result = parseForm(sessionFormSchema, data);
        if (result.ok && result.value.joinUrl !== undefined) expect(result.value.joinUrl.startsWith('https://')).toBe(true);
        if (result.ok) expect(result.value.end > result.value.start).toBe(true);
      }),
    );
  });
});

describe('progress card', () => {
  it('formats counts the German way', () => {
    const counts = { ...countRecords([], 5000), pending: 3766 - 3, sent: 1234, failed: 3 };
    const card = progressCard({ jobId: 'bc|x', status: 'running', dueAt: '', zone: 'Europe/Berlin', counts, reasons: [], userId: '29:me' }, 'de');
    expect(JSON.stringify(card)).toContain('Gesendet 1.234 von 5.000, 3 fehlgeschlagen');
    expect(card.refresh).toMatchObject({ action: { verb: 'coord.progress.refresh', data: { jobId: 'bc|x' } }, userIds: ['29:me'] });
    const en = progressCard({ jobId: 'bc|x', status: 'running', dueAt: '', zone: 'Europe/Berlin', counts, reasons: [] }, 'en');
    expect(JSON.stringify(en)).toContain('Sent 1,234 of 5,000, 3 failed');
  });
});

describe('progress watcher', () => {
  it('updates the card at most once per interval however many recipients finish, and sends the final report last', async () => {
    vi.useFakeTimers();
    const updates: string[] = [];
    const job = { jobId: 'bc|x', status: 'done', dueAt: '2026-11-25T10:00:00.000Z', counts: { ...countRecords([], 500), pending: 0, sent: 500 } } as unknown as DeliveryJob;
    const engine = {
      jobs: { get: async () => job },
      records: { list: async () => [] },
      updateActivity: async (_c: unknown, _a: string, message: { card?: unknown }) => {
        updates.push(JSON.stringify(message.card));
      },
    } as never;
    const watcher = new ProgressWatcher({ engine, logger: silentLogger, intervalMs: 3000 }, 'bc|x', {
      conversation: {} as never,
      activityId: 'act-1',
      locale: 'de',
      zone: 'Europe/Berlin',
      programId: 'datenstrategie',
    });
    let finish: (r: RunResult) => void = () => undefined;
    const handle: RunHandle = { jobId: 'bc|x', done: new Promise<RunResult>((resolve) => (finish = resolve)) };
    const followed = watcher.follow(handle);
    for (let i = 1; i <= 250; i++) watcher.onProgress({ jobId: 'bc|x', total: 500, sent: i, failed: 0, done: i });
    await vi.advanceTimersByTimeAsync(3000);
    expect(updates).toHaveLength(1);
    expect(updates[0]).toContain('Gesendet 250 von 500');
    await vi.advanceTimersByTimeAsync(9000);
    expect(updates).toHaveLength(1);
    for (let i = 251; i <= 500; i++) watcher.onProgress({ jobId: 'bc|x', total: 500, sent: i, failed: 0, done: i });
    finish({ jobId: 'bc|x', outcome: 'done', counts: job.counts! });
    await followed;
    expect(updates).toHaveLength(2);
    expect(updates[1]).toContain('Versand abgeschlossen');
  });
});

describe('audit keys', () => {
  it('sort newest first, also within one millisecond', () => {
    const t0 = new Date('2026-11-25T10:00:00.000Z');
    const keys = [auditRowKey(t0), auditRowKey(t0), auditRowKey(new Date(t0.getTime() + 1)), auditRowKey(new Date('2026-11-30T00:00:00.000Z'))];
    expect([...keys].sort()).toEqual([keys[3], keys[2], keys[1], keys[0]]);
  });

  it('truncates long JSON visibly and keeps short JSON whole', () => {
    expect(truncateJson({ a: 1 })).toBe('{"a":1}');
    const long = truncateJson({ text: 'x'.repeat(20_000) }, 1000)!;
    expect(long).toHaveLength(1000);
    expect(long).toMatch(/…\[truncated \d+ chars\]$/);
    expect(truncateJson(undefined)).toBeUndefined();
  });
});

describe('card snapshots', () => {
  const program = programSchema.parse({
    program: { id: 'datenstrategie', title: 'Stadt, Daten, Strategie', timezone: 'Europe/Berlin', reminders: ['P1D', 'PT1H'] },
    sessions: [
      { id: 'auftakt', title: 'Auftaktveranstaltung', date: '2026-12-01', start: '10:00', end: '12:00' },
      { id: 'governance', title: 'Data Governance Wegweiser', date: '2026-12-16', start: '10:00', end: '12:00', status: 'cancelled' },
    ],
  });
  const now = new Date('2026-11-25T10:00:00.000Z');

  it('program list, session form with errors, reminders, preview and final report', () => {
    expect(programListCard(program, { version: 3, updatedAt: '2026-11-24T09:00:00.000Z', now }, 'de')).toMatchSnapshot();
    expect(
      sessionFormCard({ version: 3, sessionId: 'auftakt', sessionTitle: 'Auftaktveranstaltung', values: { date: '2026-12-01', start: '12:00', end: '10:00', title: 'Auftakt' }, errors: { end: 'errEndBeforeStart' } }, 'de'),
    ).toMatchSnapshot();
    expect(remindersCard(program, { version: 3, sends: [{ dueAt: '2026-11-30T09:00:00.000Z', label: 'Erinnerung „Auftaktveranstaltung“ (1 Tag vorher)' }], now }, 'en')).toMatchSnapshot();
    const payload = broadcastPayload({ draftId: '0123456789abcdef', text: 'Bitte vormerken', audience: 'all', sessionId: 'auftakt' }, program);
    expect(
      previewCard(payload, { count: { reachable: 1234, personal: 1200, channels: 30, groupChats: 4, unreachable: 5 }, zone: 'Europe/Berlin', draft: { draftId: '0123456789abcdef', text: 'Bitte vormerken' } }, 'de'),
    ).toMatchSnapshot();
    expect(
      progressCard(
        {
          jobId: 'bc|0123456789abcdef',
          status: 'done',
          dueAt: '2026-11-25T10:00:00.000Z',
          zone: 'Europe/Berlin',
          counts: { ...countRecords([], 5000), pending: 0, sent: 4990, failed: 3, unreachable: 7 },
          reasons: [
            { code: 'http-403-MessageWritesBlocked', count: 7 },
            { code: 'http-429-max-attempts', count: 3 },
          ],
        },
        'de',
      ),
    ).toMatchSnapshot();
  });
});

describe('defaultTimes', () => {
  const of = (sessions: Record<string, unknown>[]) =>
    programSchema.parse({ program: { id: 'p', title: 'P', timezone: 'Asia/Kolkata' }, sessions: sessions.map((x, i) => ({ id: `s${i}`, title: `S${i}`, ...x })) });

  it('takes the times most sessions share; on a tie those of the later session, whatever the list order', () => {
    expect(defaultTimes(of([
      { date: '2027-01-20', start: '09:00', end: '10:00' },
      { date: '2027-01-05', start: '18:00', end: '19:30' },
      { date: '2027-01-12', start: '18:00', end: '19:30' },
    ]))).toEqual({ start: '18:00', end: '19:30' });
    expect(defaultTimes(of([
      { date: '2027-01-20', start: '09:00', end: '10:00' },
      { date: '2027-01-05', start: '18:00', end: '19:30' },
    ]))).toEqual({ start: '09:00', end: '10:00' });
    expect(defaultTimes(of([]))).toEqual({});
  });

  it('leaves cancelled sessions out unless nothing is scheduled', () => {
    expect(defaultTimes(of([
      { date: '2027-01-05', start: '18:00', end: '19:30', status: 'cancelled' },
      { date: '2027-01-12', start: '18:00', end: '19:30', status: 'cancelled' },
      { date: '2027-01-19', start: '08:30', end: '09:30' },
    ]))).toEqual({ start: '08:30', end: '09:30' });
    expect(defaultTimes(of([{ date: '2027-01-05', start: '18:00', end: '19:30', status: 'cancelled' }]))).toEqual({ start: '18:00', end: '19:30' });
  });
});
