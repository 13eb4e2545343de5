// `--program <id>`: which program a CLI command acts on. Without the option a command acts on the only
// program, and refuses with the list of ids when there are several; an unknown id is refused with the list.
// Commands that only read files (ask, import-announcement) list the programs from the folders; commands that
// read storage list them as the catalog sees them (a stored program whose YAML broke stays active there).
import { cliText } from '../i18n/cli.js';
import { loadProgramFile, ProgramLoadError } from '../program/load.js';
import { programFolders, type ProgramCatalog } from '../program/catalog.js';

export interface ProgramEntry {
  id: string;
  /** The program's folder (program.yaml, material/, faq.yaml); absent for a stored program whose folder is gone. */
  dir?: string;
  file?: string;
}

export type ProgramProblem =
  | { problem: 'several'; ids: string[] }
  | { problem: 'unknown'; requested: string; ids: string[] }
  | { problem: 'none' };

export type ProgramChoice = { program: ProgramEntry } | ProgramProblem;

/** The programs of CONTENT_DIR as their folders say: readable YAML only, the first folder of an id wins. */
export async function programsOnDisk(contentDir: string): Promise<ProgramEntry[]> {
  const out: ProgramEntry[] = [];
  for (const folder of programFolders(contentDir)) {
    try {
      const id = (await loadProgramFile(folder.file)).program.program.id;
      if (!out.some((p) => p.id === id)) out.push({ id, dir: folder.dir, file: folder.file });
    } catch (error) {
      if (!(error instanceof ProgramLoadError)) throw error;
    }
  }
  return out;
}

/** The active programs of a loaded catalog, in folder order. */
export function programsInCatalog(catalog: ProgramCatalog): ProgramEntry[] {
  return catalog.ids().map((id) => {
    const dir = catalog.dirOf(id);
    const file = programFolders(catalog.contentDir).find((f) => f.dir === dir)?.file;
    return { id, ...(dir ? { dir } : {}), ...(file ? { file } : {}) };
  });
}

/**
 * The program a command acts on. `also` are programs a command may name but never picks by itself (a
 * removed program whose deliveries are still stored).
 */
export function chooseProgram(programs: ProgramEntry[], requested: string | undefined, also: ProgramEntry[] = []): ProgramChoice {
  const ids = programs.map((p) => p.id);
  if (requested !== undefined) {
    const found = programs.find((p) => p.id === requested) ?? also.find((p) => p.id === requested);
    return found ? { program: found } : { problem: 'unknown', requested, ids: [...ids, ...also.map((p) => p.id)] };
  }
  if (programs.length === 1) return { program: programs[0]! };
  return programs.length ? { problem: 'several', ids } : { problem: 'none' };
}

export function isProgramProblem(choice: ProgramChoice): choice is ProgramProblem {
  return 'problem' in choice;
}

/** The line explaining why no program was chosen (German, the CLI's language). */
export function describeProgramProblem(problem: ProgramProblem): string {
  const t = cliText('de');
  switch (problem.problem) {
    case 'several':
      return t.severalPrograms(problem.ids);
    case 'unknown':
      return t.unknownProgram(problem.requested, problem.ids);
    case 'none':
      return t.noProgram;
  }
}

/** Exit code of a refused choice: a wrong call (several, unknown) gets the command's usage code, no program 1. */
export function programProblemCode(problem: ProgramProblem, usageCode: number): number {
  return problem.problem === 'none' ? 1 : usageCode;
}
