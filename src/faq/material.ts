// Reading the material folder into passages: Markdown, plain text and HTML here, PDF, DOCX and PPTX through
// src/documents/office.ts. Every passage keeps its file and, for PDFs and slides, its page or slide number, so an answer
// can cite it. A file that cannot be read is skipped and reported; it never stops the others from loading.
import fs from 'node:fs/promises';
import path from 'node:path';
import { decodeEntities, mailHeaders, quotedMessageStart } from '../text/index.js';
import { MaterialFileError, OFFICE_EXTENSIONS, readOfficeDocument, type DocumentLocator, type MaterialProblemCode } from '../documents/office.js';

export interface Passage {
  id: string;
  /** The nearest heading, else the file's title. */
  title: string;
  text: string;
  /** File name relative to the material folder. */
  source: string;
  /** Page of a PDF or slide of a presentation. */
  locator?: DocumentLocator;
  /** The file's top heading (# …), when it has one: it names what every passage of the file is about. */
  documentTitle?: string;
  /** From an older e-mail quoted below a newer one: what the newer one says wins (see quotedMessageStart). */
  quoted?: true;
}

export interface MaterialProblem {
  file: string;
  code: MaterialProblemCode | 'unreadable';
  message: string;
}

export interface MaterialText {
  file: string;
  text: string;
}

export const TEXT_EXTENSIONS = ['.md', '.markdown', '.txt', '.html', '.htm'];

// Long paragraphs are cut into chunks of whole sentences so that an answer can quote the relevant part.
const MAX_PASSAGE_CHARS = 500;

/** Removes inline markup; `mailto:` links keep their address. */
export function stripInlineMarkup(text: string): string {
  return decodeEntities(
    text
      .replace(/<a\b[^>]*href\s*=\s*["']mailto:([^"'?]+)[^"']*["'][^>]*>([\s\S]*?)<\/a>/gi, (_m, addr: string, label: string) => {
        const inner = label.replace(/<[^>]+>/g, '').trim();
        return inner && inner.toLowerCase() !== addr.toLowerCase() ? `${inner} (${addr})` : addr;
      })
      .replace(/<[^>]+>/g, '')
      .replace(/\[([^\]]+)\]\(mailto:([^)]+)\)/g, (_m, label: string, addr: string) =>
        label.toLowerCase() === addr.toLowerCase() ? addr : `${label} (${addr})`,
      )
      .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
      .replace(/(\*\*|__)(.+?)\1/g, '$2')
      .replace(/(^|\s)[*_]([^*_\s][^*_]*)[*_]/g, '$1$2')
      .replace(/`([^`]*)`/g, '$1'),
  )
    .replace(/[ \t\u00a0]+/g, ' ')
    .trim();
}

/**
 * An HTML table as Markdown table rows, one line per row: a row is one statement ("Dike maintenance per year |
 * CAD 950,000 | EUR 420,000"), not cells scattered over lines. A first row of header cells (`<th>`) is marked as
 * the header, so that the rows below carry the column names; a cell spanning rows or columns stands in each of
 * them, and the caption stays a paragraph. A table of one column (a layout table around a page's content) or one
 * that holds another table is left to be read as blocks.
 */
function htmlTable(table: string): string {
  if (/<table\b/i.test(table.slice(6))) return table;
  const cellText = (html: string) => html.replace(/<\/t[hd]>/gi, '').replace(/<(?:br|\/?(?:p|div|li|ul|ol))\b[^>]*>/gi, ' ').replace(/\|/g, '/').replace(/\s+/g, ' ').trim();
  const span = (attrs: string, name: string) => Math.max(1, Math.min(50, Number(new RegExp(`\\b${name}\\s*=\\s*["']?(\\d+)`, 'i').exec(attrs)?.[1] ?? 1)));
  const caption = /<caption\b[^>]*>([\s\S]*?)<\/caption>/i.exec(table)?.[1];
  const grid: string[][] = [];
  const headerRows: boolean[] = [];
  // Cells of earlier rows that span down into the next ones, by column.
  const carried: { text: string; rows: number }[] = [];
  for (const tr of table.match(/<tr\b[\s\S]*?(?=<tr\b|<\/table>|$)/gi) ?? []) {
    const cells = [...tr.matchAll(/<(t[hd])\b([^>]*)>([\s\S]*?)(?=<t[hd]\b|<\/tr>|$)/gi)];
    if (!cells.length) continue;
    const row: string[] = [];
    const fill = () => {
      while (carried[row.length]?.rows) {
        const c = carried[row.length]!;
        c.rows--;
        row.push(c.text);
      }
    };
    for (const m of cells) {
      fill();
      const text = cellText(m[3]!);
      const rows = span(m[2]!, 'rowspan');
      for (let k = 0; k < span(m[2]!, 'colspan'); k++) {
        if (rows > 1) carried[row.length] = { text, rows: rows - 1 };
        row.push(text);
      }
    }
    fill();
    grid.push(row);
    headerRows.push(cells.every((m) => m[1]!.toLowerCase() === 'th'));
  }
  if (!grid.length || grid.every((row) => row.length <= 1)) return table;
  const rows = grid.map((row) => `| ${row.join(' | ')} |`);
  if (headerRows[0]) rows.splice(1, 0, `|${grid[0]!.map(() => ' --- |').join('')}`);
  return `\n\n${caption ? `${stripInlineMarkup(cellText(caption))}\n\n` : ''}${rows.join('\n')}\n\n`;
}

