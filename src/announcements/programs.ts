// Which programs announcements plan for. In the service that is the program catalog (one entry per program
// folder); a single program source (tests, tools that serve one program) is seen as a catalog of that one
// program, whose replacement by a program with another id counts as the old one's removal.
import type { Program } from '../program/model.js';

/** One program as announcements read it (src/program/service.ts ProgramService fits). */
export interface ProgramSource {
  active(): Program | undefined;
  onChange(listener: (program: Program, change: { version: number }) => void): () => void;
  version?(): number;
  /** A fresh read of what is stored now (not the cached program), to drop a plan made from an outdated one. */
  stored?(): Promise<{ programId?: string; version: number } | undefined>;
}

/** The programs of a deployment (src/program/catalog.ts ProgramCatalog fits). */
export interface ProgramDirectory {
  /** The active programs' ids; planned sends of any other program id are cancelled. */
  ids(): string[];
  get(programId: string): Program | undefined;
  service(programId: string): Pick<ProgramSource, 'version' | 'stored'> | undefined;
  onChange(listener: (program: Program, change: { programId: string; version: number }) => void): () => void;
  /** A program stopped being active (its folder is gone). */
  onRemoved(listener: (programId: string) => void): () => void;
}

export function isProgramDirectory(source: ProgramSource | ProgramDirectory): source is ProgramDirectory {
  return typeof (source as Partial<ProgramDirectory>).ids === 'function';
}

/** The catalog view of one program source. */
export function directoryOf(source: ProgramSource | ProgramDirectory | undefined): ProgramDirectory {
  if (!source) return { ids: () => [], get: () => undefined, service: () => undefined, onChange: () => () => undefined, onRemoved: () => () => undefined };
  if (isProgramDirectory(source)) return source;
  const activeId = () => source.active()?.program.id;
  const removed = new Set<(programId: string) => void>();
  let lastId = activeId();
  return {
    ids: () => (activeId() ? [activeId()!] : []),
    get: (programId) => (activeId() === programId ? source.active() : undefined),
    // What is stored is one program: a plan for any other id is checked against it (and dropped).
    service: () => source,
    onChange: (listener) =>
      source.onChange((program, change) => {
        const previous = lastId;
        lastId = program.program.id;
        if (previous !== undefined && previous !== lastId) for (const gone of removed) gone(previous);
        listener(program, { ...change, programId: program.program.id });
      }),
    onRemoved: (listener) => {
      removed.add(listener);
      return () => removed.delete(listener);
    },
  };
}
