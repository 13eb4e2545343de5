// Which session a meeting belongs to: the thread id inside a join link, and for a recurring meeting's shared
// chat the session whose widened time window holds the meetingStart.
import { describe, expect, it } from 'vitest';
import { meetingThreadId } from '../../src/program/meeting-link.js';
import { MEETING_START_TOLERANCE_MS, sessionForMeetingStart } from '../../src/attendance/index.js';
import { JOIN_URL, MEETING_CHAT } from './activities.js';

describe('meetingThreadId', () => {
  it('finds the URL-decoded thread id in join links encoded once, twice or not at all', () => {
    expect(meetingThreadId(JOIN_URL)).toBe(MEETING_CHAT);
    expect(meetingThreadId(JOIN_URL.replace('%3A', '%3a'))).toBe(MEETING_CHAT);
    expect(meetingThreadId(`https://statics.teams.cdn.office.net/evergreen-assets/safelinks/?url=${encodeURIComponent(JOIN_URL)}`)).toBe(MEETING_CHAT);
    expect(meetingThreadId(`https://teams.microsoft.com/l/meetup-join/${MEETING_CHAT}/0`)).toBe(MEETING_CHAT);
  });

  it('finds nothing in links without a meeting thread or with broken encoding', () => {
    expect(meetingThreadId('https://teams.microsoft.com/l/meetup-join/abc')).toBeUndefined();
    expect(meetingThreadId('https://teams.microsoft.com/l/channel/19%3Aabc%40thread.tacv2/General')).toBeUndefined();
    expect(meetingThreadId('https://example.org/%E0%A4%A')).toBeUndefined();
    expect(meetingThreadId('')).toBeUndefined();
    expect(meetingThreadId(undefined)).toBeUndefined();
  });
});

describe('sessionForMeetingStart', () => {
  const hour = 60 * 60 * 1000;
  const session = (id: string, start: string, hours: number) => ({ id, start: new Date(start), end: new Date(Date.parse(start) + hours * hour) });
  const series = [session('auftakt', '2026-12-02T09:00:00Z', 2), session('vertiefung', '2026-12-16T09:00:00Z', 2), session('abschluss', '2027-01-13T09:00:00Z', 2)];
  const at = (ms: number) => new Date(ms);
  const start = Date.parse('2026-12-16T09:00:00Z');
  const end = start + 2 * hour;

  it('picks the session whose scheduled time holds the start', () => {
    expect(sessionForMeetingStart(series, at(start + 5 * 60_000))?.id).toBe('vertiefung');
    expect(sessionForMeetingStart(series, at(end))?.id).toBe('vertiefung');
  });

  it('accepts a start up to the tolerance before the session and after its end, not beyond', () => {
    expect(sessionForMeetingStart(series, at(start - MEETING_START_TOLERANCE_MS))?.id).toBe('vertiefung');
    expect(sessionForMeetingStart(series, at(end + MEETING_START_TOLERANCE_MS))?.id).toBe('vertiefung');
    expect(sessionForMeetingStart(series, at(start - MEETING_START_TOLERANCE_MS - 1))).toBeUndefined();
    expect(sessionForMeetingStart(series, at(end + MEETING_START_TOLERANCE_MS + 1))).toBeUndefined();
    expect(sessionForMeetingStart([], at(start))).toBeUndefined();
  });

  it('where widened windows overlap, the session starting nearest wins, the earlier one on a tie', () => {
    const gap = MEETING_START_TOLERANCE_MS;
    const morning = session('vormittag', '2026-12-16T09:00:00Z', 2);
    const afternoon = { id: 'nachmittag', start: new Date(morning.end.getTime() + gap), end: new Date(morning.end.getTime() + gap + 2 * hour) };
    const both = [afternoon, morning];
    expect(sessionForMeetingStart(both, at(afternoon.start.getTime() - 1))?.id).toBe('nachmittag');
    expect(sessionForMeetingStart(both, at(morning.end.getTime()))?.id).toBe('nachmittag');
    const twins = [session('b', '2026-12-16T09:00:00Z', 1), session('a', '2026-12-16T07:00:00Z', 4)];
    expect(sessionForMeetingStart(twins, at(Date.parse('2026-12-16T08:00:00Z')))?.id).toBe('a');
  });
});
