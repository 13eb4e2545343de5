// The FAQ knowledge base: what the engine may answer from. It owns reading one program's folder —
// material/ (see material.ts) split into passages, program.yaml as structured facts, faq.yaml as the
// program's synonyms and curated entries — and nothing else; searching lives in retrieval.ts. The folder is
// a parameter: CONTENT_DIR/programs/<folder> for each program, or CONTENT_DIR in the single-program layout.
import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { parse as parseYaml } from 'yaml';
import { loadProgramFile } from '../program/load.js';
import { programSchema, type Program } from '../program/model.js';
import { importAnnouncement } from '../program/import-announcement.js';
import type { LintFinding } from '../program/lint.js';
import { AppError } from '../shared/errors.js';
import { readMaterial, type MaterialProblem, type MaterialText, type Passage } from './material.js';

export { splitIntoPassages, stripInlineMarkup, htmlToMarkdown, type Passage, type MaterialProblem } from './material.js';

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
  /** Lint findings of a program derived from the material (a program.yaml is linted where it is loaded). */
  programFindings?: LintFinding[];
  curated: CuratedEntry[];
  /** The program's synonym groups from faq.yaml. */
  synonyms?: string[][];
  /** Material files that could not be read (skipped, their earlier passages kept). */
  problems?: MaterialProblem[];
}

export interface FaqFile {
  synonyms?: string[][];
  entries: CuratedEntry[];
}

const faqFileSchema = z.object({
  /** Groups of words or phrases that mean the same in this program: [[Schwammstadt, sponge city], ...]. */
  synonyms: z.array(z.array(z.string().min(1)).min(2)).default([]),
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

export function parseFaqFile(text: string, file = 'faq.yaml'): FaqFile {
  let data: unknown;
  try {
    data = parseYaml(text, { maxAliasCount: 100 }) ?? {};
  } catch (error) {
    throw new AppError('faq.curated_invalid', `${file}: YAML syntax error: ${(error as Error).message.split('\n')[0]}`);
  }
  const parsed = faqFileSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new AppError('faq.curated_invalid', `${file}: ${issue.path.join('.')}: ${issue.message}`);
  }
  return {
    synonyms: parsed.data.synonyms,
    entries: parsed.data.entries.map((e, i) => ({ id: e.id ?? `faq-${i + 1}`, questions: e.questions, answer: e.answer, ...(e.source ? { source: e.source } : {}) })),
  };
}

export function parseCuratedText(text: string, file = 'faq.yaml'): CuratedEntry[] {
  return parseFaqFile(text, file).entries;
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
function programFromMaterial(texts: MaterialText[], now: Date): { program: Program; findings: LintFinding[] } | undefined {
  // The file that lists the most sessions is the schedule; a report that mentions one dated meeting is not.
  // Among equals, the one with fewer errors, then the first.
  let best: { program: Program; findings: LintFinding[] } | undefined;
  const errors = (f: LintFinding[]) => f.filter((x) => x.severity === 'error').length;
  for (const { text } of texts) {
    try {
      // A fixed reference time: dates without a year are read against it, never against the wall clock.
      const { draft, findings } = importAnnouncement(text, { now });
      const parsed = programSchema.safeParse(draft);
      if (!parsed.success || !parsed.data.sessions.length) continue;
      const more = !best || parsed.data.sessions.length > best.program.sessions.length;
      const cleaner = best && parsed.data.sessions.length === best.program.sessions.length && errors(findings) < errors(best.findings);
      if (more || cleaner) best = { program: parsed.data, findings };
    } catch {
      // Not an announcement: answer from passages only.
    }
  }
  return best;
}

export interface LoadKnowledgeBaseOptions {
  /** A program given by the caller wins over content/program.yaml. */
  program?: Program;
  /** Curated entries added at run time (e.g. from storage), on top of faq.yaml. */
  curated?: CuratedEntry[];
  /** Derive schedule facts from the material when no program.yaml exists (default true). */
  deriveProgram?: boolean;
  /** Reference time for reading dates in derived programs (the engine's clock; required for determinism). */
  now?: Date;
  /** The previous load: passages of a file that has become unreadable are kept from it. */
  previous?: KnowledgeBase;
}

export async function loadKnowledgeBase(contentDir: string, options: LoadKnowledgeBaseOptions = {}): Promise<KnowledgeBase> {
  const { passages, texts, problems } = await readMaterial(path.join(contentDir, 'material'), options.previous?.passages);
  let program = options.program;
  let programSource: KnowledgeBase['programSource'] = program ? 'given' : undefined;
  let programFindings: LintFinding[] = [];
  const programFile = path.join(contentDir, 'program.yaml');
  if (!program && (await exists(programFile))) {
    program = (await loadProgramFile(programFile)).program;
    programSource = 'program.yaml';
  }
  if (!program && options.deriveProgram !== false) {
    const derived = programFromMaterial(texts, options.now ?? new Date());
    if (derived) {
      program = derived.program;
      programFindings = derived.findings;
      programSource = 'material';
    }
  }
  const faqFile = path.join(contentDir, 'faq.yaml');
  const faq = (await exists(faqFile)) ? parseFaqFile(await fs.readFile(faqFile, 'utf8'), faqFile) : { synonyms: [], entries: [] };
  const curated = [...faq.entries, ...(options.curated ?? [])];
  return { contentDir, passages, curated, synonyms: faq.synonyms, problems, programFindings, ...(program ? { program, programSource } : {}) };
}
