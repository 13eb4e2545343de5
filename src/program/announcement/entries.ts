// Session entries of an announcement: a line (or table cell) that opens with a date starts an entry; what
// follows it up to a blank line, a heading or the next list item is its title and description. Tables laid
// out in columns are read down each column, the order in which the announcement lists them. One session listed
// twice becomes one entry; dates enumerated in running text are read only when no line opens with a date.
import { BOLD_CLOSE, BOLD_OPEN, plain } from './cleanup.js';
import { isoDate } from './years.js';
import { zoneAtStart } from './zones.js';
import { isoWeekday } from '../time.js';
import { parseWeekday } from '../weekday.js';
import { DAY_RANGE, HEADER, NEXT_ENTRY, dateFromGroups, datesIn, timeAfterDate, timeAnywhere, timeAtStart, timeInParentheses, sharedTime, type TimeRange, type WrittenDate } from './dates.js';

export interface RawSession extends WrittenDate {
  /** The weekday as written ("Mi.", "Donnerstag"). */
  weekday?: string;
  time?: TimeRange;
  title?: string;
  /** The last day of an entry over several days ("2.–3. März 2027"); the session itself is the first day. */
  lastDay?: WrittenDate;
  description: string[];
  /** Closed once its entry has ended (blank line, table cell, next list item). */
  closed: boolean;
  /** Opened by a list item ("- ", "1. "): after a blank line only indented lines still belong to it. */
  listItem?: boolean;
  /** A blank line followed the entry's lines so far. */
  afterBreak?: boolean;
}

interface Header {
  session: RawSession;
  rest: string;
}

const LEADING_BOLD = new RegExp(`^${BOLD_OPEN}([^${BOLD_OPEN}${BOLD_CLOSE}]+)${BOLD_CLOSE}\\s*[-–—:,|]?\\s*`, 'u');
const BOLD_AT_START = new RegExp(`^${BOLD_OPEN}([^${BOLD_OPEN}${BOLD_CLOSE}]+)${BOLD_CLOSE}`, 'u');

/** The session a line opens, with the text after its date and time; undefined when it opens none. */
export function matchHeader(segment: string): Header | undefined {
  const line = segment.replace(/^#{1,6}\s+/, '').replace(/^[-*+•]\s+/, '');
  // A title in bold may precede the date: "**Auftakt** – Mi., 3. März 2027, 14–15:30 Uhr".
  const leadingTitle = LEADING_BOLD.exec(line);
  const afterTitle = leadingTitle ? line.slice(leadingTitle[0].length) : undefined;
  const attempts = [line];
  if (afterTitle !== undefined) attempts.push(afterTitle);
  // "2) …", "3. …", and paragraph numbers such as "3.1 Di 12.01.2027".
  const numbered = /^\d{1,3}(?:\.\d{1,3})*[.)]?\s+/.exec(line);
  if (numbered) attempts.push(line.slice(numbered[0].length));
  // A label with the session's number before the date: "Session 1: 12 January 2027", "Termin 2 – 3. März",
  // "1. Termin: 12. Jänner 2027".
  const labelled = /^(?:\d{1,2}[.)]\s*)?\p{L}{3,20}\s+\d{1,2}\s*[:.)–—-]\s*|^\d{1,2}[.)]\s*\p{L}{3,20}\s*[:–—-]\s*/u.exec(line);
  if (labelled) attempts.push(line.slice(labelled[0].length));
  // A plain title before the date: "Auftakt: 3. März 2027, 10–12 Uhr" (used only when no title follows).
  const named = /^(\p{L}[\p{L}-]{2,30}(?:\s+\p{L}[\p{L}-]{2,30}){0,3})\s*(?::|\s[–—-])\s*/u.exec(line);
  if (named) attempts.push(line.slice(named[0].length));
  for (const attempt of attempts) {
    const range = DAY_RANGE.exec(attempt);
    const dated = range ? attempt.slice(range[0].length) : attempt;
    const m = HEADER.exec(dated);
    const written = m?.groups ? dateFromGroups(m.groups) : undefined;
    if (!m || !written) continue;
    const first = range?.groups ? firstDay(range.groups, written) : undefined;
    if (range && !first) continue;
    const date = monthFirstByWeekday(first ?? written, m.groups!, range?.groups?.rweekday ?? m.groups!.weekday);
    // A bold label with the session's number ("**Termin 1** | Di 09.03.2027") is no title either.
    const bold = attempt !== line && attempt === afterTitle ? plain(leadingTitle![1]!) : undefined;
    let title = bold && !/^\p{L}{3,20}\s+\d{1,2}[.:]?$/u.test(bold) ? bold : undefined;
    let rest = dated.slice(m[0].length);
    const time = timeAfterDate(rest) ?? timeInParentheses(rest);
    if (time) rest = rest.slice(time.length + zoneAtStart(rest.slice(time.length)));
    if (named && attempt === line.slice(named[0].length) && attempt !== afterTitle) {
      // "Anmeldeschluss: 1. März 2027" is a deadline, not a session: after a plain label only a timed date counts.
      if (!time) continue;
      if (!title && /^[\s,:;–—|.-]*$/.test(rest)) title = plain(named[1]!);
    }
    const weekday = range?.groups?.rweekday ?? (range ? undefined : m.groups!.weekday);
    const session: RawSession = {
      ...date,
      description: [],
      closed: false,
      ...(weekday ? { weekday } : {}),
      ...(time ? { time: time.time } : {}),
      ...(title ? { title } : {}),
      ...(first ? { lastDay: written } : {}),
    };
    return { session, rest };
  }
  return undefined;
}

