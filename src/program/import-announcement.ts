// Drafts a program from a German announcement (plain text, Markdown or HTML): title, sessions, contacts and
// the announced count, then lints the draft. The importer never corrects what it reads; it reports it, so
// the coordinator sees the mistakes the participants would have seen.
import { DateTime } from 'luxon';
import { programSchema, type ProgramDocument } from './model.js';
import { lintProgram, type LintFinding } from './lint.js';
import { isValidZone } from './time.js';
import { parseWeekday, WEEKDAY_PATTERN } from './weekday.js';
import { programText } from '../i18n/program.js';

export interface ImportOptions {
  /** Zone of the times in the text when it names none (default Europe/Berlin). */
  defaultTimezone?: string;
  /** Reference for dates without any year in the whole text; defaults to the current time. */
  now?: Date;
}

/** The program.yaml content as an object; dates are YYYY-MM-DD strings. Validates with programSchema. */
export interface ProgramDraft {
  program: {
    id: string;
    title: string;
    subtitle?: string;
    timezone: string;
    language: 'de';
    format: 'virtual' | 'onsite' | 'hybrid';
    announcedSessionCount?: number;
    contacts: { name: string; organization?: string; email?: string }[];
  };
  sessions: {
    id: string;
    title: string;
    date: string;
    weekday?: string;
    start: string;
    end: string;
    summary?: string;
  }[];
}

export interface ImportResult {
  draft: ProgramDraft;
  findings: LintFinding[];
}

const BOLD_OPEN = '\u0001';
const BOLD_CLOSE = '\u0002';
const BOLD_SPAN = /\u0001([^\u0001\u0002]*)\u0002/g;

const MONTHS: [RegExp, number][] = [
  [/^jan/, 1], [/^feb/, 2], [/^(mär|maer|mrz|mar)/, 3], [/^apr/, 4], [/^mai/, 5], [/^jun/, 6],
  [/^jul/, 7], [/^aug/, 8], [/^sep/, 9], [/^okt/, 10], [/^nov/, 11], [/^dez/, 12],
];
const MONTH_PATTERN =
  'januar|jan|februar|feb|märz|maerz|mär|mrz|april|apr|mai|juni|jun|juli|jul|august|aug|september|sept|sep|oktober|okt|november|nov|dezember|dez';

const DATE_PATTERN =
  `(?:(?<day>\\d{1,2})\\.\\s*(?<monthName>${MONTH_PATTERN})\\.?(?:\\s+(?<year>\\d{4}))?` +
  `|(?<nday>\\d{1,2})\\.(?<nmonth>\\d{1,2})\\.(?<nyear>\\d{4}|\\d{2}(?!\\d))?` +
  `|(?<iy>\\d{4})-(?<im>\\d{2})-(?<id>\\d{2}))`;
const HEADER = new RegExp(
  `^(?:am\\s+)?(?:(?<weekday>(?:${WEEKDAY_PATTERN})\\.?)\\s*,?\\s+)?(?:den\\s+)?${DATE_PATTERN}(?![\\p{L}\\d])`,
  'iu',
);
const TIME_RANGE_SOURCE =
  '(?<sh>\\d{1,2})(?:[:.](?<sm>\\d{2}))?\\s*(?:Uhr\\s*)?(?:bis|–|—|-)\\s*(?<eh>\\d{1,2})(?:[:.](?<em>\\d{2}))?(?:\\s*Uhr)?';
const TIME_AFTER_DATE = new RegExp(`^\\s*[,:–—-]?\\s*(?:(?:von|um|ab|jeweils)\\s+)?${TIME_RANGE_SOURCE}`, 'iu');
const START_AFTER_DATE = /^\s*[,:–—-]?\s*(?:(?:um|ab|von)\s+)?(?<sh>\d{1,2})(?:[:.](?<sm>\d{2}))?\s*Uhr/iu;
const TIME_ALONE = new RegExp(`^(?:(?:von|um|jeweils)\\s+)?${TIME_RANGE_SOURCE}`, 'iu');
const NEXT_ENTRY = new RegExp(
  `(?<=\\s)(?:(?:${WEEKDAY_PATTERN})\\.?\\s*,?\\s+)?(?:den\\s+)?${DATE_PATTERN}\\s*[,:–—-]?\\s*(?:(?:von|um|ab)\\s+)?${TIME_RANGE_SOURCE}`,
  'iu',
);
const GLOBAL_TIME = new RegExp(`jeweils\\s+(?:(?:von|zwischen)\\s+)?${TIME_RANGE_SOURCE}`, 'iu');
const EMAIL = /[\p{L}\d._%+-]+@[\p{L}\d-]+(?:\.[\p{L}\d-]+)*\.\p{L}{2,}/gu;

