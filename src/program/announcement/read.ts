// Reading an announcement file for the importer.
import fs from 'node:fs/promises';
import path from 'node:path';
import { OFFICE_EXTENSIONS, readOfficeDocument } from '../../documents/office.js';

/**
 * The announcement's text: text, Markdown and HTML as they are; a Word file as the HTML its reader makes
 * (tables and bold titles survive), a PDF page by page, slides with their titles as headings.
 */
export async function readAnnouncement(file: string): Promise<string> {
  const ext = path.extname(file).toLowerCase();
  if (!(OFFICE_EXTENSIONS as readonly string[]).includes(ext)) return fs.readFile(file, 'utf8');
  const parts = await readOfficeDocument(ext, await fs.readFile(file));
  return parts.map((part) => (part.title ? `# ${part.title}\n\n${part.text}` : part.text)).join('\n\n');
}