/**
 * "03/04/2027" reads day first; when a weekday is written and only the month-first reading has it, the
 * writer meant month first (as in the US).
 */
function monthFirstByWeekday(date: WrittenDate, groups: Record<string, string | undefined>, weekday: string | undefined): WrittenDate {
  if (!groups.sa || !weekday || date.year === undefined || date.day > 12) return date;
  const written = parseWeekday(weekday);
  const dayFirst = isoDate(date.year, date.month, date.day);
  const monthFirst = isoDate(date.year, date.day, date.month);
  if (written === undefined || !dayFirst || !monthFirst || isoWeekday(dayFirst) === written || isoWeekday(monthFirst) !== written) return date;
  return { day: date.month, month: date.day, year: date.year };
}

/** The first day of a range whose last day is `last`: its month and year unless it names its own month. */
function firstDay(groups: Record<string, string | undefined>, last: WrittenDate): WrittenDate | undefined {
  const day = Number(groups.rday);
  const month = groups.rmonth ? Number(groups.rmonth) : last.month;
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  // The first day lies before the last, within the same year.
  if (month > last.month || (month === last.month && day >= last.day)) return undefined;
  return last.year === undefined ? { day, month } : { day, month, year: last.year };
}

/** Splits "Titel. Beschreibung" or "<b>Titel</b> Beschreibung" into title and description. */
export function takeTitle(session: RawSession, text: string): void {
  let rest = text.replace(/^[\s,:;–—|·•.-]+/u, '').replace(/^Uhr\b[\s,:;–—|·•-]*/u, '');
  // A remark in brackets right after the date or time ("(verlängert)", "(online)") describes, it is no title.
  const remark = /^\(([^)]*)\)[\s,:;–—|.-]*/u.exec(rest);
  if (remark && !session.title) {
    const inner = plain(remark[1]!);
    if (inner) session.description.push(inner);
    rest = rest.slice(remark[0].length);
  }
  if (!rest.trim()) return;
  if (!session.title) {
    // Fields set apart by dots or bars ("online · Auftakt", "Raum 2 | Auftakt"): the last one is the title.
    const fields = rest.split(/\s+[·•|]\s+/u).map(plain).filter(Boolean);
    if (fields.length > 1) {
      session.title = fields[fields.length - 1]!;
      session.description.push(fields.slice(0, -1).join(', '));
      return;
    }
    const bold = BOLD_AT_START.exec(rest);
    if (bold) {
      session.title = plain(bold[1]!).replace(/[:.]$/, '');
      rest = rest.slice(bold[0].length);
    } else {
      // Only a sentence end separates title and description; a dash or colon is part of many titles.
      const cut = /([?!])\s+|\.\s+/u.exec(rest);
      if (cut) {
        session.title = plain(rest.slice(0, cut.index) + (cut[1] ?? ''));
        rest = rest.slice(cut.index + cut[0].length);
      } else {
        session.title = plain(rest).replace(/\.$/, '');
        rest = '';
      }
    }
    // A time in brackets after the title ("Schreibwerkstatt (09:00-12:00 Uhr)") is the session's time.
    const trailing = session.title ? /\s*\(([^()]*)\)$/u.exec(session.title) : null;
    const inBrackets = trailing ? timeInParentheses(trailing[0]) : undefined;
    if (trailing && inBrackets) {
      session.title = session.title!.slice(0, trailing.index);
      session.time ??= inBrackets.time;
    }
  }
  const description = plain(rest.replace(/^[\s,:;–—|-]+/u, ''));
  if (description) session.description.push(description);
}

