// The FAQ knowledge base: what the engine may answer from. It owns reading a content directory —
// material/*.md|*.txt|*.html split into passages, program.yaml as structured facts, faq.yaml as curated
// entries — and nothing else; searching lives in retrieval.ts.
import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { parse as parseYaml } from 'yaml';
import { loadProgramFile } from '../program/load.js';
import { programSchema, type Program } from '../program/model.js';
import { importAnnouncement } from '../program/import-announcement.js';
import { AppError } from '../shared/errors.js';

export interface Passage {
  id: string;
  /** The nearest heading, else the file's title. */
  title: string;
  text: string;
  /** File name relative to the material folder. */
  source: string;
}

export interface CuratedEntry {
  id: string;
  questions: string[];
  answer: string;
  /** Who or what the answer came from, e.g. "Orga-Team". */
  source?: string;
}

export interface KnowledgeBase {
  contentDir: string;
  passages: Passage[];
  program?: Program;
  /** Where the program came from: program.yaml, or derived from the material. */
  programSource?: 'program.yaml' | 'material' | 'given';
  curated: CuratedEntry[];
}

const curatedFileSchema = z.object({
  entries: z
    .array(
      z.object({
        id: z.string().min(1).optional(),
        questions: z.array(z.string().min(1)).min(1),
        answer: z.string().min(1),
        source: z.string().optional(),
      }),
    )
    .default([]),
});

// Long paragraphs are cut into chunks of whole sentences so that an answer can quote the relevant part.
const MAX_PASSAGE_CHARS = 500;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x?[0-9a-f]+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

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

/** HTML to the Markdown subset the splitter understands: headings and paragraphs. */
export function htmlToMarkdown(html: string): string {
  return html
    .replace(/<(script|style|head)\b[\s\S]*?<\/\1>/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<h([1-6])\b[^>]*>([\s\S]*?)<\/h\1>/gi, (_m, level: string, inner: string) => `\n\n${'#'.repeat(Number(level))} ${inner.replace(/\s+/g, ' ')}\n\n`)
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/?(p|div|li|ul|ol|section|article|tr|table|td|th|blockquote|header|footer|main)\b[^>]*>/gi, '\n\n');
}

function sentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+(?=[A-ZÄÖÜ„"0-9])/u).filter((s) => s.trim());
}

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
export function splitIntoPassages(text: string, source: string, options: { plainText?: boolean } = {}): Passage[] {
  const fileTitle = titleFromFile(source);
  const passages: Passage[] = [];
  let title: string | undefined;
  let documentTitle: string | undefined;
  let paragraph: string[] = [];
  const flush = () => {
    const raw = paragraph.join(options.plainText ? '\n' : ' ');
    paragraph = [];
    const pieces = options.plainText ? raw.split(/\n|\t/) : [raw];
    for (const piece of pieces) {
      const clean = stripInlineMarkup(piece);
      if (!clean || /^[-=_*]{3,}$/.test(clean)) continue;
      for (const part of chunk(clean)) {
        passages.push({ id: `${source}#${passages.length + 1}`, title: title ?? documentTitle ?? fileTitle, text: part, source });
      }
    }
  };
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    const heading = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      flush();
      title = stripInlineMarkup(heading[2] ?? '');
      if (heading[1] === '#' && !documentTitle) documentTitle = title;
      continue;
    }
    if (!line.trim()) {
      flush();
      continue;
    }
    paragraph.push(line.trim());
  }
  flush();
  return passages;
}

export async function readMaterial(materialDir: string): Promise<{ passages: Passage[]; texts: { file: string; text: string }[] }> {
  let names: string[];
  try {
    names = (await fs.readdir(materialDir)).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { passages: [], texts: [] };
    throw error;
  }
  const passages: Passage[] = [];
  const texts: { file: string; text: string }[] = [];
  for (const name of names) {
    const ext = path.extname(name).toLowerCase();
    if (!['.md', '.markdown', '.txt', '.html', '.htm'].includes(ext)) continue;
    const raw = await fs.readFile(path.join(materialDir, name), 'utf8');
    texts.push({ file: name, text: raw });
    if (ext === '.html' || ext === '.htm') passages.push(...splitIntoPassages(htmlToMarkdown(raw), name));
    else passages.push(...splitIntoPassages(raw, name, { plainText: ext === '.txt' }));
  }
  return { passages, texts };
}

export function parseCuratedText(text: string, file = 'faq.yaml'): CuratedEntry[] {
  const parsed = curatedFileSchema.safeParse(parseYaml(text) ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new AppError('faq.curated_invalid', `${file}: ${issue.path.join('.')}: ${issue.message}`);
  }
  return parsed.data.entries.map((e, i) => ({ id: e.id ?? `faq-${i + 1}`, questions: e.questions, answer: e.answer, ...(e.source ? { source: e.source } : {}) }));
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}

/**
 * Derives the program from the material when no program.yaml exists: the announcement importer reads the
 * sessions as written (it reports mistakes, it does not correct them), so answers quote the material.
 */
function programFromMaterial(texts: { file: string; text: string }[]): Program | undefined {
  for (const { text } of texts) {
    try {
      const { draft } = importAnnouncement(text);
      const parsed = programSchema.safeParse(draft);
      if (parsed.success && parsed.data.sessions.length) return parsed.data;
    } catch {
      // Not an announcement: answer from passages only.
    }
  }
  return undefined;
}

export interface LoadKnowledgeBaseOptions {
  /** A program given by the caller wins over content/program.yaml. */
  program?: Program;
  /** Curated entries added at run time (e.g. from storage), on top of faq.yaml. */
  curated?: CuratedEntry[];
  /** Derive schedule facts from the material when no program.yaml exists (default true). */
  deriveProgram?: boolean;
}

export async function loadKnowledgeBase(contentDir: string, options: LoadKnowledgeBaseOptions = {}): Promise<KnowledgeBase> {
  const { passages, texts } = await readMaterial(path.join(contentDir, 'material'));
  let program = options.program;
  let programSource: KnowledgeBase['programSource'] = program ? 'given' : undefined;
  const programFile = path.join(contentDir, 'program.yaml');
  if (!program && (await exists(programFile))) {
    program = (await loadProgramFile(programFile)).program;
    programSource = 'program.yaml';
  }
  if (!program && options.deriveProgram !== false) {
    program = programFromMaterial(texts);
    if (program) programSource = 'material';
  }
  const curatedFile = path.join(contentDir, 'faq.yaml');
  const curated = (await exists(curatedFile)) ? parseCuratedText(await fs.readFile(curatedFile, 'utf8'), curatedFile) : [];
  curated.push(...(options.curated ?? []));
  return { contentDir, passages, curated, ...(program ? { program, programSource } : {}) };
}
