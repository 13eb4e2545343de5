// Reading office documents (FAQ material, announcements): PDF (unpdf, the pdf.js build for servers), DOCX
// (mammoth, to HTML so headings survive) and PPTX (the slide XML read with jszip, which mammoth brings).
// Each document becomes parts with a locator (page or slide number) for the citation. A damaged or
// password-protected file throws a MaterialFileError; the loader skips it and reports it.
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { extractText, getDocumentProxy } from 'unpdf';

export type DocumentLocator = { kind: 'page' | 'slide'; n: number };

export interface DocumentPart {
  /** Markdown-like text (headings as "#" lines). */
  text: string;
  locator?: DocumentLocator;
  /** A slide's title, used as the passages' heading. */
  title?: string;
}

export type MaterialProblemCode = 'damaged' | 'password-protected' | 'empty';

export class MaterialFileError extends Error {
  constructor(
    readonly code: MaterialProblemCode,
    message: string,
  ) {
    super(message);
    this.name = 'MaterialFileError';
  }
}

export const OFFICE_EXTENSIONS = ['.pdf', '.docx', '.pptx'] as const;

/** Old binary Office files and encrypted OOXML files are OLE compound files, not ZIP archives. */
const OLE_MAGIC = Buffer.from('d0cf11e0a1b11ae1', 'hex');

async function readPdf(bytes: Buffer): Promise<DocumentPart[]> {
  let pages: string[];
  try {
    const pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
    pages = (await extractText(pdf, { mergePages: false })).text;
    await pdf.destroy();
  } catch (error) {
    const name = (error as Error).name;
    if (name === 'PasswordException') throw new MaterialFileError('password-protected', 'the PDF is password-protected');
    throw new MaterialFileError('damaged', `the PDF cannot be read (${(error as Error).message})`);
  }
  // pdf.js gives one line per text line; lines of a paragraph join, a blank line or short line ends it.
  return pages.map((text, i) => ({ text: text.replace(/\r\n?/g, '\n'), locator: { kind: 'page', n: i + 1 } }));
}

async function readDocx(bytes: Buffer): Promise<DocumentPart[]> {
  if (bytes.subarray(0, 8).equals(OLE_MAGIC)) throw new MaterialFileError('password-protected', 'the document is password-protected or in the old .doc format');
  try {
    const { value } = await mammoth.convertToHtml({ buffer: bytes });
    return [{ text: value }];
  } catch (error) {
    throw new MaterialFileError('damaged', `the document cannot be read (${(error as Error).message})`);
  }
}

const decodeXml = (t: string) =>
  t.replace(/&(lt|gt|quot|apos|amp|#\d+|#x[0-9a-f]+);/gi, (_m, e: string) => {
    const named: Record<string, string> = { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' };
    if (e.startsWith('#x') || e.startsWith('#X')) return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (e.startsWith('#')) return String.fromCodePoint(parseInt(e.slice(1), 10));
    return named[e.toLowerCase()] ?? '';
  });

/** The paragraphs of a shape's text body: the runs of each <a:p> joined. */
function shapeParagraphs(shapeXml: string): string[] {
  const out: string[] = [];
  for (const p of shapeXml.match(/<a:p\b[\s\S]*?<\/a:p>/g) ?? []) {
    const text = (p.match(/<a:t>([\s\S]*?)<\/a:t>/g) ?? []).map((t) => decodeXml(t.replace(/<\/?a:t>/g, ''))).join('');
    if (text.trim()) out.push(text.trim());
  }
  return out;
}

/**
 * A table of a slide (a graphic frame, not a shape) as Markdown table rows, one line per row, the first row
 * marked as the header when the table says so (`firstRow`, PowerPoint's default): without this its text was lost.
 */
function slideTable(frameXml: string): string | undefined {
  const table = /<a:tbl>[\s\S]*?<\/a:tbl>/.exec(frameXml)?.[0];
  if (!table) return undefined;
  const rows = (table.match(/<a:tr\b[\s\S]*?<\/a:tr>/g) ?? []).map((tr) =>
    (tr.match(/<a:tc\b[\s\S]*?<\/a:tc>/g) ?? []).map((tc) => shapeParagraphs(tc).join(' ').replace(/\|/g, '/')),
  );
  const filled = rows.filter((cells) => cells.some(Boolean));
  if (!filled.length) return undefined;
  const lines = filled.map((cells) => `| ${cells.join(' | ')} |`);
  if (filled.length > 1 && /<a:tblPr\b[^>]*\bfirstRow="(?:1|true)"/.test(table)) lines.splice(1, 0, `|${filled[0]!.map(() => ' --- |').join('')}`);
  return lines.join('\n');
}

/** Slide file names in display order: presentation.xml's list of slide ids, through its relationships. */
async function slideOrder(zip: JSZip): Promise<string[]> {
  const files = Object.keys(zip.files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f));
  const byNumber = files.sort((a, b) => Number(/(\d+)\.xml$/.exec(a)![1]) - Number(/(\d+)\.xml$/.exec(b)![1]));
  const presentation = await zip.file('ppt/presentation.xml')?.async('string');
  const rels = await zip.file('ppt/_rels/presentation.xml.rels')?.async('string');
  if (!presentation || !rels) return byNumber;
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, `ppt/${target.replace(/^\/?(ppt\/)?/, '')}`);
  }
  const ordered = [...presentation.matchAll(/<p:sldId\b[^>]*\br:id="([^"]+)"/g)].map((m) => targets.get(m[1]!)).filter((f): f is string => !!f && files.includes(f));
  return ordered.length ? ordered : byNumber;
}

async function readPptx(bytes: Buffer): Promise<DocumentPart[]> {
  if (bytes.subarray(0, 8).equals(OLE_MAGIC)) throw new MaterialFileError('password-protected', 'the presentation is password-protected or in the old .ppt format');
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (error) {
    throw new MaterialFileError('damaged', `the presentation cannot be read (${(error as Error).message})`);
  }
  const order = await slideOrder(zip);
  if (!order.length) throw new MaterialFileError('damaged', 'the presentation has no slides');
  const parts: DocumentPart[] = [];
  for (const [i, file] of order.entries()) {
    const xml = await zip.file(file)!.async('string');
    let title: string | undefined;
    const body: string[] = [];
    for (const shape of xml.match(/<p:sp\b[\s\S]*?<\/p:sp>|<p:graphicFrame\b[\s\S]*?<\/p:graphicFrame>/g) ?? []) {
      if (shape.startsWith('<p:graphicFrame')) {
        const table = slideTable(shape);
        if (table) body.push(table);
        continue;
      }
      const paragraphs = shapeParagraphs(shape);
      if (!title && /<p:ph\b[^>]*type="(ctrTitle|title)"/.test(shape)) title = paragraphs.join(' ');
      else body.push(...paragraphs);
    }
    // Every line of a slide is its own paragraph: bullets are separate statements.
    parts.push({ text: body.join('\n\n'), locator: { kind: 'slide', n: i + 1 }, ...(title ? { title } : {}) });
  }
  return parts;
}

/** Reads one office document; throws MaterialFileError when it cannot. */
export async function readOfficeDocument(ext: string, bytes: Buffer): Promise<DocumentPart[]> {
  const parts = ext === '.pdf' ? await readPdf(bytes) : ext === '.docx' ? await readDocx(bytes) : await readPptx(bytes);
  if (!parts.some((p) => p.text.trim() || p.title)) throw new MaterialFileError('empty', 'the file contains no text (a scan without a text layer?)');
  return parts;
}