// Segments: lines, and table rows read column by column when the table is laid out in columns.
const BREAK = Symbol('break');
type Segment = string | typeof BREAK;

function tableSegments(rows: string[][]): Segment[] {
  const out: Segment[] = [];
  const columnLayout = rows.some((cells) => cells.filter((c) => c && matchHeader(c)).length >= 2);
  if (columnLayout) {
    // Reading order interleaves the columns; the announcement's order is down the first column, then the next.
    const width = Math.max(...rows.map((r) => r.length));
    for (let col = 0; col < width; col++) {
      for (const cells of rows) {
        const cell = cells[col];
        if (cell) out.push(cell, BREAK);
      }
    }
  } else {
    // A first cell with only the session's number ("1", "Nr. 2") comes before the date cell.
    const numberOnly = /^(?:Nr\.?\s*|No\.?\s*|#)?\d{1,2}[.)]?$/iu;
    for (const cells of rows) {
      const filled = cells.filter(Boolean);
      out.push((filled.length > 1 && numberOnly.test(filled[0]!) ? filled.slice(1) : filled).join(' '), BREAK);
    }
  }
  return out;
}

function segmentsOf(text: string): Segment[] {
  const lines = text.split('\n');
  const out: Segment[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (!line.includes('\t')) {
      out.push(line.trim() === '' ? BREAK : line);
      i += 1;
      continue;
    }
    const rows: string[][] = [];
    while (i < lines.length && lines[i]!.includes('\t')) {
      rows.push(lines[i]!.split('\t').map((c) => c.trim()));
      i += 1;
    }
    out.push(...tableSegments(rows));
  }
  return out;
}

/** A line inside an open entry: a time of its own, more title or description, or the end of the entry. */
function continueEntry(current: RawSession, segment: string): void {
  const trimmed = segment.trim();
  const indented = /^\s/.test(segment);
  if (/^#{1,6}\s/.test(trimmed) || (/^([-*+•]|\d+[.)])\s/.test(trimmed) && !indented)) {
    current.closed = true;
    return;
  }
  const content = trimmed.replace(/^[-*+•]\s+/, '');
  if (!current.time) {
    const t = timeAtStart(content);
    if (t) {
      current.time = t.time;
      takeTitle(current, content.slice(t.length));
      return;
    }
  }
  takeTitle(current, content);
}

const sameTime = (a?: TimeRange, b?: TimeRange) => !a || !b || (a.start === b.start && a.end === b.end);

/**
 * One session listed twice, as an overview line and again in the detailed list ("Vor-Ort-Tag: Freitag,
 * 16.04.2027, 10–15 Uhr" and later "Fr, 16.04.2027 – Vor-Ort-Tag: Zielszenario …"), becomes one entry at the
 * later place, with the time that either gives. Two entries on one day with different times stay two sessions.
 */
export function mergeRepeatedDates(sessions: RawSession[]): RawSession[] {
  const out: RawSession[] = [];
  for (const s of sessions) {
    const at = out.findIndex((e) => e.day === s.day && e.month === s.month && e.year === s.year && sameTime(e.time, s.time));
    if (at < 0) {
      out.push(s);
      continue;
    }
    const e = out.splice(at, 1)[0]!;
    const time = s.time ?? e.time;
    const title = s.title ?? e.title;
    const weekday = s.weekday ?? e.weekday;
    const lastDay = s.lastDay ?? e.lastDay;
    out.push({
      ...s,
      description: [...new Set([...e.description, ...s.description])],
      ...(time ? { time } : {}),
      ...(title ? { title } : {}),
      ...(weekday ? { weekday } : {}),
      ...(lastDay ? { lastDay } : {}),
    });
  }
  return out;
}

/**
 * The section numbers of a text numbered in paragraphs: N where a line "N. Heading" and a line "N.1 …" or
 * "N.1. …" both occur. "1.1. Die Teilnahme ist kostenfrei" there is paragraph 1.1, not the 1st of January.
 */
export function paragraphSections(text: string): Set<string> {
  const lines = text.split('\n').map((l) => l.trim());
  const sections = new Set(lines.map((l) => /^(\d{1,2})\.\s+\p{L}/u.exec(l)?.[1]).filter((n): n is string => !!n));
  return new Set([...sections].filter((n) => lines.some((l) => new RegExp(`^${n}\\.\\d{1,2}\\.?\\s`).test(l))));
}

/** The session entries of a normalized announcement, in the order it lists them. */
export function parseSessions(text: string): RawSession[] {
  const sessions: RawSession[] = [];
  let current: RawSession | undefined;
  const sections = paragraphSections(text);
  // A paragraph number at a line's start is no date; what follows it may still be one ("3.1 Di 12.01.2027 …").
  const withoutParagraphNumber = (segment: string) => {
    const m = /^\s*(\d{1,2})\.\d{1,2}\.?\s+/.exec(segment);
    return m && sections.has(m[1]!) ? segment.slice(m[0].length) : segment;
  };
  const queue = segmentsOf(text);
  while (queue.length) {
    const segment = queue.shift()!;
    if (segment === BREAK) {
      if (current && (current.title || current.description.length)) current.closed = true;
      if (current) current.afterBreak = true;
      continue;
    }
    const header = matchHeader(withoutParagraphNumber(segment).trim());
    if (header) {
      if (current) current.closed = true;
      current = header.session;
      if (/^\s*(?:[-*+•]|\d{1,2}[.)])\s/.test(segment)) current.listItem = true;
      sessions.push(current);
      // A table pasted without its tabs runs the next entry into this one: split where a dated, timed entry
      // starts (only inside an entry, so a date in the introduction never becomes a session).
      const next = NEXT_ENTRY.exec(header.rest);
      if (next && next.index > 0) {
        takeTitle(current, header.rest.slice(0, next.index));
        queue.unshift(header.rest.slice(next.index).trim(), BREAK);
      } else {
        takeTitle(current, header.rest);
      }
      continue;
    }
    if (current && !current.closed && current.listItem && current.afterBreak && !/^\s/.test(segment)) current.closed = true;
    if (current && !current.closed) continueEntry(current, segment);
  }
  return mergeRepeatedDates(sessions);
}

