// Attendance as short lines for other answers: `status`, `ergebnisse` and the series retrospective show how many
// were present per session, the trend across the series, and the response rate relative to those present.
// Sessions without attendance data (the bot was not in their meeting) are left out: a 0 there means "unknown".
import { attendanceText } from '../i18n/attendance.js';
import type { Locale } from '../i18n/locale.js';

export interface SessionAttendance {
  sessionId: string;
  title: string;
  attendees: number;
  /** Poll responses of the session, when the caller has them. */
  responses?: number;
}

/** Responses per attendee, in whole percent; undefined without attendees. */
export function responseRate(responses: number, attendees: number): number | undefined {
  return attendees > 0 ? Math.round((responses / attendees) * 100) : undefined;
}

/** "Teilnahme im Verlauf: Auftakt 12 → Vertiefung 9"; undefined while fewer than two sessions have data. */
export function attendanceTrendLine(rows: readonly SessionAttendance[], locale: Locale): string | undefined {
  const t = attendanceText(locale);
  const withData = rows.filter((r) => r.attendees > 0);
  return withData.length >= 2 ? t.trendLine(withData.map((r) => t.trendPoint(r.title, r.attendees)).join(' → ')) : undefined;
}

/** One line per session with data, then the trend (attendanceTrendLine); empty without data. */
export function attendanceLines(rows: readonly SessionAttendance[], locale: Locale): string[] {
  const t = attendanceText(locale);
  const lines = rows
    .filter((r) => r.attendees > 0)
    .map((r) => {
      const rate = r.responses !== undefined ? responseRate(r.responses, r.attendees) : undefined;
      return rate !== undefined ? `${t.sessionLine(r.title, r.attendees)}; ${t.responseRate(r.responses!, r.attendees, rate)}` : t.sessionLine(r.title, r.attendees);
    });
  const trend = attendanceTrendLine(rows, locale);
  return trend ? [...lines, trend] : lines;
}