/**
 * A definition list gives each term with its description, one paragraph per pair: "Cost: Participation is free
 * …" (a term that asks, "Was kostet die Teilnahme?", stands before its answer without a colon). A description
 * with a list or table in it keeps them as their own lines under the term. `</dt>` and `</dd>` may be left out
 * (HTML allows it): each part runs to the next `<dt>` or `<dd>`.
 */
function definitionList(inner: string): string {
  const out: string[] = [];
  let term = '';
  // The parts between the tags, in order: split() with a capturing group keeps the tag names.
  const parts = inner.split(/<(dt|dd)\b[^>]*>/i);
  for (let i = 1; i < parts.length; i += 2) {
    const body = parts[i + 1]!.replace(/<\/(dt|dd)\s*>/gi, '');
    if (parts[i]!.toLowerCase() === 'dt') {
      term = body.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
      continue;
    }
    const label = term ? `${term}${/[?:.!]$/.test(term) ? '' : ':'} ` : '';
    // A list or table (already rows by now) stays in lines under the term.
    if (/<(li|ul|ol|table)\b/i.test(body) || /\n\s*\|/.test(body)) out.push(`\n\n${label.trim()}\n\n${body}\n\n`);
    // (Inline markup stays for stripInlineMarkup, which keeps a mailto link's address.)
    else out.push(`\n\n${label}${body.replace(/<\/?(p|div|br)\b[^>]*>/gi, ' ').replace(/\s+/g, ' ').trim()}\n\n`);
  }
  // Text before the first term (rare) is kept.
  return `\n\n${parts[0]!}${out.join('')}`;
}

/** HTML to the Markdown subset the splitter understands: headings, paragraphs and table rows. */
export function htmlToMarkdown(html: string): string {
  return html
    .replace(/<(script|style|head)\b[\s\S]*?<\/\1>/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<table\b[\s\S]*?<\/table>/gi, htmlTable)
    .replace(/<dl\b[^>]*>([\s\S]*?)<\/dl>/gi, (_m, inner: string) => definitionList(inner))
    .replace(/<h([1-6])\b[^>]*>([\s\S]*?)<\/h\1>/gi, (_m, level: string, inner: string) => `\n\n${'#'.repeat(Number(level))} ${inner.replace(/\s+/g, ' ')}\n\n`)
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/?(p|div|li|ul|ol|section|article|tr|table|td|th|caption|blockquote|header|footer|main)\b[^>]*>/gi, '\n\n');
}

