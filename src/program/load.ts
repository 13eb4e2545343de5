// Reads and validates program.yaml. Errors name the file, the line and the field; no stack traces.
import fs from 'node:fs/promises';
import crypto from 'node:crypto';
import { parseDocument, LineCounter, isMap, isSeq, type Node as YamlNode } from 'yaml';
import { programSchema, type Program } from './model.js';

export class ProgramLoadError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    readonly field: string | undefined,
    readonly reason: string,
  ) {
    super(`${file}${line ? `:${line}` : ''}: ${field ? `${field}: ` : ''}${reason}`);
    this.name = 'ProgramLoadError';
  }
}

export interface LoadedProgram {
  program: Program;
  /** sha256 of the file's bytes, to import only when the content changed. */
  hash: string;
  file: string;
}

function nodeAt(doc: ReturnType<typeof parseDocument>, path: (string | number)[]): YamlNode | undefined {
  let node: unknown = doc.contents;
  let last: YamlNode | undefined = node as YamlNode;
  for (const key of path) {
    if (isMap(node)) node = node.get(key, true);
    else if (isSeq(node)) node = node.get(Number(key), true);
    else break;
    if (node && typeof node === 'object') last = node as YamlNode;
    else break;
  }
  return last;
}

export function parseProgramText(text: string, file = 'program.yaml'): Program {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length) {
    const e = doc.errors[0]!;
    const line = e.linePos?.[0]?.line ?? (e.pos ? lineCounter.linePos(e.pos[0]).line : undefined);
    throw new ProgramLoadError(file, line, undefined, `YAML syntax error: ${e.message.split('\n')[0]}`);
  }
  let data: unknown;
  try {
    // A bounded alias count keeps an "alias bomb" from expanding into gigabytes.
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    throw new ProgramLoadError(file, undefined, undefined, `YAML could not be read: ${(error as Error).message}`);
  }
  const result = programSchema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const node = nodeAt(doc, issue.path);
    const line = node?.range ? lineCounter.linePos(node.range[0]).line : undefined;
    const field = issue.path.length ? issue.path.join('.') : undefined;
    throw new ProgramLoadError(file, line, field, issue.message);
  }
  return result.data;
}

export async function loadProgramFile(file: string): Promise<LoadedProgram> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ProgramLoadError(file, undefined, undefined, code === 'ENOENT' ? 'file not found' : `cannot read file (${code})`);
  }
  const program = parseProgramText(bytes.toString('utf8'), file);
  return { program, hash: crypto.createHash('sha256').update(bytes).digest('hex'), file };
}