const NUMBER_WORDS: Record<string, number> = {
  ein: 1, eins: 1, einen: 1, zwei: 2, drei: 3, vier: 4, fünf: 5, fuenf: 5, sechs: 6, sieben: 7, acht: 8,
  neun: 9, zehn: 10, elf: 11, zwölf: 12, zwoelf: 12,
};
const COUNT = new RegExp(
  `(?<![\\p{L}\\d])(?<n>${Object.keys(NUMBER_WORDS).join('|')}|\\d{1,2})\\s+(?:[\\p{L}-]+\\s+)?(?:Terminen?|Sitzungen|Veranstaltungen|Treffen|Modulen?|Workshops)(?![\\p{L}])`,
  'giu',
);

interface TimeRange {
  start: string;
  /** Missing when the announcement gives only a start ("um 10 Uhr"). */
  end?: string;
}

interface RawSession {
  weekday?: string;
  day: number;
  month: number;
  year?: number;
  time?: TimeRange;
  title?: string;
  description: string[];
  /** Closed once its entry has ended (blank line, table cell, next list item). */
  closed: boolean;
}

// ---------------------------------------------------------------------------------------------------------
// Text normalisation

const ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—', auml: 'ä', ouml: 'ö',
  uuml: 'ü', Auml: 'Ä', Ouml: 'Ö', Uuml: 'Ü', szlig: 'ß', bdquo: '„', ldquo: '“', rdquo: '”', hellip: '…', euro: '€',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
    return ENTITIES[name] ?? whole;
  });
}

/** Plain lines with bold spans marked by sentinels, table cells separated by tabs. */
export function normalizeAnnouncement(input: string): string {
  let text = input.replace(/\r\n?/g, '\n');
  const structuredHtml = /<(p|div|li|ul|ol|table|tr|br|h[1-6])\b/i.test(text);
  text = text.replace(/<(head|script|style)\b[\s\S]*?<\/\1>/gi, '');
  if (structuredHtml) text = text.replace(/\s*\n\s*/g, ' ');
  text = text.replace(/<a\b[^>]*href\s*=\s*["']mailto:([^"'?]+)[^"']*["'][^>]*>([\s\S]*?)<\/a>/gi, (_w, address: string, label: string) => {
    const shown = label.replace(/<[^>]+>/g, '').trim();
    return shown.includes(address) || !shown ? address : `${shown}, ${address}`;
  });
  text = text
    .replace(/<\s*(b|strong)\b[^>]*>/gi, BOLD_OPEN)
    .replace(/<\/\s*(b|strong)\s*>/gi, BOLD_CLOSE)
    .replace(/<h([1-6])\b[^>]*>/gi, (_w, level: string) => `\n${'#'.repeat(Number(level))} `)
    .replace(/<li\b[^>]*>/gi, '\n- ')
    .replace(/<\/(td|th)\s*>/gi, '\t')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|tr|h[1-6]|ul|ol|table)\s*>/gi, '\n\n')
    .replace(/<(p|div|tr|ul|ol|table)\b[^>]*>/gi, '\n')
    .replace(/<[^>]+>/g, '');
  text = decodeEntities(text)
    .replace(/\[([^\]]*)\]\(mailto:([^)?\s]+)[^)]*\)/g, (_w, label: string, address: string) =>
      label.includes(address) || !label.trim() ? address : `${label}, ${address}`,
    )
    .replace(/\[([^\]]+)\]\((?:https?:[^)\s]+)\)/g, '$1')
    .replace(/\u00a0/g, ' ')
    .replace(/\*\*([^*\n]+?)\*\*/g, `${BOLD_OPEN}$1${BOLD_CLOSE}`)
    .replace(/__([^_\n]+?)__/g, `${BOLD_OPEN}$1${BOLD_CLOSE}`);
  // Bold that only highlights a date or a time is emphasis, not a title.
  text = text.replace(BOLD_SPAN, (whole, inner: string) =>
    new RegExp(DATE_PATTERN, 'iu').test(inner) || new RegExp(TIME_RANGE_SOURCE, 'iu').test(inner) ? inner : whole,
  );
  return text
    .split('\n')
    .map((line) => line.replace(/[ \f\v]+/g, ' ').replace(/ ?\t ?/g, '\t').replace(/ +$/, ''))
    .join('\n');
}