// A full stop after an abbreviation ends no sentence ("90 Euro pro Person bzw. 85 CHF").
const NO_SENTENCE_END = /(?:^|[\s(])(?:dr|prof|nr|bzw|ca|vgl|ggf|inkl|evtl|usw|str|tel|st|z\.\s?b|d\.\s?h|u\.\s?a|e\.\s?g|i\.\s?e|etc|mr|mrs|ms|no)\.$/iu;

function sentences(text: string): string[] {
  const out: string[] = [];
  for (const part of text.split(/(?<=[.!?])\s+(?=[A-ZÄÖÜ„"0-9])/u)) {
    const last = out[out.length - 1];
    if (last !== undefined && NO_SENTENCE_END.test(last)) out[out.length - 1] = `${last} ${part}`;
    else out.push(part);
  }
  return out.filter((s) => s.trim());
}

const tableCells = (line: string) => line.trim().replace(/^\||\|$/g, '').split('|').map((c) => c.trim());
const isSeparatorRow = (line: string) => tableCells(line).every((c) => !c || /^:?-{2,}:?$/.test(c));

/**
 * A Markdown table row as a line of its own: "| Teilnahmegebühr | 90 Euro |" reads "Teilnahmegebühr: 90 Euro",
 * so that each row is a statement (the key names what the value is) instead of one run-on paragraph with
 * the rows of its neighbours. Under a header of three or more columns every value after the first carries its
 * column's name ("Deichunterhaltung | Port Allison: 950.000 | Hallersiel: 420.000"): which town, year or time
 * zone a figure belongs to is said in the header only. Separator and empty rows give nothing.
 */
function tableRow(line: string, header?: readonly string[]): string | undefined {
  if (isSeparatorRow(line)) return '';
  const cells = tableCells(line);
  const named = header && header.length === cells.length && cells.length >= 3;
  const filled = cells.map((c, i) => (named && i > 0 && c && header[i] ? `${header[i]}: ${c}` : c)).filter(Boolean);
  if (filled.length === 2 && !named) return `${filled[0]}: ${filled[1]}`;
  return filled.join(' | ');
}
const TABLE_ROW = /^\s*\|.*\|\s*$/;

function chunk(text: string): string[] {
  if (text.length <= MAX_PASSAGE_CHARS) return [text];
  const out: string[] = [];
  let current = '';
  for (const sentence of sentences(text)) {
    if (current && current.length + sentence.length + 1 > MAX_PASSAGE_CHARS) {
      out.push(current);
      current = sentence;
    } else current = current ? `${current} ${sentence}` : sentence;
  }
  if (current) out.push(current);
  return out;
}

const LIST_ITEM = /^(?:[-*•–]\s|\d+[.)]\s)/;
/** The label an item of a list starts with ("- **Dünenhagen:** rund 6.300 …" gives "Dünenhagen"). */
const ITEM_LABEL = /^(?:[-*•–]\s+|\d+[.)]\s+)?([^:.!?]{2,40}):\s/;

/**
 * A list too long for one passage is cut between its items, not inside one: "- Ponta das Garças: … - Dünenhagen:
 * … Die Kurabgabe beträgt …" cut at its sentences left the Kurabgabe without the town it belongs to. An item
 * longer than a passage is cut at its sentences, each later part under the item's label. Undefined for a
 * paragraph that is not a list, or a list that fits.
 */
function listChunks(lines: readonly string[]): string[] | undefined {
  if (lines.length < 2 || !LIST_ITEM.test(lines[0]!.trim())) return undefined;
  const indent = (line: string) => line.length - line.trimStart().length;
  const depth = indent(lines[0]!);
  // An item of the list's own depth starts a new one; deeper items and continuation lines belong to the item above.
  const items: string[] = [];
  for (const line of lines) {
    const t = line.trim();
    if ((LIST_ITEM.test(t) && indent(line) <= depth) || !items.length) items.push(t);
    else items[items.length - 1] = `${items[items.length - 1]} ${t}`;
  }
  const clean = items.map((item) => stripInlineMarkup(item)).filter(Boolean);
  if (clean.join(' ').length <= MAX_PASSAGE_CHARS) return undefined;
  const out: string[] = [];
  let current = '';
  for (const item of clean) {
    if (item.length > MAX_PASSAGE_CHARS) {
      if (current) out.push(current);
      current = '';
      const label = ITEM_LABEL.exec(item)?.[1]?.trim();
      const parts = chunk(item);
      out.push(parts[0]!, ...parts.slice(1).map((part) => (label ? `${label}: ${part}` : part)));
      continue;
    }
    if (current && current.length + 1 + item.length > MAX_PASSAGE_CHARS) {
      out.push(current);
      current = item;
    } else current = current ? `${current} ${item}` : item;
  }
  if (current) out.push(current);
  return out;
}

function titleFromFile(file: string): string {
  return path
    .basename(file, path.extname(file))
    .replace(/^\d+[-_ ]*/, '')
    .replace(/[-_]+/g, ' ')
    .trim() || file;
}

/**
 * Splits Markdown-like text into passages: a heading starts a new section, a blank line a new paragraph.
 * In plain-text files every line (and every tab-separated cell) is its own paragraph, because announcements
 * pasted as text put one item per line or lay items side by side in columns.
 */
export function splitIntoPassages(text: string, source: string, options: { plainText?: boolean; locator?: DocumentLocator; title?: string } = {}): Passage[] {
  const fileTitle = options.title ?? titleFromFile(source);
  const passages: Passage[] = [];
  let title: string | undefined;
  let documentTitle: string | undefined;
  let paragraph: string[] = [];
  // The paragraph's lines as written, with their indentation (a list's sub-items).
  let written: string[] = [];
  const flush = () => {
    const raw = paragraph.join(options.plainText ? '\n' : ' ');
    const items = options.plainText ? undefined : listChunks(written);
    paragraph = [];
    written = [];
    const pieces = options.plainText ? raw.split(/\n|\t/) : [raw];
    for (const piece of pieces) {
      const clean = stripInlineMarkup(piece);
      if (!clean || /^[-=_*]{3,}$/.test(clean)) continue;
      for (const part of items ?? chunk(clean)) {
        passages.push({ id: `${source}#${passages.length + 1}`, title: title ?? documentTitle ?? fileTitle, text: part, source, ...(options.locator ? { locator: options.locator } : {}), ...(documentTitle ? { documentTitle } : {}) });
      }
    }
  };
  // The heading above the lines being read, while nothing has been read under it.
  let bare: { title: string; level: number } | undefined;
  // The column names of the table being read (its first row, when a separator row follows it).
  let header: string[] | undefined;
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  for (const [i, line] of lines.entries()) {
    const tableLine = !options.plainText && TABLE_ROW.test(line);
    if (!tableLine) header = undefined;
    const heading = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      flush();
      const level = heading[1]!.length;
      // A heading with nothing under it before the next one of its level or above ("## A" then "## B") is a
      // line of its own, not a section's name: it is kept as a passage, so no line of the material is lost.
      // Under a deeper heading it names the part that follows ("## Kapitel" over "### Ziele").
      if (bare && bare.level > 1 && level <= bare.level) {
        paragraph.push(bare.title);
        flush();
      }
      title = stripInlineMarkup(heading[2] ?? '');
      bare = { title, level };
      if (heading[1] === '#' && !documentTitle) documentTitle = title;
      continue;
    }
    if (line.trim()) bare = undefined;
    if (!line.trim()) {
      flush();
      continue;
    }
    if (tableLine) {
      flush();
      const opens = !header && TABLE_ROW.test(lines[i + 1] ?? '') && isSeparatorRow(lines[i + 1]!);
      // A header row of three or more columns names them; it is no "key: value" ("|  | Mitglieder | Gäste |").
      const row = opens && tableCells(line).length >= 3 ? tableCells(line).filter(Boolean).join(' | ') : tableRow(line, header);
      if (opens) header = tableCells(line);
      if (row) {
        paragraph.push(row);
        flush();
      }
      continue;
    }
    paragraph.push(line.trim());
    written.push(line);
  }
  flush();
  if (bare && bare.level > 1) {
    paragraph.push(bare.title);
    flush();
  }
  return passages;
}

/**
 * A line that starts an item of its own: a list mark, a numbered paragraph ("2.", "1.1", "3)", "a)"), a date
 * ("12.01.2027") or a label ("Ort: Rathaus").
 */
const ITEM_START = /^(?:[-*•–·]\s|\d+[.)]\s|\d+(?:\.\d+)+\.?\s|\(?[a-z]\)\s|\d{1,2}\.\d{1,2}\.|[\p{L}][\p{L} -]{0,30}:\s)/u;
/** The depth of an item's number ("2." 1, "2.1" 2), 0 for a mark or label: items of one list share it. */
const itemDepth = (line: string) => /^\d+(?:\.\d+)*/.exec(line)?.[0].split('.').length ?? 0;
/** Words after which a hyphen at a line end is a suspended compound ("Klein- und Mittelstädte"). */
const SUSPENDED = /^(und|oder|bis|sowie|bzw|and|or|to)\b/;