/**
 * Sessions written as an enumeration in running text, when no line opens with a date: "Wir treffen uns am
 * 3. März, 7. April und 5. Mai 2027, jeweils von 14 bis 15:30 Uhr." Only two or more dates joined by commas
 * or "und"/"and" count, so a single date in a sentence (a deadline) never becomes a session. A year written
 * after the last date only is the year of them all; a time in the same sentence is the time of them all.
 */
export function enumeratedSessions(text: string): RawSession[] {
  const sessions: RawSession[] = [];
  // A dot after a number is an ordinal ("3. März"), not the end of a sentence.
  for (const sentence of plain(text).split(/(?<=\p{L}[.!?])\s+(?=\p{Lu})|\n/u)) {
    const dates = datesIn(sentence);
    let run: typeof dates = [];
    const flush = () => {
      if (run.length >= 2) {
        const last = run[run.length - 1]!;
        const time = timeAnywhere(sentence.slice(last.index + last.length));
        for (const { date } of run) {
          const year = date.year ?? last.date.year;
          sessions.push({ day: date.day, month: date.month, ...(year !== undefined ? { year } : {}), description: [], closed: true, ...(time ? { time } : {}) });
        }
      }
      run = [];
    };
    for (const d of dates) {
      const previous = run[run.length - 1];
      const gap = previous ? sentence.slice(previous.index + previous.length, d.index) : '';
      if (previous && !/^\s*(?:,|und|and|sowie|&|,\s*(?:und|and))\s*$/iu.test(gap)) flush();
      run.push(d);
    }
    flush();
  }
  return sessions;
}

