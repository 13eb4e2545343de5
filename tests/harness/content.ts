// Content directories for tests: a program.yaml written by the test plus the shipped material.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DateTime } from 'luxon';
import { localDateTime } from '../../src/program/time.js';
import { REPO_ROOT } from './service.js';

export interface SessionSpec {
  id: string;
  title: string;
  date: string;
  start: string;
  end: string;
  summary?: string;
  joinUrl?: string;
}

/** A session built from real instants: its spec for program.yaml and the instants it really starts and ends. */
export interface TimedSession {
  spec: SessionSpec;
  start: DateTime;
  end: DateTime;
}

const LAST_MINUTE = 23 * 60 + 59;
const minuteOfDay = (t: DateTime) => t.hour * 60 + t.minute;

/**
 * A session that starts at `start` (whole minutes) and lasts up to `minutes`: a program.yaml session has one
 * date, so its end is cut at 23:59 of that day. A start in the day's last minute, where no session fits, moves to
 * 00:01 of the next day. Tests derive due times from the returned instants, so they hold at any time of day.
 */
export function sessionFrom(id: string, title: string, start: DateTime, minutes: number): TimedSession {
  const begin = minuteOfDay(start) >= LAST_MINUTE ? start.plus({ days: 1 }).startOf('day').plus({ minutes: 1 }) : start.startOf('minute');
  const date = begin.toISODate()!;
  // The end as a wall-clock time of the same day; a time the clocks skip (spring forward) moves past the gap.
  let end = Math.min(minuteOfDay(begin) + minutes, LAST_MINUTE);
  while (localDateTime(date, clock(end), start.zoneName!).toFormat('HH:mm') !== clock(end) && end < LAST_MINUTE) end = Math.min(end + 60, LAST_MINUTE);
  return timed({ id, title, date, start: begin.toFormat('HH:mm'), end: clock(end) }, start.zoneName!);
}

const clock = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

/** The instants as the service reads the spec (in the hour that happens twice, that is not always the one meant). */
function timed(spec: SessionSpec, zone: string): TimedSession {
  return { spec, start: localDateTime(spec.date, spec.start, zone), end: localDateTime(spec.date, spec.end, zone) };
}

/**
 * A session that ends at `end` (whole minutes) and lasted up to `minutes`, begun no earlier than 00:00 of its
 * day. An end at 00:00, where no session of that day fits, becomes 23:59 of the day before.
 */
export function sessionUntil(id: string, title: string, end: DateTime, minutes: number): TimedSession {
  let finish = minuteOfDay(end) === 0 ? end.startOf('minute').minus({ minutes: 1 }) : end.startOf('minute');
  for (;;) {
    const date = finish.toISODate()!;
    // The start as a wall-clock time of the same day; a time the clocks skip moves before the gap.
    let start = Math.max(minuteOfDay(finish) - minutes, 0);
    while (localDateTime(date, clock(start), end.zoneName!).toFormat('HH:mm') !== clock(start) && start > 0) start = Math.max(start - 60, 0);
    const session = timed({ id, title, date, start: clock(start), end: finish.toFormat('HH:mm') }, end.zoneName!);
    // In the hour that happens twice the service reads the later one: end before it, so the session has ended.
    if (session.end <= end && session.start < session.end) return session;
    finish = finish.minus({ hours: 1 });
  }
}

export function programYaml(
  sessions: SessionSpec[],
  extra: { reminders?: string[]; feedback?: Record<string, unknown>; id?: string; title?: string; attendance?: 'counts' | 'named'; timezone?: string; language?: 'de' | 'en' } = {},
): string {
  const lines = [
    'program:',
    `  id: ${extra.id ?? 'testprogramm'}`,
    `  title: "${extra.title ?? 'Testreihe Daten'}"`,
    `  timezone: ${extra.timezone ?? 'Europe/Berlin'}`,
    `  language: ${extra.language ?? 'de'}`,
    '  format: virtual',
    `  reminders: [${(extra.reminders ?? ['P1D']).join(', ')}]`,
    ...(extra.attendance ? [`  attendance: ${extra.attendance}`] : []),
  ];
  if (extra.feedback) {
    lines.push('  feedback:');
    for (const [k, v] of Object.entries(extra.feedback)) lines.push(`    ${k}: ${v}`);
  }
  lines.push('sessions:');
  for (const s of sessions) {
    lines.push(`  - id: ${s.id}`, `    title: "${s.title}"`, `    date: ${s.date}`, `    start: "${s.start}"`, `    end: "${s.end}"`);
    if (s.summary) lines.push(`    summary: "${s.summary}"`);
    if (s.joinUrl) lines.push(`    joinUrl: ${s.joinUrl}`);
  }
  return `${lines.join('\n')}\n`;
}

/** A temporary CONTENT_DIR with the given program.yaml and a copy of content/material. */
export function contentDir(program: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plb-content-'));
  fs.writeFileSync(path.join(dir, 'program.yaml'), program);
  fs.cpSync(path.join(REPO_ROOT, 'content', 'material'), path.join(dir, 'material'), { recursive: true });
  return dir;
}

/** A temporary CONTENT_DIR with one folder per program (programs/<folder>/program.yaml and material/). */
export function programsContentDir(programs: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plb-content-'));
  for (const [folder, yaml] of Object.entries(programs)) {
    const programDir = path.join(dir, 'programs', folder);
    fs.mkdirSync(programDir, { recursive: true });
    fs.writeFileSync(path.join(programDir, 'program.yaml'), yaml);
    fs.cpSync(path.join(REPO_ROOT, 'content', 'material'), path.join(programDir, 'material'), { recursive: true });
  }
  return dir;
}

/**
 * The variables of a shifted clock (libfaketime: `faketime -f "+75m" npx vitest run tests/e2e/…`), handed on
 * to spawned service processes so that they share the test's time. That is how these tests are run at another
 * time of day, say past midnight in Berlin; empty when no clock is shifted.
 */
export function fakedClock(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of ['LD_PRELOAD', 'FAKETIME']) if (process.env[name]) out[name] = process.env[name]!;
  return out;
}