/**
 * Two lines of one paragraph joined: a word hyphenated at the line end is one word again ("Förder-\nprogramm"),
 * a compound keeps its hyphen before a capital ("E-Mail-\nAdresse"), a suspended one its space ("Klein-\nund").
 */
export function joinLineEnd(before: string, after: string): string {
  const b = before.trimEnd();
  const a = after.trim();
  if (!/\p{L}-$/u.test(b) || SUSPENDED.test(a)) return `${b} ${a}`;
  return /^\p{Ll}/u.test(a) ? b.slice(0, -1) + a : b + a;
}

/**
 * Plain text is often wrapped at a fixed width (e-mails, exported documents): a sentence runs over several
 * lines, and one passage per line would cut it apart ("... hat dann 3 Werktage Zeit" without the waiting list
 * it is about). A line that ends no sentence runs on into the next one when
 *  - the next is indented under a numbered or listed item that is itself a sentence ("1.1 Die Akademie bietet
 *    ... für\n    Vergabestellen ..."), or
 *  - the file is wrapped (several lines end where their next word would not have fitted into the file's width)
 *    and the line is long, or
 *  - the line is long and the next one starts with a word in lower case or a number.
 * A line that starts an item, a heading, a blank line, columns (tabs or runs of spaces) or an address never joins.
 */
