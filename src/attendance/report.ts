// The coordinators' answer to `teilnahme <Termin>` / `attendance <session>`: counts and minutes, and names only
// when the program sets `attendance: named`. Names are looked up at answer time (attendance stores none).
import { escapeCardText } from '../cards/adaptive.js';
import { attendanceText } from '../i18n/attendance.js';
import type { Locale } from '../i18n/locale.js';
import type { AttendanceSummary } from './service.js';

export interface AttendanceReportInput {
  sessionTitle: string;
  summary: AttendanceSummary;
  /** Entra object ids of the attendees (AttendanceService.attendees). */
  attendees: readonly string[];
  /** The program's `attendance: named` setting. */
  named: boolean;
  /** A person's display name, when known; asked only when `named`. */
  nameOf: (aadObjectId: string) => Promise<string | undefined>;
}

/** Markdown text of the answer. */
export async function attendanceReport(input: AttendanceReportInput, locale: Locale): Promise<string> {
  const t = attendanceText(locale);
  const title = escapeCardText(input.sessionTitle);
  if (!input.summary.attendees) return `${t.reportTitle(title)}\n\n${t.reportNoData(title)}`;
  const lines = [t.reportTitle(title), '', t.reportCounts(input.summary.attendees, input.summary.minutesMedian, input.summary.minutesTotal)];
  if (!input.named) {
    lines.push('', t.reportAnonymous);
    return lines.join('\n');
  }
  const names: string[] = [];
  let unnamed = 0;
  for (const id of input.attendees) {
    const name = (await input.nameOf(id))?.trim();
    if (name) names.push(name);
    else unnamed++;
  }
  names.sort((a, b) => a.localeCompare(b, locale));
  lines.push('', t.reportNamesHeading, ...names.map((n) => `- ${escapeCardText(n)}`));
  if (unnamed) lines.push(`- ${t.reportUnnamed(unnamed)}`);
  return lines.join('\n');
}