/** A weekday right before a date ("am Mittwoch, dem 10. März 2027", "on Thursday, 4 March"). */
const WEEKDAY_BEFORE = /(montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonnabend|sonntag|monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s*(?:(?:dem|den|the)\s+)?$/iu;
/** A deadline or a start of something, not a session: "bis Freitag, 26. Februar", "from Monday, 1 March". */
const NOT_A_SESSION_BEFORE = /\b(bis|bis zum|bis spätestens|spätestens|until|by|ab|from|seit|since|frist|deadline|anmeldeschluss)\s*(?:(?:am|zum|on)\s+)?$/iu;
const SAME_TIME = /\b(?:zur|zu der|um die) (?:gleichen|selben) (?:Uhrzeit|Zeit)\b|\bat the same time\b/iu;
const QUOTED_TITLE = /[„"“»‚']([^“"”«‘']{3,120})[“"”«‘']/u;
/** What a sentence says a session is about, when it quotes no name: "geht es ... um Elterntaxis". */
const TOPIC_PHRASE = /\b(?:geht es|dreht es sich|dreht sich alles|sprechen wir|reden wir)\b[^.;:]*?\bum ([^.;:,()]{3,80})|\b(?:is about|focuses on|we discuss|we look at) ([^.;:,()]{3,80})/iu;

/**
 * Sessions told in running prose, one sentence each, when no line opens with a date and no enumeration lists
 * them: "Wir beginnen am Mittwoch, dem 10. März 2027, von 16:00 bis 17:30 Uhr mit dem Auftakt „...“. Am
 * Mittwoch, dem 7. April 2027, geht es zur gleichen Uhrzeit um ...". A date counts only with its weekday
 * written before it (how an announcement names a meeting, and what lint then checks), not after "bis" or "ab"
 * (a deadline), with a time in the sentence ("zur gleichen Uhrzeit": the one before) or one stated for all
 * sessions ("jeweils von 14 bis 15:30 Uhr"), and only when two or
 * more sentences name one, so a single dated sentence never becomes a series. A quoted name in
 * the sentence is the title, else what it says the session is about ("geht es ... um Elterntaxis").
 */
export function proseSessions(text: string): RawSession[] {
  const sessions: RawSession[] = [];
  const forAll = sharedTime(plain(text), []);
  for (const sentence of plain(text).split(/(?<=[\p{L})“”"][.!?])\s+(?=\p{Lu})/u)) {
    for (const d of datesIn(sentence)) {
      const before = sentence.slice(0, d.index);
      const weekday = WEEKDAY_BEFORE.exec(before);
      if (!weekday || NOT_A_SESSION_BEFORE.test(before.slice(0, weekday.index))) continue;
      const previous = sessions[sessions.length - 1];
      const time = timeAnywhere(sentence.slice(d.index + d.length)) ?? (SAME_TIME.test(sentence) ? previous?.time : undefined);
      // A meeting has a time, its own or one stated for all; a dated sentence without one reports something that
      // happened ("Am Mittwoch, dem 12. Mai 2021, beschloss der Stadtrat ...").
      if (!time && !forAll) continue;
      const topic = TOPIC_PHRASE.exec(sentence);
      const title = (QUOTED_TITLE.exec(sentence)?.[1] ?? topic?.[1] ?? topic?.[2])?.trim().replace(/^\p{Ll}/u, (c) => c.toUpperCase());
      sessions.push({ ...d.date, weekday: weekday[1]!, ...(time ? { time } : {}), ...(title ? { title } : {}), description: [sentence], closed: true });
      break;
    }
  }
  return sessions.length >= 2 ? sessions : [];
}
