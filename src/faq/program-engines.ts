// One FAQ engine per active program, each built from that program's folder (its material/ and faq.yaml) and
// the entries coordinators saved for it. Engines follow the program catalog: created for a program that
// appears (also while the service runs), rebuilt when a program changes, stopped when its folder is gone.
// An engine only ever holds its own program's material, so answers never mix programs.
import type { Program } from '../program/model.js';
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/log.js';
import type { CuratedEntry } from './knowledge-base.js';
import { createLiveFaqEngine, type LiveFaqEngine } from './live-engine.js';

/** The part of the program catalog the FAQ reads (src/program/catalog.ts). */
export interface FaqProgramCatalog {
  ids(): string[];
  get(programId: string): Program | undefined;
  /** The program's folder: CONTENT_DIR/programs/<folder>, or CONTENT_DIR in the single-program layout. */
  dirOf(programId: string): string | undefined;
  onChange(listener: (program: Program, change: { programId: string }) => void): () => void;
  onRemoved(listener: (programId: string) => void): () => void;
}

export interface ProgramFaqEnginesDeps {
  catalog: FaqProgramCatalog;
  /** The curated entries stored for a program (read when its engine is built). */
  curated: (programId: string) => Promise<CuratedEntry[]>;
  clock: Clock;
  logger: Logger;
  /** Watch each program's folder for material changes. */
  watch: boolean;
}

interface Slot {
  dir: string;
  engine: Promise<LiveFaqEngine>;
}

export class ProgramFaqEngines {
  private readonly slots = new Map<string, Slot>();
  private readonly unsubscribe: Array<() => void> = [];
  /** Rebuilds and drops started by catalog events, so that stop() (and a test) can wait for them. */
  private readonly pending = new Set<Promise<void>>();

  constructor(private readonly deps: ProgramFaqEnginesDeps) {}

  /** Builds the engines of the active programs and follows the catalog from now on. */
  async start(): Promise<void> {
    const { catalog, logger } = this.deps;
    this.unsubscribe.push(
      catalog.onChange((program, change) => {
        this.track(this.changed(change.programId, program).catch((error: Error) => logger.error({ event: 'faq.rebuild_failed', programId: change.programId, err: error.message }, 'FAQ rebuild failed')));
      }),
      catalog.onRemoved((programId) => this.track(this.drop(programId))),
    );
    // A program whose folder cannot be indexed (e.g. a broken faq.yaml) must not stop the others; its next
    // question tries again and fails with the reason.
    await Promise.all(
      catalog.ids().map((id) =>
        this.engine(id).catch((error: Error) => logger.error({ event: 'faq.build_failed', programId: id, err: error.message }, 'FAQ index of a program could not be built')),
      ),
    );
  }

  /**
   * The engine of an active program, built on first use (a program that became active without a change
   * event, e.g. a folder put back unchanged, still gets one); undefined for a program that is not active.
   */
  async engine(programId: string): Promise<LiveFaqEngine | undefined> {
    const dir = this.deps.catalog.dirOf(programId);
    if (!dir) return undefined;
    const slot = this.slots.get(programId);
    if (slot && slot.dir === dir) return slot.engine;
    // The folder moved (renamed): a fresh engine for the new folder; the old one stops once built. Dropping
    // takes the slot at once, so a question arriving meanwhile gets the new engine too.
    const dropped = slot ? this.drop(programId) : undefined;
    const created = this.create(programId, dir);
    await dropped;
    return created;
  }

  /** Resolves when the rebuilds and drops started by catalog events so far are done. */
  async idle(): Promise<void> {
    while (this.pending.size) await Promise.all([...this.pending]);
  }

  /** Stops following the catalog and watching every program's folder (after running rebuilds end). */
  async stop(): Promise<void> {
    for (const off of this.unsubscribe.splice(0)) off();
    await this.idle();
    await Promise.all([...this.slots.keys()].map((id) => this.drop(id)));
  }

  private track(work: Promise<void>): void {
    const run = work.finally(() => this.pending.delete(run));
    this.pending.add(run);
  }

  private create(programId: string, dir: string): Promise<LiveFaqEngine> {
    const { clock, logger, watch } = this.deps;
    const engine = this.deps.curated(programId).then((curated) =>
      createLiveFaqEngine({ contentDir: dir, program: this.deps.catalog.get(programId), curated, clock, logger, watch }),
    );
    // A failed build is not kept: the next question tries again.
    engine.catch(() => {
      if (this.slots.get(programId)?.engine === engine) this.slots.delete(programId);
    });
    this.slots.set(programId, { dir, engine });
    return engine;
  }

  private async changed(programId: string, program: Program): Promise<void> {
    const slot = this.slots.get(programId);
    if (!slot || slot.dir !== this.deps.catalog.dirOf(programId)) {
      await this.engine(programId);
      return;
    }
    await (await slot.engine).rebuild(program);
  }

  private async drop(programId: string): Promise<void> {
    const slot = this.slots.get(programId);
    if (!slot) return;
    this.slots.delete(programId);
    (await slot.engine.catch(() => undefined))?.stop();
  }
}