export function unwrapPlainText(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const width = Math.max(0, ...lines.map((l) => l.trimEnd().length));
  const firstWord = (line: string) => /^\S+/.exec(line.trim())?.[0].length ?? 0;
  const full = (line: string, next: string) => line.trimEnd().length + 1 + firstWord(next) > width;
  // Wrapped by hand, lines end a little short of the width.
  const long = (line: string) => line.trimEnd().length >= width * 0.75;
  const plain = (line: string) => {
    const t = line.trim();
    return !!t && !line.includes('\t') && !t.startsWith('#') && !/\S {2,}\S/.test(t);
  };
  const endsSentence = (line: string) => /[.!?:]$/.test(line.trimEnd());
  const indent = (line: string) => line.length - line.trimStart().length;
  // A width is a wrap only when several lines that end no sentence are cut at it.
  const wrapped = width >= 50 && lines.filter((l, i) => plain(l) && plain(lines[i + 1] ?? '') && !endsSentence(l) && full(l, lines[i + 1]!)).length >= 2;
  const out: string[] = [];
  // The indentation of the numbered or listed item being continued, when that item is a sentence.
  let itemIndent: number | undefined;
  for (const line of lines) {
    const prev = out[out.length - 1];
    const t = line.trim();
    // A chat message starts a line of its own; a line under it may continue it.
    const joinable = prev !== undefined && plain(prev) && plain(line) && !ITEM_START.test(t) && !isChatLine(t) && !endsSentence(prev) && !/^\S+@\S+$/.test(t);
    const hanging = itemIndent !== undefined && indent(line) > itemIndent;
    const runsOn = wrapped && long(prev ?? '');
    // A sentence goes on with a word in lower case or a number ("... kleiner Gemeinden\n120 Euro pro Person").
    const lowerStart = long(prev ?? '') && (prev ?? '').trim().length >= 40 && /^(?:\p{Ll}+|\d[\d.,]*)(?:[\s,;.!?]|$)/u.test(t);
    if (joinable && (hanging || runsOn || lowerStart)) {
      out[out.length - 1] = joinLineEnd(prev, t);
      continue;
    }
    itemIndent = plain(line) && ITEM_START.test(t) && t.length >= width * 0.5 ? indent(line) : undefined;
    out.push(line);
  }
  return out.join('\n');
}

