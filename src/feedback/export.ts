// Export of one session's responses for the coordinators: CSV (RFC 4180, UTF-8 with BOM so that Excel reads
// umlauts) or JSON. No names, ids or responder keys; the submission time is reduced to the calendar date in
// the program's zone, because minutes would let a reader match answers to who clicked when in the meeting.
import { DateTime } from 'luxon';
import type { Program, Session } from '../program/model.js';
import type { ResponseRecord } from './retrospective.js';
import { sessionResults } from './retrospective.js';

export type ExportFormat = 'csv' | 'json';

export const CSV_COLUMNS = ['session', 'sessionTitle', 'submittedDate', 'rating', 'good', 'better'] as const;

const BOM = '\uFEFF';

/** One CSV field: quoted when it holds a comma, quote, CR or LF; quotes doubled. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * Participant text opened in a spreadsheet: a leading = + - @ (or tab/CR) would make it a formula, so such
 * text gets a leading apostrophe (the usual CSV-injection guard).
 */
export function neutralizeFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function rows(program: Program, responses: readonly ResponseRecord[]): ResponseRecord[] {
  // Sorted by content, not by time, for the same reason the dates are coarse.
  return [...responses].sort(
    (a, b) =>
      submittedDate(program, a.submittedAt).localeCompare(submittedDate(program, b.submittedAt)) ||
      b.rating - a.rating ||
      (a.good ?? '').localeCompare(b.good ?? '', 'de') ||
      (a.better ?? '').localeCompare(b.better ?? '', 'de'),
  );
}

function submittedDate(program: Program, at: Date): string {
  return DateTime.fromJSDate(at, { zone: program.program.timezone }).toISODate() ?? '';
}

export function responsesToCsv(program: Program, session: Session, responses: readonly ResponseRecord[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const r of rows(program, responses)) {
    lines.push(
      [
        session.id,
        session.title,
        submittedDate(program, r.submittedAt),
        String(r.rating),
        neutralizeFormula(r.good ?? ''),
        neutralizeFormula(r.better ?? ''),
      ]
        .map(csvField)
        .join(','),
    );
  }
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

export function responsesToJson(program: Program, session: Session, responses: readonly ResponseRecord[]): string {
  // The export is for coordinators, so the anonymity threshold does not apply; the summary is computed anyway.
  const summary = sessionResults({ ...program, program: { ...program.program, feedback: { ...program.program.feedback, minResponses: 1 } } }, session, responses);
  const doc = {
    session: { id: session.id, title: session.title, date: session.date, start: session.start, end: session.end },
    count: responses.length,
    ...(summary.average !== undefined ? { average: Math.round(summary.average * 100) / 100 } : {}),
    distribution: summary.distribution ?? [0, 0, 0, 0, 0],
    responses: rows(program, responses).map((r) => ({
      submittedDate: submittedDate(program, r.submittedAt),
      rating: r.rating,
      good: r.good ?? null,
      better: r.better ?? null,
    })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

export function exportResponses(format: ExportFormat, program: Program, session: Session, responses: readonly ResponseRecord[]): string {
  return format === 'csv' ? responsesToCsv(program, session, responses) : responsesToJson(program, session, responses);
}