function plain(text: string): string {
  return text.replace(/[\u0001\u0002]/g, '').replace(/\s+/g, ' ').trim();
}

// ---------------------------------------------------------------------------------------------------------
// Parsing pieces

function monthFromName(name: string): number | undefined {
  const lower = name.toLowerCase();
  return MONTHS.find(([re]) => re.test(lower))?.[1];
}

function clock(h: string, m: string | undefined): string | undefined {
  const hh = Number(h);
  const mm = m === undefined ? 0 : Number(m);
  if (hh > 23 || mm > 59) return undefined;
  return `${String(hh).padStart(2, '0')}:${String(mm).padStart(2, '0')}`;
}

function timeFrom(groups: Record<string, string | undefined>): TimeRange | undefined {
  const start = clock(groups.sh!, groups.sm);
  if (groups.eh === undefined) return start ? { start } : undefined;
  const end = clock(groups.eh, groups.em);
  return start && end ? { start, end } : undefined;
}

function minutes(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

interface Header {
  session: RawSession;
  rest: string;
}

function matchHeader(segment: string): Header | undefined {
  let line = segment.replace(/^#{1,6}\s+/, '').replace(/^[-*+•]\s+/, '');
  let title: string | undefined;
  // A title in bold may precede the date: "**Auftakt** – Mi., 3. März 2027, 14–15:30 Uhr".
  const leadingTitle = /^\u0001([^\u0001\u0002]+)\u0002\s*[-–—:,|]?\s*/u.exec(line);
  const attempts = [line];
  if (leadingTitle) attempts.push(line.slice(leadingTitle[0].length));
  const numbered = /^\d+[.)]\s+/.exec(line);
  if (numbered) attempts.push(line.slice(numbered[0].length));
  for (const attempt of attempts) {
    const m = HEADER.exec(attempt);
    if (!m?.groups) continue;
    const g = m.groups;
    let day: number, month: number | undefined, year: number | undefined;
    if (g.day) {
      day = Number(g.day);
      month = monthFromName(g.monthName!);
      year = g.year ? Number(g.year) : undefined;
    } else if (g.nday) {
      day = Number(g.nday);
      month = Number(g.nmonth);
      year = g.nyear ? (g.nyear.length === 2 ? 2000 + Number(g.nyear) : Number(g.nyear)) : undefined;
    } else {
      day = Number(g.id);
      month = Number(g.im);
      year = Number(g.iy);
    }
    if (!month || month > 12 || day < 1 || day > 31) continue;
    if (attempt !== line && leadingTitle && attempt === line.slice(leadingTitle[0].length)) title = plain(leadingTitle[1]!);
    line = attempt;
    let rest = line.slice(m[0].length);
    let time: TimeRange | undefined;
    const t = TIME_AFTER_DATE.exec(rest) ?? START_AFTER_DATE.exec(rest);
    if (t?.groups) {
      time = timeFrom(t.groups);
      if (time) rest = rest.slice(t[0].length);
    }
    const session: RawSession = {
      day,
      month,
      description: [],
      closed: false,
      ...(g.weekday ? { weekday: g.weekday } : {}),
      ...(year !== undefined ? { year } : {}),
      ...(time ? { time } : {}),
      ...(title ? { title } : {}),
    };
    return { session, rest };
  }
  return undefined;
}

/** Splits "Titel. Beschreibung" or "<b>Titel</b> Beschreibung" into title and description. */
function takeTitle(session: RawSession, text: string): void {
  let rest = text.replace(/^[\s,:;–—|.-]+/u, '').replace(/^Uhr\b[\s,:;–—-]*/u, '');
  if (!rest.trim()) return;
  if (!session.title) {
    const bold = /^\u0001([^\u0001\u0002]+)\u0002/u.exec(rest);
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
  }
  const description = plain(rest.replace(/^[\s,:;–—|-]+/u, ''));
  if (description) session.description.push(description);
}

function slug(text: string, max = 60): string {
  const s = text
    .toLowerCase()
    .replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s.slice(0, max).replace(/-+$/, '');
}

// ---------------------------------------------------------------------------------------------------------
// Segments: lines, and table rows read column by column when the table is laid out in columns.

const BREAK = Symbol('break');
type Segment = string | typeof BREAK;

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
      for (const cells of rows) out.push(cells.filter(Boolean).join(' '), BREAK);
    }
  }
  return out;
}