/**
 * A line shaped like a message of a chat export: "[14:03] Petra Lindner: …", "14:03 Petra Lindner: …",
 * "[20.01.2027 14:03] PL: …". Groups: day, month, year, hour, minute, who, the message. Only {@link chatMessage}
 * tells a message from a running order's item ("09:00 Begrüßung: …").
 */
const CHAT_LINE = /^\[?(?:(\d{1,2})\.(\d{1,2})\.(\d{2,4})?,?\s+)?(\d{1,2}):(\d{2})(?::\d{2})?\]?\s*[-–]?\s*([^:\s][^:]{1,40}?):\s+(\S.*)$/u;
/** A person's name as a chat export writes it: two to four capitalised words, or initials ("PL"). */
const PERSON_NAME = /^(?:\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){1,3}|\p{Lu}{2,3})$/u;
/** The parts of a chat message, or nothing for a line that is none (an agenda's "09:05 Vortrag: …"). */
function chatMessage(line: string): RegExpExecArray | undefined {
  const m = CHAT_LINE.exec(line.trim());
  return m && PERSON_NAME.test(m[6]!.replace(/^@/, '').trim()) ? m : undefined;
}
/** Minutes between two messages beyond which a reply no longer belongs to the question above. */
const CHAT_THREAD_GAP = 10;

/**
 * A chat export ("[14:30] Sabine: Bis wann …?" and, lines later, "[14:33] Katrin: @Sabine … bis 12.02.2027")
 * answers a question in a later message: each message that asks something opens a thread, and the messages
 * after it join that thread while no new question comes and no longer pause than a few minutes lies between
 * them. A thread becomes one line (one passage); lines that are no message pass unchanged, and a line under a
 * message continues it. Text that is no chat (fewer than four messages, under 60 % of its lines, fewer than two
 * people who write twice, or no question) is returned as it is.
 */
export function chatThreads(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const filled = lines.filter((l) => l.trim());
  const parsed = filled.map((l) => chatMessage(l)).filter((m): m is RegExpExecArray => !!m);
  if (parsed.length < 4 || parsed.length < filled.length * 0.6) return text;
  // A chat has people who write more than once and someone who asks; a running order ("09:00 Begrüßung: …")
  // or a list of dates has neither.
  const speakers = new Map<string, number>();
  for (const m of parsed) speakers.set(m[6]!, (speakers.get(m[6]!) ?? 0) + 1);
  if ([...speakers.values()].filter((n) => n >= 2).length < 2 || !parsed.some((m) => asks(m[7]!))) return text;
  const out: string[] = [];
  let thread: string[] = [];
  let last: number | undefined;
  const flush = () => {
    if (thread.length) out.push(thread.join(' '));
    thread = [];
  };
  for (const line of lines) {
    const t = line.trim();
    const m = chatMessage(t);
    if (!m) {
      if (!t) {
        flush();
        last = undefined;
        out.push(line);
      } else if (thread.length) thread.push(t);
      else out.push(line);
      continue;
    }
    // Minutes since an epoch: a message on another day is no reply to the question above.
    const day = m[1] ? Date.UTC(Number(m[3] ?? 2000) % 100, Number(m[2]) - 1, Number(m[1])) / 60_000 : 0;
    const minute = day + Number(m[4]) * 60 + Number(m[5]);
    const gap = last === undefined ? Infinity : minute - last;
    if (!thread.length || asks(m[7]!) || gap < 0 || gap > CHAT_THREAD_GAP) flush();
    thread.push(t);
    last = minute;
  }
  flush();
  return out.join('\n');
}

