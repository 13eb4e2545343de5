// Text cleanup for the announcement importer: HTML, Markdown and plain text become plain lines. Bold spans
// survive as sentinel characters (a bold run is often a session title), table cells as tabs, mailto links as
// their address, and character references are decoded.
import { decodeEntities } from '../../text/index.js';
import { mentionsDateOrTime } from './dates.js';

export const BOLD_OPEN = '\u0001';
export const BOLD_CLOSE = '\u0002';
const BOLD_SPAN = /\u0001([^\u0001\u0002]*)\u0002/g;

function htmlToLines(input: string): string {
  let text = input;
  const structuredHtml = /<(p|div|li|ul|ol|table|tr|br|h[1-6])\b/i.test(text);
  text = text.replace(/<(head|script|style)\b[\s\S]*?<\/\1>/gi, '');
  // In structured HTML the source's line breaks are layout; the tags say where lines end.
  if (structuredHtml) text = text.replace(/\s*\n\s*/g, ' ');
  text = text.replace(/<a\b[^>]*href\s*=\s*["']mailto:([^"'?]+)[^"']*["'][^>]*>([\s\S]*?)<\/a>/gi, (_w, address: string, label: string) => {
    const shown = label.replace(/<[^>]+>/g, '').trim();
    return shown.includes(address) || !shown ? address : `${shown}, ${address}`;
  });
  return text
    .replace(/<\s*(b|strong)\b[^>]*>/gi, BOLD_OPEN)
    .replace(/<\/\s*(b|strong)\s*>/gi, BOLD_CLOSE)
    .replace(/<h([1-6])\b[^>]*>/gi, (_w, level: string) => `\n${'#'.repeat(Number(level))} `)
    .replace(/<li\b[^>]*>/gi, '\n- ')
    .replace(/<\/(td|th)\s*>/gi, '\t')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|tr|h[1-6]|ul|ol|table)\s*>/gi, '\n\n')
    .replace(/<(p|div|tr|ul|ol|table)\b[^>]*>/gi, '\n')
    .replace(/<[^>]+>/g, '');
}

/** A Markdown table row ("| a | b |") becomes tab-separated cells; its divider row ("|---|:--|") goes. */
function markdownTableRow(line: string): string {
  const trimmed = line.trim();
  if (!/^\|.*\|$/.test(trimmed)) return line;
  const cells = trimmed.slice(1, -1).split('|').map((c) => c.trim());
  if (cells.every((c) => /^:?-{2,}:?$/.test(c))) return '';
  return `${cells.join('\t')}\t`;
}

function markdownToLines(text: string): string {
  return text
    .split('\n')
    .map(markdownTableRow)
    .join('\n')
    .replace(/\[([^\]]*)\]\(mailto:([^)?\s]+)[^)]*\)/g, (_w, label: string, address: string) =>
      label.includes(address) || !label.trim() ? address : `${label}, ${address}`,
    )
    .replace(/\[([^\]]+)\]\((?:https?:[^)\s]+)\)/g, '$1')
    .replace(/\*\*([^*\n]+?)\*\*/g, `${BOLD_OPEN}$1${BOLD_CLOSE}`)
    .replace(/__([^_\n]+?)__/g, `${BOLD_OPEN}$1${BOLD_CLOSE}`);
}

/** Plain lines with bold spans marked by sentinels, table cells separated by tabs. */
export function normalizeAnnouncement(input: string): string {
  let text = htmlToLines(input.replace(/\r\n?/g, '\n'));
  text = markdownToLines(decodeEntities(text).replace(/\u00a0/g, ' '));
  // Bold that only highlights a date or a time is emphasis, not a title.
  text = text.replace(BOLD_SPAN, (whole, inner: string) => (mentionsDateOrTime(inner) ? inner : whole));
  return text
    .split('\n')
    .map((line) => line.replace(/[ \f\v]+/g, ' ').replace(/ ?\t ?/g, '\t').replace(/ +$/, ''))
    .join('\n');
}

/** The text without bold sentinels, whitespace collapsed. */
export function plain(text: string): string {
  return text.replace(/[\u0001\u0002]/g, '').replace(/\s+/g, ' ').trim();
}