function parseSessions(text: string): RawSession[] {
  const sessions: RawSession[] = [];
  let current: RawSession | undefined;
  const queue = segmentsOf(text);
  while (queue.length) {
    const segment = queue.shift()!;
    if (segment === BREAK) {
      if (current && (current.title || current.description.length)) current.closed = true;
      continue;
    }
    const header = matchHeader(segment.trim());
    if (header) {
      if (current) current.closed = true;
      current = header.session;
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
    if (!current || current.closed) continue;
    const trimmed = segment.trim();
    const indented = /^\s/.test(segment);
    if (/^#{1,6}\s/.test(trimmed) || (/^([-*+•]|\d+[.)])\s/.test(trimmed) && !indented)) {
      current.closed = true;
      continue;
    }
    const content = trimmed.replace(/^[-*+•]\s+/, '');
    if (!current.time) {
      const t = TIME_ALONE.exec(content);
      if (t?.groups && timeFrom(t.groups)) {
        current.time = timeFrom(t.groups);
        takeTitle(current, content.slice(t[0].length));
        continue;
      }
    }
    takeTitle(current, content);
  }
  return sessions;
}

// ---------------------------------------------------------------------------------------------------------
// Years

function isoDate(year: number, month: number, day: number): string | undefined {
  const dt = DateTime.fromObject({ year, month, day }, { zone: 'UTC' });
  return dt.isValid ? dt.toISODate()! : undefined;
}

function ordinal(month: number, day: number): number {
  return month * 100 + day;
}

/** Fills missing years from the nearest dated neighbours (rolling over at the turn of the year). */
function inferYears(sessions: RawSession[], now: DateTime): number[] {
  const years: (number | undefined)[] = sessions.map((s) => s.year);
  const matchesWeekday = (s: RawSession, year: number) => {
    const written = s.weekday ? parseWeekday(s.weekday) : undefined;
    const date = isoDate(year, s.month, s.day);
    return written === undefined || (date !== undefined && DateTime.fromISO(date).weekday === written);
  };
  if (!years.some((y) => y !== undefined) && sessions.length) {
    const first = sessions[0]!;
    let year = now.year;
    if (ordinal(first.month, first.day) < ordinal(now.month, now.day)) year += 1;
    if (!matchesWeekday(first, year) && matchesWeekday(first, year + 1)) year += 1;
    years[0] = year;
  }
  for (let pass = 0; pass < 2; pass++) {
    for (let i = 0; i < sessions.length; i++) {
      if (years[i] !== undefined) continue;
      const s = sessions[i]!;
      const prev = i > 0 && years[i - 1] !== undefined ? i - 1 : undefined;
      const next = i + 1 < sessions.length && years[i + 1] !== undefined ? i + 1 : undefined;
      const guesses: number[] = [];
      if (prev !== undefined) {
        const p = sessions[prev]!;
        guesses.push(years[prev]! + (ordinal(s.month, s.day) < ordinal(p.month, p.day) ? 1 : 0));
      }
      if (next !== undefined && (pass === 1 || prev !== undefined)) {
        const n = sessions[next]!;
        guesses.push(years[next]! - (ordinal(s.month, s.day) > ordinal(n.month, n.day) ? 1 : 0));
      }
      if (!guesses.length) continue;
      // A neighbour may itself carry a wrong year; the written weekday decides between the guesses.
      const candidates = [...guesses, ...guesses.flatMap((y) => [y - 1, y + 1])];
      years[i] = candidates.find((y) => matchesWeekday(s, y)) ?? guesses[0]!;
    }
  }
  return years.map((y) => y ?? now.year);
}

// ---------------------------------------------------------------------------------------------------------
// Program-level facts

function findTitle(text: string): { title: string; subtitle?: string } {
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  const h1 = lines.findIndex((l) => /^#\s/.test(l));
  const index = h1 >= 0 ? h1 : 0;
  // A heading with no words ("#") leaves nothing: the draft still needs a title the coordinator can fix.
  const title = plain((lines[index] ?? '').replace(/^#+\s*/, '')) || 'Programm';
  const next = lines[index + 1];
  const subtitle = next && /^##\s/.test(next) ? plain(next.replace(/^#+\s*/, '')) : undefined;
  return subtitle ? { title, subtitle } : { title };
}

function findFormat(text: string): ProgramDraft['program']['format'] {
  if (/\bhybrid/i.test(text)) return 'hybrid';
  if (/virtuell|online|videokonferenz|\bteams\b|webex|zoom|digitale[ns]? format/i.test(text)) return 'virtual';
  if (/präsenz|vor ort|\bim rathaus\b|\bvor-ort\b/i.test(text)) return 'onsite';
  return 'virtual';
}

function findCounts(text: string): { value: number; written: string }[] {
  const out: { value: number; written: string }[] = [];
  for (const m of plain(text).matchAll(COUNT)) {
    const word = m.groups!.n!.toLowerCase();
    const value = /^\d+$/.test(word) ? Number(word) : NUMBER_WORDS[word];
    if (value && value > 1) out.push({ value, written: m[0] });
  }
  return out;
}

const NAME_BEFORE_EMAIL =
  /((?:(?:Dr|Prof|Dipl)\.(?:-[\p{L}]+\.)?\s+)*\p{Lu}[\p{L}'-]+(?:\s+(?:von|van|de|zu|vom)\s+|\s+)\p{Lu}[\p{L}'-]+)\s*(?:\(([^()]+)\))?\s*(?:[,:;|–—-]\s*)?(?:E-?Mail:?\s*)?[<(]?\s*$/u;

function findContacts(text: string): ProgramDraft['program']['contacts'] {
  const contacts: (ProgramDraft['program']['contacts'][number] & { at: number; nameAt: number })[] = [];
  const seen = new Set<string>();
  for (const line of text.split('\n')) {
    const found: { email: string; at: number; end: number; name?: string; nameAt: number; org?: string }[] = [];
    for (const m of line.matchAll(EMAIL)) {
      const at = m.index!;
      const before = line.slice(0, at);
      // Only look back to the previous address or bold heading, so a name is never taken from another contact.
      const floor = Math.max(found.length ? found[found.length - 1]!.end : 0, before.lastIndexOf(BOLD_CLOSE) + 1);
      const window = before.slice(floor);
      const named = NAME_BEFORE_EMAIL.exec(window);
      found.push({
        email: m[0].replace(/\.$/, ''),
        at,
        end: at + m[0].length,
        nameAt: named ? floor + named.index : at,
        ...(named ? { name: named[1]!.replace(/\s+/g, ' ') } : {}),
        ...(named?.[2] ? { org: plain(named[2]) } : {}),
      });
    }
    found.forEach((f, i) => {
      const key = f.email.toLowerCase();
      if (seen.has(key)) return;
      seen.add(key);
      const stop = found[i + 1]?.nameAt ?? line.length;
      const after = plain(line.slice(f.end, stop)).replace(/^[>),;:.\s–—-]+/u, '').replace(/[\s,;:.–—-]+$/u, '');
      const organization = f.org ?? (after && after.length <= 150 && /\p{Lu}/u.test(after) ? after : undefined);
      contacts.push({
        name: f.name ?? f.email,
        ...(organization ? { organization } : {}),
        email: f.email,
        at: f.at,
        nameAt: f.nameAt,
      });
    });
  }
  return contacts.map(({ name, organization, email }) => ({ name, ...(organization ? { organization } : {}), email }));
}

// ---------------------------------------------------------------------------------------------------------

export function importAnnouncement(input: string, options: ImportOptions = {}): ImportResult {
  const zone = options.defaultTimezone && isValidZone(options.defaultTimezone) ? options.defaultTimezone : 'Europe/Berlin';
  const now = DateTime.fromJSDate(options.now ?? new Date(), { zone });
  const text = normalizeAnnouncement(input);
  const raw = parseSessions(text);
  const years = inferYears(raw, now);

  // One time for all sessions ("jeweils von 10 bis 11:30 Uhr"), else the range most sessions share.
  const globalMatch = GLOBAL_TIME.exec(plain(text));
  let fallbackTime = globalMatch?.groups ? timeFrom(globalMatch.groups) : undefined;
  if (!fallbackTime?.end) {
    const counts = new Map<string, number>();
    for (const s of raw) {
      if (s.time?.end) counts.set(`${s.time.start}-${s.time.end}`, (counts.get(`${s.time.start}-${s.time.end}`) ?? 0) + 1);
    }
    const common = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
    if (common) fallbackTime = { start: common.slice(0, 5), end: common.slice(6) };
  }
  const fallbackMinutes = fallbackTime?.end ? minutes(fallbackTime.end) - minutes(fallbackTime.start) : undefined;

  /** A start without an end takes the usual length; without one it stays zero long, and lint says so. */
  const completed = (time: TimeRange | undefined): { start: string; end: string } => {
    if (!time) return fallbackTime?.end ? { start: fallbackTime.start, end: fallbackTime.end } : { start: '00:00', end: '00:00' };
    if (time.end) return { start: time.start, end: time.end };
    const end = fallbackMinutes && fallbackMinutes > 0 ? Math.min(minutes(time.start) + fallbackMinutes, 23 * 60 + 59) : minutes(time.start);
    return { start: time.start, end: `${String(Math.floor(end / 60)).padStart(2, '0')}:${String(end % 60).padStart(2, '0')}` };
  };

  const ids = new Set<string>();
  const sessions: ProgramDraft['sessions'] = [];
  raw.forEach((s, i) => {
    const date = isoDate(years[i]!, s.month, s.day);
    if (!date) return;
    const title = (s.title ?? `Termin ${i + 1}`).slice(0, 200);
    let id = slug(title) || `termin-${i + 1}`;
    for (let n = 2; ids.has(id); n++) id = `${slug(title).slice(0, 56) || 'termin'}-${n}`;
    ids.add(id);
    // Without any time the session still appears; lint reports the empty slot as end-before-start.
    const time = completed(s.time);
    const summary = s.description.join(' ').slice(0, 4000);
    sessions.push({
      id,
      title,
      date,
      ...(s.weekday ? { weekday: s.weekday } : {}),
      start: time.start,
      end: time.end,
      ...(summary ? { summary } : {}),
    });
  });

  const counts = findCounts(text);
  const distinct = [...new Set(counts.map((c) => c.value))];
  const announced = distinct.includes(sessions.length) ? sessions.length : distinct[0];
  const { title, subtitle } = findTitle(text);
  const draft: ProgramDraft = {
    program: {
      id: slug(title.split(':')[0] ?? title, 63) || 'programm',
      title: title.slice(0, 300),
      ...(subtitle ? { subtitle: subtitle.slice(0, 300) } : {}),
      timezone: zone,
      language: 'de',
      format: findFormat(text),
      ...(announced !== undefined ? { announcedSessionCount: announced } : {}),
      contacts: findContacts(text),
    },
    sessions,
  };

  const parsed = programSchema.safeParse(draft);
  const findings: LintFinding[] = parsed.success ? lintProgram(parsed.data as ProgramDocument) : [];
  if (distinct.length > 1) {
    findings.push({
      severity: 'error',
      code: 'session-count-mismatch',
      message: programText('de').countConflict(counts.map((c) => `„${c.written}“`).join(', '), sessions.length),
      suggestion: programText('de').countSuggestion(sessions.length),
    });
  }
  return { draft, findings };
}