/** True for a message that asks something (a "?" outside a link). */
const asks = (message: string) => message.replace(/\S+:\/\/\S+/g, '').includes('?');

/** True for a line that is a chat message or a thread of them (never a heading, never run on into the line above). */
const isChatLine = (line: string) => !!chatMessage(line);

const ENTRY_SEPARATOR = / [-–—=|] /;
const QUESTION_LINE = /^(?:Q|F|Frage|Question)\s*[:.)]\s*(\S.*)$/i;
const ANSWER_LINE = /^(?:A|Antwort|Answer)\s*[:.)]\s*(\S.*)$/i;

/**
 * Plain text marks a heading by a short line of its own: one without final punctuation (and no tab-separated
 * columns) directly followed by a longer line, as in "Einer für Alle (EfA-Prinzip)" over its explanation.
 */
export function plainTextHeadings(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const nonEmpty = (from: number, step: number) => {
    for (let j = from; j >= 0 && j < lines.length; j += step) if (lines[j]!.trim()) return lines[j]!.trim();
    return '';
  };
  return lines
    .map((line, i) => {
      const t = line.trim();
      // A list of questions and answers ("Q: Was kostet die Teilnahme?" over "A: ..."): the question heads its
      // answer, as on an FAQ page.
      const question = QUESTION_LINE.exec(t);
      if (question && ANSWER_LINE.test(nonEmpty(i + 1, 1))) return `## ${question[1]}`;
      const answer = ANSWER_LINE.exec(t);
      if (answer && QUESTION_LINE.test(nonEmpty(i - 1, -1))) return answer[1]!;
      const next = lines[i + 1]?.trim() ?? '';
      // An item of a list ("3.3 Di 23.02.2027 Gütezeichen", "- Laptop") under the line before it is no heading;
      // a numbered line under text or under a deeper number ("2. Ablauf" under "1.2 ...") may be one.
      const above = lines[i - 1]?.trim() ?? '';
      const opensSection = itemDepth(t) >= 1 && (!ITEM_START.test(above) || itemDepth(above) > itemDepth(t));
      const listed = ITEM_START.test(t) && !!above && !opensSection;
      // Entries of a glossary or a table written as lines ("chafariz - public fountain - Brunnen") share a
      // separator with the next line: none of them heads the others.
      const separator = ENTRY_SEPARATOR.exec(t)?.[0];
      const entry = !!separator && next.includes(separator);
      // A numbered or capitalised section title may stand apart from its text by a blank line ("2. Platform",
      // blank, "All sessions take place in Microsoft Teams. …"); the next item of its own list is not its text.
      const capitals = /\p{Lu}{3}/u.test(t) && /^[\p{Lu}\s&/-]+$/u.test(t);
      const titled = (opensSection || capitals) && !next;
      const below = titled ? nonEmpty(i + 1, 1) : next;
      // Within a list ("1. Begrüßung", blank, "2. Vortrag …") no item heads what follows it.
      const ofList = (line: string) => ITEM_START.test(line) && itemDepth(line) === itemDepth(t);
      const sibling = titled && itemDepth(t) >= 1 && (ofList(below) || ofList(nonEmpty(i - 1, -1)));
      const heading = t && t.length <= 60 && !isChatLine(t) && !t.includes('\t') && !/[.,;:!?]$/.test(t) && !t.startsWith('#') && !listed && !entry && !sibling && below.length > t.length;
      return heading ? `## ${t}` : line;
    })
    .join('\n');
}

/**
 * PDF text comes as lines: a short line without final punctuation is a heading, a line that ends a sentence
 * ends a paragraph, other lines continue the paragraph.
 */
export function pdfTextToMarkdown(text: string): string {
  const out: string[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length) out.push(paragraph.join(' '), '');
    paragraph = [];
  };
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line) {
      flush();
      continue;
    }
    if (!paragraph.length && line.length <= 60 && !/[.,;:!?]$/.test(line) && /^[\p{Lu}\d]/u.test(line)) {
      out.push(`## ${line}`, '');
      continue;
    }
    // A hyphen at the line end joins the word ("Förder-\nprogramm").
    if (paragraph.length && /\p{L}-$/u.test(paragraph[paragraph.length - 1]!)) paragraph[paragraph.length - 1] = joinLineEnd(paragraph[paragraph.length - 1]!, line);
    else paragraph.push(line);
    if (/[.!?]$/.test(line)) flush();
  }
  flush();
  return out.join('\n');
}

async function passagesOfFile(file: string, name: string, ext: string): Promise<{ passages: Passage[]; text: string }> {
  if ((OFFICE_EXTENSIONS as readonly string[]).includes(ext)) {
    const parts = await readOfficeDocument(ext, await fs.readFile(file));
    const passages: Passage[] = [];
    for (const part of parts) {
      const md = ext === '.pdf' ? pdfTextToMarkdown(part.text) : ext === '.docx' ? htmlToMarkdown(part.text) : part.text;
      const found = splitIntoPassages(md, name, { ...(part.locator ? { locator: part.locator } : {}), ...(part.title ? { title: part.title } : {}) });
      // A slide with a title only still says something.
      if (!found.length && part.title) found.push({ id: '', title: part.title, text: part.title, source: name, ...(part.locator ? { locator: part.locator } : {}) });
      passages.push(...found);
    }
    passages.forEach((p, i) => (p.id = `${name}#${i + 1}`));
    return { passages, text: parts.map((p) => [p.title ?? '', p.text].join('\n')).join('\n\n') };
  }
  const raw = await fs.readFile(file, 'utf8');
  if (ext === '.html' || ext === '.htm') return { passages: splitIntoPassages(htmlToMarkdown(raw), name), text: raw };
  const read = (text: string) => (ext === '.txt' ? splitIntoPassages(plainTextHeadings(unwrapPlainText(chatThreads(mailHeaders(text)))), name, { plainText: true }) : splitIntoPassages(text, name));
  // A forwarded or answered e-mail carries the older message below the newer one, often with what the newer
  // one corrects: its passages are marked, so that the newer wording answers first.
  const lines = raw.replace(/\r\n?/g, '\n').split('\n');
  const start = quotedMessageStart(lines, { plainText: ext === '.txt' });
  if (start === undefined) return { passages: read(raw), text: raw };
  const older = read(lines.slice(start).map((l) => l.replace(/^(?:>\s?)+/, '')).join('\n')).map((p) => ({ ...p, quoted: true as const }));
  const passages = [...read(lines.slice(0, start).join('\n')), ...older];
  passages.forEach((p, i) => (p.id = `${name}#${i + 1}`));
  return { passages, text: raw };
}

export interface MaterialRead {
  passages: Passage[];
  texts: MaterialText[];
  problems: MaterialProblem[];
}

/**
 * Reads every supported file of the folder. A file that fails is reported in `problems`; when `previous`
 * holds passages of that file from an earlier read, they stay, so a file broken while the service runs does
 * not take its answers away.
 */
export async function readMaterial(materialDir: string, previous?: Passage[]): Promise<MaterialRead> {
  let names: string[];
  try {
    names = (await fs.readdir(materialDir)).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { passages: [], texts: [], problems: [] };
    throw error;
  }
  const read: MaterialRead = { passages: [], texts: [], problems: [] };
  for (const name of names) {
    const ext = path.extname(name).toLowerCase();
    if (![...TEXT_EXTENSIONS, ...OFFICE_EXTENSIONS].includes(ext) || name.startsWith('~$') || name.startsWith('.')) continue;
    try {
      const { passages, text } = await passagesOfFile(path.join(materialDir, name), name, ext);
      read.passages.push(...passages);
      read.texts.push({ file: name, text });
    } catch (error) {
      const code = error instanceof MaterialFileError ? error.code : 'unreadable';
      read.problems.push({ file: name, code, message: (error as Error).message });
      read.passages.push(...(previous ?? []).filter((p) => p.source === name));
    }
  }
  return read;
}
